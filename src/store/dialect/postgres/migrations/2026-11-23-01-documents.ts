import { sql, type Kysely } from 'kysely';

// Frozen: a migration never changes once released and imports no application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('homepage', 'text')
    .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('originals')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull().unique().generatedAlwaysAsIdentity())
    .addColumn('sha256', 'text', (c) => c.notNull().unique().references('originals.sha256'))
    .addColumn('source_id', 'text', (c) => c.references('sources.id'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('title', 'text')
    .addColumn('author', 'text')
    .addColumn('canonical_url', 'text')
    .addColumn('language', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('capture_version', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('documents_captured_at').on('documents').columns(['captured_at', 'id']).execute();
  await db.schema.createIndex('documents_source_id').on('documents').column('source_id').execute();

  // Terms are stemmed in application code (the same analyzer for every engine) and stored with the
  // 'simple' configuration, which only lower-cases; title terms weigh more (A) than body terms (D).
  await db.schema
    .createTable('document_search')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    // A copy of documents.seq, so candidates can be ordered by recency without joining every match.
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('vector', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX document_search_vector ON document_search USING gin (vector)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['document_search', 'documents', 'originals', 'sources']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
