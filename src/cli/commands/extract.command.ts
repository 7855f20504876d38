import { resolve } from 'node:path';
import { CaptureRejection } from '../../capture/capture.js';
import { extractFile } from '../../services/extract.service.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';

export interface ExtractCommandOptions {
  json?: boolean;
}

/** `chronicle extract FILE`: capture in memory and print what extraction finds, without storing anything. */
export async function extractCommand(io: CliIo, path: string, options: ExtractCommandOptions): Promise<number> {
  let result;
  try {
    result = extractFile(resolve(io.cwd, path));
  } catch (error) {
    if (error instanceof CaptureRejection) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
  for (const warning of result.warnings) io.stderr(`${path}: warning: ${warning}\n`);
  const { extraction } = result;
  if (options.json) {
    printJson(io, extraction);
    return 0;
  }
  const quote = (start: number, end: number) => JSON.stringify(extraction.text.slice(start, end));
  const lines: string[] = [];
  for (const mention of extraction.mentions) lines.push(`${mention.kind.padEnd(12)} ${mention.canonical}  ${quote(mention.start, mention.end)} @${mention.start}`);
  for (const act of extraction.acts) {
    const flags = Object.entries(act.flags).filter(([, on]) => on).map(([name]) => name);
    lines.push(`act          ${act.type}${flags.length ? ` (${flags.join(', ')})` : ''}  ${quote(act.start, act.end)} @${act.start}`);
  }
  for (const figure of extraction.figures) {
    const value = figure.max === null ? `${figure.value}` : `${figure.value}–${figure.max}`;
    lines.push(`figure       ${figure.what} ${figure.bound} ${value}  ${quote(figure.start, figure.end)} @${figure.start}`);
  }
  for (const attribution of extraction.attributions) lines.push(`attribution  ${attribution.source}  ${quote(attribution.start, attribution.end)} @${attribution.start}`);
  for (const date of extraction.dates) lines.push(`date         ${date.value ?? '?'} (${date.precision})  ${quote(date.start, date.end)} @${date.start}`);
  io.stdout(lines.length ? `${lines.join('\n')}\n` : `nothing extracted (language: ${extraction.language ?? 'unknown'})\n`);
  return 0;
}
