import { sql, type Kysely } from 'kysely';
import type { QueryClause, SearchQuery } from '../../../search/search-query.js';
import type { Database } from '../../schema.js';
import { SEARCH_CANDIDATES, type IndexedDocument, type SearchHits, type SearchIndex } from '../../search-index.js';

// Terms hold only letters, digits and marks (see search-query.ts), so quoting is all FTS5 needs.
function clauseToFts(clause: QueryClause): string {
  return `"${clause.terms.join(' ')}"${clause.prefix ? '*' : ''}`;
}

/** A parsed query as an FTS5 MATCH expression: AND of clauses, then NOT each exclusion. */
export function toFtsExpression(query: SearchQuery): string {
  let expression = query.clauses.map(clauseToFts).join(' AND ');
  for (const clause of query.excluded) expression = `(${expression}) NOT ${clauseToFts(clause)}`;
  return expression;
}

// Title terms weigh four times body terms in BM25.
const TITLE_WEIGHT = 4.0;

/** FTS5 contentless index keyed on documents.seq (the rowid). */
export const sqliteSearch: SearchIndex = {
  async add(db, documents: readonly IndexedDocument[]) {
    if (documents.length === 0) return;
    const rows = documents.map((document) => sql`(${document.seq}, ${document.titleTerms}, ${document.bodyTerms})`);
    await sql`INSERT INTO document_fts (rowid, title, body) VALUES ${sql.join(rows)}`.execute(db);
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
        SELECT rowid, bm25(document_fts, ${TITLE_WEIGHT}, 1.0) AS score FROM document_fts
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
};
