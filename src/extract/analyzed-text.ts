/**
 * The shared first step of extraction: sentences and word tokens with their offsets.
 * Linear in the text's length (one pass each), so any input, punctuated or not, is safe.
 */

export interface Token {
  text: string;
  /** Lower-cased, with typographic apostrophes made plain. */
  lower: string;
  start: number;
  end: number;
  /** 'word' (letters, may hold ' and -), 'number' (digits with , or . inside) or 'punct' (anything else, one char). */
  kind: 'word' | 'number' | 'punct';
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

export interface AnalyzedText {
  text: string;
  sentences: Sentence[];
}

const TOKEN = /(\p{L}[\p{L}\p{M}]*(?:['’\-‐‑][\p{L}\p{M}]+)*)|(\p{N}+(?:[.,]\p{N}+)*)|(\S)/gu;

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'rev', 'sen', 'rep', 'gov',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'etc', 'approx',
  'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'ул', 'г', 'гг', 'т', 'им', 'д',
]);

/** A sentence never grows past this many characters: keeps later per-sentence rules bounded. */
const MAX_SENTENCE = 2000;

export function tokenize(text: string, offset = 0, limit = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = offset;
  for (let match = TOKEN.exec(text); match !== null && match.index < limit; match = TOKEN.exec(text)) {
    const value = match[0];
    const kind = match[1] !== undefined ? 'word' : match[2] !== undefined ? 'number' : 'punct';
    tokens.push({ text: value, lower: value.toLowerCase().replace(/’/g, "'"), start: match.index, end: match.index + value.length, kind });
  }
  return tokens;
}

function endsSentence(text: string, tokens: Token[], index: number): boolean {
  const token = tokens[index]!;
  if (token.text !== '.' && token.text !== '!' && token.text !== '?' && token.text !== '…') return false;
  const next = tokens[index + 1];
  if (next === undefined) return true;
  // Only a break when followed by space and something that can open a sentence.
  if (next.start === token.end) return false;
  if (token.text !== '.') return true;
  const previous = tokens[index - 1];
  if (previous && previous.end === token.start && previous.kind === 'word') {
    const word = previous.lower;
    if (ABBREVIATIONS.has(word)) return false;
    // An initial ("A. Politkovskaya") or the middle of "U.S." does not end a sentence.
    if (word.length === 1 && previous.text !== previous.lower) return false;
    if (tokens[index - 2]?.text === '.' && tokens[index - 2]!.end === previous.start && ABBREVIATIONS.has(`${tokens[index - 3]?.lower}.${word}`)) return false;
  }
  let following = next;
  for (let j = index + 1; following && /^["'“”‘’«»()[\]]$/.test(following.text); j++) following = tokens[j + 1]!;
  if (!following) return true;
  const first = following.text[0]!;
  return first !== first.toLowerCase() || following.kind === 'number';
}

/** Split into sentences: at . ! ? before a capital or a digit (not after Mr., U.S. or an initial), and at line breaks. */
export function analyze(text: string): AnalyzedText {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const tokens = tokenize(text, lineStart, lineEnd);
    let first = 0;
    for (let i = 0; i < tokens.length; i++) {
      const long = tokens[i]!.end - tokens[first]!.start >= MAX_SENTENCE;
      if (i === tokens.length - 1 || endsSentence(text, tokens, i) || long) {
        const start = tokens[first]!.start;
        const end = tokens[i]!.end;
        sentences.push({ start, end, text: text.slice(start, end), tokens: tokens.slice(first, i + 1) });
        first = i + 1;
      }
    }
    lineStart = lineEnd + 1;
  }
  return { text, sentences };
}
