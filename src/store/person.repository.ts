import type { Kysely, Selectable } from 'kysely';
import { newId } from '../model/ids.js';
import { datePrecision, PersonDecision, type PartialDateValue, type PersonList, type PersonListKind, type PersonRecord, type PersonRecordFields, type PersonRecordOrigin } from '../model/person.js';
import type { Database, PersonListsTable, PersonRecordsTable } from './schema.js';

export type { PersonDecision, PersonList, PersonRecord };

export interface NewPersonList {
  name: string;
  kind: PersonListKind;
  fileName: string | null;
  sha256: string | null;
  encoding: string | null;
  importedBy: string;
}

export interface NewPersonRecord extends PersonRecordFields {
  row: number | null;
  externalId: string | null;
  raw: Record<string, string> | null;
  origin: PersonRecordOrigin | null;
}

/** A decision before it is stored. */
export type NewPersonDecision =
  | { kind: 'confirm'; records: [string, string]; note: string | null; actor: string }
  | { kind: 'split'; record: string; apartFrom: string[]; note: string | null; actor: string };

/** A record as counting reads it. */
export interface CountingRow extends Pick<PersonRecord, 'id' | 'listId' | 'sex' | 'place' | 'violationKind' | 'violationDate'> {
  personId: string | null;
}

export interface PersonLinkRun {
  id: string;
  at: string;
  actor: string;
  records: number;
  persons: number;
  decisions: number;
  stats: unknown;
}

// Rows per insert: 24 columns × 500 stays well below both engines' limits on bound parameters.
const CHUNK = 500;

/** ISO text of a partial date: 1971, 1971-06 or 1971-06-24 (years before 1000 padded to four digits). */
function dateText(date: PartialDateValue | null): string | null {
  if (date === null) return null;
  const pad = (value: number, width: number) => String(Math.abs(value)).padStart(width, '0');
  return `${date.year < 0 ? '-' : ''}${pad(date.year, 4)}${date.month === null ? '' : `-${pad(date.month, 2)}`}${date.day === null ? '' : `-${pad(date.day, 2)}`}`;
}

function parseDateText(text: string | null): PartialDateValue | null {
  if (text === null) return null;
  const match = /^(-?\d{4,})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text);
  if (!match) return null;
  return { year: Number(match[1]), month: match[2] ? Number(match[2]) : null, day: match[3] ? Number(match[3]) : null };
}

function toList(row: Selectable<PersonListsTable>): PersonList {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as PersonListKind,
    fileName: row.file_name,
    sha256: row.sha256,
    encoding: row.encoding,
    records: Number(row.records),
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  };
}

function toRecord(row: Selectable<PersonRecordsTable>): PersonRecord {
  return {
    id: row.id,
    listId: row.list_id,
    row: row.row_number === null ? null : Number(row.row_number),
    externalId: row.external_id,
    given: row.given,
    surname: row.surname,
    patronymic: row.patronymic,
    fullName: row.full_name,
    sex: row.sex === 'm' || row.sex === 'f' ? row.sex : null,
    birthDate: parseDateText(row.birth_date),
    place: row.place,
    violationDate: parseDateText(row.violation_date),
    violationKind: row.violation_kind,
    text: row.text,
    raw: row.raw === null ? null : (JSON.parse(row.raw) as Record<string, string>),
    origin:
      row.document_id === null
        ? null
        : { documentId: row.document_id, entityKey: row.entity_key ?? '', mentionIds: JSON.parse(row.mention_ids ?? '[]') as string[], start: Number(row.span_start), end: Number(row.span_end), quote: row.quote ?? '' },
  };
}

function recordRow(listId: string, record: NewPersonRecord, id: string, createdAt: string) {
  return {
    id,
    list_id: listId,
    row_number: record.row,
    external_id: record.externalId,
    given: record.given,
    surname: record.surname,
    patronymic: record.patronymic,
    full_name: record.fullName,
    sex: record.sex,
    birth_date: dateText(record.birthDate),
    birth_precision: record.birthDate ? datePrecision(record.birthDate) : null,
    place: record.place,
    violation_date: dateText(record.violationDate),
    violation_precision: record.violationDate ? datePrecision(record.violationDate) : null,
    violation_kind: record.violationKind,
    text: record.text,
    raw: record.raw === null ? null : JSON.stringify(record.raw),
    document_id: record.origin?.documentId ?? null,
    entity_key: record.origin?.entityKey ?? null,
    mention_ids: record.origin ? JSON.stringify(record.origin.mentionIds) : null,
    span_start: record.origin?.start ?? null,
    span_end: record.origin?.end ?? null,
    quote: record.origin?.quote ?? null,
    created_at: createdAt,
  };
}

/**
 * Person lists, their records, the persons of the last linkage run, and analysts' decisions about
 * them. Imports and re-links write several tables: call those inside `store.transaction`.
 */
export class PersonRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async lists(): Promise<PersonList[]> {
    const rows = await this.db.selectFrom('person_lists').selectAll().orderBy('id').execute();
    return rows.map(toList);
  }

  async listByName(name: string): Promise<PersonList | null> {
    const row = await this.db.selectFrom('person_lists').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? toList(row) : null;
  }

  async listBySha256(sha256: string): Promise<PersonList | null> {
    const row = await this.db.selectFrom('person_lists').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    return row ? toList(row) : null;
  }

  async createList(list: NewPersonList): Promise<PersonList> {
    const row = { id: newId('personList'), name: list.name, kind: list.kind, file_name: list.fileName, sha256: list.sha256, encoding: list.encoding, records: 0, imported_at: new Date().toISOString(), imported_by: list.importedBy };
    await this.db.insertInto('person_lists').values(row).execute();
    return toList(row);
  }

  /** Add records to a list (in order; ids sort in that order) and update its count. Returns the new ids. */
  async addRecords(listId: string, records: readonly NewPersonRecord[]): Promise<string[]> {
    const createdAt = new Date().toISOString();
    const ids = records.map(() => newId('personRecord'));
    for (let offset = 0; offset < records.length; offset += CHUNK) {
      const rows = records.slice(offset, offset + CHUNK).map((record, index) => recordRow(listId, record, ids[offset + index]!, createdAt));
      await this.db.insertInto('person_records').values(rows).execute();
    }
    await this.refreshCount(listId);
    return ids;
  }

  /** Replace the fields of an existing record (extraction re-runs keep the record's id). */
  async updateRecord(listId: string, id: string, record: NewPersonRecord): Promise<void> {
    const fields: Partial<ReturnType<typeof recordRow>> = recordRow(listId, record, id, '');
    delete fields.id;
    delete fields.created_at;
    await this.db.updateTable('person_records').set(fields).where('id', '=', id).execute();
  }

  /** Remove records (and their places in the last linkage run). */
  async removeRecords(listId: string, ids: readonly string[]): Promise<void> {
    for (let offset = 0; offset < ids.length; offset += CHUNK) {
      const chunk = ids.slice(offset, offset + CHUNK);
      await this.db.deleteFrom('person_clusters').where('record_id', 'in', chunk).execute();
      await this.db.deleteFrom('person_records').where('id', 'in', chunk).execute();
    }
    await this.refreshCount(listId);
  }

  private async refreshCount(listId: string): Promise<void> {
    const { count } = await this.db.selectFrom('person_records').select((eb) => eb.fn.countAll<string | number>().as('count')).where('list_id', '=', listId).executeTakeFirstOrThrow();
    await this.db.updateTable('person_lists').set({ records: Number(count) }).where('id', '=', listId).execute();
  }

  /** Records in import order, all or of one list. */
  async records(options: { listId?: string } = {}): Promise<PersonRecord[]> {
    let query = this.db.selectFrom('person_records').selectAll();
    if (options.listId !== undefined) query = query.where('list_id', '=', options.listId);
    return (await query.orderBy('id').execute()).map(toRecord);
  }

  async getRecords(ids: readonly string[]): Promise<Map<string, PersonRecord>> {
    const records = new Map<string, PersonRecord>();
    for (let offset = 0; offset < ids.length; offset += CHUNK) {
      const rows = await this.db.selectFrom('person_records').selectAll().where('id', 'in', ids.slice(offset, offset + CHUNK)).execute();
      for (const row of rows) records.set(row.id, toRecord(row));
    }
    return records;
  }

  async countRecords(): Promise<number> {
    const { count } = await this.db.selectFrom('person_records').select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow();
    return Number(count);
  }

  /** What counting needs of every record, with its person (null until linked): no names, no raw rows. */
  async countingRows(): Promise<CountingRow[]> {
    const rows = await this.db
      .selectFrom('person_records')
      .leftJoin('person_clusters', 'person_clusters.record_id', 'person_records.id')
      .select(['person_records.id', 'person_records.list_id', 'person_clusters.person_id', 'person_records.sex', 'person_records.place', 'person_records.violation_kind', 'person_records.violation_date'])
      .orderBy('person_records.id')
      .execute();
    return rows.map((row) => ({ id: row.id, listId: row.list_id, personId: row.person_id ?? null, sex: row.sex === 'm' || row.sex === 'f' ? row.sex : null, place: row.place, violationKind: row.violation_kind, violationDate: parseDateText(row.violation_date) }));
  }

  /** Which person each linked record belongs to (records imported since the last run are absent). */
  async clusters(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('person_clusters').select(['record_id', 'person_id']).execute();
    return new Map(rows.map((row) => [row.record_id, row.person_id]));
  }

  async personOf(recordId: string): Promise<string | null> {
    const row = await this.db.selectFrom('person_clusters').select('person_id').where('record_id', '=', recordId).executeTakeFirst();
    return row?.person_id ?? null;
  }

  /** The records of one person, in import order. */
  async recordsOf(personId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('person_clusters').select('record_id').where('person_id', '=', personId).orderBy('record_id').execute();
    return rows.map((row) => row.record_id);
  }

  /** Record a linkage run and replace every record's person with the new ones. */
  async replaceClusters(run: Omit<PersonLinkRun, 'id' | 'at'>, assignments: ReadonlyMap<string, string>): Promise<PersonLinkRun> {
    const stored: PersonLinkRun = { id: newId('personLinkRun'), at: new Date().toISOString(), ...run };
    await this.db.insertInto('person_link_runs').values({ id: stored.id, at: stored.at, actor: stored.actor, records: stored.records, persons: stored.persons, decisions: stored.decisions, stats: JSON.stringify(stored.stats) }).execute();
    await this.db.deleteFrom('person_clusters').execute();
    const rows = [...assignments].map(([recordId, personId]) => ({ record_id: recordId, person_id: personId, run_id: stored.id }));
    for (let offset = 0; offset < rows.length; offset += CHUNK * 4) await this.db.insertInto('person_clusters').values(rows.slice(offset, offset + CHUNK * 4)).execute();
    return stored;
  }

  /** Move records to a person (a decision applied to the current persons without a re-run). */
  async assign(recordIds: readonly string[], personId: string): Promise<void> {
    for (let offset = 0; offset < recordIds.length; offset += CHUNK) await this.db.updateTable('person_clusters').set({ person_id: personId }).where('record_id', 'in', recordIds.slice(offset, offset + CHUNK)).execute();
  }

  async lastRun(): Promise<PersonLinkRun | null> {
    const row = await this.db.selectFrom('person_link_runs').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row ? { id: row.id, at: row.at, actor: row.actor, records: Number(row.records), persons: Number(row.persons), decisions: Number(row.decisions), stats: JSON.parse(row.stats) as unknown } : null;
  }

  async addDecision(decision: NewPersonDecision): Promise<PersonDecision> {
    const stored = PersonDecision.parse({ ...decision, id: newId('decision'), at: new Date().toISOString() });
    await this.db
      .insertInto('person_decisions')
      .values({
        id: stored.id,
        kind: stored.kind,
        record_a: stored.kind === 'confirm' ? stored.records[0] : stored.record,
        record_b: stored.kind === 'confirm' ? stored.records[1] : null,
        apart_from: stored.kind === 'split' ? JSON.stringify(stored.apartFrom) : null,
        note: stored.note,
        actor: stored.actor,
        at: stored.at,
      })
      .execute();
    return stored;
  }

  /** Every decision, in the order they were made. */
  async decisions(): Promise<PersonDecision[]> {
    const rows = await this.db.selectFrom('person_decisions').selectAll().orderBy('id').execute();
    return rows.map((row) =>
      PersonDecision.parse(
        row.kind === 'confirm'
          ? { id: row.id, kind: 'confirm', records: [row.record_a, row.record_b], note: row.note, actor: row.actor, at: row.at }
          : { id: row.id, kind: 'split', record: row.record_a, apartFrom: JSON.parse(row.apart_from ?? '[]') as string[], note: row.note, actor: row.actor, at: row.at },
      ),
    );
  }
}
