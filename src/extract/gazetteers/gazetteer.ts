import { z } from 'zod';
import { tokenize } from '../analyzed-text.js';
import placesData from './places.json' with { type: 'json' };
import organizationsData from './organizations.json' with { type: 'json' };
import personsData from './persons.json' with { type: 'json' };

/**
 * Known names (places, organisations, people) loaded from the JSON files beside this module and
 * validated at start-up, so a bad edit fails loudly instead of silently matching nothing.
 */

export type GazetteerKind = 'person' | 'organization' | 'place';

const entrySchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  type: z.string().min(1).optional(),
  refersTo: z.array(z.string().min(1)).optional(),
});
const fileSchema = z.object({
  $comment: z.string().optional(),
  kind: z.enum(['person', 'organization', 'place']),
  entries: z.array(entrySchema).min(1),
});

/** One known entity; every alias names the same entity. */
export interface GazetteerEntry {
  id: number;
  kind: GazetteerKind;
  name: string;
  type: string | null;
  /** A short name standing for whichever of these entries (by name) the document names first. */
  refersTo: string[];
}

/** One alias as the token sequence it is matched against. */
export interface GazetteerPhrase {
  entry: GazetteerEntry;
  /** Lower-cased token texts, punctuation included ("rfe", "/", "rl"). */
  tokens: string[];
  /** Short all-capital abbreviations (US, IS, AP) match only written exactly so, never in shouted text. */
  exact: string[] | null;
  /** Per token: capitalised in the alias, so it must be capitalised in the text ("Chechnya Republic" is not "Chechnya republic"). */
  capitalised: boolean[];
}

export interface Gazetteer {
  entries: GazetteerEntry[];
  /** Phrases by their first token (lower-cased), longest first. */
  phrasesByFirst: Map<string, GazetteerPhrase[]>;
  maxPhraseTokens: number;
}

function parseFile(name: string, data: unknown): z.infer<typeof fileSchema> {
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) throw new Error(`gazetteer ${name} is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** Build the phrase index from validated gazetteer files; an alias claimed by two entries is an error. */
export function buildGazetteer(files: Array<{ name: string; data: unknown }>): Gazetteer {
  const entries: GazetteerEntry[] = [];
  const phrasesByFirst = new Map<string, GazetteerPhrase[]>();
  const owner = new Map<string, string>();
  let maxPhraseTokens = 1;
  for (const file of files) {
    const parsed = parseFile(file.name, file.data);
    for (const raw of parsed.entries) {
      const entry: GazetteerEntry = { id: entries.length, kind: parsed.kind, name: raw.name, type: raw.type ?? null, refersTo: raw.refersTo ?? [] };
      entries.push(entry);
      for (const alias of new Set([raw.name, ...(raw.aliases ?? [])])) {
        const aliasTokens = tokenize(alias);
        const tokens = aliasTokens.map((token) => token.lower);
        const capitalised = aliasTokens.map((token) => token.text !== token.lower);
        const key = tokens.join(' ');
        const previous = owner.get(key);
        if (previous !== undefined && previous !== `${parsed.kind}:${raw.name}`) {
          throw new Error(`gazetteer ${file.name}: alias "${alias}" of ${raw.name} also names ${previous}`);
        }
        owner.set(key, `${parsed.kind}:${raw.name}`);
        const abbreviation = alias.length <= 3 && alias === alias.toUpperCase();
        const phrase: GazetteerPhrase = { entry, tokens, exact: abbreviation ? aliasTokens.map((token) => token.text) : null, capitalised };
        const list = phrasesByFirst.get(tokens[0]!) ?? [];
        list.push(phrase);
        phrasesByFirst.set(tokens[0]!, list);
        maxPhraseTokens = Math.max(maxPhraseTokens, tokens.length);
      }
    }
  }
  const names = new Set(entries.map((entry) => entry.name));
  for (const entry of entries) {
    for (const target of entry.refersTo) if (!names.has(target)) throw new Error(`gazetteer: ${entry.name} refers to ${target}, which no entry names`);
  }
  for (const list of phrasesByFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { entries, phrasesByFirst, maxPhraseTokens };
}

/** The project's gazetteer, built once when the module loads. */
export const GAZETTEER: Gazetteer = buildGazetteer([
  { name: 'places.json', data: placesData },
  { name: 'organizations.json', data: organizationsData },
  { name: 'persons.json', data: personsData },
]);
