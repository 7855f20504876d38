import type { Sodium } from './sodium.js';

/*
 * Form tokens: each intake form carries one, made by the server as issued-time + random nonce +
 * MAC under a key in the store. A submission must bring a fresh token it has not used before, so
 * a script has to fetch a form per submission, and the proof of work is tied to it. The token holds
 * no cookie, nothing about the reporter, and is never stored.
 */

/** How long a form stays valid: testimony takes time to write. */
export const FORM_TOKEN_LIFETIME_SECONDS = 6 * 3600;

export function issueFormToken(sodium: Sodium, key: Uint8Array, nowSeconds: number): string {
  const body = `v1.${nowSeconds}.${sodium.to_base64(sodium.randombytes_buf(16), sodium.base64_variants.URLSAFE_NO_PADDING)}`;
  return `${body}.${sodium.to_base64(sodium.crypto_auth(body, key), sodium.base64_variants.URLSAFE_NO_PADDING)}`;
}

export type TokenCheck = { ok: true; nonce: string; issuedAt: number } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

/** Check a token's MAC (constant time) and age. Single use is the caller's (it keeps spent nonces). */
export function checkFormToken(sodium: Sodium, key: Uint8Array, token: string, nowSeconds: number): TokenCheck {
  const match = /^(v1\.(\d{1,12})\.([A-Za-z0-9_-]{22}))\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, body, issued, nonce, mac] = match as unknown as [string, string, string, string, string];
  let macBytes: Uint8Array;
  try {
    macBytes = sodium.from_base64(mac, sodium.base64_variants.URLSAFE_NO_PADDING);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (macBytes.length !== sodium.crypto_auth_BYTES || !sodium.crypto_auth_verify(macBytes, body, key)) return { ok: false, reason: 'forged' };
  const issuedAt = Number(issued);
  if (issuedAt > nowSeconds + 60 || nowSeconds - issuedAt > FORM_TOKEN_LIFETIME_SECONDS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce, issuedAt };
}
