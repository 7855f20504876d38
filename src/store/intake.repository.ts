import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A sealed submission as stored. */
export interface StoredSubmission {
  id: string;
  replyPublicKey: Uint8Array;
  sealedReport: Uint8Array;
  createdOn: string;
  expiresOn: string;
  kept: boolean;
  importedDocumentId: string | null;
}

export interface SubmissionSummary {
  id: string;
  createdOn: string;
  expiresOn: string;
  kept: boolean;
  importedDocumentId: string | null;
  attachments: number;
  fromReporter: number;
  fromAnalysts: number;
}

export interface StoredAttachment {
  position: number;
  sealedKey: Uint8Array;
  ciphertext: Uint8Array;
}

/** reporter: sealed to the organisation; analyst: sealed to the receipt's key; analyst_copy: the same reply sealed to the organisation. */
export type MessageDirection = 'reporter' | 'analyst' | 'analyst_copy';

export interface StoredMessage {
  position: number;
  direction: MessageDirection;
  sealed: Uint8Array;
  createdOn: string;
}

export interface NewSubmission {
  lookup: string;
  replyPublicKey: Uint8Array;
  sealedReport: Uint8Array;
  createdOn: string;
  expiresOn: string;
  attachments: readonly { sealedKey: Uint8Array; ciphertext: Uint8Array }[];
}

// Random ids, not ULIDs: a ULID carries its creation time to the millisecond.
const randomId = (prefix: string) => `${prefix}_${randomBytes(10).toString('hex')}`;
const bytes = (value: Uint8Array | Buffer) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
export const SUBMISSION_ID = /^itk_[0-9a-f]{20}$/;

/** Sealed intake submissions, attachments and messages. Queries only; sealing is the service's. */
export class IntakeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async setting(name: string): Promise<string | null> {
    const row = await this.db.selectFrom('intake_settings').select('value').where('name', '=', name).executeTakeFirst();
    return row?.value ?? null;
  }

  /** Set a value unless one is there already; returns the value that holds (safe against a concurrent first writer). */
  async settingOrInit(name: string, value: string): Promise<string> {
    await this.db.insertInto('intake_settings').values({ name, value }).onConflict((conflict) => conflict.column('name').doNothing()).execute();
    return (await this.setting(name)) as string;
  }

  async replaceSetting(name: string, value: string): Promise<void> {
    await this.db.insertInto('intake_settings').values({ name, value }).onConflict((conflict) => conflict.column('name').doUpdateSet({ value })).execute();
  }

  async insert(submission: NewSubmission): Promise<string> {
    const id = randomId('itk');
    await this.db
      .insertInto('intake_submissions')
      .values({ id, lookup: submission.lookup, reply_public_key: submission.replyPublicKey, sealed_report: submission.sealedReport, created_on: submission.createdOn, expires_on: submission.expiresOn, kept: 0, imported_document_id: null })
      .execute();
    for (const [position, attachment] of submission.attachments.entries()) {
      await this.db.insertInto('intake_attachments').values({ id: randomId('ita'), submission_id: id, position, sealed_key: attachment.sealedKey, ciphertext: attachment.ciphertext }).execute();
    }
    return id;
  }

  /** The submission a look-up hash belongs to (id and stored hash, for the caller's constant-time check). */
  async findByLookup(lookup: string): Promise<{ id: string; lookup: string; replyPublicKey: Uint8Array } | null> {
    const row = await this.db.selectFrom('intake_submissions').select(['id', 'lookup', 'reply_public_key']).where('lookup', '=', lookup).executeTakeFirst();
    return row ? { id: row.id, lookup: row.lookup, replyPublicKey: bytes(row.reply_public_key) } : null;
  }

  async get(id: string): Promise<StoredSubmission | null> {
    const row = await this.db.selectFrom('intake_submissions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    return { id: row.id, replyPublicKey: bytes(row.reply_public_key), sealedReport: bytes(row.sealed_report), createdOn: row.created_on, expiresOn: row.expires_on, kept: Boolean(row.kept), importedDocumentId: row.imported_document_id };
  }

  async attachments(submissionId: string): Promise<StoredAttachment[]> {
    const rows = await this.db.selectFrom('intake_attachments').select(['position', 'sealed_key', 'ciphertext']).where('submission_id', '=', submissionId).orderBy('position').execute();
    return rows.map((row) => ({ position: Number(row.position), sealedKey: bytes(row.sealed_key), ciphertext: bytes(row.ciphertext) }));
  }

  async messages(submissionId: string, direction?: MessageDirection): Promise<StoredMessage[]> {
    let query = this.db.selectFrom('intake_messages').select(['position', 'direction', 'sealed', 'created_on']).where('submission_id', '=', submissionId);
    if (direction) query = query.where('direction', '=', direction);
    const rows = await query.orderBy('position').execute();
    return rows.map((row) => ({ position: Number(row.position), direction: row.direction as MessageDirection, sealed: bytes(row.sealed), createdOn: row.created_on }));
  }

  async countMessages(submissionId: string, direction: MessageDirection): Promise<number> {
    const row = await this.db.selectFrom('intake_messages').select((eb) => eb.fn.countAll<string>().as('n')).where('submission_id', '=', submissionId).where('direction', '=', direction).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Append a sealed message; call inside a transaction so positions never collide. */
  async addMessage(submissionId: string, direction: MessageDirection, sealed: Uint8Array, createdOn: string): Promise<void> {
    const last = await this.db.selectFrom('intake_messages').select((eb) => eb.fn.max('position').as('last')).where('submission_id', '=', submissionId).executeTakeFirst();
    const position = last?.last === null || last?.last === undefined ? 0 : Number(last.last) + 1;
    await this.db.insertInto('intake_messages').values({ id: randomId('itm'), submission_id: submissionId, position, direction, sealed, created_on: createdOn }).execute();
  }

  async list(): Promise<SubmissionSummary[]> {
    const rows = await this.db
      .selectFrom('intake_submissions as s')
      .select([
        's.id',
        's.created_on',
        's.expires_on',
        's.kept',
        's.imported_document_id',
        sql<string>`(SELECT count(*) FROM intake_attachments a WHERE a.submission_id = s.id)`.as('attachments'),
        sql<string>`(SELECT count(*) FROM intake_messages m WHERE m.submission_id = s.id AND m.direction = 'reporter')`.as('from_reporter'),
        sql<string>`(SELECT count(*) FROM intake_messages m WHERE m.submission_id = s.id AND m.direction = 'analyst')`.as('from_analysts'),
      ])
      .orderBy('s.created_on')
      .orderBy('s.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      createdOn: row.created_on,
      expiresOn: row.expires_on,
      kept: Boolean(row.kept),
      importedDocumentId: row.imported_document_id,
      attachments: Number(row.attachments),
      fromReporter: Number(row.from_reporter),
      fromAnalysts: Number(row.from_analysts),
    }));
  }

  async setKept(id: string, kept: boolean): Promise<boolean> {
    const result = await this.db.updateTable('intake_submissions').set({ kept: kept ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setImported(id: string, documentId: string): Promise<void> {
    await this.db.updateTable('intake_submissions').set({ imported_document_id: documentId, kept: 1 }).where('id', '=', id).execute();
  }

  /** Delete submissions past their expiry day that nobody kept (attachments and messages go with them). */
  async deleteExpired(today: string): Promise<number> {
    const expired = await this.db.selectFrom('intake_submissions').select('id').where('kept', '=', 0).where('expires_on', '<', today).execute();
    const ids = expired.map((row) => row.id);
    if (ids.length === 0) return 0;
    // Explicit deletes rather than trusting every engine's cascade settings.
    await this.db.deleteFrom('intake_messages').where('submission_id', 'in', ids).execute();
    await this.db.deleteFrom('intake_attachments').where('submission_id', 'in', ids).execute();
    await this.db.deleteFrom('intake_submissions').where('id', 'in', ids).execute();
    return ids.length;
  }
}

export const INTAKE_TABLES = ['intake_messages', 'intake_attachments', 'intake_submissions'] as const;
