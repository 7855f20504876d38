import { z } from 'zod';
import placesData from '../../extract/gazetteers/places.json' with { type: 'json' };
import { ActType, type ActType as ActTypeValue } from '../../model/vocabulary.js';
import { latinKey } from '../names/latin-key.js';
import { chechenLatin, hasCyrillic } from '../names/transliterate.js';
import termsData from './violation-kind-terms.json' with { type: 'json' };

/*
 * The values an estimate is stratified by, as lists write them, reduced to one value per meaning.
 * Lists from different organisations write the same kind of violation and the same place in their
 * own words and scripts ("задержание", "arrested", "detention"; "Грозный", "Grozny", "г. Грозный").
 * Stratifying on the raw text would put a person seen on a Russian list and on an English list into
 * strata that never overlap, and an estimate per stratum would then be meaningless.
 */

const Terms = z.record(z.string(), z.object({ en: z.array(z.string().min(2)), ru: z.array(z.string().min(2)) }));

// Lower case, ё as е, every run of non-letters a single space, padded so " term" finds a word start.
const words = (text: string): string => ` ${text.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}]+/gu, ' ').trim()}`;

const KIND_TERMS: [ActTypeValue, string[]][] = Object.entries(Terms.parse(Object.fromEntries(Object.entries(termsData).filter(([key]) => key !== '$comment')))).map(([type, { en, ru }]) => [
  ActType.parse(type),
  [...en, ...ru].map(words),
]);

/**
 * The act type (vocabulary key) a list's violation kind names, or the value as written (trimmed,
 * lower case, single spaces) when it names none of them; null when empty.
 */
export function violationKindStratum(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = words(value);
  if (text === ' ') return null;
  for (const [type, terms] of KIND_TERMS) if (terms.some((term) => text.includes(term))) return type;
  return text.trim();
}

// Words lists put before or after a place's name that are not part of it.
const PLACE_WORDS = new Set(['г', 'гор', 'город', 'с', 'село', 'пос', 'поселок', 'посёлок', 'ст', 'станица', 'д', 'деревня', 'city', 'town', 'village', 'of', 'district', 'район', 'р', 'н', 'рн']);

/** The comparison key of a place name in any script: transliterated, folded, without "г.", "city" and the like. */
export function placeKey(value: string): string {
  const kept = value
    .normalize('NFC')
    .split(/[\s.,;:()]+/)
    .filter((word) => word && !PLACE_WORDS.has(word.toLowerCase()))
    .join(' ');
  const latin = hasCyrillic(kept) ? chechenLatin(kept) : kept;
  return latinKey(latin);
}

const PlacesFile = z.object({ entries: z.array(z.object({ name: z.string(), aliases: z.array(z.string()).optional() })) });

// Gazetteer places by the key of their name and of every alias; the canonical name is what strata show.
const KNOWN_PLACES: Map<string, string> = (() => {
  const byKey = new Map<string, string>();
  for (const entry of PlacesFile.parse(placesData).entries) {
    for (const name of [entry.name, ...(entry.aliases ?? [])]) {
      const key = placeKey(name);
      if (key && !byKey.has(key)) byKey.set(key, entry.name);
    }
  }
  return byKey;
})();

/**
 * Place values to strata: spellings with the same key are one stratum, named by the gazetteer's
 * canonical name when the place is known there, else by its most frequent spelling (the first seen
 * on a tie). Keeps its counts, so feed it every value before asking for names.
 */
export class PlaceStrata {
  private readonly spellings = new Map<string, Map<string, number>>();

  /** The stratum key of a value (null when empty), counting its spelling. */
  add(value: string | null | undefined): string | null {
    const trimmed = value?.trim().replace(/\s+/g, ' ');
    if (!trimmed) return null;
    const key = placeKey(trimmed);
    if (!key) return null;
    let counts = this.spellings.get(key);
    if (!counts) this.spellings.set(key, (counts = new Map()));
    counts.set(trimmed, (counts.get(trimmed) ?? 0) + 1);
    return key;
  }

  /** The name a stratum key is shown by. */
  name(key: string): string {
    const known = KNOWN_PLACES.get(key);
    if (known) return known;
    let best = key;
    let bestCount = 0;
    for (const [spelling, count] of this.spellings.get(key) ?? []) {
      if (count > bestCount) [best, bestCount] = [spelling, count];
    }
    return best;
  }
}
