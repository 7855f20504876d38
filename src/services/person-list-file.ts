import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { PersonRecordFields } from '../model/person.js';
import { mapColumns, normaliseHeader, PersonListError, recordsFromRows } from '../resolve/linkage/columns.js';
import { DateParseError, parseDate } from '../resolve/linkage/dates.js';
import type { NewPersonRecord } from '../store/person.repository.js';
import { decodeList, LinkInputError } from './link.service.js';

/*
 * A person list file read for import: the same decoding (UTF-8, else CP1251 and other single-byte
 * Cyrillic encodings) and the same name, birth-date, sex and place columns as `chronicle link`, plus
 * what a list says about the violation (its date and kind) and free text, and each row as written.
 */

/** Why a list file cannot be imported; the message names the file and is shown as is. */
export class PersonImportError extends Error {
  override readonly name = 'PersonImportError';
}

/** Fields beyond linkage's: what happened, when, and the list's own words. */
export const VIOLATION_FIELDS = ['violation_date', 'violation_kind', 'text'] as const;
type ViolationField = (typeof VIOLATION_FIELDS)[number];

const VIOLATION_ALIASES: Record<ViolationField, string[]> = {
  violation_date: ['violation_date', 'date_of_violation', 'incident_date', 'event_date', 'date', 'date_of_detention', 'detention_date', 'date_detained', 'date_of_abduction', 'date_of_disappearance', 'disappeared', 'date_of_death', 'дата', 'дата_нарушения', 'дата_события', 'дата_задержания', 'дата_похищения', 'дата_исчезновения', 'дата_смерти', 'дата_гибели'],
  violation_kind: ['violation_kind', 'violation', 'violation_type', 'kind', 'type', 'event', 'event_type', 'what_happened', 'нарушение', 'вид_нарушения', 'тип_нарушения', 'тип', 'событие', 'что_случилось'],
  text: ['text', 'description', 'notes', 'note', 'comment', 'comments', 'details', 'circumstances', 'описание', 'обстоятельства', 'примечание', 'примечания', 'комментарий', 'подробности'],
};
const VIOLATION_OF_ALIAS = new Map<string, ViolationField>();
for (const field of VIOLATION_FIELDS) for (const alias of VIOLATION_ALIASES[field]) VIOLATION_OF_ALIAS.set(normaliseHeader(alias), field);

export interface PersonFileOptions {
  /** Column holding the record ids. */
  id?: string;
  /** "column=field" for any field of `chronicle link` or violation_date, violation_kind, text. */
  map?: string[];
}

export interface PersonListFile {
  sha256: string;
  encoding: string;
  records: NewPersonRecord[];
}

/** Header and rows of CSV text (comma, semicolon or tab, as the first line suggests). */
function readCsv(text: string): { header: string[]; rows: string[][] } {
  const newline = text.indexOf('\n');
  const firstLine = newline >= 0 ? text.slice(0, newline) : text;
  const delimiter = [',', ';', '\t'].map((candidate) => ({ candidate, count: firstLine.split(candidate).length })).sort((x, y) => y.count - x.count)[0]!.candidate;
  let table: string[][];
  try {
    table = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, relax_quotes: true }) as string[][];
  } catch (error) {
    throw new PersonListError(`not a readable CSV file (${(error as Error).message})`);
  }
  const [header, ...rows] = table;
  if (!header) throw new PersonListError('empty file');
  // Rows of empty cells (";;;;") are spacing, not records.
  return { header, rows: rows.filter((row) => row.some((cell) => cell !== '')) };
}

/** Violation columns: explicit --map entries first, then known header names among columns linkage does not read. */
function mapViolationColumns(header: readonly string[], taken: ReadonlySet<number>, explicit: readonly [string, ViolationField][]): Partial<Record<ViolationField, number>> {
  const normalised = header.map(normaliseHeader);
  const fields: Partial<Record<ViolationField, number>> = {};
  for (const [column, field] of explicit) {
    const index = normalised.indexOf(normaliseHeader(column));
    if (index < 0) throw new PersonListError(`--map ${column}=${field}: no column "${column}" (columns: ${header.join(', ')})`);
    fields[field] = index;
  }
  normalised.forEach((name, index) => {
    const field = VIOLATION_OF_ALIAS.get(name);
    if (field && fields[field] === undefined && !taken.has(index) && !Object.values(fields).includes(index)) fields[field] = index;
  });
  return fields;
}

/** The row as written: header → cell (repeated headers get #2, #3…; empty ones "column N"). */
function rawRow(header: readonly string[], row: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  row.forEach((cell, index) => {
    const base = header[index]?.trim() || `column ${index + 1}`;
    let key = base;
    for (let copy = 2; key in raw; copy++) key = `${base} #${copy}`;
    raw[key] = cell;
  });
  return raw;
}

/** Records of a list from its text; throws PersonListError naming row and column. */
export function personRecordsFromText(text: string, listName: string, options: PersonFileOptions = {}): NewPersonRecord[] {
  const { header, rows } = readCsv(text);
  const linkageMaps: string[] = [];
  const violationMaps: [string, ViolationField][] = [];
  for (const entry of options.map ?? []) {
    const equals = entry.lastIndexOf('=');
    const field = equals > 0 ? VIOLATION_OF_ALIAS.get(normaliseHeader(entry.slice(equals + 1))) : undefined;
    if (field) violationMaps.push([entry.slice(0, equals), field]);
    else linkageMaps.push(entry);
  }
  const columnOptions = { ...(options.id !== undefined ? { id: options.id } : {}), map: linkageMaps };
  const linkage = mapColumns(header, columnOptions);
  const taken = new Set<number>(Object.values(linkage.fields));
  if (linkage.id !== null) taken.add(linkage.id);
  const violation = mapViolationColumns(header, taken, violationMaps);
  const persons = recordsFromRows(header, rows, listName, columnOptions);
  const cell = (row: readonly string[], field: ViolationField) => {
    const index = violation[field];
    const value = index === undefined ? '' : (row[index] ?? '').trim();
    return value === '' ? null : value;
  };
  return rows.map((row, index): NewPersonRecord => {
    const person = persons[index]!;
    let violationDate = null;
    const dateText = cell(row, 'violation_date');
    if (dateText !== null) {
      try {
        violationDate = parseDate(dateText);
      } catch (error) {
        if (error instanceof DateParseError) throw new PersonListError(`row ${index + 2}, column ${header[violation.violation_date!]}: ${error.message}`);
        throw error;
      }
    }
    const text = (value: string | null | undefined) => value?.trim() || null;
    const fields: PersonRecordFields = {
      given: text(person.given),
      surname: text(person.surname),
      patronymic: text(person.patronymic),
      fullName: text(person.fullName),
      sex: person.sex ?? null,
      birthDate: person.birthDate ?? null,
      place: text(person.place),
      violationDate,
      violationKind: cell(row, 'violation_kind'),
      text: cell(row, 'text'),
    };
    return { ...fields, row: index + 2, externalId: linkage.id !== null ? text(row[linkage.id]) : null, raw: rawRow(header, row), origin: null };
  });
}

/** Read, hash, decode and map one list file. Throws PersonImportError with a one-line reason naming the file. */
export function readPersonListFile(path: string, shownAs: string, listName: string, options: PersonFileOptions = {}): PersonListFile {
  return personListFromBytes(readListBytes(path, shownAs), shownAs, listName, options);
}

function readListBytes(path: string, shownAs: string): Buffer {
  try {
    if (!statSync(path).isFile()) throw new PersonImportError(`${shownAs}: not a file`);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof PersonImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new PersonImportError(`${shownAs}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
}

/** Hash, decode and map the bytes of a list (an upload, say); `shownAs` names it in messages. */
export function personListFromBytes(bytes: Uint8Array, shownAs: string, listName: string, options: PersonFileOptions = {}): PersonListFile {
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').trim() === '') throw new PersonImportError(`${shownAs}: empty file`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const { text, encoding } = decodeList(bytes);
    return { sha256, encoding, records: personRecordsFromText(text, listName, options) };
  } catch (error) {
    if (error instanceof LinkInputError) throw new PersonImportError(`${shownAs}: ${error.message}; save it as UTF-8 or CP1251`);
    if (error instanceof PersonListError) throw new PersonImportError(`${shownAs}: ${error.message}`);
    throw error;
  }
}
