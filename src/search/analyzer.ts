import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as russianStemmer } from '@orama/stemmers/russian';

/** A word of a text: its folded, stemmed search term and where it stands in the text. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

// Letters and digits, with combining marks kept inside the word (й, ё, accented Latin).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
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
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (word.length > MAX_WORD_CHARS) continue;
    const start = match.index;
    tokens.push({ term: termOf(word), start, end: start + word.length });
  }
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
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    if (match[0].length <= MAX_WORD_CHARS) {
      starts.push(match.index);
      ends.push(match.index + match[0].length);
    }
  }
  return { starts, ends };
}

/** The text a search index stores for a document: its terms, in order, separated by spaces. */
export function indexText(text: string): string {
  // The same words as tokenize(), without building a token object per word (this runs on every capture).
  const terms: string[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    if (match[0].length <= MAX_WORD_CHARS) terms.push(termOf(match[0]));
  }
  return terms.join(' ');
}
