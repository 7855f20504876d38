import type { Kysely } from 'kysely';
import { newId } from '../model/ids.js';
import type { EntityDecision } from '../model/entity-decision.js';
import type { Database } from './schema.js';

export type { EntityDecision };

/** Analysts' standing decisions about entities across documents. */
export class EntityDecisionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<EntityDecision[]> {
    const rows = await this.db.selectFrom('entity_decisions').selectAll().orderBy('at').orderBy('id').execute();
    return rows.map((row): EntityDecision =>
      row.kind === 'split'
        ? { kind: 'split', entityKind: row.entity_kind, mentionKey: row.mention_key ?? '', from: row.name_a, to: row.name_b }
        : { kind: 'merge', entityKind: row.entity_kind, keep: row.name_a, merge: row.name_b },
    );
  }

  async add(decision: EntityDecision, actor: string): Promise<void> {
    const base = { id: newId('decision'), entity_kind: decision.entityKind, actor, at: new Date().toISOString() };
    await this.db
      .insertInto('entity_decisions')
      .values(decision.kind === 'merge' ? { ...base, kind: 'merge', name_a: decision.keep, name_b: decision.merge, mention_key: null } : { ...base, kind: 'split', name_a: decision.from, name_b: decision.to, mention_key: decision.mentionKey })
      .execute();
  }
}
