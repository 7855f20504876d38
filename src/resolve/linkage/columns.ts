import { parse } from 'csv-parse/sync';
import { DateParseError, parseDate } from './dates.js';
import type { PersonRecord, Sex } from './record.js';

/** Fields a list column can be mapped to. */
export const PERSON_FIELDS = ['given', 'surname', 'patronymic', 'full_name', 'birth_date', 'sex', 'place', 'address', 'postcode', 'id_number', 'email'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export class PersonListError extends Error {
  override readonly name = 'PersonListError';
}

/** Header names recognised without --map, after normalising (lower case, separators → _). */
const ALIASES: Record<PersonField, string[]> = {
  given: ['first_name', 'firstname', 'first', 'given', 'given_name', 'givenname', 'forename', 'name_first', 'имя'],
  surname: ['surname', 'last_name', 'lastname', 'family_name', 'familyname', 'family', 'name_last', 'фамилия'],
  patronymic: ['patronymic', 'middle_name', 'middlename', 'father_name', 'отчество'],
  full_name: ['full_name', 'fullname', 'name', 'person', 'фио', 'ф_и_о', 'полное_имя', 'имя_фамилия'],
  birth_date: ['dob', 'birth_date', 'birthdate', 'date_of_birth', 'born', 'birth_year', 'year_of_birth', 'год_рождения', 'дата_рождения', 'г_р'],
  sex: ['sex', 'gender', 'пол'],
  place: ['city', 'place', 'birth_place', 'place_of_birth', 'birthplace', 'town', 'village', 'suburb', 'место', 'место_рождения', 'город', 'село', 'населенный_пункт', 'населённый_пункт', 'место_жительства'],
  address: ['address', 'address_1', 'street', 'street_address', 'адрес'],
  postcode: ['postcode', 'postal_code', 'post_code', 'zip', 'zipcode', 'индекс'],
  email: ['email', 'e_mail', 'mail', 'почта', 'эл_почта', 'электронная_почта'],
  id_number: ['passport', 'passport_number', 'soc_sec_id', 'ssn', 'id_number', 'national_id', 'document', 'паспорт'],
};
const ID_ALIASES = ['id', 'unique_id', 'rec_id', 'record_id', 'row_id', '№', 'n', 'no', 'номер'];

export const normaliseHeader = (header: string) => header.trim().toLowerCase().replace(/[\s_\-./]+/g, '_').replace(/^_+|_+$/g, '');

const FIELD_OF_ALIAS = new Map<string, PersonField>();
for (const field of PERSON_FIELDS) {
  FIELD_OF_ALIAS.set(field, field);
  for (const alias of ALIASES[field]) FIELD_OF_ALIAS.set(normaliseHeader(alias), field);
}

export interface ColumnOptions {
  /** Column holding the record id (default: id, unique_id, rec_id…, else the data row number). */
  id?: string;
  /** Explicit column → field mappings ("col=field"), overriding the automatic ones. */
  map?: string[];
}

export interface ColumnMapping {
  fields: Partial<Record<PersonField, number>>;
  id: number | null;
}

/** Which column feeds which field. Throws PersonListError when no name column is found. */
export function mapColumns(header: readonly string[], options: ColumnOptions = {}): ColumnMapping {
  const normalised = header.map(normaliseHeader);
  const fields: Partial<Record<PersonField, number>> = {};
  normalised.forEach((name, index) => {
    const field = FIELD_OF_ALIAS.get(name);
    if (field && fields[field] === undefined) fields[field] = index;
  });
  // Then headers that begin with a known name (postcode_fake, dob_approx), for fields still unmapped.
  normalised.forEach((name, index) => {
    const field = FIELD_OF_ALIAS.get(name.split('_')[0]!);
    if (field && fields[field] === undefined && !Object.values(fields).includes(index)) fields[field] = index;
  });
  for (const entry of options.map ?? []) {
    const equals = entry.lastIndexOf('=');
    if (equals <= 0) throw new PersonListError(`--map ${entry}: expected column=field`);
    const column = normaliseHeader(entry.slice(0, equals));
    const field = FIELD_OF_ALIAS.get(normaliseHeader(entry.slice(equals + 1)));
    if (!field) throw new PersonListError(`--map ${entry}: unknown field (one of ${PERSON_FIELDS.join(', ')})`);
    const index = normalised.indexOf(column);
    if (index < 0) throw new PersonListError(`--map ${entry}: no column "${entry.slice(0, equals)}" (columns: ${header.join(', ')})`);
    for (const other of PERSON_FIELDS) if (fields[other] === index) delete fields[other];
    fields[field] = index;
  }
  let id: number | null = null;
  if (options.id !== undefined) {
    id = normalised.indexOf(normaliseHeader(options.id));
    if (id < 0) throw new PersonListError(`--id ${options.id}: no such column (columns: ${header.join(', ')})`);
  } else {
    const found = normalised.findIndex((name) => ID_ALIASES.includes(name));
    id = found >= 0 ? found : null;
  }
  if (fields.given === undefined && fields.surname === undefined && fields.full_name === undefined) {
    throw new PersonListError(`no name column (found: ${header.join(', ') || 'none'}; expected e.g. first_name, surname, full_name, имя, фамилия, фио; or use --map column=field)`);
  }
  return { fields, id };
}

export function parseSex(value: string): Sex | null {
  const text = value.trim().toLowerCase();
  if (/^(?:m|male|man|boy|м|муж|мужской|мужчина|мужч)\.?$/.test(text)) return 'm';
  if (/^(?:f|female|woman|girl|w|ж|жен|женский|женщина)\.?$/.test(text)) return 'f';
  return null;
}

/**
 * Person records from the text of a CSV list (comma, semicolon or tab separated; the first row is the
 * header). `source` names the list in records and messages. Throws PersonListError on an empty list,
 * a missing name column or an unparseable date (naming the row).
 */
export function parsePersonCsv(text: string, source: string, options: ColumnOptions = {}): PersonRecord[] {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const delimiter = [',', ';', '\t'].map((candidate) => ({ candidate, count: firstLine.split(candidate).length })).sort((x, y) => y.count - x.count)[0]!.candidate;
  let rows: string[][];
  try {
    rows = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, relax_quotes: true }) as string[][];
  } catch (error) {
    throw new PersonListError(`not a readable CSV file (${(error as Error).message})`);
  }
  if (rows.length === 0) throw new PersonListError('empty file');
  const [header, ...data] = rows as [string[], ...string[][]];
  return recordsFromRows(header, data, source, options);
}

/** Person records from a header and rows of cells (CSV, or a table read some other way). */
export function recordsFromRows(header: readonly string[], data: readonly (readonly string[])[], source: string, options: ColumnOptions = {}): PersonRecord[] {
  if (data.length === 0) throw new PersonListError('no records (only a header row)');
  const { fields, id } = mapColumns(header, options);
  const cell = (row: readonly string[], field: PersonField) => {
    const index = fields[field];
    return index === undefined ? null : row[index] ?? null;
  };
  return data.map((row, index) => {
    const line = index + 2;
    let birthDate = null;
    const dateText = cell(row, 'birth_date');
    if (dateText !== null) {
      try {
        birthDate = parseDate(dateText);
      } catch (error) {
        if (error instanceof DateParseError) throw new PersonListError(`row ${line}, column ${header[fields.birth_date!]}: ${error.message}`);
        throw error;
      }
    }
    const sexText = cell(row, 'sex');
    return {
      source,
      id: id !== null && row[id] ? row[id]! : String(index + 1),
      given: cell(row, 'given'),
      surname: cell(row, 'surname'),
      patronymic: cell(row, 'patronymic'),
      fullName: cell(row, 'full_name'),
      birthDate,
      sex: sexText === null ? null : parseSex(sexText),
      place: cell(row, 'place'),
      address: cell(row, 'address'),
      postcode: cell(row, 'postcode'),
      idNumber: cell(row, 'id_number'),
      email: cell(row, 'email'),
    };
  });
}
