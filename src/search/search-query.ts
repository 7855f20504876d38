import { foldWord, termOf } from './analyzer.js';

/**
 * A parsed search: every clause must match (AND), excluded clauses must not. A clause is a phrase of
 * one or more terms; a prefix clause matches any term starting with its (unstemmed) text.
 */
export interface SearchQuery {
  clauses: QueryClause[];
  excluded: QueryClause[];
}
export interface QueryClause {
  terms: string[];
  prefix: boolean;
}

export class SearchQueryError extends Error {
  override readonly name = 'SearchQueryError';
}

const MAX_QUERY_CHARS = 500;
const MAX_CLAUSES = 32;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/**
 * Parse what a person typed: words, "quoted phrases", -excluded words and prefix* words.
 * Everything else is punctuation. The result holds only letters and digits, so no engine's query
 * syntax can be injected through it.
 */
export function parseSearchQuery(input: string): SearchQuery {
  if (input.length > MAX_QUERY_CHARS) throw new SearchQueryError(`query too long (${input.length} characters, at most ${MAX_QUERY_CHARS})`);
  const clauses: QueryClause[] = [];
  const excluded: QueryClause[] = [];
  const parts = input.match(/-?"[^"]*"?|\S+/g) ?? [];
  for (const part of parts) {
    const negated = part.startsWith('-') && part.length > 1;
    const body = negated ? part.slice(1) : part;
    const quoted = body.startsWith('"');
    const words = [...body.matchAll(WORD)].map((match) => match[0]);
    if (words.length === 0) continue;
    const target = negated ? excluded : clauses;
    if (quoted) {
      target.push({ terms: words.map(termOf), prefix: false });
    } else {
      // An unquoted "anti-gay" is a phrase of its words, as the index saw it.
      const prefix = body.endsWith('*') && words.length === 1;
      target.push({ terms: prefix ? [foldWord(words[0] as string)] : words.map(termOf), prefix });
    }
  }
  if (clauses.length === 0) throw new SearchQueryError('the query has no words to search for');
  if (clauses.length + excluded.length > MAX_CLAUSES) throw new SearchQueryError(`too many terms (at most ${MAX_CLAUSES})`);
  return { clauses, excluded };
}

/** Every term a match may show, for highlighting (prefix clauses match by start). */
export function highlightTerms(query: SearchQuery): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const clause of query.clauses) {
    if (clause.prefix) prefixes.push(clause.terms[0] as string);
    else clause.terms.forEach((term) => exact.add(term));
  }
  return { exact, prefixes };
}
