import { z } from 'zod';
import type { OrgKeyPair } from './envelope.js';
import type { KdfParams } from './receipt.js';
import type { Sodium } from './sodium.js';

/*
 * The organisation's intake key file: the X25519 private key under a passphrase (Argon2id, then
 * XSalsa20-Poly1305 secretbox). It lives with analysts, never on the server. Argon2id at t=3,
 * m=256 MiB (libsodium's "moderate"): about a second per unlock here, so guessing passphrases of
 * a stolen file costs an attacker the same per guess.
 */

export const KEY_FILE_KDF: KdfParams = { opsLimit: 3, memLimitBytes: 256 * 1024 * 1024 };
export const MIN_PASSPHRASE_LENGTH = 12;

export const KeyFile = z.object({
  format: z.literal('chronicle-intake-key/1'),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  kdf: z.object({ algorithm: z.literal('argon2id13'), opsLimit: z.int().positive(), memLimitBytes: z.int().positive(), salt: z.string() }),
  nonce: z.string(),
  sealedPrivateKey: z.string(),
});
export type KeyFile = z.infer<typeof KeyFile>;

const b64 = (sodium: Sodium, bytes: Uint8Array) => sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING);
const unb64 = (sodium: Sodium, text: string) => sodium.from_base64(text, sodium.base64_variants.URLSAFE_NO_PADDING);

/** The public key as text (unpadded base64url, 43 characters): what the server is given. */
export const encodePublicKey = (sodium: Sodium, publicKey: Uint8Array): string => b64(sodium, publicKey);
export function decodePublicKey(sodium: Sodium, text: string): Uint8Array {
  const bytes = unb64(sodium, text.trim());
  if (bytes.length !== sodium.crypto_box_PUBLICKEYBYTES) throw new Error('not an intake public key (want 32 bytes of base64url)');
  return bytes;
}

/** A new key pair and its key file under `passphrase`. */
export function createKeyFile(sodium: Sodium, passphrase: string, kdf: KdfParams = KEY_FILE_KDF): { keyFile: KeyFile; keyPair: OrgKeyPair } {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new Error(`the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
  const pair = sodium.crypto_box_keypair();
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
  const wrapKey = sodium.crypto_pwhash(sodium.crypto_secretbox_KEYBYTES, passphrase, salt, kdf.opsLimit, kdf.memLimitBytes, sodium.crypto_pwhash_ALG_ARGON2ID13);
  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  const sealed = sodium.crypto_secretbox_easy(pair.privateKey, nonce, wrapKey);
  sodium.memzero(wrapKey);
  return {
    keyPair: { publicKey: pair.publicKey, privateKey: pair.privateKey },
    keyFile: {
      format: 'chronicle-intake-key/1',
      publicKey: b64(sodium, pair.publicKey),
      kdf: { algorithm: 'argon2id13', opsLimit: kdf.opsLimit, memLimitBytes: kdf.memLimitBytes, salt: b64(sodium, salt) },
      nonce: b64(sodium, nonce),
      sealedPrivateKey: b64(sodium, sealed),
    },
  };
}

export class WrongPassphrase extends Error {
  override readonly name = 'WrongPassphrase';
}

/** Unlock a key file; throws WrongPassphrase when the passphrase (or the file) is wrong. */
export function unlockKeyFile(sodium: Sodium, keyFileJson: unknown, passphrase: string): OrgKeyPair {
  const keyFile = KeyFile.parse(keyFileJson);
  const wrapKey = sodium.crypto_pwhash(sodium.crypto_secretbox_KEYBYTES, passphrase, unb64(sodium, keyFile.kdf.salt), keyFile.kdf.opsLimit, keyFile.kdf.memLimitBytes, sodium.crypto_pwhash_ALG_ARGON2ID13);
  let privateKey: Uint8Array;
  try {
    privateKey = sodium.crypto_secretbox_open_easy(unb64(sodium, keyFile.sealedPrivateKey), unb64(sodium, keyFile.nonce), wrapKey);
  } catch {
    throw new WrongPassphrase('wrong passphrase, or the key file was altered');
  } finally {
    sodium.memzero(wrapKey);
  }
  const publicKey = sodium.crypto_scalarmult_base(privateKey);
  if (b64(sodium, publicKey) !== keyFile.publicKey) throw new WrongPassphrase('the key file is inconsistent (public key does not match)');
  return { publicKey, privateKey };
}
