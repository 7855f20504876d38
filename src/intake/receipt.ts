import type { Sodium } from './sodium.js';

/*
 * Receipts. A receipt is 25 random decimal digits shown in five groups ("48213-90577-…"): 83 bits,
 * typeable on any keyboard in any language, readable over a phone. The server keeps two things
 * derived from it with Argon2id (slow, so a seized store cannot be searched for receipts): a
 * look-up hash, and the public half of an X25519 key pair that replies are sealed to. Only someone
 * holding the receipt can re-derive the private half and read those replies.
 */

export const RECEIPT_DIGITS = 25;
export const RECEIPT_BITS = RECEIPT_DIGITS * Math.log2(10);

/** Argon2id cost of one receipt derivation. */
export interface KdfParams {
  opsLimit: number;
  memLimitBytes: number;
}

/** OWASP's minimum for Argon2id (t=2, m=19 MiB): ~80 ms here, paid once per submission and per look-up. */
export const RECEIPT_KDF: KdfParams = { opsLimit: 2, memLimitBytes: 19 * 1024 * 1024 };

export interface ReceiptKeys {
  /** Hex; what the store indexes submissions by. */
  lookup: string;
  replyPublicKey: Uint8Array;
  replyPrivateKey: Uint8Array;
}

/** A fresh receipt, digits drawn uniformly from the system's CSPRNG. */
export function newReceipt(sodium: Sodium): string {
  let digits = '';
  for (let index = 0; index < RECEIPT_DIGITS; index++) digits += String(sodium.randombytes_uniform(10));
  return formatReceipt(digits);
}

export const formatReceipt = (digits: string): string => digits.replace(/(\d{5})(?=\d)/g, '$1-');

/**
 * The canonical form of what a person typed: digits only (spaces, dashes, any other separators
 * dropped; Arabic-Indic and other Unicode digits are not digits here). Never rejects: a malformed
 * receipt still goes through the same derivation, so it costs the same time as a well-formed one.
 */
export function normalizeReceipt(text: string): string {
  return text.replace(/[^0-9]/g, '').slice(0, 64);
}

/** Derive the look-up hash and the reply key pair from a receipt (Argon2id, then a seeded X25519 key pair). */
export function deriveReceiptKeys(sodium: Sodium, receipt: string, salt: Uint8Array, params: KdfParams = RECEIPT_KDF): ReceiptKeys {
  const material = sodium.crypto_pwhash(64, `chronicle-receipt-v1:${normalizeReceipt(receipt)}`, salt, params.opsLimit, params.memLimitBytes, sodium.crypto_pwhash_ALG_ARGON2ID13);
  const pair = sodium.crypto_box_seed_keypair(material.subarray(32, 64));
  const lookup = sodium.to_hex(material.subarray(0, 32));
  sodium.memzero(material);
  return { lookup, replyPublicKey: pair.publicKey, replyPrivateKey: pair.privateKey };
}
