import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * A fingerprint of what views are computed from: it changes when a document is captured or deleted,
 * a claim is proposed, reviewed or removed, the audit log grows, or incidents are regrouped. Cheap
 * (index look-ups and counts), so a server can ask it on every request and recompute views only
 * when it changed.
 */
export class RevisionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async current(): Promise<string> {
    const row = await this.db
      .selectNoFrom([
        sql<string | number | null>`(select max(seq) from audit_events)`.as('audit'),
        sql<string | number | null>`(select max(seq) from documents)`.as('documents'),
        sql<string | null>`(select max(id) from claims)`.as('lastClaim'),
        sql<string | number>`(select count(*) from claims)`.as('claims'),
        sql<string | number>`(select count(*) from incidents)`.as('incidents'),
        sql<string | number>`(select count(*) from incident_members)`.as('members'),
        sql<string | number>`(select count(*) from incident_decisions)`.as('decisions'),
        sql<string | number>`(select count(*) from entity_decisions)`.as('entityDecisions'),
      ])
      .executeTakeFirstOrThrow();
    return [row.audit, row.documents, row.lastClaim, row.claims, row.incidents, row.members, row.decisions, row.entityDecisions].map((value) => String(value ?? '-')).join(':');
  }
}
