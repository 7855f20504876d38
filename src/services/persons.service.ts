import { estimatePopulation, estimateStrata, overlapOfPersons, type EstimateOptions, type EstimateResult, type OverlapTable, type StrataResult } from '../estimate/index.js';
import { newId } from '../model/ids.js';
import type { PersonDecision, PersonList, PersonRecord } from '../model/person.js';
import { linkRecords } from '../resolve/linkage/link.js';
import type { PersonRecord as LinkageRecord } from '../resolve/linkage/record.js';
import { applyPersonDecisions, carryOverPersonIds } from '../resolve/persons/person-clusters.js';
import { PlaceStrata, violationKindStratum } from '../resolve/persons/stratum-values.js';
import type { CountingRow } from '../store/person.repository.js';
import type { Store, StoreSession } from '../store/store.js';
import { extractedPersonRecords, type DocumentClaims } from './person-extraction.js';
import { personListFromBytes, readPersonListFile, type PersonFileOptions, type PersonListFile } from './person-list-file.js';

/*
 * Persons across sources, in the store: import lists, extract persons from documents, link every
 * record into persons (analysts' decisions applied after each run), list and show persons, record
 * decisions, and estimate from the overlap of linked lists. CLI and server call these.
 */

/** A request that cannot be carried out as asked; the message says why and what to do. */
export class PersonsError extends Error {
  override readonly name: string = 'PersonsError';
}

/** A list, person or record named in a request does not exist (the server answers 404). */
export class PersonNotFoundError extends PersonsError {
  override readonly name = 'PersonNotFoundError';
}

/** The list that holds persons extracted from documents. */
export const DOCUMENTS_LIST = 'documents';

export type ImportPersonsRequest = PersonFileOptions & ({ /** File path to read. */ path: string } | { /** The file's bytes (an upload). */ bytes: Uint8Array }) & {
  /** The file as the person named it (for messages and the list's record). */
  shownAs: string;
  /** The list's name, e.g. "memorial-2019". */
  source: string;
  actor: string;
};

export type ImportPersonsOutcome = { status: 'imported'; list: PersonList; encoding: string } | { status: 'already_imported'; list: PersonList };

/**
 * Import one list file as a named list, in one transaction (a failure leaves nothing). The same
 * bytes again under the same name are "already imported" and change nothing.
 */
export async function importPersonList(store: Store, request: ImportPersonsRequest): Promise<ImportPersonsOutcome> {
  const source = request.source.trim();
  if (!source) throw new PersonsError('name the list (--source NAME)');
  if (source === DOCUMENTS_LIST) throw new PersonsError(`"${DOCUMENTS_LIST}" is the list of persons extracted from documents; choose another --source name`);
  const file = 'path' in request ? readPersonListFile(request.path, request.shownAs, source, request) : personListFromBytes(request.bytes, request.shownAs, source, request);
  const taken = async (session: StoreSession): Promise<ImportPersonsOutcome | null> => {
    const same = await session.persons.listBySha256(file.sha256);
    if (same) {
      if (same.name === source) return { status: 'already_imported', list: same };
      throw new PersonsError(`${request.shownAs}: these bytes were already imported as list "${same.name}"; a list counted twice would distort every estimate`);
    }
    const named = await session.persons.listByName(source);
    if (named) throw new PersonsError(`list "${source}" already holds ${named.fileName ?? 'other records'} (imported ${named.importedAt.slice(0, 10)}); import ${request.shownAs} under another --source name`);
    return null;
  };
  try {
    return await importOnce(store, request, source, file, taken);
  } catch (error) {
    // Another import of the same list committed first (the unique name and SHA-256 refused ours): say what it did.
    const outcome = error instanceof PersonsError ? null : await taken(store);
    if (outcome) return outcome;
    throw error;
  }
}

async function importOnce(store: Store, request: ImportPersonsRequest, source: string, file: PersonListFile, taken: (session: StoreSession) => Promise<ImportPersonsOutcome | null>): Promise<ImportPersonsOutcome> {
  return store.transaction(async (session) => {
    const known = await taken(session);
    if (known) return known;
    const list = await session.persons.createList({ name: source, kind: 'file', fileName: request.shownAs, sha256: file.sha256, encoding: file.encoding, importedBy: request.actor });
    await session.persons.addRecords(list.id, file.records);
    await session.audit.append({ actor: request.actor, action: 'persons.import', subjectId: list.id, payload: { list: source, file: request.shownAs, sha256: file.sha256, encoding: file.encoding, records: file.records.length } });
    return { status: 'imported', list: { ...list, records: file.records.length }, encoding: file.encoding };
  });
}

export interface ExtractPersonsOutcome {
  documents: number;
  records: number;
  added: number;
  updated: number;
  removed: number;
}

/**
 * Turn persons named in live documents into records of the "documents" list: one per person entity
 * per document. Re-running keeps each record's id (by document and resolved name), so clusters and
 * decisions stay attached; persons no longer named are removed.
 */
export async function extractPersons(store: Store, actor: string): Promise<ExtractPersonsOutcome> {
  const documents: DocumentClaims[] = [];
  for await (const document of store.documents.live()) documents.push({ documentId: document.id, text: document.text, claims: await store.claims.forDocument(document.id) });
  const extracted = extractedPersonRecords(documents, await store.entityDecisions.list());
  return store.transaction(async (session) => {
    const list = (await session.persons.listByName(DOCUMENTS_LIST)) ?? (await session.persons.createList({ name: DOCUMENTS_LIST, kind: 'documents', fileName: null, sha256: null, encoding: null, importedBy: actor }));
    if (list.kind !== 'documents') throw new PersonsError(`a list named "${DOCUMENTS_LIST}" was imported from a file; extracted persons need that name`);
    const existing = new Map((await session.persons.records({ listId: list.id })).map((record) => [`${record.origin?.documentId}\u0000${record.origin?.entityKey}`, record.id]));
    const fresh = [];
    let updated = 0;
    for (const record of extracted) {
      const key = `${record.origin!.documentId}\u0000${record.origin!.entityKey}`;
      const id = existing.get(key);
      if (id === undefined) fresh.push(record);
      else {
        await session.persons.updateRecord(list.id, id, record);
        existing.delete(key);
        updated++;
      }
    }
    await session.persons.addRecords(list.id, fresh);
    await session.persons.removeRecords(list.id, [...existing.values()]);
    const outcome = { documents: documents.length, records: extracted.length, added: fresh.length, updated, removed: existing.size };
    await session.audit.append({ actor, action: 'persons.extract', subjectId: list.id, payload: outcome });
    return outcome;
  });
}

/** How a record is named, in its own script. */
export function recordName(record: Pick<PersonRecord, 'fullName' | 'given' | 'surname' | 'patronymic'>): string {
  return record.fullName ?? ([record.surname, record.given, record.patronymic].filter(Boolean).join(' ') || '(no name)');
}

function toLinkage(record: PersonRecord, listName: string): LinkageRecord {
  return { source: listName, id: record.id, given: record.given, surname: record.surname, patronymic: record.patronymic, fullName: record.fullName, birthDate: record.birthDate, sex: record.sex, place: record.place };
}

export interface PersonLinkSummary {
  runId: string;
  records: number;
  persons: number;
  /** Persons with records on two or more lists. */
  onSeveralLists: number;
  lists: { name: string; records: number; persons: number }[];
  decisionsApplied: number;
  seconds: number;
}

/**
 * Link every stored record into persons, apply analysts' decisions in the order they were made,
 * keep person ids where the persons carry over, and store the result (one transaction).
 */
export async function linkPersons(store: Store, actor: string): Promise<PersonLinkSummary> {
  const started = performance.now();
  const lists = await store.persons.lists();
  const listName = new Map(lists.map((list) => [list.id, list.name]));
  const records = await store.persons.records();
  if (records.length === 0) throw new PersonsError('no person records yet: chronicle persons import FILE.csv --source NAME, or chronicle persons extract');
  const ids = records.map((record) => record.id);
  const cluster = records.length >= 2 ? linkRecords(records.map((record) => toLinkage(record, listName.get(record.listId)!))).cluster : Int32Array.of(0);
  // Persons the entity index joined across documents (same resolved name, analysts' entity merges and splits applied) stay joined.
  const byEntity = new Map<string, string[]>();
  for (const record of records) {
    if (record.origin === null) continue;
    let group = byEntity.get(record.origin.entityKey);
    if (!group) byEntity.set(record.origin.entityKey, (group = []));
    group.push(record.id);
  }
  const { groups, applied } = applyPersonDecisions(ids, cluster, await store.persons.decisions(), [...byEntity.values()]);
  const previous = await store.persons.clusters();
  const assignment = carryOverPersonIds(groups.map((group) => group.map((index) => ids[index]!)), previous, () => newId('person'));

  const perList = new Map<string, { records: number; persons: Set<string> }>(lists.map((list) => [list.id, { records: 0, persons: new Set() }]));
  const listsOfPerson = new Map<string, Set<string>>();
  for (const record of records) {
    const person = assignment.get(record.id)!;
    const entry = perList.get(record.listId)!;
    entry.records++;
    entry.persons.add(person);
    let set = listsOfPerson.get(person);
    if (!set) listsOfPerson.set(person, (set = new Set()));
    set.add(record.listId);
  }
  const onSeveralLists = [...listsOfPerson.values()].filter((set) => set.size >= 2).length;
  const seconds = (performance.now() - started) / 1000;
  const summary = { records: records.length, persons: groups.length, onSeveralLists, lists: lists.map((list) => ({ name: list.name, records: perList.get(list.id)!.records, persons: perList.get(list.id)!.persons.size })), decisionsApplied: applied };
  const run = await store.transaction(async (session) => {
    const stored = await session.persons.replaceClusters({ actor, records: records.length, persons: groups.length, decisions: applied, stats: summary }, assignment);
    await session.audit.append({ actor, action: 'persons.link', subjectId: stored.id, payload: { records: records.length, persons: groups.length, decisions: applied } });
    return stored;
  });
  return { runId: run.id, ...summary, seconds };
}

export interface PersonSummary {
  id: string;
  /** The name of its first record, as written. */
  name: string;
  /** Every other way its records write the name. */
  spellings: string[];
  lists: string[];
  records: number;
  sex: 'm' | 'f' | null;
  birthYears: number[];
}

function summarise(id: string, records: readonly PersonRecord[], listName: ReadonlyMap<string, string>): PersonSummary {
  const names = [...new Set(records.map(recordName))];
  return {
    id,
    name: names[0]!,
    spellings: names.slice(1),
    lists: [...new Set(records.map((record) => listName.get(record.listId)!))],
    records: records.length,
    sex: majority(records.map((record) => record.sex)),
    birthYears: [...new Set(records.flatMap((record) => (record.birthDate ? [record.birthDate.year] : [])))].sort((a, b) => a - b),
  };
}

/** The most common non-null value; a tie goes to the value seen first. */
function majority<T>(values: readonly (T | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | null = null;
  for (const [value, count] of counts) if (best === null || count > counts.get(best)!) best = value;
  return best;
}

/** Every person list (imported files and the documents list) with its record count, oldest first. */
export async function personLists(store: Store): Promise<PersonList[]> {
  return store.persons.lists();
}

/** Persons grouped from the stored clusters; records not linked yet are counted apart. */
async function storedPersons(store: Store): Promise<{ persons: Map<string, PersonRecord[]>; unlinked: PersonRecord[]; lists: PersonList[] }> {
  const [lists, records, clusters] = [await store.persons.lists(), await store.persons.records(), await store.persons.clusters()];
  const persons = new Map<string, PersonRecord[]>();
  const unlinked: PersonRecord[] = [];
  for (const record of records) {
    const person = clusters.get(record.id);
    if (person === undefined) unlinked.push(record);
    else {
      let group = persons.get(person);
      if (!group) persons.set(person, (group = []));
      group.push(record);
    }
  }
  return { persons, unlinked, lists };
}

function listNamed(lists: readonly PersonList[], name: string): PersonList {
  const list = lists.find((candidate) => candidate.name === name);
  if (!list) throw new PersonNotFoundError(`no list is named "${name}" (${lists.length ? `lists: ${lists.map((candidate) => candidate.name).join(', ')}` : 'no lists yet: chronicle persons import FILE.csv --source NAME'})`);
  return list;
}

export interface PersonListing {
  persons: PersonSummary[];
  /** Records imported since the last linkage run. */
  unlinked: number;
  lists: PersonList[];
}

/** Persons as the last run (and decisions since) left them, in order of their first record; optionally only those on one list. */
export async function listPersons(store: Store, options: { list?: string } = {}): Promise<PersonListing> {
  const { persons, unlinked, lists } = await storedPersons(store);
  const listName = new Map(lists.map((list) => [list.id, list.name]));
  const only = options.list === undefined ? null : listNamed(lists, options.list).id;
  const summaries = [...persons]
    .filter(([, records]) => only === null || records.some((record) => record.listId === only))
    .sort((a, b) => (a[1][0]!.id < b[1][0]!.id ? -1 : 1))
    .map(([id, records]) => summarise(id, records, listName));
  return { persons: summaries, unlinked: unlinked.filter((record) => only === null || record.listId === only).length, lists };
}

export interface PersonView extends PersonSummary {
  /** Its records with the list each came from. */
  entries: (PersonRecord & { list: string })[];
  decisions: PersonDecision[];
}

/** One person (psn_…), or the person a record (per_…) belongs to, with every record and the decisions about them. */
export async function showPerson(store: Store, id: string): Promise<PersonView> {
  let personId = id;
  if (id.startsWith('per_')) {
    const person = await store.persons.personOf(id);
    if (person === null) {
      const exists = (await store.persons.getRecords([id])).size > 0;
      if (exists) throw new PersonsError(`${id} is not linked yet: run chronicle persons link`);
      throw new PersonNotFoundError(`no person record has id ${id}`);
    }
    personId = person;
  } else if (!id.startsWith('psn_')) throw new PersonsError(`${id} is not a person (psn_…) or person record (per_…) id`);
  const recordIds = await store.persons.recordsOf(personId);
  if (recordIds.length === 0) throw new PersonNotFoundError(`no person has id ${id} (chronicle persons list shows them; ids change only when a person is split up or merged)`);
  const lists = await store.persons.lists();
  const listName = new Map(lists.map((list) => [list.id, list.name]));
  const byId = await store.persons.getRecords(recordIds);
  const records = recordIds.map((recordId) => byId.get(recordId)!);
  const mine = new Set(recordIds);
  const decisions = (await store.persons.decisions()).filter((decision) => (decision.kind === 'confirm' ? decision.records.some((record) => mine.has(record)) : mine.has(decision.record) || decision.apartFrom.some((record) => mine.has(record))));
  return { ...summarise(personId, records, listName), entries: records.map((record) => ({ ...record, list: listName.get(record.listId)! })), decisions };
}

/** A record id, or the first record of a person id. */
async function recordOf(store: Store, id: string): Promise<string> {
  if (id.startsWith('psn_')) {
    const records = await store.persons.recordsOf(id);
    if (records.length === 0) throw new PersonNotFoundError(`no person has id ${id}`);
    return records[0]!;
  }
  if (!id.startsWith('per_')) throw new PersonsError(`${id} is not a person record (per_…) or person (psn_…) id`);
  if ((await store.persons.getRecords([id])).size === 0) throw new PersonNotFoundError(`no person record has id ${id}`);
  return id;
}

export interface DecisionOutcome {
  decision: PersonDecision;
  /** The person the records now belong to (confirm), or the new person of the split record; null until the next link when not linked yet. */
  personId: string | null;
  /** Nothing moved now: the records were together (confirm) already, or are not linked yet. */
  unchanged: boolean;
}

/**
 * An analyst says two records (or persons) are one person. Recorded with the audit log, applied to
 * the current persons at once, and after every future run.
 */
export async function confirmSamePerson(store: Store, first: string, second: string, actor: string, note?: string): Promise<DecisionOutcome> {
  const a = await recordOf(store, first);
  const b = await recordOf(store, second);
  if (a === b) throw new PersonsError('name two different records');
  return store.transaction(async (session) => {
    const decision = await session.persons.addDecision({ kind: 'confirm', records: [a, b], note: note?.trim() || null, actor });
    const [personA, personB] = [await session.persons.personOf(a), await session.persons.personOf(b)];
    let personId: string | null = null;
    let unchanged = true;
    if (personA !== null && personB !== null) {
      personId = personA;
      if (personA !== personB) {
        const [recordsA, recordsB] = [await session.persons.recordsOf(personA), await session.persons.recordsOf(personB)];
        // The larger person keeps its id, as a re-run would.
        const [keep, moved] = recordsA.length >= recordsB.length ? [personA, recordsB] : [personB, recordsA];
        await session.persons.assign(moved, keep);
        personId = keep;
        unchanged = false;
      }
    }
    await session.audit.append({ actor, action: 'person.confirm', subjectId: a, payload: { records: [a, b], persons: [personA, personB], ...(decision.note ? { note: decision.note } : {}) } });
    return { decision, personId, unchanged };
  });
}

/**
 * An analyst says a record is not the person it was linked to: it leaves that person and stands
 * alone, now and after every future run, until a later confirm joins it to someone.
 */
export async function splitRecord(store: Store, id: string, actor: string, note?: string): Promise<DecisionOutcome> {
  if (id.startsWith('psn_')) throw new PersonsError('name the record to split off (per_…): chronicle persons show PERSON lists them');
  const record = await recordOf(store, id);
  return store.transaction(async (session) => {
    const person = await session.persons.personOf(record);
    if (person === null) throw new PersonsError(`${record} is not linked yet: run chronicle persons link`);
    const apartFrom = (await session.persons.recordsOf(person)).filter((other) => other !== record);
    if (apartFrom.length === 0) throw new PersonsError(`${record} is the only record of ${person} already`);
    const decision = await session.persons.addDecision({ kind: 'split', record, apartFrom, note: note?.trim() || null, actor });
    const personId = newId('person');
    await session.persons.assign([record], personId);
    await session.audit.append({ actor, action: 'person.split', subjectId: record, payload: { from: person, to: personId, apartFrom, ...(decision.note ? { note: decision.note } : {}) } });
    return { decision, personId, unchanged: false };
  });
}

/** Fields an estimate can be stratified by, and the names they go by. */
export const STRATA_FIELDS = { sex: 'sex', kind: 'kind', violation_kind: 'kind', place: 'place', year: 'year', violation_year: 'year' } as const;
export type StrataField = (typeof STRATA_FIELDS)[keyof typeof STRATA_FIELDS];

const UNKNOWN = 'unknown';

/**
 * A record's stratum key. Kinds of violation are read as the act type they name, places by a key on
 * which spellings and scripts agree (see resolve/persons/stratum-values), so that lists written in
 * different words and scripts fall into the same strata.
 */
function stratumValue(field: StrataField, record: CountingRow, places: PlaceStrata): string | null {
  switch (field) {
    case 'sex':
      return record.sex;
    case 'kind':
      return violationKindStratum(record.violationKind);
    case 'place':
      return places.add(record.place);
    case 'year':
      return record.violationDate ? String(record.violationDate.year) : null;
  }
}

export interface PersonsEstimateRequest extends EstimateOptions {
  /** List names, in the order of the table's bits. */
  lists: string[];
  /** sex, kind (of violation), place or year (of violation). */
  strata?: string;
}

export type PersonsEstimate =
  | { lists: string[]; table: OverlapTable; stratifiedBy: null; result: EstimateResult }
  | { lists: string[]; table: OverlapTable; stratifiedBy: StrataField; strata: { name: string; table: OverlapTable }[]; result: StrataResult };

/**
 * The overlap table of the named lists from the stored persons (a person counts on a list when any of
 * its records came from it), and the estimate from it: pooled, or per stratum and summed. A person's
 * stratum is the most common value among its records (the first seen on a tie), else "unknown".
 */
export async function estimateFromPersons(store: Store, request: PersonsEstimateRequest): Promise<PersonsEstimate> {
  let field: StrataField | null = null;
  if (request.strata !== undefined) {
    field = STRATA_FIELDS[request.strata as keyof typeof STRATA_FIELDS] ?? null;
    if (field === null) throw new PersonsError(`--strata must be one of sex, kind, place, year (not "${request.strata}")`);
  }
  const lists = await store.persons.lists();
  const chosen = request.lists.map((name) => listNamed(lists, name));
  const chosenIds = new Set(chosen.map((list) => list.id));
  const persons = new Map<string, CountingRow[]>();
  let waiting = 0;
  for (const row of await store.persons.countingRows()) {
    if (row.personId === null) {
      if (chosenIds.has(row.listId)) waiting++;
      continue;
    }
    let group = persons.get(row.personId);
    if (!group) persons.set(row.personId, (group = []));
    group.push(row);
  }
  if (waiting > 0) throw new PersonsError(`${waiting} records of these lists are not linked yet: run chronicle persons link first`);
  const nameOf = new Map(lists.map((list) => [list.id, list.name]));
  const options: EstimateOptions = request.model !== undefined ? { model: request.model } : {};
  const memberships = [...persons.values()].filter((records) => records.some((record) => chosenIds.has(record.listId)));
  const listsOf = (records: readonly CountingRow[]) => records.map((record) => nameOf.get(record.listId)!);
  const table = overlapOfPersons(request.lists, memberships.map(listsOf));
  if (field === null) return { lists: request.lists, table, stratifiedBy: null, result: estimatePopulation(table, options) };
  const byStratum = new Map<string, CountingRow[][]>();
  const places = new PlaceStrata();
  const keys = memberships.map((records) => majority(records.map((record) => stratumValue(field, record, places))));
  for (const [index, records] of memberships.entries()) {
    const key = keys[index];
    const value = key === null || key === undefined ? UNKNOWN : field === 'place' ? places.name(key) : key;
    let members = byStratum.get(value);
    if (!members) byStratum.set(value, (members = []));
    members.push(records);
  }
  const strata = [...byStratum]
    .sort((a, b) => (a[0] === UNKNOWN ? 1 : b[0] === UNKNOWN ? -1 : a[0].localeCompare(b[0])))
    .map(([name, members]) => ({ name, table: overlapOfPersons(request.lists, members.map(listsOf)) }));
  return { lists: request.lists, table, stratifiedBy: field, strata, result: estimateStrata(strata, options) };
}
