import { sql, type Kysely } from 'kysely';
import type { QueryClause, SearchQuery } from '../../../search/search-query.js';
import type { Database } from '../../schema.js';
import { SEARCH_CANDIDATES, type IndexedDocument, type SearchHits, type SearchIndex } from '../../search-index.js';

/** The indexed terms a prefix clause stands for, or null to let FTS5 expand the prefix itself. */
export type PrefixTerms = ReadonlyMap<string, readonly string[] | null>;

// Terms hold only letters, digits and marks (see search-query.ts), so quoting is all FTS5 needs.
function clauseToFts(clause: QueryClause, prefixTerms: PrefixTerms): string {
  const expanded = clause.prefix ? prefixTerms.get(clause.terms[0] as string) : null;
  if (expanded) return `(${expanded.map((term) => `"${term}"`).join(' OR ')})`;
  return `"${clause.terms.join(' ')}"${clause.prefix ? '*' : ''}`;
}

/**
 * A parsed query as an FTS5 MATCH expression: AND of clauses, then NOT each exclusion. A prefix
 * clause becomes an OR of the terms it stands for when they are known (prefixTerms).
 */
export function toFtsExpression(query: SearchQuery, prefixTerms: PrefixTerms = new Map()): string {
  let expression = query.clauses.map((clause) => clauseToFts(clause, prefixTerms)).join(' AND ');
  for (const clause of query.excluded) expression = `(${expression}) NOT ${clauseToFts(clause, prefixTerms)}`;
  return expression;
}

// A prefix standing for more terms than this is left to FTS5 (its own prefix query merges them).
const MAX_PREFIX_TERMS = 32;

/**
 * The indexed terms starting with each prefix of the query, read from FTS5's term list. FTS5's own
 * prefix query merges the full doclists of every such term into one before it can return the
 * newest match (задерж*: 24 ms of CPU at 100,000 documents); an OR of the few real terms is walked
 * newest first and stops at the candidate cap (about 4 ms, the lookup included).
 */
async function prefixTermsOf(db: Kysely<Database>, query: SearchQuery): Promise<Map<string, string[] | null>> {
  const prefixes = [...query.clauses, ...query.excluded].filter((clause) => clause.prefix).map((clause) => clause.terms[0] as string);
  const found = new Map<string, string[] | null>();
  if (prefixes.length === 0) return found;
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.document_terms USING fts5vocab(main, document_fts, 'row')`.execute(db);
  for (const prefix of prefixes) {
    // Every term starting with the prefix sorts between it and the prefix followed by the highest code point.
    const { rows } = await sql<{ term: string }>`
      SELECT term FROM temp.document_terms WHERE term >= ${prefix} AND term < ${`${prefix}\u{10FFFF}`} LIMIT ${MAX_PREFIX_TERMS + 1}`.execute(db);
    found.set(prefix, rows.length > MAX_PREFIX_TERMS ? null : rows.map((row) => row.term));
  }
  return found;
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
    const prefixTerms = await prefixTermsOf(db, query);
    // A prefix that starts no indexed term matches nothing; as an exclusion it excludes nothing.
    if (query.clauses.some((clause) => clause.prefix && prefixTerms.get(clause.terms[0] as string)?.length === 0)) return { hits: [], truncated: false };
    const excluded = query.excluded.filter((clause) => !(clause.prefix && prefixTerms.get(clause.terms[0] as string)?.length === 0));
    const expression = toFtsExpression({ clauses: query.clauses, excluded }, prefixTerms);
    const phrases = query.clauses.filter(isPhrase);
    if (phrases.length > 0) return newestPhraseMatches(db, expression, phrases, limit);
    // FTS5 walks matches in rowid order, newest first, and stops at the candidate cap; only those are scored.
    const { rows } = await sql<{ id: string; score: number; candidates: number }>`
      SELECT d.id AS id, c.score AS score, count(*) OVER () AS candidates
      FROM (
        SELECT rowid, bm25(document_fts, ${TITLE_WEIGHT}, 1.0) AS score FROM document_fts
        WHERE document_fts MATCH ${expression}
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

const isPhrase = (clause: QueryClause) => !clause.prefix && clause.terms.length >= 2;

/**
 * Queries with a phrase are not ranked by BM25: FTS5 computes a phrase's IDF by checking the
 * positions of every document in the table that holds all its words, before the first row comes
 * back ("police detained": 55 ms of CPU at 100,000 documents, where the newest 2,000 matches take
 * 6). Instead the newest matches up to the candidate cap are ordered with those whose title holds a
 * phrase first (the title is looked up only within the candidates' range of rows), then newest
 * first. Score: 2 for a title match, 1 otherwise.
 */
async function newestPhraseMatches(db: Kysely<Database>, expression: string, phrases: QueryClause[], limit: number): Promise<SearchHits> {
  const { rows } = await sql<{ id: string; seq: number }>`
    SELECT d.id AS id, d.seq AS seq FROM (
      SELECT rowid FROM document_fts WHERE document_fts MATCH ${expression} ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES + 1}
    ) c JOIN documents d ON d.seq = c.rowid
    WHERE d.deleted_at IS NULL
    ORDER BY d.seq DESC`.execute(db);
  if (rows.length === 0) return { hits: [], truncated: false };
  const oldest = Number((rows[rows.length - 1] as { seq: number }).seq);
  const inTitle = `title : (${phrases.map((clause) => `"${clause.terms.join(' ')}"`).join(' OR ')})`;
  const titled = await sql<{ rowid: number }>`SELECT rowid FROM document_fts WHERE document_fts MATCH ${inTitle} AND rowid >= ${oldest}`.execute(db);
  const titleRows = new Set(titled.rows.map((row) => Number(row.rowid)));
  const candidates = rows.slice(0, SEARCH_CANDIDATES);
  const ordered = [...candidates.filter((row) => titleRows.has(Number(row.seq))), ...candidates.filter((row) => !titleRows.has(Number(row.seq)))];
  return {
    hits: ordered.slice(0, limit).map((row) => ({ documentId: row.id, score: titleRows.has(Number(row.seq)) ? 2 : 1 })),
    truncated: rows.length > SEARCH_CANDIDATES,
  };
}
