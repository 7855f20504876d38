import { sql, type Kysely } from 'kysely';
import { indexedTerms } from '../../../search/analyzer.js';
import type { QueryClause, SearchQuery } from '../../../search/search-query.js';
import type { Database } from '../../schema.js';
import { SEARCH_CANDIDATES, type IndexedDocument, type SearchHits, type SearchIndex } from '../../search-index.js';

/*
 * Phrases are matched on pair tokens: beside its terms, each document's title and body are indexed
 * a second time as their adjacent-term pairs ("polic detain" -> "_polic_detain"), in columns of
 * their own. A two-word phrase is then one short doclist instead of FTS5 comparing the position
 * lists of every document that holds both words (60-80 ms for two words found in most documents);
 * a longer phrase is a phrase of pairs ("_a_b _b_c"), so adjacency is still checked exactly. Terms
 * hold only letters, digits and marks, and the tokenizer treats "_" as part of a token, so a pair
 * token can neither be split nor be mistaken for a term. Pairs follow the term sequence, as FTS5
 * phrases (and PostgreSQL's <->) did: punctuation between two words does not break a phrase.
 */
const PAIR_JOINER = '_';

/**
 * The adjacent-term pairs of a document's terms (as indexText() writes them), as pair tokens:
 * "_polic_detain". The leading "_" keeps every pair token out of prefix queries ("detain*" must
 * not expand to the thousands of pair tokens that would otherwise start with "detain_").
 */
export function pairTokens(terms: string): string {
  const words = terms.split(' ');
  if (words.length < 2) return '';
  const pairs: string[] = new Array(words.length - 1);
  for (let index = 1; index < words.length; index++) pairs[index - 1] = PAIR_JOINER + words[index - 1] + PAIR_JOINER + words[index];
  return pairs.join(' ');
}

// Terms hold only letters, digits and marks (see search-query.ts), so quoting is all FTS5 needs.
function clauseToFts(clause: QueryClause): string {
  if (!clause.prefix && clause.terms.length >= 2) return `"${pairTokens(clause.terms.join(' '))}"`;
  return `"${clause.terms.join(' ')}"${clause.prefix ? '*' : ''}`;
}

/** A parsed query as an FTS5 MATCH expression: AND of clauses, then NOT each exclusion. */
export function toFtsExpression(query: SearchQuery): string {
  let expression = query.clauses.map(clauseToFts).join(' AND ');
  for (const clause of query.excluded) expression = `(${expression}) NOT ${clauseToFts(clause)}`;
  return expression;
}

// Title terms weigh four times body terms in BM25; title pairs likewise four times body pairs.
const TITLE_WEIGHT = 4.0;
// Documents analysed per transaction when an existing store's index is rebuilt.
const BACKFILL_BATCH = 500;

/** FTS5 contentless index keyed on documents.seq (the rowid): title, body, title pairs, body pairs. */
export const sqliteSearch: SearchIndex = {
  async add(db, documents: readonly IndexedDocument[]) {
    if (documents.length === 0) return;
    const rows = documents.map(
      (document) => sql`(${document.seq}, ${document.titleTerms}, ${document.bodyTerms}, ${pairTokens(document.titleTerms)}, ${pairTokens(document.bodyTerms)})`,
    );
    await sql`INSERT INTO document_fts (rowid, title, body, title_pairs, body_pairs) VALUES ${sql.join(rows)}`.execute(db);
  },
  async remove(db, documentIds) {
    for (const id of documentIds) {
      await sql`DELETE FROM document_fts WHERE rowid = (SELECT seq FROM documents WHERE id = ${id})`.execute(db);
    }
  },
  async search(db: Kysely<Database>, query, limit): Promise<SearchHits> {
    // FTS5 walks matches in rowid order, newest first, and stops at the candidate cap; only those are scored.
    const { rows } = await sql<{ id: string; score: number; candidates: number }>`
      SELECT d.id AS id, c.score AS score, count(*) OVER () AS candidates
      FROM (
        SELECT rowid, bm25(document_fts, ${TITLE_WEIGHT}, 1.0, ${TITLE_WEIGHT}, 1.0) AS score FROM document_fts
        WHERE document_fts MATCH ${toFtsExpression(query)}
        ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES + 1}
      ) c JOIN documents d ON d.seq = c.rowid
      WHERE d.deleted_at IS NULL
      ORDER BY c.score, d.seq
      LIMIT ${limit}`.execute(db);
    // BM25 in FTS5 is negative, lower is better; expose higher-is-better.
    return {
      hits: rows.map((row) => ({ documentId: row.id, score: -row.score })),
      truncated: Number(rows[0]?.candidates ?? 0) > SEARCH_CANDIDATES,
    };
  },
  async backfill(db) {
    // Migration 09 rebuilt the index empty and listed every live document in search_backlog; the
    // terms come from the analyser, which a frozen migration may not import. Each batch commits on
    // its own, so an interrupted backfill resumes where it stopped on the next open.
    let indexed = 0;
    for (;;) {
      const done = await db.transaction().execute(async (transaction) => {
        // Take the write lock first, so two processes opening the store never index the same batch.
        await sql`DELETE FROM search_backlog WHERE seq < 0`.execute(transaction);
        const { rows } = await sql<{ seq: number; title: string | null; text: string; deleted_at: string | null }>`
          SELECT b.seq, d.title, d.text, d.deleted_at FROM search_backlog b JOIN documents d ON d.seq = b.seq
          ORDER BY b.seq LIMIT ${BACKFILL_BATCH}`.execute(transaction);
        if (rows.length === 0) {
          await sql`DELETE FROM search_backlog`.execute(transaction);
          return true;
        }
        const live = rows.filter((row) => row.deleted_at === null);
        await this.add(
          transaction,
          live.map((row) => ({ id: '', seq: Number(row.seq), ...indexedTerms(row.title, row.text) })),
        );
        await sql`DELETE FROM search_backlog WHERE seq <= ${(rows[rows.length - 1] as { seq: number }).seq}`.execute(transaction);
        indexed += live.length;
        return false;
      });
      if (done) return indexed;
    }
  },
};
