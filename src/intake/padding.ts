/**
 * Length padding. A ciphertext's length says roughly how long the testimony or file was; we round
 * every plaintext up to a bucket first, so an observer of the store learns only the bucket.
 *
 * Buckets: everything up to 4 KiB is one bucket (most written reports), then Padmé (Nikitin et al.,
 * "Reducing metadata leakage from encrypted files and communication with PURBs", 2019): a length L
 * is rounded up so that only its top ~log2(log2 L) bits remain, which costs at most 12% and leaks
 * O(log log L) bits instead of O(log L).
 */
export const SMALLEST_BUCKET = 4096;
const PREFIX = 4;

/** The Padmé bucket of a length, never below SMALLEST_BUCKET. */
export function paddedLength(length: number): number {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`not a length: ${length}`);
  if (length <= SMALLEST_BUCKET) return SMALLEST_BUCKET;
  const exponent = Math.floor(Math.log2(length));
  const exponentBits = Math.floor(Math.log2(exponent)) + 1;
  const step = 2 ** (exponent - exponentBits);
  return Math.ceil(length / step) * step;
}

/** A 4-byte big-endian length, the bytes, then zeros up to the bucket. */
export function pad(bytes: Uint8Array): Uint8Array {
  if (bytes.length > 0xffffffff - PREFIX) throw new RangeError('too long to pad');
  const out = new Uint8Array(paddedLength(bytes.length + PREFIX));
  new DataView(out.buffer).setUint32(0, bytes.length);
  out.set(bytes, PREFIX);
  return out;
}

/** The bytes `pad` wrapped; throws on a length prefix that does not fit. */
export function unpad(padded: Uint8Array): Uint8Array {
  if (padded.length < PREFIX) throw new Error('padded data too short');
  const length = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0);
  if (length > padded.length - PREFIX) throw new Error('padded data corrupt: length beyond the end');
  return padded.subarray(PREFIX, PREFIX + length);
}

/** True when `length` is itself a bucket (a padded plaintext has this length). */
export function isBucket(length: number): boolean {
  return length >= SMALLEST_BUCKET && paddedLength(length) === length;
}
