import { foldedOf, termOf, tokenize, wordSpans } from './analyzer.js';
import { highlightTerms, type SearchQuery } from './search-query.js';

/** A passage of a document around the best matches, with the matched words' offsets inside it. */
export interface Snippet {
  text: string;
  highlights: { start: number; end: number }[];
}

const WINDOW_WORDS = 32;

/**
 * Pick the passage of `text` with the most distinct query terms (then the most matches) and
 * mark the matching words. Shared by every store so results read the same on SQLite and PostgreSQL.
 */
export function makeSnippet(text: string, query: SearchQuery): Snippet {
  const { exact, prefixes } = highlightTerms(query);
  // Stemming and folding keep a word's first letter, so only words starting like a query term can
  // match: most words of a long text are passed over without being stemmed.
  const initials = new Set([...exact, ...prefixes].map((term) => term[0]));
  const matches = (term: string, word: () => string) => exact.has(term) || (prefixes.length > 0 && prefixes.some((prefix) => foldedOf(word()).startsWith(prefix)));
  const tokens = wordSpans(text);
  const terms = new Map<number, string>();
  const isHit = tokens.map((token, index) => {
    const word = text.slice(token.start, token.end);
    if (!initials.has(foldedOf(word[0]!))) return false;
    const term = termOf(word);
    terms.set(index, term);
    return matches(term, () => word);
  });
  // Slide a window over the hits only: a long document with few matches costs little.
  const hits: number[] = [];
  isHit.forEach((hit, index) => hit && hits.push(index));
  let bestStart = 0;
  let bestScore = -1;
  for (let first = 0; first < hits.length; first++) {
    const startIndex = hits[first] as number;
    const seen = new Set<string>();
    let count = 0;
    for (let next = first; next < hits.length && (hits[next] as number) < startIndex + WINDOW_WORDS; next++) {
      count++;
      seen.add(terms.get(hits[next] as number) as string);
    }
    const score = seen.size * 1000 + count;
    if (score > bestScore) {
      bestScore = score;
      bestStart = startIndex;
    }
  }
  // Start a few words before the first hit so the match has context.
  const lead = bestStart > 0 ? Math.max(0, bestStart - 4) : 0;
  const last = Math.min(tokens.length, lead + WINDOW_WORDS) - 1;
  if (tokens.length === 0) return { text: text.slice(0, 200), highlights: [] };
  const from = lead === 0 ? 0 : (tokens[lead] as { start: number }).start;
  const to = last === tokens.length - 1 ? text.length : (tokens[last] as { end: number }).end;
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const body = text.slice(from, to).replace(/\s+/g, ' ');
  // Offsets move when whitespace collapses; recompute them on the collapsed passage.
  const highlights: { start: number; end: number }[] = [];
  const collapsedTokens = tokenize(body);
  for (const token of collapsedTokens) {
    if (matches(token.term, () => body.slice(token.start, token.end))) {
      highlights.push({ start: token.start + prefix.length, end: token.end + prefix.length });
    }
  }
  return { text: prefix + body + suffix, highlights };
}

/** Render a snippet with markers around highlights (ANSI reverse video on a terminal, «» otherwise). */
export function renderSnippet(snippet: Snippet, open: string, close: string): string {
  let out = '';
  let cursor = 0;
  for (const { start, end } of snippet.highlights) {
    out += snippet.text.slice(cursor, start) + open + snippet.text.slice(start, end) + close;
    cursor = end;
  }
  return out + snippet.text.slice(cursor);
}
