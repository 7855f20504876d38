import sodiumModule from 'libsodium-wrappers-sumo';

/** libsodium (sumo build: Argon2id, sealed boxes, secretstream), the same in Node and in the browser bundle. */
export type Sodium = typeof sodiumModule;

let loaded: Promise<Sodium> | null = null;

/** libsodium once its WebAssembly is instantiated. */
export function loadSodium(): Promise<Sodium> {
  loaded ??= sodiumModule.ready.then(() => sodiumModule);
  return loaded;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/** Concatenate byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
