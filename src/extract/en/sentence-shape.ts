import type { Token } from '../analyzed-text.js';

const isCapitalised = (token: Token | undefined): boolean =>
  !!token && token.kind === 'word' && token.text[0] !== token.text[0]!.toLowerCase();

/** Short function words that stay lower case inside title-case headlines. */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'is', 'but', 'vs']);

const NAME_CONNECTORS = new Set(['of', 'for', 'against', 'on', 'the', 'and']);

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
  if (isCapitalised(previous)) return true;
  // "Committee for the Prevention of Torture", "Committee Against Torture": a lower-case connector inside a name.
  if (previous && NAME_CONNECTORS.has(previous.lower) && previous.text === previous.lower) {
    for (let i = first - 2; i >= 0 && i >= first - 3; i--) {
      const token = tokens[i]!;
      if (isCapitalised(token)) return true;
      if (!NAME_CONNECTORS.has(token.lower)) break;
    }
  }
  return false;
}
