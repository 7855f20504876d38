// Entry point of the capture worker threads (see capture-pool.ts): one task is a chunk of documents,
// so messaging costs are paid per chunk rather than per document.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { ownBuffers } from './own-buffers.js';
import { prepareChunk, type CaptureTask, type PreparedCapture } from './prepare-capture.js';
import { lowerThreadPriority } from './thread-priority.js';

// Capture can always wait; the thread that stores documents cannot, since every capture worker
// waits on it in the end. At a lower priority, capture takes the cores the store leaves free.
lowerThreadPriority();

/** Capture a chunk and hand each document's original bytes back to the caller, which stores them (no copy). */
export default async function captureChunk(tasks: CaptureTask[]): Promise<unknown> {
  const results = await prepareChunk(tasks);
  const transferable = {
    get [transferableSymbol]() {
      return ownBuffers(results.flatMap((result) => (result.ok ? [result.document.bytes] : [])));
    },
    get [valueSymbol](): PreparedCapture[] {
      return results;
    },
  };
  return move(transferable);
}
