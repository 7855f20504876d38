import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { apiWorld, CORPUS, headersOf, type ApiWorld } from '../../../test/api-fixture.js';
import { storeTargets } from '../../../test/store-targets.js';
import { PERSON_LIST_MAX_BYTES } from '../../model/api.js';
import { importPersonList } from '../../services/persons.service.js';
import { REVISION_CHECK_MS } from '../../services/workspace-views.service.js';

const EXAMPLES = join(CORPUS, '..', 'persons');
const upload = (source: string, fileName: string, bytes: Buffer | string, extra: Record<string, unknown> = {}) => ({ source, fileName, content: Buffer.from(bytes).toString('base64'), ...extra });
const example = (file: string) => readFileSync(join(EXAMPLES, file));

interface PersonItem {
  id: string;
  name: string;
  spellings: string[];
  lists: string[];
  records: number;
}

for (const target of storeTargets()) {
  describe(`persons, linkage and estimates API (${target.name})`, () => {
    let world: ApiWorld;
    before(async () => {
      world = await apiWorld(target);
    });
    after(async () => {
      await world.close();
      await target.cleanup();
    });
    const get = (url: string) => world.app.inject({ method: 'GET', url, headers: headersOf(world.as.viewer, false) });
    const post = (url: string, payload?: unknown, as: 'analyst' | 'viewer' = 'analyst') => world.app.inject({ method: 'POST', url, headers: headersOf(world.as[as]), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
    const audit = async () => (await world.store.audit.list({ limit: 10_000 })).map((event) => ({ actor: event.actor, action: event.action }));

    it('answers anonymous requests with 401 on every persons and estimates route', async () => {
      const routes = [
        ['GET', '/api/person-lists'],
        ['POST', '/api/person-lists'],
        ['GET', '/api/persons'],
        ['GET', '/api/persons/psn_01JZZZZZZZZZZZZZZZZZZZZZZZ'],
        ['POST', '/api/persons/link'],
        ['POST', '/api/persons/extract'],
        ['POST', '/api/persons/confirm'],
        ['POST', '/api/persons/per_01JZZZZZZZZZZZZZZZZZZZZZZZ/split'],
        ['GET', '/api/estimates?lists=a,b'],
      ] as const;
      for (const [method, url] of routes) expect({ url, status: (await world.app.inject({ method, url })).statusCode }).toEqual({ url, status: 401 });
    });

    it('refuses a viewer\'s upload with 403 and imports nothing', async () => {
      const refused = await post('/api/person-lists', upload('memorial', 'memorial-ru.csv', example('memorial-ru.csv')), 'viewer');
      expect(refused.statusCode).toBe(403);
      const noCsrf = await world.app.inject({ method: 'POST', url: '/api/person-lists', headers: headersOf(world.as.analyst, false), payload: upload('memorial', 'memorial-ru.csv', example('memorial-ru.csv')) });
      expect(noCsrf.statusCode).toBe(403);
      expect((await get('/api/person-lists')).json()).toEqual({ lists: [] });
    });

    it('imports uploaded lists as the CLI does, and says when the same file was imported already', async () => {
      const first = await post('/api/person-lists', upload('memorial', 'memorial-ru.csv', example('memorial-ru.csv')));
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ status: 'imported', encoding: 'utf-8', list: { name: 'memorial', kind: 'file', fileName: 'memorial-ru.csv', records: 18, importedBy: 'analyst1' } });
      expect((await post('/api/person-lists', upload('ngo', 'ngo-en.csv', example('ngo-en.csv')))).statusCode).toBe(201);
      expect((await post('/api/person-lists', upload('diaspora', 'diaspora-latin.csv', example('diaspora-latin.csv'), { id: 'record_id' }))).statusCode).toBe(201);
      const again = await post('/api/person-lists', upload('memorial', 'memorial-ru.csv', example('memorial-ru.csv')));
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ status: 'already_imported', encoding: null, list: { id: first.json().list.id, records: 18 } });
      const twice = await post('/api/person-lists', upload('memorial-copy', 'copy.csv', example('memorial-ru.csv')));
      expect(twice.statusCode).toBe(400);
      expect(twice.json().error).toMatch(/^copy\.csv: these bytes were already imported as list "memorial"/);
      const { lists } = (await get('/api/person-lists')).json();
      expect(lists.map((list: { name: string; kind: string; records: number }) => [list.name, list.kind, list.records])).toEqual([
        ['memorial', 'file', 18],
        ['ngo', 'file', 16],
        ['diaspora', 'file', 14],
      ]);
      expect((await audit()).filter((event) => event.action === 'persons.import')).toEqual(Array(3).fill({ actor: 'analyst1', action: 'persons.import' }));
    });

    it('answers a file it cannot read with 400 and the CLI\'s message, and imports nothing', async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [upload('bad', 'bad.csv', 'id,colour\n1,red\n'), /^bad\.csv: no name column \(found: id, colour; expected e\.g\./],
        [upload('bad', 'empty.csv', '  \n'), /^empty\.csv: empty file$/],
        [upload('bad', 'dates.csv', 'full_name,date\nIvan Petrov,not a date\n'), /^dates\.csv: row 2, column date: not a date/],
        [upload('bad', 'map.csv', 'name\nIvan\n', { map: ['nosuch=surname'] }), /^map\.csv: --map nosuch=surname: no column "nosuch"/],
        [upload('documents', 'x.csv', 'full_name\nIvan\n'), /"documents" is the list of persons extracted from documents/],
        [{ source: 'bad', fileName: 'x.csv', content: 'not base64!' }, /content must be the file in base64/],
        [{ fileName: 'x.csv', content: '' }, /source/],
      ];
      for (const [payload, message] of cases) {
        const response = await post('/api/person-lists', payload);
        expect({ payload: payload.fileName, status: response.statusCode }).toEqual({ payload: payload.fileName, status: 400 });
        expect(response.json().error).toMatch(message);
      }
      expect((await get('/api/person-lists')).json().lists).toHaveLength(3);
    });

    it('answers an upload over the limit with 413', async () => {
      const over = await post('/api/person-lists', upload('big', 'big.csv', Buffer.alloc(PERSON_LIST_MAX_BYTES + 1, 'a')));
      expect(over.statusCode).toBe(413);
      expect(over.json().error).toMatch(/^big\.csv: .* MiB is over the 8 MiB/);
      const huge = await post('/api/person-lists', { source: 'big', fileName: 'big.csv', content: 'QUFB'.repeat(4 * 1024 * 1024) });
      expect(huge.statusCode).toBe(413);
      expect((await get('/api/person-lists')).json().lists).toHaveLength(3);
    });

    it('counts records not linked yet, and refuses an estimate until they are linked', async () => {
      const page = (await get('/api/persons')).json();
      expect(page).toEqual({ persons: [], total: 0, unlinked: 48 });
      const estimate = await get('/api/estimates?lists=memorial,ngo');
      expect(estimate.statusCode).toBe(400);
      expect(estimate.json().error).toMatch(/not linked yet/);
    });

    it('links on an analyst\'s request only, and lists persons with their spellings and lists, by page', async () => {
      const before = await world.store.revision.current();
      expect((await post('/api/persons/link', undefined, 'viewer')).statusCode).toBe(403);
      expect(await world.store.revision.current()).toBe(before);
      expect((await get('/api/persons')).json().total).toBe(0);

      const linked = await post('/api/persons/link');
      expect(linked.statusCode).toBe(200);
      const summary = linked.json();
      expect(summary).toMatchObject({ records: 48, decisionsApplied: 0 });
      expect(summary.runId).toMatch(/^plr_/);
      expect(summary.persons).toBeLessThan(48);
      expect(summary.onSeveralLists).toBeGreaterThan(0);
      expect(summary.lists.map((list: { name: string }) => list.name)).toEqual(['memorial', 'ngo', 'diaspora']);

      const all = (await get('/api/persons?limit=200')).json();
      expect(all).toMatchObject({ total: summary.persons, unlinked: 0 });
      expect(all.persons).toHaveLength(summary.persons);
      const pages = [...(await get('/api/persons?limit=10')).json().persons, ...(await get('/api/persons?limit=10&offset=10')).json().persons];
      expect(pages).toEqual(all.persons.slice(0, 20));
      const shared = all.persons.filter((person: PersonItem) => person.lists.length > 1);
      expect(shared).toHaveLength(summary.onSeveralLists);
      // The same person as Cyrillic and Latin lists write them.
      expect(shared.some((person: PersonItem) => person.spellings.some((spelling) => /[A-Za-z]/.test(spelling)) && /[А-Яа-я]/.test(person.name))).toBe(true);
      const ngo = (await get('/api/persons?list=ngo&limit=200')).json();
      expect(ngo.total).toBeGreaterThan(0);
      for (const person of ngo.persons) expect(person.lists).toContain('ngo');
      const unknown = await get('/api/persons?list=nowhere');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error).toMatch(/no list is named "nowhere" \(lists: memorial, ngo, diaspora\)/);
      expect((await get('/api/persons?limit=0')).statusCode).toBe(400);
    });

    it('shows a person with every record, its lists and decisions; by person or record id', async () => {
      const { persons } = (await get('/api/persons?limit=200')).json();
      const shared: PersonItem = persons.find((person: PersonItem) => person.lists.length > 1);
      const response = await get(`/api/persons/${shared.id}`);
      expect(response.statusCode).toBe(200);
      const person = response.json();
      expect(person).toMatchObject({ id: shared.id, name: shared.name, lists: shared.lists, records: shared.records, decisions: [] });
      expect(person.entries).toHaveLength(shared.records);
      for (const entry of person.entries) {
        expect(entry.id).toMatch(/^per_/);
        expect(shared.lists).toContain(entry.list);
        expect(entry.row).toBeGreaterThan(1);
        expect(entry.raw).not.toBeNull();
      }
      expect((await get(`/api/persons/${person.entries[0].id}`)).json().id).toBe(shared.id);
      const none = await get('/api/persons/psn_01JZZZZZZZZZZZZZZZZZZZZZZZ');
      expect(none.statusCode).toBe(404);
      expect(none.json().error).toMatch(/^no person has id psn_01JZZZZZZZZZZZZZZZZZZZZZZZ/);
      expect((await get('/api/persons/per_01JZZZZZZZZZZZZZZZZZZZZZZZ')).statusCode).toBe(404);
      expect((await get('/api/persons/inc_01JZZZZZZZZZZZZZZZZZZZZZZZ')).statusCode).toBe(400);
    });

    it('estimates from the linked lists, pooled and per stratum, with the overlap table', async () => {
      const response = await get('/api/estimates?lists=memorial,ngo,diaspora');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ lists: ['memorial', 'ngo', 'diaspora'], stratifiedBy: null, strata: [], problems: [] });
      expect(Object.keys(body.table.counts).sort()).toEqual(['001', '010', '011', '100', '101', '110', '111']);
      expect(Object.values(body.table.counts as Record<string, number>).reduce((sum, n) => sum + n, 0)).toBe(body.table.observed);
      expect(body.estimate).not.toBeNull();
      expect(body.estimate.N).toBeGreaterThanOrEqual(body.table.observed);
      expect(body.estimate.selectedBy).toBe('bic');
      expect(body.estimate.models.length).toBeGreaterThan(1);
      expect(body.estimate.models[0].model).toBe(body.estimate.model);
      expect(body.estimate.ci95Lognormal[0]).toBeGreaterThanOrEqual(body.table.observed);

      const named = (await get('/api/estimates?lists=memorial,ngo,diaspora&model=Mt')).json();
      expect(named.estimate).toMatchObject({ model: 'Mt', selectedBy: 'named' });

      const bySex = await get('/api/estimates?lists=memorial,ngo,diaspora&strata=sex');
      expect(bySex.statusCode).toBe(200);
      const strata = bySex.json();
      expect(strata.stratifiedBy).toBe('sex');
      expect(strata.strata.length).toBeGreaterThan(1);
      expect(strata.strata.reduce((sum: number, stratum: { table: { observed: number } }) => sum + stratum.table.observed, 0)).toBe(strata.table.observed);
      expect(strata.strata.map((stratum: { name: string }) => stratum.name)).toEqual(expect.arrayContaining(['f', 'm']));
      expect(strata.estimate).toMatchObject({ model: null, selectedBy: 'per stratum', ci95: null });
      const sum = strata.strata.reduce((total: number, stratum: { estimate: { N: number } }) => total + stratum.estimate.N, 0);
      expect(Math.abs(strata.estimate.N - sum)).toBeLessThan(0.1 * strata.strata.length);
      for (const warning of strata.warnings) expect(warning).toMatch(/^sex [a-z]+: /);
    });

    it('records confirm and split under the logged-in analyst, refuses viewers, and keeps both across a re-link', async () => {
      const { persons } = (await get('/api/persons?limit=200')).json();
      const shared: PersonItem = persons.find((person: PersonItem) => person.records > 1);
      const detail = (await get(`/api/persons/${shared.id}`)).json();
      const splitOff: string = detail.entries[1].id;
      const [lone, other]: PersonItem[] = persons.filter((person: PersonItem) => person.records === 1 && person.id !== shared.id);
      const loneRecord: string = (await get(`/api/persons/${lone!.id}`)).json().entries[0].id;
      const otherRecord: string = (await get(`/api/persons/${other!.id}`)).json().entries[0].id;

      const before = await world.store.revision.current();
      expect((await post(`/api/persons/${splitOff}/split`, {}, 'viewer')).statusCode).toBe(403);
      expect((await post('/api/persons/confirm', { records: [loneRecord, otherRecord] }, 'viewer')).statusCode).toBe(403);
      expect(await world.store.revision.current()).toBe(before);
      expect((await get(`/api/persons/${shared.id}`)).json().decisions).toEqual([]);

      const split = await post(`/api/persons/${splitOff}/split`, { note: 'different birth year' });
      expect(split.statusCode).toBe(200);
      expect(split.json()).toMatchObject({ unchanged: false, decision: { kind: 'split', record: splitOff, actor: 'analyst1', note: 'different birth year' } });
      const splitPerson: string = split.json().personId;
      expect(splitPerson).toMatch(/^psn_/);
      const confirm = await post('/api/persons/confirm', { records: [loneRecord, otherRecord], note: 'same person, per the family' });
      expect(confirm.statusCode).toBe(200);
      expect(confirm.json()).toMatchObject({ unchanged: false, decision: { kind: 'confirm', records: [loneRecord, otherRecord], actor: 'analyst1' } });
      const joined: string = confirm.json().personId;
      expect((await get(`/api/persons/${joined}`)).json().entries.map((entry: { id: string }) => entry.id).sort()).toEqual([loneRecord, otherRecord].sort());
      expect((await get(`/api/persons/${splitOff}`)).json()).toMatchObject({ id: splitPerson, records: 1 });
      const events = await audit();
      expect(events).toContainEqual({ actor: 'analyst1', action: 'person.split' });
      expect(events).toContainEqual({ actor: 'analyst1', action: 'person.confirm' });

      // Refusals: unknown records 404, a record of its own person already 400, the same record twice 400.
      expect((await post('/api/persons/per_01JZZZZZZZZZZZZZZZZZZZZZZZ/split', {})).statusCode).toBe(404);
      const alone = await post(`/api/persons/${splitOff}/split`);
      expect(alone.statusCode).toBe(400);
      expect(alone.json().error).toMatch(/is the only record of/);
      expect((await post('/api/persons/confirm', { records: [loneRecord, 'per_01JZZZZZZZZZZZZZZZZZZZZZZZ'] })).statusCode).toBe(404);
      expect((await post('/api/persons/confirm', { records: [loneRecord, loneRecord] })).statusCode).toBe(400);
      expect((await post('/api/persons/confirm', { records: [loneRecord] })).statusCode).toBe(400);

      const relinked = await post('/api/persons/link');
      expect(relinked.statusCode).toBe(200);
      expect(relinked.json().decisionsApplied).toBe(2);
      const afterSplit = (await get(`/api/persons/${splitOff}`)).json();
      expect(afterSplit.records).toBe(1);
      expect(afterSplit.decisions).toContainEqual(expect.objectContaining({ kind: 'split', record: splitOff }));
      const afterConfirm = (await get(`/api/persons/${loneRecord}`)).json();
      expect(afterConfirm.entries.map((entry: { id: string }) => entry.id)).toEqual(expect.arrayContaining([loneRecord, otherRecord]));
      expect(afterConfirm.decisions).toContainEqual(expect.objectContaining({ kind: 'confirm', note: 'same person, per the family' }));
    });

    it('answers with the reason and no number when the lists cannot support an estimate', async () => {
      const one = await get('/api/estimates?lists=memorial');
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({ estimate: null, problems: [expect.stringMatching(/only one list \(memorial\)/)] });
      expect(one.json().table.observed).toBeGreaterThan(0);

      expect((await post('/api/person-lists', upload('elsewhere', 'elsewhere.csv', 'full_name,birth_year\nZzyzx Quortle,1901\nYvonne Plimsoll,1902\n'))).statusCode).toBe(201);
      expect((await post('/api/persons/link')).statusCode).toBe(200);
      const apart = await get('/api/estimates?lists=memorial,elsewhere');
      expect(apart.statusCode).toBe(200);
      expect(apart.json()).toMatchObject({ estimate: null, problems: [expect.stringMatching(/do not overlap/)], table: { counts: { '10': expect.any(Number), '01': 2, '11': 0 } } });

      // In Shali nobody is on both lists: that stratum has no estimate, so the sum has none either.
      const byPlace = await get('/api/estimates?lists=memorial,ngo&strata=place');
      expect(byPlace.statusCode).toBe(200);
      expect(byPlace.json()).toMatchObject({ stratifiedBy: 'place', estimate: null });
      expect(byPlace.json().problems).toContainEqual(expect.stringMatching(/^stratum Shali: the lists do not overlap/));
      for (const problem of byPlace.json().problems) expect(problem).toMatch(/^stratum [^:]+: /);
      expect(byPlace.json().strata.length).toBeGreaterThan(1);
      expect(byPlace.json().strata.some((stratum: { estimate: unknown; problems: string[] }) => stratum.estimate === null && stratum.problems.length > 0)).toBe(true);

      expect((await get('/api/estimates?lists=memorial,nowhere')).statusCode).toBe(404);
      expect((await get('/api/estimates?lists=memorial,memorial')).statusCode).toBe(400);
      expect((await get('/api/estimates?lists=memorial,ngo&strata=colour')).statusCode).toBe(400);
      expect((await get('/api/estimates?lists=,')).statusCode).toBe(400);
      const badModel = await get('/api/estimates?lists=memorial,ngo,diaspora&model=[1234]');
      expect(badModel.statusCode).toBe(200);
      expect(badModel.json()).toMatchObject({ estimate: null, problems: [expect.any(String)] });
    });

    it('extracts persons from documents into the "documents" list on an analyst\'s request', async () => {
      expect((await post('/api/persons/extract', undefined, 'viewer')).statusCode).toBe(403);
      const response = await post('/api/persons/extract');
      expect(response.statusCode).toBe(200);
      const outcome = response.json();
      expect(outcome.documents).toBeGreaterThan(20);
      expect(outcome.records).toBeGreaterThan(0);
      expect(outcome.added).toBe(outcome.records);
      expect((await post('/api/persons/extract')).json()).toMatchObject({ added: 0, updated: outcome.records, removed: 0 });
      const documents = (await get('/api/person-lists')).json().lists.find((list: { name: string }) => list.name === 'documents');
      expect(documents).toMatchObject({ kind: 'documents', fileName: null, records: outcome.records });
      expect((await get('/api/persons')).json().unlinked).toBe(outcome.records);
      expect((await post('/api/persons/link')).statusCode).toBe(200);
      const extracted = (await get('/api/persons?list=documents&limit=5')).json();
      expect(extracted.persons.length).toBeGreaterThan(0);
      const person = (await get(`/api/persons/${extracted.persons[0].id}`)).json();
      const entry = person.entries.find((candidate: { list: string }) => candidate.list === 'documents');
      const document = (await get(`/api/documents/${entry.origin.documentId}`)).json().document;
      expect(document.text.slice(entry.origin.start, entry.origin.end)).toBe(entry.origin.quote);
    });

    it('shows a list imported by another process within a second (person pages are cached until the store changes)', async () => {
      const before = (await get('/api/persons')).json();
      // As `chronicle persons import` would, from outside the server.
      await importPersonList(world.store, { bytes: Buffer.from('full_name,birth_year\nQuentin Vellacott,1933\n'), shownAs: 'cli.csv', source: 'from-the-cli', actor: 'someone-at-the-cli' });
      await new Promise((resolve) => setTimeout(resolve, REVISION_CHECK_MS + 50));
      expect((await get('/api/persons')).json()).toMatchObject({ total: before.total, unlinked: before.unlinked + 1 });
      expect((await get('/api/persons?list=from-the-cli')).json()).toMatchObject({ total: 0, unlinked: 1 });
      expect((await post('/api/persons/link')).statusCode).toBe(200);
      expect((await get('/api/persons?list=from-the-cli')).json()).toMatchObject({ total: 1, unlinked: 0, persons: [{ name: 'Quentin Vellacott', lists: ['from-the-cli'] }] });
    });

    it('describes every persons route in OpenAPI', async () => {
      const paths = (await world.app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths;
      for (const path of ['/api/person-lists', '/api/persons', '/api/persons/{id}', '/api/persons/link', '/api/persons/extract', '/api/persons/confirm', '/api/persons/{recordId}/split', '/api/estimates']) expect(paths[path]).toBeDefined();
      expect(paths['/api/estimates'].get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['lists', 'strata', 'model']));
    });
  });
}
