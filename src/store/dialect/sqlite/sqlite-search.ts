import { sql, type Kysely } from 'kysely';
import type { QueryClause, SearchQuery } from '../../../search/search-query.js';
import type { Database } from '../../schema.js';
import type { IndexedDocument, SearchHit, SearchIndex } from '../../search-index.js';

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
  async search(db: Kysely<Database>, query, limit): Promise<SearchHit[]> {
    const { rows } = await sql<{ id: string; score: number }>`
      SELECT d.id AS id, bm25(document_fts, ${TITLE_WEIGHT}, 1.0) AS score
      FROM document_fts JOIN documents d ON d.seq = document_fts.rowid
      WHERE document_fts MATCH ${toFtsExpression(query)} AND d.deleted_at IS NULL
      ORDER BY score, d.seq
      LIMIT ${limit}`.execute(db);
    // BM25 in FTS5 is negative, lower is better; expose higher-is-better.
    return rows.map((row) => ({ documentId: row.id, score: -row.score }));
  },
};
