import { foldedOf, termOf, tokenize, wordBoundaries } from './analyzer.js';
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
  const { starts, ends } = wordBoundaries(text);
  // Whether a word's first character can start a query term, decided once per character.
  const initialMatches = new Map<string, boolean>();
  const hits: number[] = [];
  const hitTerms: string[] = [];
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index] as number;
    const initial = text[start] as string;
    let candidate = initialMatches.get(initial);
    if (candidate === undefined) {
      candidate = initials.has(foldedOf(initial));
      initialMatches.set(initial, candidate);
    }
    if (!candidate) continue;
    const word = text.slice(start, ends[index]);
    const term = termOf(word);
    if (matches(term, () => word)) {
      hits.push(index);
      hitTerms.push(term);
    }
  }
  // Slide a window over the hits only: a long document with few matches costs little.
  let bestStart = 0;
  let bestScore = -1;
  for (let first = 0; first < hits.length; first++) {
    const startIndex = hits[first] as number;
    const seen = new Set<string>();
    let count = 0;
    for (let next = first; next < hits.length && (hits[next] as number) < startIndex + WINDOW_WORDS; next++) {
      count++;
      seen.add(hitTerms[next] as string);
    }
    const score = seen.size * 1000 + count;
    if (score > bestScore) {
      bestScore = score;
      bestStart = startIndex;
    }
  }
  // Start a few words before the first hit so the match has context.
  const lead = bestStart > 0 ? Math.max(0, bestStart - 4) : 0;
  const last = Math.min(starts.length, lead + WINDOW_WORDS) - 1;
  if (starts.length === 0) return { text: text.slice(0, 200), highlights: [] };
  const from = lead === 0 ? 0 : (starts[lead] as number);
  const to = last === starts.length - 1 ? text.length : (ends[last] as number);
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
