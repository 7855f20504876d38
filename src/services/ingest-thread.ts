import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
// Types only: the calling thread never loads capture or the store unless it ingests itself.
import type { IngestOptions, IngestResult, IngestSummary } from './ingest.service.js';

/** What the ingest thread is given: plain data, so it can cross into a worker thread. */
export type IngestThreadOptions = Omit<IngestOptions, 'onResult'>;

/** What the ingest thread sends back. */
export type IngestThreadMessage =
  | { kind: 'results'; results: IngestResult[] }
  | { kind: 'done'; summary: IngestSummary; location: string }
  | { kind: 'open-failed'; message: string };

/** The store could not be opened; nothing was read or written. */
export class StoreOpenError extends Error {}

export interface IngestThreadOutcome {
  summary: IngestSummary;
  /** Where the documents went, as the store names itself. */
  location: string;
}

const WORKER = new URL('./ingest-thread.worker.js', import.meta.url);

/*
 * The ingest thread's heap. Storing allocates every document's text and search terms on the thread
 * that writes them, and they outlive a young-generation collection while their batch waits for its
 * transaction. Left to itself V8 lets that garbage pile up to a quarter of a gigabyte before it
 * collects the old generation (it sizes a heap by the machine's memory, 24 GB here); a worker's heap
 * can be bounded, the main thread's cannot be from inside the process. The bound still holds the
 * largest text a capture worker can produce (see capture-pool.ts), twice over for its search terms.
 */
const INGEST_HEAP = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16 };

/**
 * `ingestPaths` on a thread of its own with a bounded heap, so a long ingest keeps to a fixed
 * memory budget; results come back in batches, in order, to `onResult` on the calling thread (which
 * prints and draws progress). Run from TypeScript sources (tests) the compiled worker is absent and
 * the ingest runs on the calling thread instead, with the same results.
 */
export async function ingestOnThread(location: string, paths: readonly string[], options: IngestThreadOptions, onResult: (result: IngestResult) => void): Promise<IngestThreadOutcome> {
  if (!existsSync(fileURLToPath(WORKER))) return (await import('./ingest.service.js')).ingestInto(location, paths, options, onResult);
  const worker = new Worker(WORKER, { workerData: { location, paths: [...paths], options }, resourceLimits: INGEST_HEAP });
  return new Promise<IngestThreadOutcome>((resolve, reject) => {
    let outcome: IngestThreadOutcome | null = null;
    let failure: Error | null = null;
    worker.on('message', (message: IngestThreadMessage) => {
      if (message.kind === 'results') message.results.forEach(onResult);
      else if (message.kind === 'done') outcome = { summary: message.summary, location: message.location };
      else failure = new StoreOpenError(message.message);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new Error('ingest stopped: it ran out of memory (every document reported above as captured is stored whole; run it again to capture the rest)')
          : error;
    });
    worker.on('exit', () => {
      if (outcome) resolve(outcome);
      else reject(failure ?? new Error('ingest stopped unexpectedly'));
    });
  });
}
