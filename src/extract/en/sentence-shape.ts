import type { Token } from '../analyzed-text.js';

const isCapitalised = (token: Token | undefined): boolean =>
  !!token && token.kind === 'word' && token.text[0] !== token.text[0]!.toLowerCase();

/** Short function words that stay lower case inside title-case headlines. */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'is', 'but', 'vs']);

/**
 * A title-case line ("Detained, Tortured, Killed: How Chechnya Cracked Down") or an all-caps one:
 * capitals there say nothing about names.
 */
export function isHeadline(tokens: readonly Token[]): boolean {
  let words = 0;
  let capitalised = 0;
  for (const token of tokens) {
    if (token.kind !== 'word' || TITLE_SMALL_WORDS.has(token.lower)) continue;
    words++;
    if (isCapitalised(token)) capitalised++;
  }
  return words >= 3 && capitalised / words >= 0.7;
}

/**
 * A capitalised cue inside a run of capitalised words is part of a name or a title ("Killing Eve",
 * "Arrested Development"), not a statement of the act. The first word of a sentence counts only
 * when the next word is also capitalised.
 */
export function isNameLike(tokens: readonly Token[], first: number, end: number): boolean {
  if (!isCapitalised(tokens[first])) return false;
  const next = tokens[end];
  if (isCapitalised(next) && next!.text !== 'I') return true;
  if (first === 0) return false;
  const previous = tokens[first - 1];
  return isCapitalised(previous);
}
