import type { FigureBound, FigureCategory } from '../../model/index.js';
import type { AnalyzedText, Token } from '../analyzed-text.js';
import type { ExtractedFigure } from '../extraction.js';
import { compilePattern, PatternIndex, WordSet } from './cue-pattern.js';
import { datesLexicon, figuresLexicon } from './lexicon.js';
import { isNumberToken, readNumber, type NumberPhrase } from './number-phrase.js';

type What = FigureCategory | 'other';

const categoryIndex = new PatternIndex<FigureCategory>();
/** Single words that name a category when they govern a number from before it ("killing at least three"). */
const categoryBefore = new Map<string, FigureCategory>();
for (const { what, cue } of figuresLexicon.categories) categoryIndex.add(cue, what);
// Single-word cues first: "tortured" alone means tortured, even though "tortured to death" means killed.
for (const single of [true, false]) {
  for (const { what, cue } of figuresLexicon.categories) {
    const { elements } = compilePattern(cue);
    const first = elements[0]!;
    if ((elements.length === 1) !== single || !('words' in first)) continue;
    for (const word of first.words) if (!categoryBefore.has(word)) categoryBefore.set(word, what);
  }
}

/** Bound phrases, tried longest first, ending right before the number. */
const bounds = figuresLexicon.bounds
  .map(({ words, bound }) => ({ words: words.split(' '), bound }))
  .sort((a, b) => b.words.length - a.words.length);

const nonVictimAfter = new WordSet(figuresLexicon.nonVictimAfter);
const nonVictimBefore = new WordSet(figuresLexicon.nonVictimBefore);
/** Words saying the counted people are a crowd, attackers, followers…: not victims. */
const nonVictimNear = new WordSet(figuresLexicon.nonVictimNear);
const clauseBreak = new WordSet(figuresLexicon.clauseBreak);
const people = new WordSet(figuresLexicon.people);
const helpVerbs = new WordSet(figuresLexicon.helpVerbs);
const helpTargets = new WordSet(figuresLexicon.helpTargets);
const months = new WordSet(Object.keys(datesLexicon.months));
/** Words a governing verb or noun may have between itself and its number: "the detention of 27", "rounded up by the hundreds". */
const governorGap = new WordSet(['of', 'the', 'a', 'an', 'by', 'up', 'down', 'total', 'all', 'another', 'further', 'some', 'in', 'out', '(']);
/** A participle after these is passive ("have been detained and at least two …") and governs nothing after it. */
const passiveAuxiliaries = new WordSet(['be', 'been', 'being', 'was', 'were', 'is', 'are', 'got', 'get', 'gets']);
const determiners = new WordSet(['no', 'any', 'every', 'each', 'the', 'this', 'that', 'which', 'someone', 'anyone', 'everyone', 'no-one', 'only']);
const AGE_WORDS = new WordSet(['age', 'aged', 'ages', 'between']);

const FORWARD = 10;

/** "at least 40", "between 10 and 20": the bound ending right before token `first`, with where it starts. */
function boundBefore(tokens: readonly Token[], first: number): { bound: FigureBound; start: number } | null {
  for (const { words, bound } of bounds) {
    const start = first - words.length;
    if (start < 0 || first > tokens.length) continue;
    let same = true;
    for (let k = 0; k < words.length && same; k++) same = tokens[start + k]!.lower === words[k];
    if (same) return { bound, start };
  }
  return null;
}

/** Part of a date, a time or a code: "14 April", "April 14", "2017-04-14", "10:30", a year. */
function isDateOrCode(tokens: readonly Token[], phrase: NumberPhrase): boolean {
  const first = tokens[phrase.first]!;
  const last = tokens[phrase.end - 1]!;
  const previous = tokens[phrase.first - 1];
  const next = tokens[phrase.end];
  if (months.has(previous) || months.has(next)) return first.kind === 'number';
  const isYear = (value: number | null) => value !== null && value >= 1800 && value <= 2100;
  if (first.kind === 'number' && /^\d{4}$/.test(first.text) && isYear(phrase.value) && (phrase.max === null || isYear(phrase.max))) return true;
  // Glued to letters: "1ADAT", "5th", "G7" are names and ordinals.
  if (first.kind === 'number' && ((previous && previous.end === first.start && previous.kind === 'word') || (next && next.start === last.end && next.kind === 'word'))) return true;
  // Glued to a separator that is glued to another number: "2017-04-14", "10:30", "12/05".
  const glued = (separator: Token | undefined, other: Token | undefined, touchingSeparatorLeft: boolean) =>
    !!separator && !!other && separator.kind === 'punct' && /[-/:.]/.test(separator.text) && other.kind === 'number' &&
    (touchingSeparatorLeft ? separator.end === first.start && other.end === separator.start : separator.start === last.end && other.start === separator.end);
  if (phrase.max === null && (glued(previous, tokens[phrase.first - 2], true) || glued(next, tokens[phrase.end + 1], false))) return true;
  return false;
}

/** A duration, age, sum, page, article number… — a count, but never of victims. */
function isNonVictimCount(tokens: readonly Token[], phrase: NumberPhrase, boundStart: number): boolean {
  let next = tokens[phrase.end];
  // "25-year-old": the unit is glued by a hyphen.
  if (next && next.kind === 'punct' && /^[-‐‑]$/.test(next.text) && next.start === tokens[phrase.end - 1]!.end) next = tokens[phrase.end + 1];
  if (nonVictimAfter.has(next)) return true;
  if (next && (next.text === '%' || next.lower === 'percent')) return true;
  if (nonVictimBefore.has(tokens[boundStart - 1])) return true;
  // "range in age from 16 to 50", "aged between 18 and 30"
  for (let i = boundStart - 1; i >= 0 && i >= boundStart - 3; i--) if (AGE_WORDS.has(tokens[i]) && tokens[i]!.lower !== 'between') return true;
  return false;
}

/** A verb or noun right before the number that governs it: "killing one", "the detention of 27 people". */
function categoryFromBefore(tokens: readonly Token[], boundStart: number): FigureCategory | null {
  for (let i = boundStart - 1; i >= 0 && i >= boundStart - 4; i--) {
    const token = tokens[i]!;
    const what = categoryBefore.get(token.lower);
    // A passive participle ("have been detained and at least two …") governs nothing after it, unless
    // the number is its agent-like complement ("rounded up by the hundreds").
    if (what) return passiveAuxiliaries.has(tokens[i - 1]) && tokens[i + 1]?.lower !== 'by' && tokens[i + 2]?.lower !== 'by' ? null : what;
    if (!governorGap.has(token)) return null;
  }
  return null;
}

/** "helped 150 people flee", "helped about 40 men escape Chechnya". */
function isHelpedToLeave(tokens: readonly Token[], boundStart: number, end: number): boolean {
  if (!helpVerbs.has(tokens[boundStart - 1])) return false;
  for (let i = end; i < tokens.length && i < end + 6; i++) if (helpTargets.has(tokens[i])) return true;
  return false;
}

/**
 * The verb or noun after the number that says what happened to them: "40 men were rounded up",
 * "at least two have died", "two dead". Stops at a clause break or the next number, and skips a
 * verb that governs a following number ("… and killed at least three").
 */
function categoryFromAfter(tokens: readonly Token[], end: number): What | null {
  for (let i = end; i < tokens.length && i < end + FORWARD; i++) {
    const token = tokens[i]!;
    if (isNumberToken(token) && token.lower !== 'one') return null;
    if (nonVictimNear.has(token)) return 'other';
    // "two of those detained had died": the participle names the group; the verb comes later.
    const previous = tokens[i - 1]?.lower;
    if ((previous === 'those' || previous === 'the') && token.lower.endsWith('ed')) continue;
    const match = categoryIndex.matches(tokens, i)[0];
    if (match) {
      const after = i + match.length;
      if (isNumberToken(tokens[after]) || boundBefore(tokens, after + 1) || boundBefore(tokens, after + 2)) return null;
      return match.value;
    }
    if (i > end && clauseBreak.has(token)) return null;
  }
  return null;
}

const ONE_FOLLOWERS = new WordSet(['person', 'man', 'woman', 'activist', 'journalist', 'detainee', 'prisoner', 'child', 'boy', 'girl', 'was', 'is', 'has', 'had', 'died', 'dead', 'killed', 'wounded', 'injured', 'and']);

function isCountOfOne(tokens: readonly Token[], phrase: NumberPhrase): boolean {
  if (determiners.has(tokens[phrase.first - 1])) return false;
  if (categoryFromBefore(tokens, phrase.first) !== null) return true;
  return ONE_FOLLOWERS.has(tokens[phrase.end]);
}

function isPeopleNoun(tokens: readonly Token[], end: number): boolean {
  return people.has(tokens[end]) || people.has(tokens[end + 1]);
}

/** Counts of victims with bound and category; other counts of people as `other`; dates, ages, sums and durations skipped. */
export function extractFigures(analyzed: AnalyzedText): ExtractedFigure[] {
  const figures: ExtractedFigure[] = [];
  const { text } = analyzed;
  for (const sentence of analyzed.sentences) {
    const { tokens } = sentence;
    const seen = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const startsNumber = isNumberToken(token) || ((token.lower === 'a' || token.lower === 'an' || token.lower === 'half' || token.lower === 'several' || token.lower === 'few') && isNumberLed(tokens, i));
      if (!startsNumber) continue;
      const between = tokens[i - 1]?.lower === 'between';
      const phrase = readNumber(tokens, i, between);
      if (!phrase) continue;
      i = phrase.end - 1;
      if (isDateOrCode(tokens, phrase)) continue;
      // "one" is mostly a pronoun ("one of them", "the one that…"): a count only beside a person noun or a verb.
      if (token.lower === 'one' && phrase.max === null && !isCountOfOne(tokens, phrase)) continue;
      if (token.lower === 'half' && phrase.end === phrase.first + 1) continue;

      const explicit = between ? { bound: 'range' as const, start: phrase.first - 1 } : boundBefore(tokens, phrase.first);
      const boundStart = explicit?.start ?? phrase.first;
      let bound: FigureBound = explicit?.bound ?? (phrase.max !== null ? 'range' : phrase.vague ? 'at_least' : 'exact');
      if (phrase.max !== null) bound = 'range';

      let what: What | null;
      if (isNonVictimCount(tokens, phrase, boundStart)) what = 'other';
      else if (isHelpedToLeave(tokens, boundStart, phrase.end)) what = 'displaced';
      else what = categoryFromBefore(tokens, boundStart) ?? categoryFromAfter(tokens, phrase.end);
      if (what === null) {
        if (!isPeopleNoun(tokens, phrase.end)) continue;
        what = 'other';
      }
      const key = `${what}:${phrase.value}`;
      if (seen.has(key) && what !== 'other') continue;
      seen.add(key);
      const start = tokens[boundStart]!.start;
      const end = tokens[phrase.end - 1]!.end;
      figures.push({ what, value: phrase.value, max: phrase.max, bound, text: text.slice(start, end), start, end, attribution: null });
    }
  }
  return figures;
}

/** "a dozen", "a hundred", "half a dozen", "several hundred", "a few dozen": number phrases led by a non-number word. */
function isNumberLed(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index + 1]?.lower;
  const afterNext = tokens[index + 2]?.lower;
  const lower = tokens[index]!.lower;
  const scaleOrDozen = (word: string | undefined) => word === 'dozen' || word === 'hundred' || word === 'thousand' || word === 'million';
  if (lower === 'a' || lower === 'an') return scaleOrDozen(next) || (next === 'few' && scaleOrDozen(afterNext));
  if (lower === 'half') return next === 'a' && afterNext === 'dozen';
  return scaleOrDozen(next);
}
