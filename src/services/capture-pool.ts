import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ownBuffers } from './own-buffers.js';
import { prepareChunk, type CaptureTask, type PreparedCapture } from './prepare-capture.js';

/** Runs capture tasks: on worker threads when asked and the compiled worker exists, else inline. */
export interface CapturePool {
  /** Capture a chunk of documents; results in the same order. */
  run(tasks: CaptureTask[]): Promise<PreparedCapture[]>;
  readonly threads: number;
  close(): Promise<void>;
}

/** Old-generation heap of each capture worker. */
const WORKER_HEAP_MB = 192;
/**
 * Young generation of each capture worker. V8's default (32 MB) let each worker commit about
 * 125 MB; at 16 MB a worker commits about 95 MB and collects its young objects twice as often,
 * which cost about 4% of plain-text throughput (within the machine's run-to-run noise). The ingest's
 * whole process must stay under 500 MB, and the default kept it at 470–510.
 */
const WORKER_YOUNG_MB = 16;

/** Chunks a worker may hold at once: more than an ingest has in flight (BATCHES_AHEAD batches of 500 in chunks of 25, over two workers). */
const TASKS_PER_WORKER = 64;

const WORKER = new URL('./prepare-capture.worker.js', import.meta.url);

const inline: CapturePool = { threads: 0, run: prepareChunk, close: async () => {} };

/**
 * `threads`: 0 runs inline; the CLI asks for one per core, since the main thread mostly waits on
 * files and the store. Run from TypeScript sources (tests), the compiled worker is absent and
 * capture runs inline.
 */
export function createCapturePool(threads = availableParallelism()): CapturePool {
  const workerFile = fileURLToPath(WORKER);
  if (threads < 1 || !existsSync(workerFile)) return inline;
  const piscina = new Piscina({
    filename: WORKER.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    // Hand every chunk to a worker as soon as it is submitted. The thread that submits them stores
    // documents in synchronous transactions, and until one ends it cannot hand out more: a worker
    // holding only a few chunks (4 at first) sat idle for a third of an ingest.
    concurrentTasksPerWorker: TASKS_PER_WORKER,
    // V8 grows a heap lazily up to a share of the machine's memory; a bound makes workers collect
    // early. A page needing more (a huge HTML file) fails alone with "capture crashed", not the run.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  return {
    threads,
    run: (tasks) => piscina.run(tasks, { transferList: ownBuffers(tasks.map((task) => task.bytes)) }) as Promise<PreparedCapture[]>,
    close: () => piscina.destroy(),
  };
}
