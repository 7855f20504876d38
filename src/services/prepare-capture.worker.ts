// Entry point of the capture worker threads (see capture-pool.ts): one task is a chunk of documents,
// so messaging costs are paid per chunk rather than per document.
import { prepareChunk } from './prepare-capture.js';

export default prepareChunk;
