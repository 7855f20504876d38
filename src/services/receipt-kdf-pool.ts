import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { deriveReceiptKeys, type KdfParams, type ReceiptKeys } from '../intake/receipt.js';
import type { Sodium } from '../intake/sodium.js';

/** Derives receipt keys (Argon2id) on worker threads when the compiled worker exists, else inline. */
export interface ReceiptKdfPool {
  derive(receipt: string, salt: Uint8Array, params: KdfParams): Promise<ReceiptKeys>;
  readonly threads: number;
  close(): Promise<void>;
}

const WORKER = new URL('./receipt-kdf.worker.js', import.meta.url);

/** Run from TypeScript sources (tests) the compiled worker is absent and derivation runs inline. */
export function createReceiptKdfPool(sodium: Sodium, threads = Math.min(4, availableParallelism())): ReceiptKdfPool {
  if (threads < 1 || !existsSync(fileURLToPath(WORKER))) {
    return { threads: 0, derive: async (receipt, salt, params) => deriveReceiptKeys(sodium, receipt, salt, params), close: async () => {} };
  }
  // Started on first use, so commands that never derive (the analyst's CLI) start no threads.
  let piscina: Piscina | null = null;
  return {
    threads,
    derive: (receipt, salt, params) => {
      piscina ??= new Piscina({ filename: WORKER.href, minThreads: 1, maxThreads: threads, idleTimeout: 30_000 });
      return piscina.run({ receipt, salt, params }) as Promise<ReceiptKeys>;
    },
    close: async () => {
      await piscina?.destroy();
      piscina = null;
    },
  };
}
