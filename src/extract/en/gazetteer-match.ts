import type { Token } from '../analyzed-text.js';
import type { Gazetteer, GazetteerPhrase } from '../gazetteers/gazetteer.js';
import { bareLower, isCapitalised } from './name-words.js';

/** A gazetteer alias found at tokens[from..to] (inclusive). */
export interface GazetteerMatch {
  phrase: GazetteerPhrase;
  from: number;
  to: number;
}

/**
 * The longest alias starting at tokens[index]. The first word must be capitalised (so "memorial
 * service" is no organisation), punctuation inside an alias must touch its neighbours ("RFE/RL"),
 * and only the last token may carry a possessive. Work per position is bounded by the number of
 * aliases sharing a first word, so scanning stays linear.
 */
export function matchGazetteer(gazetteer: Gazetteer, tokens: readonly Token[], index: number, shouting: boolean): GazetteerMatch | null {
  const first = tokens[index];
  if (!first || first.kind === 'punct' || !isCapitalised(first.text)) return null;
  // "Chechnya's" opens both "Chechnya" and "Chechnya's Interior Ministry": try the longer aliases first.
  const own = gazetteer.phrasesByFirst.get(first.lower) ?? [];
  const bare = first.lower === bareLower(first) ? [] : gazetteer.phrasesByFirst.get(bareLower(first)) ?? [];
  const candidates = own.length > 0 && bare.length > 0 ? [...own, ...bare].sort((a, b) => b.tokens.length - a.tokens.length) : own.length > 0 ? own : bare;
  for (const phrase of candidates) {
    const length = phrase.tokens.length;
    if (index + length > tokens.length) continue;
    if (phrase.exact && shouting) continue;
    let ok = true;
    for (let k = 0; k < length && ok; k++) {
      const token = tokens[index + k]!;
      const last = k === length - 1;
      const lower = last ? bareLower(token) : token.lower;
      if (lower !== phrase.tokens[k]) ok = false;
      else if (phrase.capitalised[k] && token.kind === 'word' && !isCapitalised(token.text)) ok = false;
      else if (phrase.exact && (last ? token.text.replace(/['’]s$/, '') : token.text) !== phrase.exact[k]) ok = false;
      else if (k > 0 && token.kind === 'punct' && token.start !== tokens[index + k - 1]!.end) ok = false;
      else if (k > 0 && tokens[index + k - 1]!.kind === 'punct' && token.start !== tokens[index + k - 1]!.end && tokens[index + k - 1]!.text !== '.') ok = false;
    }
    if (!ok) continue;
    return { phrase, from: index, to: index + length - 1 };
  }
  return null;
}

/** The entry a single word names on its own ("Kremlin" in "Kremlin-backed"), if any. */
export function gazetteerWord(gazetteer: Gazetteer, word: string): GazetteerPhrase | null {
  const phrases = gazetteer.phrasesByFirst.get(word.toLowerCase().replace(/’/g, "'"));
  return phrases?.find((phrase) => phrase.tokens.length === 1 && (!phrase.exact || phrase.exact[0] === word)) ?? null;
}
