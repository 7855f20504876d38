// Entry point of the capture worker threads (see capture-pool.ts): one task is a chunk of documents,
// so messaging costs are paid per chunk rather than per document.
import { prepareCapture, type CaptureTask, type PreparedCapture } from './prepare-capture.js';

export default function prepareChunk(tasks: CaptureTask[]): PreparedCapture[] {
  return tasks.map(prepareCapture);
}
