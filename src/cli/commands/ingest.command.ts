import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_BYTES } from '../../capture/file-kinds.js';
import { SourceKind } from '../../model/source.js';
import { discoverFiles } from '../../services/discover-files.js';
import type { IngestResult } from '../../services/ingest.service.js';
import { ingestOnThread, StoreOpenError } from '../../services/ingest-thread.js';
import { actorOf } from '../actor.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';
import { storeOpenFailure } from '../open-store.js';
import { storeLocation } from '../store-location.js';
import { startProgress } from '../progress.js';

export interface IngestCommandOptions {
  db?: string;
  json?: boolean;
  maxBytes?: string;
  source?: string;
  sourceKind?: string;
  threads?: string;
  /** commander's negation of --no-extract */
  extract?: boolean;
}

/** Parse "50MB", "200k", "1048576" into bytes. */
export function parseByteSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!match) throw new CliError(`--max-bytes: "${value}" is not a size (e.g. 50MB, 200kb, 1048576)`, 2);
  const unit = (match[2] ?? 'b').toLowerCase()[0] as 'b' | 'k' | 'm' | 'g';
  const factor = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit];
  return Math.floor(Number(match[1]) * factor);
}

function parseThreads(value: string): number {
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 0 || threads > 64) throw new CliError('--threads must be a whole number from 0 (capture on the main thread) to 64', 2);
  return threads;
}

function describe(result: IngestResult): string {
  switch (result.status) {
    case 'captured':
      return `captured  ${result.documentId}  ${result.language ?? '??'}  ${result.origin}${result.title ? `  "${result.title}"` : ''}${result.claims ? `  (${result.claims} proposed claims)` : ''}`;
    case 'already_captured':
      return `unchanged ${result.origin}: ${result.message}`;
    case 'failed':
      return `error: ${result.origin}: ${result.message}; skipped`;
  }
}

/** `chronicle ingest PATH…`: exit 0 when every path was captured or already was, 1 when any failed. */
export async function ingestCommand(io: CliIo, paths: string[], options: IngestCommandOptions): Promise<number> {
  const maxBytes = options.maxBytes ? parseByteSize(options.maxBytes) : io.env.CHRONICLE_MAX_BYTES ? parseByteSize(io.env.CHRONICLE_MAX_BYTES) : DEFAULT_MAX_BYTES;
  const kind = options.sourceKind ? SourceKind.safeParse(options.sourceKind) : null;
  if (kind && !kind.success) throw new CliError(`--source-kind must be one of ${SourceKind.options.join(', ')}`, 2);
  const location = storeLocation(io, options.db);
  let total = 0;
  if (io.interactive && !options.json) for await (const entry of discoverFiles(paths, io.cwd)) if (entry.kind === 'file') total++;
  const progress = startProgress(io, total, 'ingest', !options.json);
  const results: IngestResult[] = [];
  const onResult = (result: IngestResult) => {
    progress.tick();
    if (options.json) {
      results.push(result);
      return;
    }
    // Errors go to stderr, one line each; the record of what was captured goes to stdout.
    if (result.status === 'failed') io.stderr(`${describe(result)}\n`);
    else if (!io.interactive || total < 20) io.stdout(`${describe(result)}\n`);
    for (const warning of result.warnings) io.stderr(`warning: ${result.origin}: ${warning}\n`);
  };
  let outcome;
  try {
    // The files are read, captured and stored on a thread with a bounded heap (see ingest-thread.ts).
    outcome = await ingestOnThread(
      location,
      paths,
      {
        maxBytes,
        baseDir: io.cwd,
        actor: actorOf(io),
        extract: options.extract !== false,
        threads: options.threads === undefined ? availableParallelism() : parseThreads(options.threads),
        ...(options.source ? { sourceName: options.source } : {}),
        ...(kind?.success ? { sourceKind: kind.data } : {}),
      },
      onResult,
    );
  } catch (error) {
    if (error instanceof StoreOpenError) throw storeOpenFailure(location, error);
    throw error;
  } finally {
    progress.stop();
  }
  const { summary } = outcome;
  if (options.json) {
    printJson(io, { summary, results });
  } else {
    const rate = summary.seconds > 0 ? ` (${Math.round((summary.captured + summary.alreadyCaptured) / summary.seconds)} docs/s)` : '';
    io.stdout(
      `${summary.captured} captured${summary.claims ? ` with ${summary.claims} proposed claims` : ''}, ${summary.alreadyCaptured} already captured, ${summary.failed} failed` +
        `${summary.ignored ? `, ${summary.ignored} files of other types ignored` : ''} in ${summary.seconds.toFixed(2)} s${rate} into ${outcome.location}\n`,
    );
  }
  return summary.failed > 0 ? 1 : 0;
}
