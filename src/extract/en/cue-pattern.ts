import type { Token } from '../analyzed-text.js';
import { isNumberToken } from './number-phrase.js';

/**
 * Token patterns for cue lexicons, written as data: `"set fire to"`, `"rounded * up"`, `"torture|tortured"`,
 * `"tortur~"`. Elements are separated by spaces; `a|b` is an alternative, `~` at the end of a word makes it
 * a prefix, and a lone `*` is any one word and `#number` any number (digits or a number word). Matching compares lower-cased tokens, so it is linear in the
 * number of tokens times the (small) number of patterns sharing a first word.
 */
export interface CuePattern {
  source: string;
  elements: PatternElement[];
}

type PatternElement = { any: true } | { words: Set<string>; prefixes: string[] };

export function compilePattern(source: string): CuePattern {
  const elements = source
    .trim()
    .split(/\s+/)
    .map((part): PatternElement => {
      if (part === '*') return { any: true };
      const words = new Set<string>();
      const prefixes: string[] = [];
      for (const alternative of part.toLowerCase().split('|')) {
        if (alternative.endsWith('~')) prefixes.push(alternative.slice(0, -1));
        else words.add(alternative);
      }
      return { words, prefixes };
    });
  if (elements.length === 0 || 'any' in elements[0]!) throw new Error(`cue pattern "${source}" must start with a word`);
  return { source, elements };
}

/** True when one lower-cased word satisfies the element (a word alternative or a prefix). */
export function elementAccepts(element: PatternElement, token: Token): boolean {
  if ('any' in element) return token.kind !== 'punct';
  if (element.words.has(token.lower)) return true;
  if (element.words.has('#number') && isNumberToken(token)) return true;
  for (const prefix of element.prefixes) if (token.lower.startsWith(prefix)) return true;
  return false;
}

/** Number of tokens matched by `pattern` at `tokens[index]`, or 0. */
export function matchAt(pattern: CuePattern, tokens: readonly Token[], index: number): number {
  const { elements } = pattern;
  if (index + elements.length > tokens.length) return 0;
  for (let offset = 0; offset < elements.length; offset++) {
    if (!elementAccepts(elements[offset]!, tokens[index + offset]!)) return 0;
  }
  return elements.length;
}

/**
 * Patterns indexed by their first word, so each token only tries the patterns that can start there.
 * Prefix-led patterns are few and tried at every word.
 */
export class PatternIndex<T> {
  private readonly byWord = new Map<string, { pattern: CuePattern; value: T }[]>();
  private readonly byPrefix: { pattern: CuePattern; value: T }[] = [];

  add(source: string, value: T): void {
    const pattern = compilePattern(source);
    const first = pattern.elements[0] as { words: Set<string>; prefixes: string[] };
    for (const word of first.words) {
      const list = this.byWord.get(word) ?? [];
      list.push({ pattern, value });
      this.byWord.set(word, list);
    }
    if (first.prefixes.length > 0) this.byPrefix.push({ pattern, value });
  }

  /** Every pattern matching at `tokens[index]`, longest first, with its length in tokens. */
  matches(tokens: readonly Token[], index: number): { value: T; length: number }[] {
    const token = tokens[index]!;
    if (token.kind === 'punct') return [];
    const found: { value: T; length: number }[] = [];
    for (const entry of this.byWord.get(token.lower) ?? []) {
      const length = matchAt(entry.pattern, tokens, index);
      if (length > 0) found.push({ value: entry.value, length });
    }
    for (const entry of this.byPrefix) {
      const length = matchAt(entry.pattern, tokens, index);
      if (length > 0) found.push({ value: entry.value, length });
    }
    return found.sort((a, b) => b.length - a.length);
  }
}

/** A set of words and `~` prefixes, tested against one token. */
export class WordSet {
  private readonly words = new Set<string>();
  private readonly prefixes: string[] = [];

  constructor(entries: readonly string[] = []) {
    for (const entry of entries) {
      const lower = entry.toLowerCase();
      if (lower.endsWith('~')) this.prefixes.push(lower.slice(0, -1));
      else this.words.add(lower);
    }
  }

  has(token: Token | undefined): boolean {
    if (!token) return false;
    if (this.words.has(token.lower)) return true;
    if (this.words.has('#number') && isNumberToken(token)) return true;
    for (const prefix of this.prefixes) if (token.lower.startsWith(prefix)) return true;
    return false;
  }

  get size(): number {
    return this.words.size + this.prefixes.length;
  }
}
