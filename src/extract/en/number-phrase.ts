import type { Token } from '../analyzed-text.js';
import { figuresLexicon } from './lexicon.js';

/** A cardinal read from tokens: "1,200", "forty", "two hundred and fifty", "a dozen", "dozens", "tens of thousands". */
export interface NumberPhrase {
  value: number;
  /** Upper end of a range ("10 to 20", "between 10 and 20", "two or three"), else null. */
  max: number | null;
  /** "dozens", "several hundred": the value is a minimum reading of a vague quantity. */
  vague: boolean;
  /** Token indices, end exclusive. */
  first: number;
  end: number;
}

const { units, scales, vague, vagueMultipliers } = figuresLexicon;
const unitOf = (word: string): number | undefined => (Object.hasOwn(units, word) ? units[word] : undefined);
const scaleOf = (word: string): number | undefined => (Object.hasOwn(scales, word) ? scales[word] : undefined);
const vagueOf = (word: string): number | undefined => (Object.hasOwn(vague, word) ? vague[word] : undefined);

/** "twenty-five" → 25; plain unit words; undefined otherwise. */
function wordValue(word: string): number | undefined {
  const direct = unitOf(word);
  if (direct !== undefined) return direct;
  const hyphen = word.search(/[-‐‑]/);
  if (hyphen > 0) {
    const tens = unitOf(word.slice(0, hyphen));
    const ones = unitOf(word.slice(hyphen + 1));
    if (tens !== undefined && ones !== undefined && tens >= 20 && tens % 10 === 0 && ones > 0 && ones < 10) return tens + ones;
  }
  return undefined;
}

/** Digits with thousands separators ("1,200") or a decimal ("1.4", only meaningful before a scale word). */
function digitValue(text: string): number | undefined {
  if (/^\d{1,3}(,\d{3})+$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d+$/.test(text)) return text.length > 12 ? undefined : Number(text);
  if (/^\d+\.\d+$/.test(text)) return Number(text);
  return undefined;
}

/** True for a token that can start a number: digits or a number word. */
export function isNumberToken(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'number') return true;
  return token.kind === 'word' && (wordValue(token.lower) !== undefined || scaleOf(token.lower) !== undefined || vagueOf(token.lower) !== undefined);
}

/** One cardinal without range, starting exactly at `index`. */
function readCardinal(tokens: readonly Token[], index: number): NumberPhrase | null {
  const token = tokens[index];
  if (!token) return null;
  let i = index;
  let value: number | undefined;
  let isVague = false;
  const lower = token.lower;
  const next = tokens[index + 1];
  // "a dozen", "a hundred", "half a dozen", "a few hundred", "several dozen"
  if ((lower === 'a' || lower === 'an') && next && (unitOf(next.lower) === 12 || scaleOf(next.lower) !== undefined) && next.lower !== 'one') {
    value = unitOf(next.lower) ?? scaleOf(next.lower)!;
    i = index + 2;
  } else if (lower === 'half' && next?.lower === 'a' && tokens[index + 2]?.lower === 'dozen') {
    value = 6;
    i = index + 3;
  } else if ((Object.hasOwn(vagueMultipliers, lower) || (lower === 'a' && next?.lower === 'few')) && tokens[lower === 'a' ? index + 2 : index + 1]) {
    const multiplierKey = lower === 'a' ? 'a few' : lower;
    const unitIndex = lower === 'a' ? index + 2 : index + 1;
    const unitWord = tokens[unitIndex]!.lower;
    const unit = unitWord === 'dozen' ? 12 : scaleOf(unitWord);
    if (unit === undefined || !Object.hasOwn(vagueMultipliers, multiplierKey)) return null;
    value = vagueMultipliers[multiplierKey]! * unit;
    isVague = true;
    i = unitIndex + 1;
  } else if (token.kind === 'number') {
    value = digitValue(token.text);
    if (value === undefined) return null;
    i = index + 1;
  } else if (token.kind === 'word') {
    const vagueValue = vagueOf(lower);
    if (vagueValue !== undefined) {
      // "tens of thousands", "hundreds of thousands"
      const after = tokens[index + 1];
      const larger = tokens[index + 2];
      if (after?.lower === 'of' && larger && vagueOf(larger.lower) !== undefined && vagueOf(larger.lower)! > vagueValue) {
        return { value: vagueValue * vagueOf(larger.lower)!, max: null, vague: true, first: index, end: index + 3 };
      }
      return { value: vagueValue, max: null, vague: true, first: index, end: index + 1 };
    }
    value = wordValue(lower);
    if (value === undefined) return null;
    i = index + 1;
  } else {
    return null;
  }
  // Scale words multiply ("two hundred", "1.4 million"), "and" joins a following smaller part ("two hundred and fifty").
  for (;;) {
    const scaleToken = tokens[i];
    const scale = scaleToken ? (scaleToken.lower === 'dozen' ? 12 : scaleOf(scaleToken.lower)) : undefined;
    if (scale === undefined || value >= scale * 1000) break;
    value = Math.round(value * scale);
    i++;
    const joiner = tokens[i]?.lower === 'and' ? 1 : 0;
    const rest = tokens[i + joiner];
    const restValue = rest && rest.kind === 'word' ? wordValue(rest.lower) : undefined;
    if (restValue !== undefined && restValue < scale) {
      value += restValue;
      i += joiner + 1;
    }
  }
  if (!Number.isFinite(value) || !Number.isInteger(value)) return null;
  return { value, max: null, vague: isVague, first: index, end: i };
}

/**
 * The number phrase starting at `index`, with a range when one follows ("10 to 20", "10-20", "two or three";
 * "between … and …" is recognised by the caller, which sees the word before).
 */
export function readNumber(tokens: readonly Token[], index: number, allowAndRange = false): NumberPhrase | null {
  const first = readCardinal(tokens, index);
  if (!first) return null;
  const joiner = tokens[first.end];
  if (joiner && !first.vague) {
    const isDash = joiner.kind === 'punct' && /^[-‐‑–—]$/.test(joiner.text) && joiner.start === tokens[first.end - 1]!.end;
    const isWord = joiner.lower === 'to' || joiner.lower === 'or' || (allowAndRange && joiner.lower === 'and');
    if (isDash || isWord) {
      const second = readCardinal(tokens, first.end + 1);
      if (second && !second.vague && second.value > first.value) {
        return { value: first.value, max: second.value, vague: false, first: index, end: second.end };
      }
    }
  }
  return first;
}
