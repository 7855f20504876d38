import { z } from 'zod';
import lexiconData from './lexicon.json' with { type: 'json' };
import firstNamesData from './first-names.json' with { type: 'json' };

/** Word lists for the English entity rules (see the $comment in lexicon.json), validated at start-up. */

const words = z.array(z.string().min(1).refine((word) => word === word.toLowerCase(), 'lexicon words are lower-case'));
const lexiconSchema = z.object({
  $comment: z.string().optional(),
  titles: words,
  kin: words,
  demonyms: words,
  organizationHeads: words,
  placeHeads: words,
  otherHeads: words,
  notNames: words,
  functionWords: words,
  personVerbs: words,
  strongPersonVerbs: words,
  placePrepositions: words,
  placeOfNouns: words,
  organizationNouns: words,
  nameConnectors: words,
  surnameEndings: words,
  placeEndings: words,
  groupHeads: words,
  groupModifiers: words,
  groupOfHeads: words,
});
const firstNamesSchema = z.object({ $comment: z.string().optional(), names: words, ambiguous: words });

export type WordList = ReadonlySet<string>;

export interface Lexicon {
  titles: WordList;
  kin: WordList;
  demonyms: WordList;
  organizationHeads: WordList;
  placeHeads: WordList;
  otherHeads: WordList;
  notNames: WordList;
  functionWords: WordList;
  personVerbs: WordList;
  strongPersonVerbs: WordList;
  placePrepositions: WordList;
  placeOfNouns: WordList;
  organizationNouns: WordList;
  nameConnectors: WordList;
  groupHeads: WordList;
  groupModifiers: WordList;
  groupOfHeads: WordList;
  firstNames: WordList;
  ambiguousFirstNames: WordList;
  /** Endings longest first, so "-ova" is tried before "-ov". */
  surnameEndings: readonly string[];
  placeEndings: readonly string[];
}

/** Validate raw lexicon and first-name data and turn each list into a set. */
export function buildLexicon(lexiconRaw: unknown, firstNamesRaw: unknown): Lexicon {
  const lexicon = lexiconSchema.safeParse(lexiconRaw);
  if (!lexicon.success) throw new Error(`lexicon.json is invalid: ${lexicon.error.message}`);
  const firstNames = firstNamesSchema.safeParse(firstNamesRaw);
  if (!firstNames.success) throw new Error(`first-names.json is invalid: ${firstNames.error.message}`);
  const l = lexicon.data;
  const byLength = (list: string[]) => [...new Set(list)].sort((a, b) => b.length - a.length);
  return {
    titles: new Set(l.titles),
    kin: new Set(l.kin),
    demonyms: new Set(l.demonyms),
    organizationHeads: new Set(l.organizationHeads),
    placeHeads: new Set(l.placeHeads),
    otherHeads: new Set(l.otherHeads),
    notNames: new Set(l.notNames),
    functionWords: new Set(l.functionWords),
    personVerbs: new Set(l.personVerbs),
    strongPersonVerbs: new Set(l.strongPersonVerbs),
    placePrepositions: new Set(l.placePrepositions),
    placeOfNouns: new Set(l.placeOfNouns),
    organizationNouns: new Set(l.organizationNouns),
    nameConnectors: new Set(l.nameConnectors),
    groupHeads: new Set(l.groupHeads),
    groupModifiers: new Set(l.groupModifiers),
    groupOfHeads: new Set(l.groupOfHeads),
    firstNames: new Set(firstNames.data.names),
    ambiguousFirstNames: new Set(firstNames.data.ambiguous),
    surnameEndings: byLength(l.surnameEndings),
    placeEndings: byLength(l.placeEndings),
  };
}

/** The project's lexicon, built once when the module loads. */
export const LEXICON: Lexicon = buildLexicon(lexiconData, firstNamesData);
