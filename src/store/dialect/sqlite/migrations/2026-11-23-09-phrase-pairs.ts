import { sql, type Kysely } from 'kysely';

// Frozen. The full-text index gains two columns of adjacent-term pairs (title_pairs, body_pairs),
// so phrase queries read one short doclist instead of comparing position lists; "_" joins a pair
// and is therefore a token character. FTS5 cannot add columns, and a contentless index cannot give
// its terms back, so the index is rebuilt empty and every live document is listed in
// search_backlog: the store re-analyses those documents right after migrating (the analyser is
// application code, which a migration does not import), a batch per transaction.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE document_fts`.execute(db);
  await sql`CREATE VIRTUAL TABLE document_fts USING fts5(title, body, title_pairs, body_pairs, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 tokenchars '_'")`.execute(db);
  await db.schema.createTable('search_backlog').addColumn('seq', 'integer', (c) => c.primaryKey()).execute();
  await sql`INSERT INTO search_backlog (seq) SELECT seq FROM documents WHERE deleted_at IS NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The earlier index shape, empty: nothing before this migration knows how to refill it.
  await db.schema.dropTable('search_backlog').ifExists().execute();
  await sql`DROP TABLE IF EXISTS document_fts`.execute(db);
  await sql`CREATE VIRTUAL TABLE document_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
}
