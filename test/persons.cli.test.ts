import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { expect } from 'expect';
import { chronicle, scratchFolder } from './cli-harness.js';

const EXAMPLES = join(import.meta.dirname, '..', 'examples', 'persons');
const LISTS = [['memorial-ru.csv', 'memorial'], ['ngo-en.csv', 'ngo'], ['diaspora-latin.csv', 'diaspora']] as const;

// The overlap of the sample lists by construction (README, "Persons across sources").
const SAMPLE_TABLE = { lists: ['memorial', 'ngo', 'diaspora'], counts: { '100': 6, '010': 5, '001': 4, '110': 5, '101': 4, '011': 3, '111': 3 } };

describe('chronicle persons', () => {
  let folder: string;
  const run = (...args: string[]) => chronicle(['--db', 'store.db', ...args], { cwd: folder, env: { CHRONICLE_USER: 'analyst' } });

  before(async () => {
    folder = scratchFolder();
    for (const [name] of LISTS) copyFileSync(join(EXAMPLES, name), join(folder, name));
    writeFileSync(join(folder, 'table.json'), JSON.stringify(SAMPLE_TABLE));
    writeFileSync(join(folder, 'no-name.csv'), 'id,born\n1,1970\n');
  });

  it('imports lists once: the same file again says "already imported" and changes nothing', async () => {
    for (const [name, source] of LISTS) {
      const imported = await run('persons', 'import', name, '--source', source);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(new RegExp(`^${name}: imported \\d+ records as list "${source}"`));
    }
    const again = await run('persons', 'import', 'memorial-ru.csv', '--source', 'memorial');
    expect(again).toMatchObject({ code: 0, stdout: 'memorial-ru.csv: already imported as list "memorial" (18 records); nothing changed\n' });
    const bad = await run('persons', 'import', 'no-name.csv', '--source', 'x');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: no-name\.csv: no name column \(found: id, born; [^\n]*\n$/);
    const missing = await run('persons', 'import', 'nowhere.csv', '--source', 'x');
    expect(missing).toMatchObject({ code: 1, stderr: 'error: nowhere.csv: no such file\n' });
    const usage = await run('persons', 'import', 'ngo-en.csv');
    expect(usage.code).toBe(2);
  });

  it('links the stored records, lists and shows persons', async () => {
    const linked = await run('persons', 'link');
    expect(linked.code).toBe(0);
    expect(linked.stdout).toMatch(/^linked 48 records into 30 persons \(15 on two or more lists\)/);
    const listed = await run('persons', 'list', '--json');
    const persons = JSON.parse(listed.stdout).persons as { id: string; name: string; lists: string[]; spellings: string[] }[];
    expect(persons).toHaveLength(30);
    const yusupov = persons.find((person) => person.name.startsWith('Юсупов'))!;
    expect(yusupov).toMatchObject({ lists: ['memorial', 'ngo', 'diaspora'], spellings: ['Yusupov Timur Saidovich', 'Timur IUSUPOV'] });
    const shown = await run('persons', 'show', yusupov.id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('[diaspora] Timur IUSUPOV  (row ');
    expect(shown.stdout).toContain('lists: memorial, ngo, diaspora  (3 records)');
    expect((await run('persons', 'list', '--list', 'diaspora', '--json')).stdout).toContain(yusupov.id);
    expect(await run('persons', 'show', 'psn_nothing')).toMatchObject({ code: 1 });
  });

  it('estimates from the stored lists exactly as from the same table given as a file', async () => {
    const fromStore = await run('estimate', '--lists', 'memorial,ngo,diaspora', '--json');
    const fromTable = await run('estimate', '--table', 'table.json', '--json');
    expect(fromStore.code).toBe(0);
    expect(fromTable.code).toBe(0);
    const { table, ...estimate } = JSON.parse(fromStore.stdout);
    expect(table).toEqual(SAMPLE_TABLE);
    expect(estimate).toEqual(JSON.parse(fromTable.stdout));
    const readable = await run('estimate', '--lists', 'memorial,ngo,diaspora');
    expect(readable.stdout).toContain('110           5');
    expect(readable.stdout).toContain('estimated total: ');
  });

  it('estimates per stratum and sums, and says why when it cannot', async () => {
    const byYear = await run('estimate', '--lists', 'memorial,ngo,diaspora', '--strata', 'year', '--json');
    expect(byYear.code).toBe(0);
    const output = JSON.parse(byYear.stdout);
    expect(output.strata.map((stratum: { name: string; n_observed: number }) => [stratum.name, stratum.n_observed])).toEqual([['2017', 17], ['2019', 13]]);
    expect(output.n_observed).toBe(30);
    const single = JSON.parse((await run('estimate', '--table', 'table.json', '--json')).stdout);
    expect(Object.keys(output)).toEqual([...Object.keys(single), 'table', 'strata_by', 'strata']);
    expect(output.strata[0].table).toEqual({ lists: SAMPLE_TABLE.lists, counts: { '100': 3, '010': 3, '110': 3, '001': 2, '101': 2, '011': 2, '111': 2 } });
    expect(output.N).toBeCloseTo(output.strata[0].N + output.strata[1].N, 0);
    const one = await run('estimate', '--lists', 'memorial');
    expect(one.code).toBe(1);
    expect(one.stdout).toBe('');
    expect(one.stderr).toMatch(/^error: cannot estimate from lists memorial: only one list/);
    // Memorial writes kinds in Russian, the NGO in English; both are read as the same act types.
    const byKind = await run('estimate', '--lists', 'memorial,ngo', '--strata', 'kind', '--json');
    expect(byKind.code).toBe(0);
    const kinds = JSON.parse(byKind.stdout) as { N: number; strata: { name: string; n_observed: number; N: number }[] };
    expect(kinds.strata.map((stratum) => [stratum.name, stratum.n_observed])).toEqual([['abduction', 8], ['detention', 9], ['torture', 9]]);
    expect(kinds.N).toBeCloseTo(kinds.strata.reduce((sum, stratum) => sum + stratum.N, 0), 6);
    // Places in both scripts meet in one stratum, named as the gazetteer names them; Shali has nobody on both lists, so no number.
    const byPlace = await run('estimate', '--lists', 'memorial,ngo', '--strata', 'place');
    expect(byPlace.code).toBe(1);
    expect(byPlace.stdout).toBe('');
    expect(byPlace.stderr).toMatch(/^error: cannot estimate from lists memorial, ngo by place: stratum Shali: the lists do not overlap/);
    expect((await run('estimate', '--strata', 'sex', '--table', 'table.json')).code).toBe(2);
    expect((await run('estimate', '--table', 'table.json', '--lists', 'memorial,ngo')).code).toBe(2);
  });

  it('records confirmations and splits in the audit log, and they hold across a re-link', async () => {
    const persons = JSON.parse((await run('persons', 'list', '--json')).stdout).persons as { id: string; name: string; lists: string[] }[];
    const pair = persons.find((person) => person.lists.length === 2)!;
    const records = JSON.parse((await run('persons', 'show', pair.id, '--json')).stdout).entries as { id: string }[];
    const split = await run('persons', 'split', records[1]!.id, '--note', 'another father');
    expect(split).toMatchObject({ code: 0, stdout: expect.stringMatching(/^split off as psn_\w+; holds across re-runs\n$/) });
    const loners = persons.filter((person) => person.lists.length === 1).slice(0, 2);
    const confirm = await run('persons', 'confirm', loners[0]!.id, loners[1]!.id);
    expect(confirm.code).toBe(0);
    const relinked = await run('persons', 'link', '--json');
    expect(JSON.parse(relinked.stdout)).toMatchObject({ persons: 30, decisionsApplied: 2 });
    expect(JSON.parse((await run('persons', 'show', pair.id, '--json')).stdout).records).toBe(1);
    expect(JSON.parse((await run('persons', 'show', loners[0]!.id, '--json')).stdout).records).toBe(2);
    const log = await run('audit', 'log', '--json');
    const actions = (JSON.parse(log.stdout).entries as { action: string; actor: string }[]).map((entry) => `${entry.action} ${entry.actor}`);
    expect(actions).toEqual(expect.arrayContaining(['persons.import analyst', 'persons.link analyst', 'person.split analyst', 'person.confirm analyst']));
    expect((await run('audit', 'verify')).code).toBe(0);
  });
});
