import type { Token } from '../analyzed-text.js';
import type { Lexicon } from '../gazetteers/lexicon.js';
import { bareLower, endsWithAny, isAllCaps, isCapitalised, isPossessive } from './name-words.js';

/** Points for each kind an unknown name could be; summed over a name's mentions in the document. */
export interface KindEvidence {
  person: number;
  organization: number;
  place: number;
}

export type HeadKind = 'organization' | 'place' | 'other' | null;

export const noEvidence = (): KindEvidence => ({ person: 0, organization: 0, place: 0 });

/**
 * What the name's own words say: "… Ministry", "Republic of …", "… Act". The last word decides,
 * except in "X of Y" names, where the word before "of" is the head.
 */
export function headKind(words: readonly string[], lexicon: Lexicon): HeadKind {
  if (words.length < 2) return null;
  const lower = words.map((word) => word.toLowerCase());
  const of = lower.indexOf('of');
  const heads = of > 0 ? [lower[of - 1]!, lower[lower.length - 1]!] : [lower[lower.length - 1]!];
  for (const head of heads) {
    if (lexicon.organizationHeads.has(head)) return 'organization';
    if (lexicon.placeHeads.has(head)) return 'place';
    if (lexicon.otherHeads.has(head)) return 'other';
  }
  return null;
}

/** The word looks like a Russian or Caucasian surname (Titiev, Musayeva, Politkovskaya, Sokirianskaia). */
export function hasSurnameShape(word: string, lexicon: Lexicon): boolean {
  return word.length >= 5 && !isAllCaps(word) && endsWithAny(word.toLowerCase(), lexicon.surnameEndings);
}

// Lower-case words allowed between a name and the organisation noun it is followed by ("Memorial human rights group").
const ORGANIZATION_NOUN_FILLERS = new Set(['human', 'rights', 'human-rights', 'news', 'independent', 'online', 'russian', 'local', 'opposition', 'non-governmental', 'state', 'state-run', 'state-owned', 'pro-kremlin', 'lgbt', 'rights-group', 'advocacy', 'watchdog', 'media', 'television', 'tv']);

/**
 * Evidence from the words around one mention at tokens[first..last] of its sentence: titles and
 * roles, given names, surname shape, speech verbs and appositions for persons; prepositions and
 * "village of" for places; "newspaper", "group" after the name for organisations.
 */
export function contextEvidence(tokens: readonly Token[], first: number, last: number, words: readonly string[], titled: boolean, lexicon: Lexicon): KindEvidence {
  const evidence = noEvidence();
  const lowerWords = words.map((word) => word.toLowerCase());
  const firstWord = lowerWords[0] ?? '';
  const lastWord = words[words.length - 1] ?? '';
  if (titled) evidence.person += 3;
  if (words.length >= 2 && lexicon.firstNames.has(firstWord)) evidence.person += 3;
  else if (words.length >= 2 && lexicon.ambiguousFirstNames.has(firstWord) && hasSurnameShape(lastWord, lexicon)) evidence.person += 2;
  else if (words.length === 1 && lexicon.firstNames.has(firstWord)) evidence.person += 1;
  if (hasSurnameShape(lastWord, lexicon)) evidence.person += 1.5;
  else if (words.length === 1 && endsWithAny(firstWord, lexicon.placeEndings)) evidence.place += 1;
  if (words.length === 1 && isAllCaps(lastWord) && lastWord.length <= 6) evidence.organization += 1;

  const possessive = isPossessive(tokens[last]!);
  const previous = tokens[first - 1];
  const beforePrevious = tokens[first - 2];
  const next = tokens[last + 1];

  if (previous && previous.kind === 'word' && !isCapitalised(previous.text)) {
    const word = previous.lower;
    if (lexicon.titles.has(word) || lexicon.kin.has(word)) evidence.person += 3;
    if (word === 'the') { evidence.person -= 2; evidence.organization += 0.5; }
    if (lexicon.placePrepositions.has(word)) {
      // "in Gävle" is a place; "in Kadyrov's Chechnya" says nothing about Kadyrov; a line without a
      // closing stop ("Read More in Impact") is page furniture more often than prose.
      const prose = /^[.!?"”’)]$/.test(tokens[tokens.length - 1]!.text);
      const strong = prose && (word === 'in' || word === 'near' || word === 'outside') && !possessive && !hasSurnameShape(lastWord, lexicon) && !lexicon.firstNames.has(firstWord);
      evidence.place += strong ? 2 : 1;
    }
    if (word === 'of' && beforePrevious && lexicon.placeOfNouns.has(beforePrevious.lower)) evidence.place += 3;
  }
  // "the news site the Intercept", "the Norwegian paper Ny Tid"
  const nounBefore = previous?.lower === 'the' ? beforePrevious : previous;
  if (nounBefore && nounBefore.kind === 'word' && !isCapitalised(nounBefore.text) && lexicon.organizationNouns.has(nounBefore.lower)) evidence.organization += 2.5;
  // "Abubakar, Ibragim and Baisangur": a given name listed with another given name
  if ((previous?.lower === 'and' || previous?.text === ',') && beforePrevious && isCapitalised(beforePrevious.text) && lexicon.firstNames.has(bareLower(beforePrevious)) && lexicon.firstNames.has(firstWord)) evidence.person += 2;
  if (previous?.text === ',' && beforePrevious && beforePrevious.kind === 'word' && (lexicon.kin.has(beforePrevious.lower) || lexicon.titles.has(beforePrevious.lower))) evidence.person += 2;

  if (next && !possessive) {
    const word = next.lower;
    if (next.kind === 'word' && !isCapitalised(next.text)) {
      if (lexicon.strongPersonVerbs.has(word)) evidence.person += 2;
      else if (lexicon.personVerbs.has(word)) evidence.person += 1;
      if (word === 'region' || word === 'republic' || word === 'district' || word === 'village' || word === 'province' || word === 'oblast' || word === 'city' || word === 'town') evidence.place += 2;
      // "Novaya Gazeta newspaper", "Memorial human rights group"
      for (let k = last + 1; k <= last + 4 && k < tokens.length; k++) {
        const token = tokens[k]!;
        if (lexicon.organizationNouns.has(token.lower)) { evidence.organization += 2; break; }
        if (!ORGANIZATION_NOUN_FILLERS.has(token.lower)) break;
      }
    }
    if (word === ',') {
      // Apposition: "Oyub Titiev, head of …", "Zarema Musayeva, Yangulbayev's mother", ", who …"
      for (let k = last + 2; k <= last + 5 && k < tokens.length; k++) {
        const token = tokens[k]!;
        if (token.kind === 'punct') break;
        const lower = bareLower(token);
        if (lexicon.strongPersonVerbs.has(lower) || lexicon.kin.has(lower) || (lexicon.titles.has(lower) && !isCapitalised(token.text))) { evidence.person += 2; break; }
        // Skip articles, possessors and adjectives: ", a retired federal judge", ", Yangulbayev's mother".
        if (isCapitalised(token.text) && !isPossessive(token)) break;
        if (lexicon.personVerbs.has(lower) || (lexicon.functionWords.has(lower) && lower !== 'a' && lower !== 'an' && lower !== 'the' && lower !== 'former' && lower !== 'senior' && lower !== 'local')) break;
      }
    }
  }
  return evidence;
}
