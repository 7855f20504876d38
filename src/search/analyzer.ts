import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as russianStemmer } from '@orama/stemmers/russian';

/** A word of a text: its folded, stemmed search term and where it stands in the text. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

// A word is a letter or digit followed by letters, digits and combining marks (й, ё, accented
// Latin): the regular expression /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/u. Every capture analyses every
// word of its text, so words are found by a scan over a table of the Basic Multilingual Plane's
// classes (a third faster than the expression); code points beyond it (surrogate pairs) are
// classified by the expression's own character classes.
const OTHER = 0;
const LETTER_OR_DIGIT = 1;
const MARK = 2;
const LETTER_OR_DIGIT_CHAR = /^[\p{L}\p{N}]$/u;
const MARK_CHAR = /^\p{M}$/u;
const classOf = (char: string) => (LETTER_OR_DIGIT_CHAR.test(char) ? LETTER_OR_DIGIT : MARK_CHAR.test(char) ? MARK : OTHER);
const BMP_CLASSES = (() => {
  const table = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) if (unit < 0xd800 || unit > 0xdfff) table[unit] = classOf(String.fromCharCode(unit));
  return table;
})();

/** The class of the code point at `index` and how many UTF-16 units it takes. */
function codePointClass(text: string, index: number): { kind: number; width: number } {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdfff) return { kind: BMP_CLASSES[unit] as number, width: 1 };
  const point = text.codePointAt(index) as number;
  if (point <= 0xffff) return { kind: OTHER, width: 1 }; // a lone surrogate
  return { kind: classOf(String.fromCodePoint(point)), width: 2 };
}

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

/** Call `onWord(start, end)` for each word of the text, in order (end exclusive). */
export function forEachWord(text: string, onWord: (start: number, end: number) => void): void {
  const length = text.length;
  let index = 0;
  while (index < length) {
    const unit = text.charCodeAt(index);
    let kind: number;
    let width = 1;
    if (isSurrogate(unit)) ({ kind, width } = codePointClass(text, index));
    else kind = BMP_CLASSES[unit] as number;
    if (kind !== LETTER_OR_DIGIT) {
      index += width;
      continue;
    }
    const start = index;
    index += width;
    while (index < length) {
      const next = text.charCodeAt(index);
      if (isSurrogate(next)) {
        const point = codePointClass(text, index);
        if (point.kind === OTHER) break;
        index += point.width;
      } else if (BMP_CLASSES[next] === OTHER) break;
      else index++;
    }
    onWord(start, index);
  }
}
const CYRILLIC = /\p{Script=Cyrillic}/u;
// Longer "words" are identifiers, hashes or junk; indexing them only bloats the index.
const MAX_WORD_CHARS = 40;

/**
 * Fold a word for matching: lower case, ё -> е (Russian texts use both), Latin accents removed
 * (Jaén, Jaen); Cyrillic keeps its diacritics because й is a letter of its own.
 */
export function foldWord(word: string): string {
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  if (CYRILLIC.test(lower)) return lower.normalize('NFC');
  return lower.normalize('NFD').replace(/\p{M}/gu, '');
}

// Russian surnames and other words built on -ов/-ев/-ин/-ын, with any case or gender ending:
// Титиев, Титиева, Титиеву, Кадыровым. Snowball strips "-ев" from the nominative but not from the
// genitive (Титиев -> тит, Титиева -> титиев), so a search for a name would miss its other forms.
const POSSESSIVE_SUFFIX_WORD = /^(\p{L}{3,})(ов|ев|ин|ын)(а|у|ым|ом|ой|ою|е|ы|ых|ыми|им)?$/u;

// Word frequencies are Zipfian: a bounded memo of recent words saves most folding and stemming.
const TERM_MEMO_LIMIT = 100_000;
const termMemo = new Map<string, string>();
const foldMemo = new Map<string, string>();

/** foldWord, memoised: snippets fold every word of a result to test it against prefix queries. */
export function foldedOf(word: string): string {
  let folded = foldMemo.get(word);
  if (folded === undefined) {
    if (foldMemo.size >= TERM_MEMO_LIMIT) foldMemo.clear();
    folded = foldWord(word);
    foldMemo.set(word, folded);
  }
  return folded;
}

/** The search term of a word: folded, then stemmed by the stemmer of its script (Snowball Russian or English). */
export function termOf(word: string): string {
  let term = termMemo.get(word);
  if (term === undefined) {
    if (termMemo.size >= TERM_MEMO_LIMIT) termMemo.clear();
    term = computeTerm(word);
    termMemo.set(word, term);
  }
  return term;
}

function computeTerm(word: string): string {
  const folded = foldWord(word);
  if (CYRILLIC.test(folded)) {
    const surname = POSSESSIVE_SUFFIX_WORD.exec(folded);
    return surname ? (surname[1] as string) : russianStemmer(folded);
  }
  if (/^[a-z]+$/.test(folded)) return englishStemmer(folded);
  return folded;
}

/**
 * The words of a text with their search terms and offsets. The stemmer is chosen per word by
 * script rather than per document by detected language, so mixed texts and quoted names work.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachWord(text, (start, end) => {
    if (end - start <= MAX_WORD_CHARS) tokens.push({ term: termOf(text.slice(start, end)), start, end });
  });
  return tokens;
}

/**
 * Where the words of a text are (the same words as tokenize()), without analysing them: word i
 * spans [starts[i], ends[i]). Two number arrays rather than an object per word, because snippets
 * scan every word of every result.
 */
export function wordBoundaries(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  forEachWord(text, (start, end) => {
    if (end - start <= MAX_WORD_CHARS) {
      starts.push(start);
      ends.push(end);
    }
  });
  return { starts, ends };
}

/** The text a search index stores for a document: its terms, in order, separated by spaces. */
export function indexText(text: string): string {
  // The same words as tokenize(), without building a token object per word (this runs on every capture).
  const terms: string[] = [];
  forEachWord(text, (start, end) => {
    if (end - start <= MAX_WORD_CHARS) terms.push(termOf(text.slice(start, end)));
  });
  return terms.join(' ');
}
