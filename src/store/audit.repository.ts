import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { AuditEvent } from '../model/audit-event.js';
import type { AuditEventsTable, Database } from './schema.js';

/** The predecessor of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface NewAuditEvent {
  actor: string;
  action: string;
  subjectId: string | null;
  payload: unknown;
}

/**
 * The hash of an entry: SHA-256 over its predecessor's hash and its own fields, as a JSON array
 * (unambiguous: no field can bleed into the next). Any change to an entry, or to the order,
 * changes every hash after it.
 */
export function auditHash(prevHash: string, entry: { seq: number; at: string; actor: string; action: string; subjectId: string | null; payload: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, entry.seq, entry.at, entry.actor, entry.action, entry.subjectId, entry.payload]))
    .digest('hex');
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  /** The first entry where the chain breaks, and how. */
  problem: { seq: number; reason: string } | null;
}

function toEvent(row: Selectable<AuditEventsTable>): AuditEvent {
  return AuditEvent.parse({
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    subjectId: row.subject_id,
    payload: JSON.parse(row.payload) as unknown,
    prevHash: row.prev_hash,
    hash: row.hash,
  });
}

/** The append-only, hash-chained record of every analyst action. */
export class AuditRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly lock: (db: Kysely<Database>) => Promise<void>,
  ) {}

  /**
   * Append an entry after the current head. Call inside the transaction that makes the change it
   * records, so the change and its record land together.
   */
  async append(event: NewAuditEvent): Promise<AuditEvent> {
    await this.lock(this.db);
    const head = await this.head();
    const entry = { seq: (head?.seq ?? 0) + 1, at: new Date().toISOString(), actor: event.actor, action: event.action, subjectId: event.subjectId, payload: JSON.stringify(event.payload ?? null) };
    const prevHash = head?.hash ?? GENESIS_HASH;
    const hash = auditHash(prevHash, entry);
    await this.db.insertInto('audit_events').values({ seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action, subject_id: entry.subjectId, payload: entry.payload, prev_hash: prevHash, hash }).execute();
    return AuditEvent.parse({ ...entry, payload: JSON.parse(entry.payload) as unknown, prevHash, hash });
  }

  async head(): Promise<{ seq: number; hash: string } | null> {
    const row = await this.db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row ? { seq: Number(row.seq), hash: row.hash } : null;
  }

  /** Entries in order, a page at a time. */
  async list(options: { afterSeq?: number; limit: number; subjectId?: string }): Promise<AuditEvent[]> {
    let query = this.db.selectFrom('audit_events').selectAll().orderBy('seq').limit(options.limit);
    if (options.afterSeq !== undefined) query = query.where('seq', '>', options.afterSeq);
    if (options.subjectId) query = query.where('subject_id', '=', options.subjectId);
    return (await query.execute()).map(toEvent);
  }

  /**
   * Walk the whole chain: every entry must follow its predecessor (no gap in seq), name its hash,
   * and hash to what it says. An edited entry, a deleted one or a reordering is reported at the
   * first place it shows. Deleting the newest entries leaves a valid shorter chain: compare the
   * head with one recorded elsewhere (`expectHead`) to catch that.
   */
  async verify(expectHead?: string): Promise<AuditVerification> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let entries = 0;
    let head: AuditVerification['head'] = null;
    for (;;) {
      const rows = await this.db.selectFrom('audit_events').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(1000).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const seq = Number(row.seq);
        const fail = (reason: string): AuditVerification => ({ ok: false, entries, head, problem: { seq, reason } });
        if (seq !== expectedSeq) return fail(`entry ${expectedSeq}${seq > expectedSeq + 1 ? `–${seq - 1}` : ''} is missing (deleted?)`);
        if (row.prev_hash !== prevHash) return fail('it does not follow the entry before it (an entry was removed or replaced)');
        const computed = auditHash(prevHash, { seq, at: row.at, actor: row.actor, action: row.action, subjectId: row.subject_id, payload: row.payload });
        if (computed !== row.hash) return fail('its content does not match its hash (the entry was edited)');
        prevHash = row.hash;
        expectedSeq++;
        entries++;
        head = { seq, hash: row.hash };
      }
    }
    if (expectHead && !(head?.hash ?? '').startsWith(expectHead.toLowerCase())) {
      return { ok: false, entries, head, problem: { seq: head?.seq ?? 0, reason: `the chain ends at ${head?.hash.slice(0, 16) ?? 'nothing'}, not at the expected head ${expectHead.slice(0, 16)} (entries after it were removed?)` } };
    }
    return { ok: true, entries, head, problem: null };
  }
}
