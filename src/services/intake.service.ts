import type { IntakeAttachmentInfo, IntakeMessage, IntakeReport } from '../model/intake-report.js';
import type { AttachmentCopy } from '../intake/attachment.js';
import { openAttachment, openJson, openMessage, openReport, sealAttachment, sealMessage, sealReport, type OrgKeyPair, type SealedAttachment } from '../intake/envelope.js';
import { issueFormToken, checkFormToken, type TokenCheck } from '../intake/form-token.js';
import { decodePublicKey, encodePublicKey } from '../intake/key-file.js';
import { unpad } from '../intake/padding.js';
import { newReceipt, RECEIPT_KDF, type KdfParams } from '../intake/receipt.js';
import { fromUtf8, loadSodium, type Sodium } from '../intake/sodium.js';
import { INTAKE_TABLES, SUBMISSION_ID, type SubmissionSummary } from '../store/intake.repository.js';
import type { Store } from '../store/store.js';
import { ingestOriginals, type IngestResult } from './ingest.service.js';
import { createReceiptKdfPool, type ReceiptKdfPool } from './receipt-kdf-pool.js';

export const DEFAULT_RETENTION_DAYS = 90;

export interface IntakeServiceOptions {
  /** Days a submission is kept unless an analyst keeps it (default 90). */
  retentionDays?: number;
  /** Argon2id cost of receipt derivation (tests lower it). */
  receiptKdf?: KdfParams;
  /** The clock (tests move it). */
  now?: () => Date;
  /** Worker threads for receipt derivation (default: up to 4, when compiled; 0: inline). */
  kdfThreads?: number;
}

/** A day as YYYY-MM-DD in UTC: the only time resolution intake stores. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);
export const addDays = (day: string, days: number): string => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

export type FollowUpOutcome = { ok: true; replies: IntakeMessage[]; sentByReporter: number } | { ok: false };
export type SealedFollowUpOutcome = { ok: true; sealedReplies: Uint8Array[]; sentByReporter: number } | { ok: false };

export interface OpenedSubmission {
  id: string;
  createdOn: string;
  expiresOn: string;
  kept: boolean;
  importedDocumentId: string | null;
  report: IntakeReport;
  attachments: { info: IntakeAttachmentInfo; bytes: Uint8Array }[];
  /** Reporter follow-ups and analysts' replies (from the copies sealed to the organisation), in order. */
  messages: (IntakeMessage & { from: 'reporter' | 'analyst' })[];
}

export class IntakeNotFound extends Error {
  override readonly name = 'IntakeNotFound';
}

const SETTING_PUBLIC_KEY = 'org_public_key';
const SETTING_RECEIPT_SALT = 'receipt_salt';
const SETTING_FORM_KEY = 'form_key';

/**
 * Confidential intake: the server half (take sealed submissions, answer follow-ups) and the analyst
 * half (list, open, reply, keep, import, expire). The server half never needs the private key.
 */
export class IntakeService {
  private readonly retentionDays: number;
  private readonly receiptKdf: KdfParams;
  private readonly now: () => Date;
  // A fixed 32-byte value compared against when no submission matches, so a miss does the same work as a hit.
  private readonly decoyLookup: Uint8Array;
  private readonly kdf: ReceiptKdfPool;

  private constructor(
    private readonly store: Store,
    readonly sodium: Sodium,
    options: IntakeServiceOptions,
  ) {
    this.retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    this.receiptKdf = options.receiptKdf ?? RECEIPT_KDF;
    this.now = options.now ?? (() => new Date());
    this.decoyLookup = sodium.randombytes_buf(32);
    this.kdf = createReceiptKdfPool(sodium, options.kdfThreads);
    if (!Number.isInteger(this.retentionDays) || this.retentionDays < 1) throw new Error(`retention must be a whole number of days ≥ 1, not ${this.retentionDays}`);
  }

  static async create(store: Store, options: IntakeServiceOptions = {}): Promise<IntakeService> {
    return new IntakeService(store, await loadSodium(), options);
  }

  /** Stop the derivation threads, if any. */
  close(): Promise<void> {
    return this.kdf.close();
  }

  today(): string {
    return dayOf(this.now());
  }

  // ---- configuration ----

  /** The organisation's public key, or null when `chronicle keys init` has not given one. */
  async publicKey(): Promise<Uint8Array | null> {
    const text = await this.store.intake.setting(SETTING_PUBLIC_KEY);
    return text ? decodePublicKey(this.sodium, text) : null;
  }

  async setPublicKey(publicKey: Uint8Array): Promise<void> {
    await this.store.intake.replaceSetting(SETTING_PUBLIC_KEY, encodePublicKey(this.sodium, publicKey));
  }

  private async secret(name: string): Promise<Uint8Array> {
    const value = await this.store.intake.settingOrInit(name, this.sodium.to_hex(this.sodium.randombytes_buf(32)));
    return this.sodium.from_hex(value);
  }

  /** Salt of receipt derivation: per installation, so a table of receipts computed elsewhere is useless here. */
  receiptSalt(): Promise<Uint8Array> {
    return this.secret(SETTING_RECEIPT_SALT).then((bytes) => bytes.subarray(0, this.sodium.crypto_pwhash_SALTBYTES));
  }

  async issueFormToken(): Promise<string> {
    return issueFormToken(this.sodium, await this.secret(SETTING_FORM_KEY), Math.floor(this.now().getTime() / 1000));
  }

  async checkFormToken(token: string): Promise<TokenCheck> {
    return checkFormToken(this.sodium, await this.secret(SETTING_FORM_KEY), token, Math.floor(this.now().getTime() / 1000));
  }

  // ---- the server half ----

  /** Store a submission sealed elsewhere (in the browser, or by `submitPlain`), in one transaction; returns the receipt. */
  async submitSealed(sealedReport: Uint8Array, attachments: readonly SealedAttachment[]): Promise<{ receipt: string; id: string }> {
    const receipt = newReceipt(this.sodium);
    const keys = await this.kdf.derive(receipt, await this.receiptSalt(), this.receiptKdf);
    this.sodium.memzero(keys.replyPrivateKey);
    const createdOn = this.today();
    const id = await this.store.transaction((session) =>
      session.intake.insert({ lookup: keys.lookup, replyPublicKey: keys.replyPublicKey, sealedReport, createdOn, expiresOn: addDays(createdOn, this.retentionDays), attachments: attachments.map((attachment) => ({ sealedKey: attachment.sealedKey, ciphertext: attachment.ciphertext })) }),
    );
    return { receipt, id };
  }

  /** Seal a plaintext submission in memory (the no-JavaScript path), then store it. */
  async submitPlain(publicKey: Uint8Array, report: Omit<IntakeReport, 'attachments' | 'sealedBy'>, copies: readonly AttachmentCopy[]): Promise<{ receipt: string; id: string }> {
    const sealed = copies.map((copy) => sealAttachment(this.sodium, publicKey, copy.info, copy.bytes));
    const sealedReport = sealReport(this.sodium, publicKey, { ...report, sealedBy: 'server', attachments: copies.map((copy) => copy.info) });
    return this.submitSealed(sealedReport, sealed);
  }

  /**
   * A reporter comes back with a receipt: optionally add a message (sealed to the organisation), and
   * read analysts' replies (opened with the key derived from the receipt). Every receipt, right or
   * wrong or malformed, costs one Argon2id derivation and one constant-time compare; a wrong one
   * gets `{ ok: false }` and nothing else.
   */
  async followUp(receipt: string, message: string | null): Promise<FollowUpOutcome> {
    const keys = await this.kdf.derive(receipt, await this.receiptSalt(), this.receiptKdf);
    const found = await this.store.intake.findByLookup(keys.lookup);
    const stored = found ? this.sodium.from_hex(found.lookup) : this.decoyLookup;
    const matches = this.sodium.memcmp(stored, this.sodium.from_hex(keys.lookup)) && found !== null;
    if (!matches || !found) {
      this.sodium.memzero(keys.replyPrivateKey);
      return { ok: false };
    }
    try {
      if (message !== null) {
        const publicKey = await this.publicKey();
        if (!publicKey) throw new Error('intake has no organisation key');
        const sealed = sealMessage(this.sodium, publicKey, { text: message, day: this.today() });
        await this.store.transaction((session) => session.intake.addMessage(found.id, 'reporter', sealed, this.today()));
      }
      const replies = (await this.store.intake.messages(found.id, 'analyst')).map((stored) => {
        const padded = this.sodium.crypto_box_seal_open(stored.sealed, keys.replyPublicKey, keys.replyPrivateKey);
        return JSON.parse(fromUtf8(unpad(padded))) as IntakeMessage;
      });
      return { ok: true, replies, sentByReporter: await this.store.intake.countMessages(found.id, 'reporter') };
    } finally {
      this.sodium.memzero(keys.replyPrivateKey);
    }
  }

  /**
   * The same as `followUp` for a browser that derived the receipt's keys itself: it sends only the
   * look-up hash (never the receipt) and, optionally, a message it sealed to the organisation; it
   * gets the replies still sealed to its own key. The server never sees receipt or plaintext.
   */
  async followUpSealed(lookupHex: string, sealedMessage: Uint8Array | null): Promise<SealedFollowUpOutcome> {
    const wellFormed = /^[0-9a-f]{64}$/.test(lookupHex);
    const lookup = wellFormed ? this.sodium.from_hex(lookupHex) : this.decoyLookup;
    const found = wellFormed ? await this.store.intake.findByLookup(lookupHex) : null;
    const stored = found ? this.sodium.from_hex(found.lookup) : this.decoyLookup;
    const matches = this.sodium.memcmp(stored, lookup) && found !== null && wellFormed;
    if (!matches || !found) return { ok: false };
    if (sealedMessage) await this.store.transaction((session) => session.intake.addMessage(found.id, 'reporter', sealedMessage, this.today()));
    const sealedReplies = (await this.store.intake.messages(found.id, 'analyst')).map((message) => message.sealed);
    return { ok: true, sealedReplies, sentByReporter: await this.store.intake.countMessages(found.id, 'reporter') };
  }

  /** What a browser needs to derive receipt keys itself: the salt and the Argon2id cost. */
  async receiptDerivation(): Promise<{ salt: Uint8Array; params: KdfParams }> {
    return { salt: await this.receiptSalt(), params: this.receiptKdf };
  }

  // ---- the analyst half ----

  list(): Promise<SubmissionSummary[]> {
    return this.store.intake.list();
  }

  private async existing(id: string) {
    const submission = SUBMISSION_ID.test(id) ? await this.store.intake.get(id) : null;
    if (!submission) throw new IntakeNotFound(`no submission ${id} (it may have expired); chronicle intake list shows those there are`);
    return submission;
  }

  /** Decrypt a submission with the organisation's key pair. */
  async open(id: string, keyPair: OrgKeyPair): Promise<OpenedSubmission> {
    const submission = await this.existing(id);
    const report = openReport(this.sodium, keyPair, submission.sealedReport);
    const attachments = (await this.store.intake.attachments(id)).map((stored) => openAttachment(this.sodium, keyPair, stored));
    const messages = (await this.store.intake.messages(id))
      .filter((stored) => stored.direction !== 'analyst')
      .map((stored) => ({ ...openMessage(this.sodium, keyPair, stored.sealed), from: stored.direction === 'reporter' ? ('reporter' as const) : ('analyst' as const) }));
    return { id, createdOn: submission.createdOn, expiresOn: submission.expiresOn, kept: submission.kept, importedDocumentId: submission.importedDocumentId, report, attachments, messages };
  }

  /** Check a key pair opens a submission's report (before acting on it). */
  async canOpen(id: string, keyPair: OrgKeyPair): Promise<boolean> {
    const submission = await this.existing(id);
    try {
      openJson(this.sodium, keyPair, submission.sealedReport);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Reply to a reporter: sealed to the key derived from their receipt (only they can read it), with
   * a copy sealed to the organisation so analysts see the conversation. Needs no private key.
   */
  async reply(id: string, text: string): Promise<void> {
    const submission = await this.existing(id);
    const publicKey = await this.publicKey();
    if (!publicKey) throw new Error('intake has no organisation key (chronicle keys init)');
    const message = { text, day: this.today() };
    const toReporter = sealMessage(this.sodium, submission.replyPublicKey, message);
    const copy = sealMessage(this.sodium, publicKey, message);
    await this.store.transaction(async (session) => {
      await session.intake.addMessage(id, 'analyst', toReporter, message.day);
      await session.intake.addMessage(id, 'analyst_copy', copy, message.day);
    });
  }

  /** Keep a submission past its expiry (or let it expire again). */
  async keep(id: string, kept = true): Promise<void> {
    await this.existing(id);
    await this.store.intake.setKept(id, kept);
  }

  /** Destroy submissions past expiry that nobody kept: sealed keys, ciphertext, messages; then the engine's old pages. */
  async expire(): Promise<number> {
    const removed = await this.store.transaction((session) => session.intake.deleteExpired(this.today()));
    if (removed > 0) await this.store.eraseFreedSpace(INTAKE_TABLES);
    return removed;
  }

  /**
   * Turn a submission into Documents of a pseudonymous confidential source, through the ingest
   * service (hashed, captured, extracted like any document), in `into` (default: this store): the
   * report (with the reporter's additions) first, then each plain-text attachment. The contact field
   * is never copied into a document. Marks the submission kept and imported.
   */
  async importSubmission(id: string, keyPair: OrgKeyPair, into: Store = this.store, actor = 'intake'): Promise<IngestResult[]> {
    const opened = await this.open(id, keyPair);
    const { report } = opened;
    const sections: [string, string][] = [
      ['What happened', report.what],
      ['When', report.when],
      ['Where', report.where],
      ['Who was involved', report.who],
      ['How the reporter knows', report.howKnown],
    ];
    for (const [index, message] of opened.messages.filter((message) => message.from === 'reporter').entries()) sections.push([`Added by the reporter (${index + 1}, ${message.day})`, message.text]);
    const text = sections.filter(([, value]) => value.trim()).map(([label, value]) => `${label}:\n${value.trim()}`).join('\n\n');
    const pseudonym = `Confidential witness ${this.sodium.to_hex(this.sodium.crypto_generichash(4, `chronicle-witness:${id}`, null)).toUpperCase()}`;
    const texts = opened.attachments
      .map((attachment, index) => ({ attachment, index }))
      .filter(({ attachment }) => attachment.info.mediaType === 'text/plain' && attachment.info.variant !== 'original')
      .map(({ attachment, index }) => ({ origin: `intake:${id}/${index + 1}`, mediaType: 'text/plain' as const, bytes: attachment.bytes }));
    const results = await ingestOriginals(into, [{ origin: `intake:${id}`, mediaType: 'text/plain', bytes: new TextEncoder().encode(`${text}\n`) }, ...texts], {
      sourceName: pseudonym,
      sourceKind: 'witness',
      confidentialSource: true,
      actor,
    });
    const documentId = results[0]?.documentId;
    if (documentId) await this.store.intake.setImported(id, documentId);
    return results;
  }
}
