import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { expect } from 'expect';
import { CAPTURE_VERSION, sha256Hex } from '../capture/capture.js';
import { indexText } from '../search/analyzer.js';
import { Store } from '../store/store.js';
import { PersonImportError } from './person-list-file.js';
import { confirmSamePerson, estimateFromPersons, extractPersons, importPersonList, linkPersons, listPersons, PersonsError, showPerson, splitRecord } from './persons.service.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples', 'persons');

/** Cyrillic text as CP1251 bytes, as Russian offices' spreadsheets save it. */
function cp1251(text: string): Buffer {
  return Buffer.from([...text].map((char) => {
    const code = char.charCodeAt(0);
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (code === 0x401) return 0xa8;
    if (code === 0x451) return 0xb8;
    if (code === 0x2116) return 0xb9;
    return code;
  }));
}

describe('persons service', () => {
  const folders: string[] = [];
  let folder: string;
  let store: Store;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'chronicle-persons-'));
    folders.push(folder);
    store = await Store.open(join(folder, 'store.db'));
  });
  afterEach(() => store.close());
  after(() => folders.forEach((path) => rmSync(path, { recursive: true, force: true })));

  const file = (name: string, content: string | Buffer) => {
    writeFileSync(join(folder, name), content);
    return join(folder, name);
  };
  const importFile = (path: string, source: string, extra: { map?: string[] } = {}) => importPersonList(store, { path, shownAs: path.slice(folder.length + 1), source, actor: 'analyst', ...extra });
  const importExamples = async () => {
    for (const [name, source] of [['memorial-ru.csv', 'memorial'], ['ngo-en.csv', 'ngo'], ['diaspora-latin.csv', 'diaspora']] as const) {
      expect((await importPersonList(store, { path: join(EXAMPLES, name), shownAs: name, source, actor: 'analyst' })).status).toBe('imported');
    }
  };

  it('imports a CP1251 list with names, dates of birth and of the violation, its kind, free text and the raw row', async () => {
    const path = file('kavkaz.csv', cp1251('№;ФИО;Дата рождения;Пол;Место;Дата задержания;Нарушение;Обстоятельства\r\n1;Хасиев Ислам Русланович;03.1984;м;Шали;12.02.2019;задержание;увезли на белой машине\r\n2;Ёлкина Мадина;1990;ж;;2019;похищение;\r\n'));
    const outcome = await importFile(path, 'kavkaz');
    expect(outcome).toMatchObject({ status: 'imported', encoding: 'windows-1251', list: { name: 'kavkaz', records: 2, fileName: 'kavkaz.csv' } });
    const records = await store.persons.records();
    expect(records[0]).toMatchObject({ row: 2, externalId: '1', fullName: 'Хасиев Ислам Русланович', sex: 'm', birthDate: { year: 1984, month: 3, day: null }, place: 'Шали', violationDate: { year: 2019, month: 2, day: 12 }, violationKind: 'задержание', text: 'увезли на белой машине' });
    expect(records[0]!.raw).toEqual({ '№': '1', ФИО: 'Хасиев Ислам Русланович', 'Дата рождения': '03.1984', Пол: 'м', Место: 'Шали', 'Дата задержания': '12.02.2019', Нарушение: 'задержание', Обстоятельства: 'увезли на белой машине' });
    expect(records[1]).toMatchObject({ fullName: 'Ёлкина Мадина', sex: 'f', place: null, violationDate: { year: 2019, month: null, day: null }, text: null });
    const log = await store.audit.list({ limit: 10 });
    expect(log.map((entry) => entry.action)).toContain('persons.import');
  });

  it('imports uploaded bytes as it imports a file', async () => {
    const bytes = cp1251('ФИО;Дата рождения\r\nИсаев Адам;1980\r\n');
    expect(await importPersonList(store, { bytes, shownAs: 'upload.csv', source: 'upload', actor: 'analyst' })).toMatchObject({ status: 'imported', encoding: 'windows-1251', list: { records: 1 } });
    expect(await importPersonList(store, { bytes, shownAs: 'upload.csv', source: 'upload', actor: 'analyst' })).toMatchObject({ status: 'already_imported' });
    await expect(importPersonList(store, { bytes: new Uint8Array(), shownAs: 'nothing.csv', source: 'x', actor: 'analyst' })).rejects.toThrow('nothing.csv: empty file');
  });

  it('maps columns named otherwise with --map, for violation fields too', async () => {
    const path = file('odd.csv', 'who,when,what,story\nAdam Isaev,2018-05-01,killing,found near the river\n');
    await importFile(path, 'odd', { map: ['who=full_name', 'when=violation_date', 'what=violation_kind', 'story=text'] });
    expect((await store.persons.records())[0]).toMatchObject({ fullName: 'Adam Isaev', violationDate: { year: 2018, month: 5, day: 1 }, violationKind: 'killing', text: 'found near the river' });
  });

  it('re-importing the same bytes to the same list says so and changes nothing; the same bytes or name elsewhere are refused', async () => {
    const path = file('ngo.csv', 'id,surname,first_name,dob\n1,Umarov,Ruslan,1975-01-02\n');
    await importFile(path, 'ngo');
    const again = await importFile(path, 'ngo');
    expect(again).toMatchObject({ status: 'already_imported', list: { name: 'ngo', records: 1 } });
    await expect(importFile(path, 'ngo-copy')).rejects.toThrow('already imported as list "ngo"');
    await expect(importFile(file('ngo2.csv', 'id,surname,first_name,dob\n2,Isaev,Adam,1980\n'), 'ngo')).rejects.toThrow('list "ngo" already holds ngo.csv');
    expect(await store.persons.countRecords()).toBe(1);
    expect((await store.persons.lists()).map((list) => list.name)).toEqual(['ngo']);
  });

  it('refuses bad files with one line naming the file, row and column, and stores nothing', async () => {
    const cases: [string, string | Buffer, string][] = [
      ['noname.csv', 'id,born,sex\n1,1970,m\n', 'noname.csv: no name column (found: id, born, sex'],
      ['baddate.csv', 'surname,first_name,dob\nUmarov,Ruslan,1975-01-02\nIsaev,Adam,last spring\n', 'baddate.csv: row 3, column dob: not a date: "last spring"'],
      ['badviolation.csv', 'full_name,date_of_detention\nAdam Isaev,2018-13-45x\n', 'badviolation.csv: row 2, column date_of_detention: not a date: "2018-13-45x"'],
      ['binary.csv', Buffer.from([0x66, 0x75, 0x6c, 0x6c, 0x0a, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x0a]), 'binary.csv: not UTF-8 text and no Cyrillic encoding fits; save it as UTF-8 or CP1251'],
      ['header.csv', 'surname,first_name\n', 'header.csv: no records (only a header row)'],
      ['empty.csv', '   \n', 'empty.csv: empty file'],
    ];
    for (const [name, content, message] of cases) {
      const error = await importFile(file(name, content), name).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PersonImportError);
      expect((error as Error).message).toContain(message);
      expect((error as Error).message).not.toContain('\n');
    }
    await expect(importFile(join(folder, 'missing.csv'), 'm')).rejects.toThrow('missing.csv: no such file');
    await expect(importFile(file('ok.csv', 'full_name\nA B\n'), 'documents')).rejects.toThrow(PersonsError);
    expect(await store.persons.lists()).toEqual([]);
    expect(await store.persons.countRecords()).toBe(0);
  });

  it('links the sample lists into the persons they were written from, and counts the overlap', async () => {
    await importExamples();
    const summary = await linkPersons(store, 'analyst');
    expect(summary).toMatchObject({ records: 48, persons: 30, onSeveralLists: 15 });
    const estimate = await estimateFromPersons(store, { lists: ['memorial', 'ngo', 'diaspora'] });
    // By construction (see README, "Persons"): 6 only on memorial, 5 only on ngo, 4 only on diaspora, 5 on memorial+ngo, 4 memorial+diaspora, 3 ngo+diaspora, 3 on all.
    expect(estimate.table.counts).toEqual([0, 6, 5, 5, 4, 4, 3, 3]);
    expect(estimate.result.ok).toBe(true);
    const byYear = await estimateFromPersons(store, { lists: ['memorial', 'ngo', 'diaspora'], strata: 'year' });
    if (byYear.stratifiedBy === null) throw new Error('not stratified');
    expect(byYear.strata.map((stratum) => [stratum.name, stratum.table.counts])).toEqual([
      ['2017', [0, 3, 3, 3, 2, 2, 2, 2]],
      ['2019', [0, 3, 2, 2, 2, 2, 1, 1]],
    ]);
    const person = (await listPersons(store, { list: 'diaspora' })).persons.find((candidate) => candidate.lists.length === 3)!;
    const shown = await showPerson(store, person.id);
    expect(shown.entries.map((entry) => entry.list)).toEqual(['memorial', 'ngo', 'diaspora']);
    expect(shown.spellings).toHaveLength(2);
    await expect(estimateFromPersons(store, { lists: ['memorial', 'nowhere'] })).rejects.toThrow('no list is named "nowhere" (lists: memorial, ngo, diaspora)');
  });

  it('refuses to estimate from one list, from lists that do not overlap, and from records not linked yet', async () => {
    await importFile(file('a.csv', 'full_name,dob\nAdam Isaev,1980-01-01\nRuslan Umarov,1975-02-02\n'), 'a');
    await importFile(file('b.csv', 'full_name,dob\nMalika Dudayeva,1990-03-03\nIsa Gelayev,1969-04-04\n'), 'b');
    await expect(estimateFromPersons(store, { lists: ['a', 'b'] })).rejects.toThrow('4 records of these lists are not linked yet');
    await linkPersons(store, 'analyst');
    const one = await estimateFromPersons(store, { lists: ['a'] });
    expect(one.result).toMatchObject({ ok: false, problems: [expect.stringContaining('only one list')] });
    const apart = await estimateFromPersons(store, { lists: ['a', 'b'] });
    expect(apart.result).toMatchObject({ ok: false, problems: [expect.stringContaining('do not overlap')] });
    await expect(estimateFromPersons(store, { lists: ['a', 'b'], strata: 'colour' })).rejects.toThrow('--strata must be one of');
  });

  it('keeps analysts\' splits and confirmations, and person ids, across re-runs', async () => {
    await importExamples();
    await linkPersons(store, 'analyst');
    const before = await listPersons(store);
    const onAll = before.persons.find((person) => person.lists.length === 3)!;
    const [first, , third] = (await showPerson(store, onAll.id)).entries;
    const split = await splitRecord(store, third!.id, 'analyst', 'different birth place');
    expect((await showPerson(store, onAll.id)).records).toBe(2);
    expect((await showPerson(store, third!.id)).id).toBe(split.personId);

    const loners = before.persons.filter((person) => person.records === 1).slice(0, 2);
    const confirmed = await confirmSamePerson(store, loners[0]!.id, loners[1]!.id, 'analyst');
    expect(confirmed.unchanged).toBe(false);

    const rerun = await linkPersons(store, 'analyst');
    expect(rerun.decisionsApplied).toBe(2);
    expect(rerun.persons).toBe(30); // one split off, two joined
    expect((await showPerson(store, third!.id)).records).toBe(1);
    expect((await showPerson(store, first!.id)).id).toBe(onAll.id);
    const joined = await showPerson(store, loners[0]!.id);
    expect(joined.records).toBe(2);
    expect(joined.decisions.map((decision) => decision.kind)).toEqual(['confirm']);
    // Every person untouched by the decisions keeps its id.
    const after = new Set((await listPersons(store)).persons.map((person) => person.id));
    expect(before.persons.filter((person) => !after.has(person.id)).map((person) => person.id)).toEqual([loners[0]!.id === confirmed.personId ? loners[1]!.id : loners[0]!.id]);
    const actions = (await store.audit.list({ limit: 50 })).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['person.split', 'person.confirm', 'persons.link']));
    await expect(splitRecord(store, third!.id, 'analyst')).rejects.toThrow('is the only record');
    await expect(splitRecord(store, onAll.id, 'analyst')).rejects.toThrow('name the record to split off');
    await expect(confirmSamePerson(store, first!.id, first!.id, 'analyst')).rejects.toThrow('two different records');
  });

  it('turns persons named in documents into records, one per person and document, and keeps their ids on re-extraction', async () => {
    const capture = async (text: string) => {
      const bytes = new TextEncoder().encode(text);
      const outcome = await store.transaction((session) =>
        session.documents.insert({ sha256: sha256Hex(bytes), bytes, origin: 'musayeva.txt', sourceId: null, mediaType: 'text/plain', publishedAt: '2022-02-05', title: null, author: null, canonicalUrl: null, language: 'en', text, warnings: [], captureVersion: CAPTURE_VERSION, index: { titleTerms: '', bodyTerms: indexText(text) } }),
      );
      if (outcome.status !== 'captured') throw new Error('not captured');
      return outcome.document.id;
    };
    const text = 'Zarema Musayeva was detained in Grozny on 4 February 2022.\n\nMusayeva was later taken to Chechnya. Ramzan Kadyrov commented.';
    const documentId = await capture(text);
    const at = (quote: string, from = 0) => ({ start: text.indexOf(quote, from), end: text.indexOf(quote, from) + quote.length, quote });
    await store.transaction((session) =>
      session.claims.replaceProposed(documentId, {
        producedBy: 'test@1',
        attributions: [],
        claims: [
          { kind: 'mention', property: 'person', value: { canonical: 'Zarema Musayeva' }, ...at('Zarema Musayeva'), attributionKey: null },
          { kind: 'act', property: 'detention', value: { type: 'detention' }, ...at('detained'), attributionKey: null },
          { kind: 'date', property: 'date', value: { value: '2022-02-04', precision: 'day', relative: false }, ...at('4 February 2022'), attributionKey: null },
          { kind: 'mention', property: 'person', value: { canonical: 'Zarema Musayeva' }, ...at('Musayeva', 20), attributionKey: null },
          { kind: 'mention', property: 'person', value: { canonical: 'Ramzan Kadyrov' }, ...at('Ramzan Kadyrov'), attributionKey: null },
        ],
      }),
    );
    expect(await extractPersons(store, 'analyst')).toEqual({ documents: 1, records: 2, added: 2, updated: 0, removed: 0 });
    const records = await store.persons.records();
    const zarema = records.find((record) => record.fullName === 'Zarema Musayeva')!;
    expect(zarema).toMatchObject({ violationKind: 'detention', violationDate: { year: 2022, month: 2, day: 4 }, origin: { documentId, entityKey: 'zarema musayeva', start: 0, end: 15, quote: 'Zarema Musayeva' } });
    expect(zarema.origin!.mentionIds).toHaveLength(2);
    // Kadyrov is named in another paragraph than the detention.
    expect(records.find((record) => record.fullName === 'Ramzan Kadyrov')).toMatchObject({ violationKind: null, violationDate: null });
    expect(await extractPersons(store, 'analyst')).toEqual({ documents: 1, records: 2, added: 0, updated: 2, removed: 0 });
    expect((await store.persons.records()).map((record) => record.id)).toEqual(records.map((record) => record.id));
    expect((await store.persons.lists())[0]).toMatchObject({ name: 'documents', kind: 'documents', records: 2 });

    // Another report names her too: one more record, and linkage keeps the entity index's join.
    const other = 'Zarema Musayeva remains in custody.';
    const otherId = await capture(other);
    await store.transaction((session) => session.claims.replaceProposed(otherId, { producedBy: 'test@1', attributions: [], claims: [{ kind: 'mention', property: 'person', value: { canonical: 'Zarema Musayeva' }, start: 0, end: 15, quote: 'Zarema Musayeva', attributionKey: null }] }));
    expect(await extractPersons(store, 'analyst')).toMatchObject({ records: 3, added: 1, updated: 2 });
    expect(await linkPersons(store, 'analyst')).toMatchObject({ records: 3, persons: 2 });
    expect((await showPerson(store, zarema.id)).entries.map((entry) => entry.origin?.documentId)).toEqual([documentId, otherId]);
  });
});
