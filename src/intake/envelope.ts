import { IntakeAttachmentInfo, IntakeMessage, IntakeReport } from '../model/intake-report.js';
import { pad, unpad } from './padding.js';
import { concatBytes, fromUtf8, utf8, type Sodium } from './sodium.js';

/*
 * The envelope: how a submission is sealed to the organisation's X25519 public key. Shared by the
 * browser bundle and the server, so both produce the same bytes.
 *
 * - The report (and each later message) is JSON, padded to a bucket, in a sealed box
 *   (crypto_box_seal: an ephemeral key pair per box, so the sender cannot open it again).
 * - Each attachment is a secretstream (XChaCha20-Poly1305) under a fresh file key; the file key is
 *   sealed to the organisation. The stream's plaintext is [4-byte length][info JSON][file bytes],
 *   padded, cut into 64 KiB chunks; the last carries the FINAL tag so truncation is detected.
 */

export const SEALED_KEY_BYTES = 32 + 48;
const CHUNK = 64 * 1024;

export interface OrgKeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

export interface SealedAttachment {
  sealedKey: Uint8Array;
  ciphertext: Uint8Array;
}

/** Seal a JSON value, padded, to a public key. */
export function sealJson(sodium: Sodium, publicKey: Uint8Array, value: unknown): Uint8Array {
  return sodium.crypto_box_seal(pad(utf8(JSON.stringify(value))), publicKey);
}

/** Open a sealed JSON value; throws when the key does not fit or the box was altered. */
export function openJson(sodium: Sodium, keyPair: OrgKeyPair, sealed: Uint8Array): unknown {
  const padded = sodium.crypto_box_seal_open(sealed, keyPair.publicKey, keyPair.privateKey);
  return JSON.parse(fromUtf8(unpad(padded)));
}

export const sealReport = (sodium: Sodium, publicKey: Uint8Array, report: IntakeReport): Uint8Array => sealJson(sodium, publicKey, IntakeReport.parse(report));
export const openReport = (sodium: Sodium, keyPair: OrgKeyPair, sealed: Uint8Array): IntakeReport => IntakeReport.parse(openJson(sodium, keyPair, sealed));
export const sealMessage = (sodium: Sodium, publicKey: Uint8Array, message: IntakeMessage): Uint8Array => sealJson(sodium, publicKey, IntakeMessage.parse(message));
export const openMessage = (sodium: Sodium, keyPair: OrgKeyPair, sealed: Uint8Array): IntakeMessage => IntakeMessage.parse(openJson(sodium, keyPair, sealed));

/** Encrypt one file (with what the report says of it) under a fresh key sealed to the organisation. */
export function sealAttachment(sodium: Sodium, publicKey: Uint8Array, info: IntakeAttachmentInfo, bytes: Uint8Array): SealedAttachment {
  const infoBytes = utf8(JSON.stringify(IntakeAttachmentInfo.parse(info)));
  const prefix = new Uint8Array(4);
  new DataView(prefix.buffer).setUint32(0, infoBytes.length);
  const plain = pad(concatBytes([prefix, infoBytes, bytes]));
  const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const parts: Uint8Array[] = [header];
  for (let offset = 0; offset < plain.length; offset += CHUNK) {
    const end = Math.min(offset + CHUNK, plain.length);
    const tag = end === plain.length ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    parts.push(sodium.crypto_secretstream_xchacha20poly1305_push(state, plain.subarray(offset, end), null, tag));
  }
  const sealedKey = sodium.crypto_box_seal(key, publicKey);
  sodium.memzero(key);
  return { sealedKey, ciphertext: concatBytes(parts) };
}

/** Decrypt an attachment; throws on a wrong key, an altered chunk or a truncated stream. */
export function openAttachment(sodium: Sodium, keyPair: OrgKeyPair, sealed: SealedAttachment): { info: IntakeAttachmentInfo; bytes: Uint8Array } {
  const key = sodium.crypto_box_seal_open(sealed.sealedKey, keyPair.publicKey, keyPair.privateKey);
  const headerBytes = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES;
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(sealed.ciphertext.subarray(0, headerBytes), key);
  const overhead = sodium.crypto_secretstream_xchacha20poly1305_ABYTES;
  const parts: Uint8Array[] = [];
  let final = false;
  for (let offset = headerBytes; offset < sealed.ciphertext.length; offset += CHUNK + overhead) {
    if (final) throw new Error('attachment corrupt: data after the final chunk');
    const result = sodium.crypto_secretstream_xchacha20poly1305_pull(state, sealed.ciphertext.subarray(offset, Math.min(offset + CHUNK + overhead, sealed.ciphertext.length)), null);
    if (!result) throw new Error('attachment corrupt: a chunk failed authentication');
    parts.push(result.message);
    final = result.tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  }
  if (!final) throw new Error('attachment corrupt: truncated');
  const plain = unpad(concatBytes(parts));
  const infoLength = new DataView(plain.buffer, plain.byteOffset, plain.byteLength).getUint32(0);
  const info = IntakeAttachmentInfo.parse(JSON.parse(fromUtf8(plain.subarray(4, 4 + infoLength))));
  return { info, bytes: plain.slice(4 + infoLength) };
}
