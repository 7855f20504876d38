import type { Kysely } from 'kysely';

// Frozen. Which acts and figures make up each incident (by a key of document, kind and span that
// survives re-extraction), and the analysts' standing decisions that grouping must obey.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_members')
    .addColumn('unit_key', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_members_incident').on('incident_members').column('incident_id').execute();
  await db.schema
    .createTable('incident_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key_a', 'text', (c) => c.notNull())
    .addColumn('key_b', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_decisions').ifExists().execute();
  await db.schema.dropTable('incident_members').ifExists().execute();
}
