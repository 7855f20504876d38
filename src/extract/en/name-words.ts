import type { Token } from '../analyzed-text.js';

/** Small predicates on word tokens that the entity rules share. */

const POSSESSIVE = /['’]s$/;

/** "Kadyrov's" and "Kadyrov’s" end in a possessive that is never part of a name. */
export function isPossessive(token: Token): boolean {
  return token.kind === 'word' && token.text.length > 2 && POSSESSIVE.test(token.text);
}

/** The token's text without a possessive ending. */
export function bareText(token: Token): string {
  return isPossessive(token) ? token.text.slice(0, -2) : token.text;
}

/** Lower-cased, without a possessive ending. */
export function bareLower(token: Token): string {
  return isPossessive(token) ? token.lower.slice(0, -2) : token.lower;
}

/** Starts with an upper-case letter of any script. */
export function isCapitalised(text: string): boolean {
  const first = text.codePointAt(0);
  if (first === undefined) return false;
  const char = String.fromCodePoint(first);
  return char !== char.toLowerCase();
}

/** Every letter upper-case and at least two letters: an abbreviation (FSB) or shouted text. */
export function isAllCaps(text: string): boolean {
  let letters = 0;
  for (const char of text) {
    if (char === char.toUpperCase() && char !== char.toLowerCase()) letters++;
    else if (char !== char.toUpperCase()) return false;
  }
  return letters >= 2;
}

/** The word ends with one of the endings (longest first) and keeps at least three letters before it. */
export function endsWithAny(word: string, endings: readonly string[]): boolean {
  for (const ending of endings) if (word.length >= ending.length + 3 && word.endsWith(ending)) return true;
  return false;
}

/** Quotes, brackets and dashes that may stand between a sentence start and its first word. */
export function isOpening(token: Token): boolean {
  return token.kind === 'punct' && /^["'“”‘’«»([—–\-:*#•]$/.test(token.text);
}
