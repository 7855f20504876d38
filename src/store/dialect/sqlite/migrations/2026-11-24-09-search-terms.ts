import { sql, type Kysely } from 'kysely';

// Frozen. The full-text table receives terms the application has already folded and stemmed, so
// FTS5 only has to split them on spaces: the "ascii" tokenizer does that (every non-ASCII character
// is part of a word, ASCII letters and digits too), at two thirds of unicode61's cost per document.
// Automerge 8 (FTS5's default is 4) merges segments in fewer, larger steps during a long ingest.
// The terms of documents already indexed are read back from the old table, in order, through
// fts5vocab, so no document has to be analysed again.

/** Rebuild document_fts with another tokenizer, each document's terms read back in order from the old table. */
async function rebuildWithTokenizer(db: Kysely<unknown>, tokenizer: string): Promise<void> {
  await sql`CREATE VIRTUAL TABLE document_fts_rebuilt USING fts5(title, body, content='', contentless_delete=1, tokenize=${sql.lit(tokenizer)})`.execute(db);
  await sql`CREATE VIRTUAL TABLE temp.document_fts_instances USING fts5vocab(main, document_fts, 'instance')`.execute(db);
  await sql`
    INSERT INTO document_fts_rebuilt (rowid, title, body)
    SELECT doc,
      coalesce(group_concat(CASE WHEN col = 'title' THEN term END, ' ' ORDER BY offset), ''),
      coalesce(group_concat(CASE WHEN col = 'body' THEN term END, ' ' ORDER BY offset), '')
    FROM temp.document_fts_instances GROUP BY doc`.execute(db);
  await sql`DROP TABLE temp.document_fts_instances`.execute(db);
  await sql`DROP TABLE document_fts`.execute(db);
  await sql`ALTER TABLE document_fts_rebuilt RENAME TO document_fts`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuildWithTokenizer(db, 'ascii');
  await sql`INSERT INTO document_fts (document_fts, rank) VALUES ('automerge', 8)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rebuildWithTokenizer(db, 'unicode61 remove_diacritics 0');
}
