import { nameForms, nameKeys, type NameForms } from '../names/name-forms.js';
import { splitFullName } from '../names/parse-name.js';
import type { PartialDate } from './dates.js';

export type Sex = 'm' | 'f';

/** One row of a person list, with fields already mapped (see the CLI's column mapping). */
export interface PersonRecord {
  /** Which list it came from (a file name). */
  source: string;
  /** Its id within that list. */
  id: string;
  given?: string | null;
  surname?: string | null;
  patronymic?: string | null;
  /** Used only for the parts that given/surname/patronymic leave empty. */
  fullName?: string | null;
  birthDate?: PartialDate | null;
  sex?: Sex | null;
  place?: string | null;
  address?: string | null;
  postcode?: string | null;
  /** A document number: passport, social security, case number. */
  idNumber?: string | null;
  email?: string | null;
}

/** A record in the form comparisons read. */
export interface PreparedRecord {
  given: NameForms | null;
  surname: NameForms | null;
  patronymic: NameForms | null;
  birth: PartialDate | null;
  sex: Sex | null;
  place: string | null;
  address: string | null;
  postcode: string | null;
  idNumber: string | null;
  email: string | null;
  /**
   * Stems of the words of the full name that are none of the record's name parts: middle names
   * ("gerald maurice burn"), which another list may give as the surname ("gerald maurice"), or a
   * maiden name kept in the middle ("esther kenworthy waterhouse" / "esther kenworthy").
   */
  middle?: readonly string[] | undefined;
  /** Number of the list the record came from (in order of first appearance); null when the run has one list only. */
  source: number | null;
}

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

// Words in a name field that are not a name: titles, honorifics, post-nominal honours, generational
// suffixes. Lists of every kind carry them ("Sir John Smith, 1st Baronet", "Dr. Jones", "гр. Иванов").
const NOT_NAME_WORDS = new Set([
  'sir', 'dame', 'lady', 'lord', 'baron', 'baroness', 'baronet', 'bt', 'bart', 'count', 'countess', 'duke', 'duchess', 'earl', 'marquess', 'marquis', 'viscount', 'viscountess', 'prince', 'princess',
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'rev', 'hon', 'esq', 'jr', 'sr', 'kcvo', 'kbe', 'cbe', 'obe', 'mbe', 'kcb', 'gcb', 'kcmg', 'gcmg', 'frs', 'qc',
  'гр', 'гражданин', 'гражданка', 'г-н', 'г-жа',
]);
// Styles that follow a comma (", 1st Baronet", ", Bt."): the rest is a style, not "Surname, Given".
const STYLE_AFTER_COMMA = /,\s*(?:\S*\d\S*|baron|baroness|baronet|bt\.?|bart\.?|count|countess|duke|duchess|earl|marquess|marquis|viscount|viscountess|kcvo|kbe|cbe|obe|mbe|kcb|gcb|kcmg|gcmg|frs|qc|esq\.?|jr\.?|sr\.?)(?:\s.*)?$/i;
const notName = (word: string) => /\d/.test(word) || NOT_NAME_WORDS.has(word.toLowerCase().replace(/^[(]+|[.,)]+$/g, ''));

/** A name field without titles, honours and ordinals (Sir, Lord, 1st, KCVO, гр.); null when nothing is left. */
export function withoutTitles(text: string | null): string | null {
  if (text === null) return null;
  const words = text.replace(STYLE_AFTER_COMMA, '').split(/\s+/).filter((word) => word && !notName(word));
  return words.length > 0 ? words.join(' ') : null;
}

/** Caches name preparation: lists repeat the same names many times over. */
export class Preparer {
  private readonly cache = new Map<string, NameForms | null>();
  private readonly placeCache = new Map<string, string | null>();
  private readonly sources = new Map<string, number>();

  /** Lists seen so far. */
  get sourceCount(): number {
    return this.sources.size;
  }

  name(raw: string | null, role: 'given' | 'surname' | 'patronymic'): NameForms | null {
    const text = withoutTitles(raw);
    if (text === null) return null;
    const cacheKey = `${role}\u0000${text}`;
    let forms = this.cache.get(cacheKey);
    if (forms === undefined) {
      forms = nameForms(text, role);
      this.cache.set(cacheKey, forms);
    }
    return forms;
  }

  place(text: string | null): string | null {
    if (text === null) return null;
    let key = this.placeCache.get(text);
    if (key === undefined) {
      key = nameKeys(text)[0] ?? null;
      this.placeCache.set(text, key);
    }
    return key;
  }

  private sourceNumber(source: string): number {
    let number = this.sources.get(source);
    if (number === undefined) this.sources.set(source, (number = this.sources.size));
    return number;
  }

  prepare(record: PersonRecord): PreparedRecord {
    // Titles go first, so a given-name column holding only "Sir" or "1st" counts as empty and the
    // full name ("sir william hooker") supplies the name.
    let given = withoutTitles(clean(record.given));
    let surname = withoutTitles(clean(record.surname));
    let patronymic = withoutTitles(clean(record.patronymic));
    const full = withoutTitles(clean(record.fullName));
    if (full && (!given || !surname)) {
      // Fill only what is missing, and never with a word the record already holds elsewhere: a full
      // name "fred" beside a given name "fred" is not also a surname "fred".
      const parts = splitFullName(full);
      const held = new Set([given, surname, patronymic].filter((part): part is string => part !== null).map((part) => part.toLowerCase()));
      const fresh = (part: string | null) => (part !== null && !held.has(part.toLowerCase()) ? part : null);
      given ??= fresh(parts.given);
      surname ??= fresh(parts.surname);
      patronymic ??= fresh(parts.patronymic);
    }
    const parts = new Set([given, surname, patronymic].flatMap((part) => (part === null ? [] : part.toLowerCase().split(/\s+/))));
    const middle = full ? full.split(/[\s,]+/).filter((word) => word.length > 1 && !parts.has(word.toLowerCase())).flatMap((word) => this.name(word, 'surname')?.stem ?? []) : [];
    const digits = (value: string | null | undefined) => clean(value)?.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') || null;
    return {
      given: this.name(given, 'given'),
      surname: this.name(surname, 'surname'),
      patronymic: this.name(patronymic, 'patronymic'),
      birth: record.birthDate ?? null,
      sex: record.sex ?? null,
      place: this.place(clean(record.place)),
      address: this.place(clean(record.address)),
      postcode: digits(record.postcode),
      idNumber: digits(record.idNumber),
      email: clean(record.email)?.toLowerCase() ?? null,
      source: this.sourceNumber(record.source),
      // Always present (undefined when none), so every prepared record has one shape for the scoring loop.
      middle: middle.length > 0 ? middle : undefined,
    };
  }
}
