import type { Kysely } from 'kysely';

// Frozen. Persons across sources: named person lists (one imported file with its SHA-256, or the
// persons extracted from documents), their records as written, the persons of the last linkage run,
// and analysts' standing decisions (confirm two records as one person, split a record off), which are
// applied after every run.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('sha256', 'text', (c) => c.unique())
    .addColumn('encoding', 'text')
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('person_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('list_id', 'text', (c) => c.notNull().references('person_lists.id'))
    .addColumn('row_number', 'integer')
    .addColumn('external_id', 'text')
    .addColumn('given', 'text')
    .addColumn('surname', 'text')
    .addColumn('patronymic', 'text')
    .addColumn('full_name', 'text')
    .addColumn('sex', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('birth_precision', 'text')
    .addColumn('place', 'text')
    .addColumn('violation_date', 'text')
    .addColumn('violation_precision', 'text')
    .addColumn('violation_kind', 'text')
    .addColumn('text', 'text')
    .addColumn('raw', 'text')
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('entity_key', 'text')
    .addColumn('mention_ids', 'text')
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .addColumn('quote', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_records_list').on('person_records').column('list_id').execute();
  // One record per person entity of a document: extraction re-runs update it in place.
  await db.schema.createIndex('person_records_document_entity').on('person_records').columns(['document_id', 'entity_key']).unique().execute();
  await db.schema
    .createTable('person_link_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('decisions', 'integer', (c) => c.notNull())
    .addColumn('stats', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('person_clusters')
    .addColumn('record_id', 'text', (c) => c.primaryKey().references('person_records.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull().references('person_link_runs.id'))
    .execute();
  await db.schema.createIndex('person_clusters_person').on('person_clusters').column('person_id').execute();
  await db.schema
    .createTable('person_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_a', 'text', (c) => c.notNull())
    .addColumn('record_b', 'text')
    .addColumn('apart_from', 'text')
    .addColumn('note', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_decisions').ifExists().execute();
  await db.schema.dropTable('person_clusters').ifExists().execute();
  await db.schema.dropTable('person_link_runs').ifExists().execute();
  await db.schema.dropTable('person_records').ifExists().execute();
  await db.schema.dropTable('person_lists').ifExists().execute();
}
