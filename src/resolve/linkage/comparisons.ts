import jaroWinkler from 'talisman/metrics/jaro-winkler.js';
import { shareGroup } from '../names/given-name-equivalents.js';
import { transliterationEqual, type NameForms } from '../names/name-forms.js';
import { phoneticMatch } from '../names/phonetic.js';
import type { PartialDate } from './dates.js';
import type { PreparedRecord } from './record.js';

/** Level of a field that is missing on either side: it adds no weight either way. */
export const MISSING = 255;

// "One edit" catches a typo that Jaro–Winkler scores low: early in the word, where the prefix bonus
// is lost (Семёнов / STMENOV), or in a short name.
export const NAME_LEVELS = ['exact', 'transliteration', 'stem', 'diminutive or nickname', 'jaro-winkler ≥ 0.94', 'jaro-winkler ≥ 0.88', 'one edit', 'phonetic', 'else'] as const;
const NAME_ELSE = NAME_LEVELS.length - 1;
// "Same month" and "same year" are split by whether the finer parts are unknown on one side (a list
// that writes years only) or known on both and different (evidence against: 1999-11-01 vs 1999-04-19).
export const DATE_LEVELS = ['same day', 'one digit off or day/month swapped', 'same month', 'same month, days differ', 'same year', 'same year, months differ', 'within 2 years', 'year one digit off', 'conflict'] as const;
export const TEXT_LEVELS = ['exact', 'jaro-winkler ≥ 0.88', 'else'] as const;
export const CODE_LEVELS = ['exact', 'one character off', 'else'] as const;
export const SEX_LEVELS = ['same', 'conflict'] as const;
export const SOURCE_LEVELS = ['different lists', 'same list'] as const;

export interface FieldComparison {
  name: string;
  levels: readonly string[];
  /** Levels (0…tfLevels−1) whose weight is adjusted for how common the value is. */
  tfLevels: number;
  /** The value whose frequency is counted, for term-frequency adjustment. */
  tfValue?: (record: PreparedRecord) => string | null;
}

/** The fields compared, in the order of a comparison vector. */
export const FIELDS: readonly FieldComparison[] = [
  { name: 'given', levels: NAME_LEVELS, tfLevels: 3, tfValue: (record) => record.given?.stem ?? null },
  { name: 'surname', levels: NAME_LEVELS, tfLevels: 3, tfValue: (record) => record.surname?.stem ?? null },
  { name: 'patronymic', levels: NAME_LEVELS, tfLevels: 3, tfValue: (record) => record.patronymic?.stem ?? null },
  { name: 'birth', levels: DATE_LEVELS, tfLevels: 0 },
  { name: 'sex', levels: SEX_LEVELS, tfLevels: 0 },
  { name: 'place', levels: TEXT_LEVELS, tfLevels: 1, tfValue: (record) => record.place },
  { name: 'address', levels: TEXT_LEVELS, tfLevels: 0 },
  { name: 'postcode', levels: CODE_LEVELS, tfLevels: 1, tfValue: (record) => record.postcode },
  { name: 'idNumber', levels: CODE_LEVELS, tfLevels: 0 },
  { name: 'email', levels: TEXT_LEVELS, tfLevels: 0 },
  // Lists seldom name one person twice, so two records of one list are less likely the same person
  // than two of different lists; how much less is learnt like any other field (missing on one list).
  { name: 'source', levels: SOURCE_LEVELS, tfLevels: 0 },
];
export const GIVEN = 0;
export const SURNAME = 1;

/** Comparison level of two name parts. */
export function compareNames(a: NameForms | null, b: NameForms | null): number {
  if (a === null || b === null) return MISSING;
  if (a.exact === b.exact) return 0;
  if (transliterationEqual(a, b)) return 1;
  if (a.stem === b.stem) return 2;
  if (a.groups && b.groups && shareGroup(a.groups, b.groups)) return 3;
  const similarity = jaroWinkler(a.keys[0]!, b.keys[0]!);
  if (similarity >= 0.94) return 4;
  if (similarity >= 0.88) return 5;
  if (oneEdit(a, b)) return 6;
  if (phoneticMatch(a.phonetic, b.phonetic)) return 7;
  return NAME_ELSE;
}

/** Whether two names of at least four letters are one typo apart: in a romanisation key, or as written in one script. */
function oneEdit(a: NameForms, b: NameForms): boolean {
  if (a.exact.length >= 4 && b.exact.length >= 4 && withinOneEdit(a.exact, b.exact)) return true;
  for (const x of a.keys) for (const y of b.keys) if (x.length >= 4 && y.length >= 4 && withinOneEdit(x, y)) return true;
  return false;
}

/** One letter inserted, deleted or substituted, or two adjacent letters swapped (strings that differ). */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = endA - start;
  const restB = endB - start;
  if (restA <= 1 && restB <= 1) return true;
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}

const digits = (date: PartialDate) => `${date.year}${String(date.month).padStart(2, '0')}${String(date.day).padStart(2, '0')}`;

/** One substituted digit or two adjacent digits swapped. */
function oneOff(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ: number[] = [];
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) differ.push(index);
  if (differ.length === 1) return true;
  return differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!];
}

/** Comparison level of two dates, each at its own precision: agreement counts only as far as both go. */
export function compareDates(a: PartialDate | null, b: PartialDate | null): number {
  if (a === null || b === null) return MISSING;
  const full = a.day !== null && b.day !== null;
  if (a.year === b.year) {
    if (a.month === null || b.month === null) return 4;
    if (a.month === b.month) {
      if (!full) return 2;
      if (a.day === b.day) return 0;
      return oneOff(String(a.day).padStart(2, '0'), String(b.day).padStart(2, '0')) ? 1 : 3;
    }
    if (full && ((a.day === b.month && a.month === b.day) || (a.day === b.day && oneOff(String(a.month).padStart(2, '0'), String(b.month).padStart(2, '0'))))) return 1;
    return 5;
  }
  if (full && a.month === b.month && a.day === b.day && oneOff(digits(a), digits(b))) return 1;
  if (Math.abs(a.year - b.year) <= 2) return 6;
  return oneOff(String(a.year).padStart(4, '0'), String(b.year).padStart(4, '0')) ? 7 : 8;
}

function compareText(a: string | null, b: string | null): number {
  if (a === null || b === null) return MISSING;
  if (a === b) return 0;
  return jaroWinkler(a, b) >= 0.88 ? 1 : 2;
}

// Entries a cache holds before it starts afresh, so memory stays bounded on any list.
const CACHE_LIMIT = 4_000_000;

/**
 * Remembers the levels of name and place pairs already compared. Lists repeat a few thousand names
 * and places millions of times, and Jaro–Winkler on them is most of the cost of scoring a pair.
 * Name forms are told apart by identity (the Preparer hands out one object per spelling and role).
 */
export class ComparisonCache {
  private readonly ids = new Map<NameForms, number>();
  private readonly names = new Map<number, number>();
  private readonly texts = new Map<string, Map<string, number>>();
  private nextId = 0;
  private textEntries = 0;

  private id(forms: NameForms): number {
    let id = this.ids.get(forms);
    if (id === undefined) this.ids.set(forms, (id = this.nextId++));
    return id;
  }

  name(a: NameForms | null, b: NameForms | null): number {
    if (a === null || b === null) return MISSING;
    if (a === b || a.exact === b.exact) return 0;
    const x = this.id(a);
    const y = this.id(b);
    const key = x < y ? x * 0x4000000 + y : y * 0x4000000 + x;
    let level = this.names.get(key);
    if (level === undefined) {
      if (this.names.size >= CACHE_LIMIT) this.names.clear();
      this.names.set(key, (level = compareNames(a, b)));
    }
    return level;
  }

  text(a: string | null, b: string | null): number {
    if (a === null || b === null) return MISSING;
    if (a === b) return 0;
    let row = this.texts.get(a);
    if (row === undefined) this.texts.set(a, (row = new Map()));
    let level = row.get(b);
    if (level === undefined) {
      if (this.textEntries >= CACHE_LIMIT) {
        this.texts.clear();
        this.textEntries = 0;
      }
      row.set(b, (level = compareText(a, b)));
      this.textEntries++;
    }
    return level;
  }
}

const UNCACHED = { name: compareNames, text: compareText };

function compareCode(a: string | null, b: string | null): number {
  if (a === null || b === null) return MISSING;
  if (a === b) return 0;
  return oneOff(a, b) ? 1 : 2;
}

const inMiddle = (surname: PreparedRecord['surname'], middle: PreparedRecord['middle']) => surname !== null && middle !== undefined && middle.includes(surname.stem);

/**
 * Fill `out` with the comparison vector of two records (a level per field, MISSING when either side
 * lacks it). Given name and surname are also compared crosswise, and the crosswise reading is kept
 * when it agrees better: lists put the surname first or last, and not always in the right column.
 */
export function compareRecords(a: PreparedRecord, b: PreparedRecord, out: Uint8Array, offset = 0, cache: Pick<ComparisonCache, 'name' | 'text'> = UNCACHED): void {
  let given = cache.name(a.given, b.given);
  let surname = cache.name(a.surname, b.surname);
  // A missing part counts as worse than any level here, so a lone name (a list that gives only
  // "Powell" or only "Магомадов", in whichever column) is read as whichever part it matches best.
  const cost = (level: number) => (level === MISSING ? NAME_ELSE + 1 : level);
  if (cost(given) + cost(surname) >= NAME_ELSE && (a.given !== null || a.surname !== null) && (b.given !== null || b.surname !== null)) {
    const crossedGiven = cache.name(a.surname, b.given);
    const crossedSurname = cache.name(a.given, b.surname);
    if (cost(crossedGiven) + cost(crossedSurname) < cost(given) + cost(surname)) {
      given = crossedGiven;
      surname = crossedSurname;
    }
  }
  // A surname that is a middle name of the other record ("gerald maurice" / "gerald maurice burn")
  // takes level 3, which no surname reaches otherwise (diminutive groups are for given names).
  if (surname !== MISSING && surname >= 4 && (inMiddle(a.surname, b.middle) || inMiddle(b.surname, a.middle))) surname = 3;
  out[offset] = given;
  out[offset + 1] = surname;
  out[offset + 2] = cache.name(a.patronymic, b.patronymic);
  out[offset + 3] = compareDates(a.birth, b.birth);
  out[offset + 4] = a.sex === null || b.sex === null ? MISSING : a.sex === b.sex ? 0 : 1;
  out[offset + 5] = cache.text(a.place, b.place);
  out[offset + 6] = compareText(a.address, b.address); // addresses and e-mails rarely repeat: not worth caching
  out[offset + 7] = compareCode(a.postcode, b.postcode);
  out[offset + 8] = compareCode(a.idNumber, b.idNumber);
  out[offset + 9] = compareText(a.email, b.email);
  out[offset + 10] = a.source === null || b.source === null ? MISSING : a.source === b.source ? 1 : 0;
}
