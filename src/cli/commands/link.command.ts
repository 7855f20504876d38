import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LinkInputError, linkLists, readPersonList, type PersonList } from '../../services/link.service.js';
import { CliError, type CliIo } from '../cli-io.js';

export interface LinkCommandOptions {
  id?: string;
  map?: string[];
  out?: string;
  json?: boolean;
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * `chronicle link FILE.csv…`: link the records of one or more person lists into persons and write
 * `file,record_id,cluster` rows (or JSON). Every file is read and checked before anything is written;
 * --out is written whole or not at all.
 */
export async function linkCommand(io: CliIo, files: string[], options: LinkCommandOptions): Promise<number> {
  const lists: PersonList[] = [];
  try {
    for (const file of files) lists.push(readPersonList(resolve(io.cwd, file), file, { id: options.id, map: options.map }));
  } catch (error) {
    if (error instanceof LinkInputError) throw new CliError(error.message);
    throw error;
  }
  const { rows, result } = linkLists(lists);
  for (const list of lists) if (list.encoding !== 'utf-8') io.stderr(`${list.name}: warning: not UTF-8; decoded as ${list.encoding}\n`);

  let output: string;
  if (options.json) {
    const document = {
      files: lists.map((list) => ({ file: list.name, records: list.records.length, encoding: list.encoding })),
      records: rows.length,
      persons: result.stats.persons,
      model: {
        lambda: result.model.lambda,
        thresholdWeight: Math.round(result.thresholdWeight * 100) / 100,
        weights: Object.fromEntries(result.model.fields.map((field, f) => [field, Object.fromEntries(result.model.levels[f]!.map((level, l) => [level, Math.round(Math.log2(result.model.m[f]![l]! / result.model.u[f]![l]!) * 100) / 100]))])),
      },
      clusters: rows.map((row) => ({ file: row.file, record_id: row.recordId, cluster: row.cluster })),
    };
    output = `${JSON.stringify(document, null, 2)}\n`;
  } else {
    output = `file,record_id,cluster\n${rows.map((row) => `${csvCell(row.file)},${csvCell(row.recordId)},${row.cluster}`).join('\n')}\n`;
  }
  if (options.out) {
    const target = resolve(io.cwd, options.out);
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, output);
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw new CliError(`${options.out}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    io.stderr(`linked ${rows.length} records from ${lists.length} file(s) into ${result.stats.persons} persons; written to ${options.out}\n`);
  } else {
    io.stdout(output);
  }
  return 0;
}
