// Entry point of the receipt-derivation worker threads (see receipt-kdf-pool.ts): Argon2id takes
// tens of milliseconds of CPU, which would otherwise stall every other request on the event loop.
import { deriveReceiptKeys, type KdfParams, type ReceiptKeys } from '../intake/receipt.js';
import { loadSodium } from '../intake/sodium.js';

export default async function derive(task: { receipt: string; salt: Uint8Array; params: KdfParams }): Promise<ReceiptKeys> {
  return deriveReceiptKeys(await loadSodium(), task.receipt, task.salt, task.params);
}
