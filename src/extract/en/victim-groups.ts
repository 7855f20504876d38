import type { Sentence } from '../analyzed-text.js';
import type { Lexicon } from '../gazetteers/lexicon.js';
import type { ExtractedMention } from '../extraction.js';
import { isCapitalised } from './name-words.js';

const MAX_MODIFIERS = 4;
const MAX_OF_WORDS = 4;

/**
 * Groups of people the text speaks of as victims or targets: "gay men", "human rights defenders",
 * "suspected gay and bisexual men", "relatives of the attackers". A group is a head noun (men,
 * defenders, relatives) with at least one modifier before it, or a relation noun with an "of" phrase.
 * The canonical name is the phrase in lower case.
 */
export function extractGroups(sentence: Sentence, lexicon: Lexicon, text: string): ExtractedMention[] {
  const tokens = sentence.tokens;
  const groups: ExtractedMention[] = [];
  let covered = -1;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind !== 'word' || index <= covered) continue;
    const lower = token.lower;
    let start = -1;
    let end = -1;
    let last = index;
    if (lexicon.groupOfHeads.has(lower) && tokens[index + 1]?.lower === 'of') {
      // "relatives of the attackers", "families of alleged insurgents"
      let k = index + 2;
      if (tokens[k]?.lower === 'the') k++;
      let words = 0;
      while (k < tokens.length && words < MAX_OF_WORDS) {
        const next = tokens[k]!;
        if (next.kind !== 'word' || isCapitalised(next.text) || (lexicon.functionWords.has(next.lower) && next.lower !== 'alleged') || lexicon.personVerbs.has(next.lower)) break;
        words++;
        last = k;
        k++;
      }
      if (words > 0) { start = token.start; end = tokens[last]!.end; }
    }
    if (start < 0 && lexicon.groupModifiers.has(lower) && lower !== 'and' && !isCapitalised(token.text) || (start < 0 && (lower === 'lgbt' || lower === 'lgbtq' || lower === 'lgbti'))) {
      // modifiers then a head: "suspected gay and bisexual men", "human rights defenders"
      let k = index;
      let modifiers = 0;
      while (k < tokens.length && modifiers < MAX_MODIFIERS && lexicon.groupModifiers.has(tokens[k]!.lower) && !lexicon.groupHeads.has(tokens[k]!.lower)) { k++; modifiers++; }
      const head = tokens[k];
      if (head && modifiers > 0 && lexicon.groupHeads.has(head.lower) && tokens[k - 1]!.lower !== 'and') {
        start = token.start;
        end = head.end;
        last = k;
      }
    }
    if (start < 0) continue;
    const phrase = text.slice(start, end);
    groups.push({ kind: 'group', text: phrase, start, end, canonical: phrase.toLowerCase().replace(/\s+/g, ' ') });
    covered = last;
  }
  return groups;
}
