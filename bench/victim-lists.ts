import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordsFromRows } from '../src/resolve/linkage/columns.js';
import type { PersonRecord } from '../src/resolve/linkage/record.js';
import { romanise, type Standard } from '../src/resolve/names/transliterate.js';
import { seededRandom } from '../src/resolve/seeded-random.js';

/*
 * Victim lists with known truth, as rights groups keep them: one set of persons (Chechen and Russian
 * names drawn by frequency from bench/data/names.json), written into 2–4 lists that overlap. Each list
 * has its own habits — script and romanisation standard, column layout, name order, date format —
 * and its own noise: genitive case ("об исчезновении Кадырова Рамзана"), the masculine surname form
 * for a woman, typos, missing fields, year-only or month-only dates, a year off, day and month
 * swapped, Chechen orthography (Хьасан, Къадыров, Ӏ written as I). Seeded: the same options give the
 * same lists.
 */

type Weighted = [string, number][];
interface NameData {
  russian: { male: Weighted; female: Weighted; surnames: Weighted };
  chechen: { male: Weighted; female: Weighted; surnames: Weighted; forefathers: Weighted };
  places: { chechen: string[]; russian: string[] };
  chechenSpelling: Record<string, string>;
}

const DATA = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'data', 'names.json'), 'utf8')) as NameData;

class Picker {
  private readonly cumulative: number[] = [];
  constructor(private readonly items: Weighted) {
    let total = 0;
    for (const [, weight] of items) this.cumulative.push((total += weight));
  }
  pick(random: () => number): string {
    const target = random() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low]![0];
  }
}

interface Person {
  chechen: boolean;
  sex: 'm' | 'f';
  given: string;
  surname: string; // masculine form
  father: string;
  year: number;
  month: number;
  day: number;
  place: string;
}

// Chechen surnames are often a forefather's name with -ов/-ев/-аев: add those, less weighted.
function surnameOfName(name: string): string {
  if (/[аяи]$/.test(name)) return `${name.slice(0, -1)}аев`;
  if (/[йь]$/.test(name)) return `${name.slice(0, -1)}ев`;
  if (/[жшчщц]$/.test(name)) return `${name}ев`;
  return `${name}ов`;
}

const PICKERS = {
  russian: { m: new Picker(DATA.russian.male), f: new Picker(DATA.russian.female), surname: new Picker(DATA.russian.surnames) },
  chechen: {
    m: new Picker(DATA.chechen.male),
    f: new Picker(DATA.chechen.female),
    surname: new Picker([
      ...DATA.chechen.surnames,
      ...DATA.chechen.male.filter(([name]) => !name.includes('-')).map(([name, weight]): [string, number] => [surnameOfName(name), Math.max(1, Math.round(weight / 3))]),
      ...DATA.chechen.forefathers.map(([name, weight]): [string, number] => [surnameOfName(name), weight]),
    ]),
  },
};

function makePerson(random: () => number): Person {
  const chechen = random() < 0.65;
  const pickers = chechen ? PICKERS.chechen : PICKERS.russian;
  const sex = random() < 0.8 ? 'm' : 'f';
  const places = chechen || random() < 0.3 ? DATA.places.chechen : DATA.places.russian;
  return {
    chechen,
    sex,
    given: pickers[sex].pick(random),
    surname: pickers.surname.pick(random),
    father: pickers.m.pick(random),
    year: 1940 + Math.floor(random() * 65),
    month: 1 + Math.floor(random() * 12),
    day: 1 + Math.floor(random() * 28),
    place: places[Math.floor(random() * places.length)]!,
  };
}

function feminine(surname: string): string {
  if (/(?:ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  if (/ий$/.test(surname)) return `${surname.slice(0, -2)}ая`;
  return surname;
}

function patronymic(father: string, sex: 'm' | 'f', chechen: boolean): string {
  const base = father.replace(/-/g, '');
  let stem: string;
  let soft = false;
  if (/[^аеиоуыэюя]рий$/.test(base)) return `${base.slice(0, -1)}е${sex === 'm' ? 'вич' : 'вна'}`; // Дмитрий → Дмитриевич
  if (/ий$/.test(base)) [stem, soft] = [`${base.slice(0, -2)}ь`, true];
  else if (/[йь]$/.test(base)) [stem, soft] = [base.slice(0, -1), true];
  else if (/[аяи]$/.test(base)) {
    // Chechen usage: Муса → Мусаевич, Арби → Арбиевич; Russian: Никита → Никитич, Никитична.
    if (chechen) return `${base}е${sex === 'm' ? 'вич' : 'вна'}`;
    return `${base.slice(0, -1)}${sex === 'm' ? 'ич' : 'ична'}`;
  }
  else [stem, soft] = [base, /[жшчщц]$/.test(base)];
  return `${stem}${soft ? 'е' : 'о'}${sex === 'm' ? 'вич' : 'вна'}`;
}

/** Genitive of a name part ("Кадыров Рамзан Ахматович" → "Кадырова Рамзана Ахматовича"). */
function genitive(word: string, role: 'given' | 'surname' | 'patronymic', sex: 'm' | 'f'): string {
  if (role === 'surname') {
    if (sex === 'm') return /(?:ов|ев|ёв|ин|ын)$/.test(word) ? `${word}а` : /ий$/.test(word) ? `${word.slice(0, -2)}ого` : word;
    return /(?:ова|ева|ёва|ина|ына)$/.test(word) ? `${word.slice(0, -1)}ой` : /ая$/.test(word) ? `${word.slice(0, -2)}ой` : word;
  }
  if (role === 'patronymic') return sex === 'm' ? `${word}а` : word.replace(/на$/, 'ны');
  if (/ия$/.test(word)) return `${word.slice(0, -1)}и`;
  if (/[гкхжшчщ]а$/.test(word) || /я$/.test(word)) return `${word.slice(0, -1)}и`;
  if (/а$/.test(word)) return `${word.slice(0, -1)}ы`;
  if (/[йь]$/.test(word)) return sex === 'm' ? `${word.slice(0, -1)}я` : word;
  return sex === 'm' ? `${word}а` : word;
}

function typo(word: string, random: () => number): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letters = /[\u0400-\u04ff]/.test(word) ? 'аеиоукрнстлмвдгхз' : 'aeioukrnstlmvdghz';
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 2:
      return word.slice(0, at) + letters[Math.floor(random() * letters.length)] + word.slice(at + 1);
    default:
      return word.slice(0, at) + word[at] + word.slice(at);
  }
}

interface ListStyle {
  name: string;
  standard: Standard | 'cyrillic';
  layout: 'fio' | 'columns' | 'given-first';
  dateFormat: 'dmy' | 'iso' | 'year';
  coverage: number;
}

const STYLES: ListStyle[] = [
  { name: 'memorial-ru.csv', standard: 'cyrillic', layout: 'fio', dateFormat: 'dmy', coverage: 0.7 },
  { name: 'ngo-en.csv', standard: 'bgn-pcgn', layout: 'columns', dateFormat: 'iso', coverage: 0.6 },
  { name: 'un-submission.csv', standard: 'icao-9303', layout: 'given-first', dateFormat: 'year', coverage: 0.5 },
  { name: 'diaspora.csv', standard: 'chechen', layout: 'columns', dateFormat: 'iso', coverage: 0.4 },
];

export interface VictimListOptions {
  /** Total records over all lists (approximately met). */
  records: number;
  /** 2–4 lists. */
  lists?: number;
  seed: number;
}

export interface GeneratedList {
  name: string;
  header: string[];
  rows: string[][];
  truth: string[];
}

/** The lists as tables (header, rows) with the true person of each row. */
export function generateVictimLists(options: VictimListOptions): GeneratedList[] {
  const random = seededRandom(options.seed);
  const styles = STYLES.slice(0, Math.min(4, Math.max(2, options.lists ?? 4)));
  const meanLists = styles.reduce((sum, style) => sum + style.coverage, 0) * 1.05;
  const personCount = Math.max(1, Math.round(options.records / meanLists));
  const lists: GeneratedList[] = styles.map((style) => ({
    name: style.name,
    header: style.layout === 'fio' ? ['№', 'ФИО', 'Год рождения', 'Пол', 'Место'] : style.layout === 'columns' ? ['id', 'surname', 'first_name', 'patronymic', 'dob', 'sex', 'place'] : ['record_id', 'full_name', 'birth_year', 'gender', 'city'],
    rows: [],
    truth: [],
  }));
  const maybe = (p: number) => random() < p;
  for (let index = 0; index < personCount; index++) {
    const person = makePerson(random);
    styles.forEach((style, listIndex) => {
      let copies = maybe(style.coverage) ? 1 : 0;
      if (copies && maybe(0.05)) copies = 2; // the same person twice in one list
      for (let copy = 0; copy < copies; copy++) {
        const list = lists[listIndex]!;
        list.rows.push(writeRow(person, style, list.rows.length + 1, random));
        list.truth.push(`person-${index}`);
      }
    });
  }
  return lists;
}

function writeRow(person: Person, style: ListStyle, rowNumber: number, random: () => number): string[] {
  const maybe = (p: number) => random() < p;
  let given = person.given;
  // Chechen orthography is looked up on the masculine surname, before the feminine ending: it used
  // to be looked up after, so no woman's surname ever got it (Къадырова).
  const chechenSpelling = style.standard === 'chechen';
  const masculine = chechenSpelling ? (DATA.chechenSpelling[person.surname] ?? person.surname) : person.surname;
  let surname = person.sex === 'f' && !maybe(0.08) ? feminine(masculine) : masculine;
  let patronymicText: string | null = maybe(person.chechen ? 0.35 : 0.2) ? null : patronymic(person.father, person.sex, person.chechen);
  if (chechenSpelling) given = DATA.chechenSpelling[given] ?? given;
  if (style.standard === 'cyrillic' && maybe(0.15)) {
    given = genitive(given, 'given', person.sex);
    surname = genitive(surname, 'surname', person.sex);
    if (patronymicText) patronymicText = genitive(patronymicText, 'patronymic', person.sex);
  }
  const latin = (text: string) => (style.standard === 'cyrillic' ? text : romanise(text, style.standard));
  given = latin(given);
  surname = latin(surname);
  if (patronymicText) patronymicText = latin(patronymicText);
  if (maybe(0.06)) surname = typo(surname, random);
  if (maybe(0.04)) given = typo(given, random);
  if (style.layout !== 'columns' && maybe(0.2)) patronymicText = null;

  // Dates: precision and errors.
  let { year, month, day } = person;
  if (maybe(0.04)) year += maybe(0.5) ? 1 : -1;
  if (maybe(0.03) && day <= 12) [month, day] = [day, month];
  let date = '';
  const pad = (value: number) => String(value).padStart(2, '0');
  const precision = style.dateFormat === 'year' ? 'year' : maybe(0.15) ? 'year' : maybe(0.08) ? 'month' : 'day';
  if (!maybe(0.1)) {
    if (precision === 'year') date = String(year);
    else if (style.dateFormat === 'dmy') date = precision === 'day' ? `${pad(day)}.${pad(month)}.${year}` : `${pad(month)}.${year}`;
    else date = precision === 'day' ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
  }
  const cyrillic = style.standard === 'cyrillic';
  const sex = maybe(0.15) ? '' : cyrillic ? (person.sex === 'm' ? 'м' : 'ж') : person.sex === 'm' ? 'male' : 'female';
  const place = maybe(0.25) ? '' : latin(person.place);
  if (style.layout === 'fio') return [String(rowNumber), [surname, given, patronymicText].filter(Boolean).join(' '), date, sex, place];
  if (style.layout === 'columns') {
    // Now and then the surname lands in the first-name column.
    if (maybe(0.03)) [surname, given] = [given, surname];
    return [`R${rowNumber}`, surname, given, patronymicText ?? '', date, sex, place];
  }
  const name = maybe(0.3) ? `${surname.toUpperCase()} ${given}` : [given, patronymicText, surname].filter(Boolean).join(' ');
  return [`U-${rowNumber}`, name, date, sex, place];
}

/** The generated lists read as person records (through the CLI's column mapping), with the truth. */
export function victimLists(options: VictimListOptions): { records: PersonRecord[]; truth: string[] } {
  const records: PersonRecord[] = [];
  const truth: string[] = [];
  for (const list of generateVictimLists(options)) {
    // One at a time: spreading a million rows into push() overflows the call stack.
    for (const record of recordsFromRows(list.header, list.rows, list.name)) records.push(record);
    for (const person of list.truth) truth.push(person);
  }
  return { records, truth };
}
