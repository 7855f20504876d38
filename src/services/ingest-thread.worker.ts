// Entry point of the ingest thread (see ingest-thread.ts): opens the store, ingests, and sends the
// results to the calling thread in batches, so messaging costs are paid per batch, not per file.
import { parentPort, workerData } from 'node:worker_threads';
import { ingestInto, type IngestResult } from './ingest.service.js';
import { StoreOpenError, type IngestThreadMessage, type IngestThreadOptions } from './ingest-thread.js';

const { location, paths, options } = workerData as { location: string; paths: string[]; options: IngestThreadOptions };
const port = parentPort;
if (!port) throw new Error('the ingest thread must run as a worker');
const send = (message: IngestThreadMessage) => port.postMessage(message);

// Results are sent every 100, or after 100 ms, whichever comes first, so progress stays live.
const SEND_EVERY = 100;
const SEND_AFTER_MS = 100;
let pending: IngestResult[] = [];
let timer: NodeJS.Timeout | null = null;
const flush = () => {
  if (timer) clearTimeout(timer);
  timer = null;
  if (pending.length === 0) return;
  send({ kind: 'results', results: pending });
  pending = [];
};

try {
  const outcome = await ingestInto(location, paths, options, (result) => {
    pending.push(result);
    if (pending.length >= SEND_EVERY) flush();
    else timer ??= setTimeout(flush, SEND_AFTER_MS);
  });
  flush();
  send({ kind: 'done', ...outcome });
} catch (error) {
  flush();
  if (!(error instanceof StoreOpenError)) throw error;
  send({ kind: 'open-failed', message: error.message });
}
