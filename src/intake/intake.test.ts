import { describe, it } from 'node:test';
import { expect } from 'expect';
import { prepareAttachment } from './attachment.js';
import { openAttachment, openReport, sealAttachment, sealReport } from './envelope.js';
import { checkFile } from './file-type.js';
import { checkFormToken, issueFormToken } from './form-token.js';
import { exifHasLocation, stripImageMetadata } from './image-metadata.js';
import { createKeyFile, unlockKeyFile, WrongPassphrase } from './key-file.js';
import { pad, paddedLength, unpad } from './padding.js';
import { checkProofOfWork, solveProofOfWork } from './proof-of-work.js';
import { deriveReceiptKeys, newReceipt, normalizeReceipt, RECEIPT_BITS } from './receipt.js';
import { loadSodium } from './sodium.js';
import { jpegWithGps, tiffWithGps } from '../../test/intake/image-fixtures.js';

const FAST_KDF = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 };

describe('intake crypto and metadata', () => {
  it('pads to buckets and back', () => {
    expect(paddedLength(0)).toBe(4096);
    expect(paddedLength(5000)).toBeGreaterThanOrEqual(5000);
    expect(paddedLength(1_000_000)).toBeLessThan(1_000_000 * 1.12);
    const lengths = new Set(Array.from({ length: 1000 }, (_, index) => paddedLength(100_000 + index * 37)));
    // 1,000 different lengths fall into few buckets (Padmé: steps of 2,048 bytes around 100 KB).
    expect(lengths.size).toBeLessThan(20);
    const bytes = new TextEncoder().encode('hello');
    expect(pad(bytes).length).toBe(4096);
    expect(new TextDecoder().decode(unpad(pad(bytes)))).toBe('hello');
  });

  it('seals a report and an attachment to the organisation and opens them with its key only', async () => {
    const sodium = await loadSodium();
    const org = sodium.crypto_box_keypair();
    const other = sodium.crypto_box_keypair();
    const report = { version: 1 as const, language: 'en' as const, what: 'canary-what', when: '', where: '', who: '', howKnown: '', contact: '', sealedBy: 'server' as const, attachments: [] };
    const sealed = sealReport(sodium, org.publicKey, report);
    expect(openReport(sodium, org, sealed)).toEqual(report);
    expect(() => openReport(sodium, other, sealed)).toThrow();
    const bytes = sodium.randombytes_buf(200_000);
    const info = { name: 'a.bin', mediaType: 'application/pdf', size: bytes.length, variant: 'as_sent' as const, locationFound: false, metadataRemoved: false };
    const attachment = sealAttachment(sodium, org.publicKey, info, bytes);
    const opened = openAttachment(sodium, org, attachment);
    expect(opened.info).toEqual(info);
    expect(Buffer.from(opened.bytes).equals(Buffer.from(bytes))).toBe(true);
    // Truncation and tampering are detected.
    expect(() => openAttachment(sodium, org, { ...attachment, ciphertext: attachment.ciphertext.subarray(0, attachment.ciphertext.length - 100) })).toThrow();
    const tampered = attachment.ciphertext.slice();
    tampered[100] = (tampered[100] ?? 0) ^ 1;
    expect(() => openAttachment(sodium, org, { ...attachment, ciphertext: tampered })).toThrow();
  });

  it('makes 25-digit receipts (≥ 80 bits) and derives the same keys from any spelling of one', async () => {
    const sodium = await loadSodium();
    expect(RECEIPT_BITS).toBeGreaterThanOrEqual(80);
    const receipt = newReceipt(sodium);
    expect(receipt).toMatch(/^\d{5}(-\d{5}){4}$/);
    expect(newReceipt(sodium)).not.toBe(receipt);
    const salt = sodium.randombytes_buf(16);
    const a = deriveReceiptKeys(sodium, receipt, salt, FAST_KDF);
    const b = deriveReceiptKeys(sodium, ` ${receipt.replaceAll('-', ' ')} `, salt, FAST_KDF);
    expect(b.lookup).toBe(a.lookup);
    expect(Buffer.from(b.replyPublicKey).equals(Buffer.from(a.replyPublicKey))).toBe(true);
    expect(deriveReceiptKeys(sodium, receipt, sodium.randombytes_buf(16), FAST_KDF).lookup).not.toBe(a.lookup);
    expect(normalizeReceipt('12-34 x')).toBe('1234');
  });

  it('locks the private key under a passphrase', async () => {
    const sodium = await loadSodium();
    const { keyFile, keyPair } = createKeyFile(sodium, 'correct horse battery', FAST_KDF);
    expect(JSON.stringify(keyFile)).not.toContain(sodium.to_base64(keyPair.privateKey, sodium.base64_variants.URLSAFE_NO_PADDING));
    expect(Buffer.from(unlockKeyFile(sodium, keyFile, 'correct horse battery').privateKey).equals(Buffer.from(keyPair.privateKey))).toBe(true);
    expect(() => unlockKeyFile(sodium, keyFile, 'wrong horse battery')).toThrow(WrongPassphrase);
    expect(() => createKeyFile(sodium, 'short', FAST_KDF)).toThrow(/at least/);
  });

  it('checks form tokens and proof of work', async () => {
    const sodium = await loadSodium();
    const key = sodium.randombytes_buf(32);
    const token = issueFormToken(sodium, key, 1000);
    expect(checkFormToken(sodium, key, token, 1010).ok).toBe(true);
    expect(checkFormToken(sodium, key, token, 1000 + 7 * 3600)).toEqual({ ok: false, reason: 'expired' });
    expect(checkFormToken(sodium, sodium.randombytes_buf(32), token, 1010)).toEqual({ ok: false, reason: 'forged' });
    expect(checkFormToken(sodium, key, token.replace('v1.1000', 'v1.1001'), 1010)).toEqual({ ok: false, reason: 'forged' });
    const counter = await solveProofOfWork(sodium, token, 10);
    expect(checkProofOfWork(sodium, token, counter, 10)).toBe(true);
    expect(checkProofOfWork(sodium, `${token}x`, counter, 10) && checkProofOfWork(sodium, token, String(Number(counter) + 1), 10)).toBe(false);
  });

  it('strips EXIF, comments and trailers from a JPEG and reports the GPS position it carried', () => {
    expect(exifHasLocation(tiffWithGps())).toBe(true);
    const jpeg = jpegWithGps();
    const { bytes, report } = stripImageMetadata('jpeg', jpeg);
    expect(report).toEqual({ locationFound: true, metadataFound: true });
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).not.toContain('Exif');
    expect(text).not.toContain('canary-owner');
    expect(text).not.toContain('trailing-preview');
    expect(text).toContain('JFIF');
    expect(text).toContain('pixels');
    expect(stripImageMetadata('jpeg', bytes).report).toEqual({ locationFound: false, metadataFound: false });
  });

  it('refuses files whose name or declared type lies about their contents', () => {
    const jpeg = jpegWithGps();
    expect(checkFile(jpeg, 'photo.jpg', 'image/jpeg')).toMatchObject({ ok: true, kind: 'jpeg' });
    expect(checkFile(jpeg, 'notes.txt', 'text/plain')).toMatchObject({ ok: false, problem: 'mismatch' });
    expect(checkFile(new TextEncoder().encode('just text'), 'photo.jpg', 'image/jpeg')).toMatchObject({ ok: false, problem: 'mismatch' });
    expect(checkFile(new Uint8Array([0, 1, 2, 3, 0, 0]), 'x.bin', 'application/octet-stream')).toMatchObject({ ok: false, problem: 'unknown' });
    const prepared = prepareAttachment(jpeg, '../../etc/photo.jpg', 'image/jpeg', true);
    expect(prepared.ok && prepared.copies.map((copy) => [copy.info.name, copy.info.variant, copy.info.locationFound])).toEqual([
      ['photo.jpg', 'cleaned', true],
      ['photo.jpg', 'original', true],
    ]);
  });
});
