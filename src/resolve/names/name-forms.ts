import { givenNameGroups } from './given-name-equivalents.js';
import { latinKey } from './latin-key.js';
import { phoneticCodes } from './phonetic.js';
import { givenStem, patronymicStem, surnameStem } from './stems.js';
import { hasCyrillic, transliterations } from './transliterate.js';

export type NameRole = 'given' | 'surname' | 'patronymic' | 'other';

/** One name part in every form linkage compares; the original spelling is kept as given. */
export interface NameForms {
  original: string;
  /** Lower case, ё → е, spaces collapsed: what "exact" means. */
  exact: string;
  /** Latin keys of every romanisation (one for Latin input); keys[0] is the canonical one. */
  keys: string[];
  /** Gender- and case-neutral stem of keys[0]. */
  stem: string;
  /** Daitch–Mokotoff codes of the stem. */
  phonetic: string[];
  /** Given names only: the diminutive/nickname groups it belongs to (given-name-equivalents.ts); empty when none. */
  groups?: readonly number[];
}

const STEMMERS: Record<NameRole, (key: string) => string> = {
  given: givenStem,
  surname: surnameStem,
  patronymic: patronymicStem,
  other: (key) => key,
};

/** The comparison keys of any spelling: Cyrillic through every standard (BGN/PCGN first), Latin as is. */
export function nameKeys(text: string): string[] {
  if (!hasCyrillic(text)) {
    const key = latinKey(text);
    return key ? [key] : [];
  }
  const keys: string[] = [];
  for (const latin of transliterations(text).values()) {
    const key = latinKey(latin);
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Prepare a name part; null when nothing name-like is left. */
export function nameForms(text: string, role: NameRole): NameForms | null {
  const original = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  const keys = nameKeys(original);
  if (keys.length === 0) return null;
  const stem = STEMMERS[role](keys[0]!);
  const forms: NameForms = { original, exact: original.toLowerCase().replace(/ё/g, 'е'), keys, stem, phonetic: phoneticCodes(stem) };
  if (role === 'given') forms.groups = givenNameGroups(keys);
  return forms;
}

/** Do two prepared names share a romanisation key? */
export function transliterationEqual(a: NameForms, b: NameForms): boolean {
  for (const key of a.keys) if (b.keys.includes(key)) return true;
  return false;
}
