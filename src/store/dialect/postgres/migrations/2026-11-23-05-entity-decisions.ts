import type { Kysely } from 'kysely';

// Frozen. Analysts' decisions about entities across documents: two names are one entity (merge), or
// one mention belongs to another entity than its name says (split). Entities are computed from
// mention claims; these decisions are applied every time.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('entity_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_kind', 'text', (c) => c.notNull())
    .addColumn('name_a', 'text', (c) => c.notNull())
    .addColumn('name_b', 'text', (c) => c.notNull())
    .addColumn('mention_key', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('entity_decisions').ifExists().execute();
}
