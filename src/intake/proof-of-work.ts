import { utf8, type Sodium } from './sodium.js';

/*
 * A light proof of work for submissions from browsers with JavaScript: find a counter such that
 * BLAKE2b-256(token ":" counter) starts with `bits` zero bits. The token is the single-use form
 * token, so work cannot be reused. 20 bits is about a million hashes: a second or two in a
 * browser, one hash for the server to check. Submissions without JavaScript cannot do this; they
 * get a stricter rate limit instead (docs/THREAT_MODEL.md).
 */

export const DEFAULT_POW_BITS = 20;
export const MAX_POW_BITS = 28;

function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** True when `counter` is a solution for `token` at `bits`. */
export function checkProofOfWork(sodium: Sodium, token: string, counter: string, bits: number): boolean {
  if (!/^\d{1,12}$/.test(counter)) return false;
  return leadingZeroBits(sodium.crypto_generichash(32, utf8(`${token}:${counter}`), null)) >= bits;
}

/** Search counters 0, 1, … until one works; `onProgress` is called every 65,536 tries (to yield in a UI). */
export async function solveProofOfWork(sodium: Sodium, token: string, bits: number, onProgress?: (tries: number) => Promise<void> | void): Promise<string> {
  if (bits > MAX_POW_BITS) throw new RangeError(`proof of work of ${bits} bits is unreasonable`);
  for (let counter = 0; ; counter++) {
    const candidate = String(counter);
    if (checkProofOfWork(sodium, token, candidate, bits)) return candidate;
    if (onProgress && counter % 65536 === 65535) await onProgress(counter + 1);
  }
}
