import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { before, describe, it } from 'node:test';
import { expect } from 'expect';
import { Store } from '../src/store/store.js';
import { chronicle, scratchFolder } from './cli-harness.js';

const ARTICLE = 'Chechen police detained at least forty men in Grozny and Argun over two weeks, the Russian LGBT Network said, citing relatives of the detainees.';
const RUSSIAN = 'Сотрудники полиции задержали правозащитника Оюба Титиева, руководителя грозненского отделения «Мемориала», сообщили его коллеги.';

describe('chronicle ingest with bad input', () => {
  let folder: string;
  let run: Awaited<ReturnType<typeof chronicle>>;

  before(async () => {
    folder = scratchFolder();
    const input = join(folder, 'input');
    mkdirSync(join(input, 'nested', 'deeper'), { recursive: true });
    writeFileSync(join(input, 'good.txt'), ARTICLE);
    writeFileSync(join(input, 'nested', 'deeper', 'russian.md'), RUSSIAN);
    writeFileSync(join(input, 'page.html'), `<html><head><title>Page</title><script>alert("x")</script></head><body><article><p>${ARTICLE} Second copy, on a page.</p></article></body></html>`);
    writeFileSync(join(input, 'empty.txt'), '');
    writeFileSync(join(input, 'whitespace.txt'), '  \n\n\t ');
    writeFileSync(join(input, 'binary.txt'), Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02, 0x03]));
    writeFileSync(join(input, 'disguised.html'), Buffer.from('%PDF-1.4 binary'));
    writeFileSync(join(input, 'garbled.txt'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 0xc3 : 0x41))));
    writeFileSync(join(input, 'salvageable.txt'), Buffer.concat([Buffer.from(`${ARTICLE} `.repeat(4)), Buffer.from([0xfe]), Buffer.from(' The end.')]));
    writeFileSync(join(input, 'deep.html'), `<html><body><p>${ARTICLE}</p>${'<div><span>'.repeat(5_000)}deep text${'</span></div>'.repeat(5_000)}<script>alert(1)</script></body></html>`);
    writeFileSync(join(input, 'notes.pdf'), 'ignored inside a folder');
    // 200 MB without writing 200 MB: a sparse file is refused on its size before a byte is read.
    writeFileSync(join(input, 'huge.txt'), '');
    truncateSync(join(input, 'huge.txt'), 200 * 1024 * 1024);
    run = await chronicle(['--db', 'store.db', 'ingest', 'input', 'missing-folder', 'input/notes.pdf'], { cwd: folder });
  });

  it('exits non-zero because some files failed', () => {
    expect(run.code).toBe(1);
  });

  it('gives every failure one clear line naming the file', () => {
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('error:'));
    const expected: [string, RegExp][] = [
      ['input/empty.txt', /empty file; skipped$/],
      ['input/whitespace.txt', /no text left after cleaning/],
      ['input/binary.txt', /not a text file \(binary bytes at offset 2\); skipped$/],
      ['input/disguised.html', /a PDF document, not a text file/],
      ['input/garbled.txt', /not valid UTF-8 text/],
      ['input/huge.txt', /too large: 200\.0 MB exceeds the 50\.0 MB limit \(raise it with --max-bytes\); skipped$/],
      ['missing-folder', /no such file or folder; skipped$/],
      ['input/notes.pdf', /unsupported file type \(Chronicle reads \.txt .*\)/],
    ];
    for (const [path, message] of expected) {
      const line = errors.find((candidate) => candidate.startsWith(`error: ${path}:`));
      expect(line ?? `no error line for ${path} in:\n${run.stderr}`).toMatch(message);
    }
    expect(errors).toHaveLength(expected.length);
  });

  it('captures the good files, warns about the salvageable ones, and says so in the summary', async () => {
    expect(run.stdout).toMatch(/^5 captured with \d+ proposed claims, 0 already captured, 8 failed, 1 files of other types ignored/m);
    expect(run.stderr).toMatch(/warning: input\/salvageable\.txt: invalid UTF-8: 1 undecodable sequence/);
    expect(run.stderr).toMatch(/warning: input\/deep\.html: HTML nested \d+ levels deep/);
    const store = await Store.open(join(folder, 'store.db'));
    try {
      expect(await store.documents.count()).toBe(5);
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM originals`.execute(store.db);
      expect(rows[0]?.n).toBe(5); // nothing half-written: no original without its document
      const texts = (await store.documents.list({ limit: 10 })).documents.map((document) => document.origin);
      expect(texts.sort()).toEqual(['input/deep.html', 'input/good.txt', 'input/nested/deeper/russian.md', 'input/page.html', 'input/salvageable.txt']);
    } finally {
      await store.close();
    }
  });

  it('honours a configured size limit', async () => {
    const limited = await chronicle(['--db', 'store.db', 'ingest', '--max-bytes', '100', 'input/good.txt'], { cwd: folder });
    expect(limited.code).toBe(1);
    expect(limited.stderr).toMatch(/too large: 0\.0 MB exceeds the 0\.0 MB limit/);
    const badLimit = await chronicle(['--db', 'store.db', 'ingest', '--max-bytes', 'lots', 'input/good.txt'], { cwd: folder });
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toMatch(/--max-bytes: "lots" is not a size/);
  });
});

describe('chronicle capture is idempotent', () => {
  it('reports already captured bytes, from any path, and changes nothing', async () => {
    const folder = scratchFolder();
    writeFileSync(join(folder, 'a.txt'), ARTICLE);
    writeFileSync(join(folder, 'copy-of-a.txt'), ARTICLE);
    const first = await chronicle(['ingest', 'a.txt', 'copy-of-a.txt', '--json'], { cwd: folder });
    const parsed = JSON.parse(first.stdout) as { summary: { captured: number; alreadyCaptured: number }; results: { status: string; documentId: string }[] };
    expect(parsed.summary).toMatchObject({ captured: 1, alreadyCaptured: 1 });
    expect(parsed.results[0]?.documentId).toBe(parsed.results[1]?.documentId);
    const before = readFileSync(join(folder, 'chronicle.db'));
    const second = await chronicle(['ingest', 'a.txt'], { cwd: folder });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/unchanged a\.txt: already captured as doc_\w+ \(from a\.txt\)/);
    expect(second.stdout).toMatch(/0 captured, 1 already captured, 0 failed/);
    const store = await Store.open(join(folder, 'chronicle.db'));
    expect(await store.documents.count()).toBe(1);
    await store.close();
    expect(before.length).toBeGreaterThan(0);
  });
});

describe('a folder of 10,000 files', () => {
  it('is captured whole, in batches', async () => {
    const folder = scratchFolder();
    mkdirSync(join(folder, 'many'));
    for (let index = 0; index < 10_000; index++) writeFileSync(join(folder, 'many', `report-${index}.txt`), `Report ${index}: ${ARTICLE}`);
    const result = await chronicle(['ingest', 'many', '--json'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).summary).toMatchObject({ captured: 10_000, failed: 0 });
    const search = await chronicle(['search', '"Report 9999"', '--json', '--limit', '3'], { cwd: folder });
    expect(JSON.parse(search.stdout).results[0].origin).toBe('many/report-9999.txt');
  });
});

describe('chronicle search, list, show, verify', () => {
  let folder: string;
  before(async () => {
    folder = scratchFolder();
    writeFileSync(join(folder, 'en.txt'), `---\ntitle: Forty detained\nsource: Example Outlet\npublished: 2019-01-14\n---\n${ARTICLE}`);
    writeFileSync(join(folder, 'ru.txt'), RUSSIAN);
    expect((await chronicle(['ingest', 'en.txt', 'ru.txt'], { cwd: folder })).code).toBe(0);
  });

  it('searches with highlighted snippets, in English and Russian', async () => {
    const english = await chronicle(['search', 'detainees', 'Argun'], { cwd: folder });
    expect(english.stdout).toMatch(/1\. Forty detained {2}\[doc_\w+, en, 2019-01-14\]/);
    expect(english.stdout).toContain('«Argun»');
    const russian = await chronicle(['search', 'Титиев', '--json'], { cwd: folder });
    const parsed = JSON.parse(russian.stdout);
    expect(parsed.results).toHaveLength(1);
    const [{ snippet }] = parsed.results;
    expect(snippet.highlights.map((h: { start: number; end: number }) => snippet.text.slice(h.start, h.end))).toEqual(['Титиева']);
    expect((await chronicle(['search', 'nothing-matches-this'], { cwd: folder })).stdout).toBe('no documents match\n');
  });

  it('refuses bad search arguments with exit code 2', async () => {
    expect((await chronicle(['search', 'x', '--limit', '0'], { cwd: folder })).code).toBe(2);
    const empty = await chronicle(['search', '""'], { cwd: folder });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no words to search for/);
  });

  it('lists and shows by id or SHA-256 prefix, and shows the original bytes', async () => {
    const list = JSON.parse((await chronicle(['list', '--json'], { cwd: folder })).stdout);
    expect(list.documents).toHaveLength(2);
    const [english] = list.documents;
    expect(english).toMatchObject({ title: 'Forty detained', sourceName: 'Example Outlet', publishedAt: '2019-01-14', language: 'en' });
    const byPrefix = JSON.parse((await chronicle(['show', english.sha256.slice(0, 8), '--json'], { cwd: folder })).stdout);
    expect(byPrefix).toMatchObject({ id: english.id, source: { name: 'Example Outlet' }, text: ARTICLE });
    const human = await chronicle(['show', english.id], { cwd: folder });
    expect(human.stdout).toMatch(/^id +doc_/);
    expect(human.stdout).toContain(`\n\n${ARTICLE}\n`);
    const original = await chronicle(['show', english.id, '--original'], { cwd: folder });
    expect(original.stdout).toBe(readFileSync(join(folder, 'en.txt'), 'utf8'));
    const missing = await chronicle(['show', 'abcdef0123'], { cwd: folder });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no document has id or SHA-256 prefix "abcdef0123"/);
  });

  it('verify passes, then catches a tampered original', async () => {
    expect((await chronicle(['verify'], { cwd: folder })).stdout).toBe('verified 2 originals: all match their SHA-256\n');
    const store = await Store.open(join(folder, 'chronicle.db'));
    await sql`UPDATE originals SET bytes = ${Buffer.from('edited')} WHERE sha256 = (SELECT min(sha256) FROM originals)`.execute(store.db);
    await store.close();
    const tampered = await chronicle(['verify'], { cwd: folder });
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/^MISMATCH: original [0-9a-f]{64} now hashes to [0-9a-f]{64}$/m);
  });
});

describe('the store location', () => {
  it('is --db, else CHRONICLE_DB, else ./chronicle.db', async () => {
    const folder = scratchFolder();
    writeFileSync(join(folder, 'a.txt'), ARTICLE);
    await chronicle(['ingest', 'a.txt'], { cwd: folder });
    expect(existsSync(join(folder, 'chronicle.db'))).toBe(true);
    await chronicle(['ingest', 'a.txt'], { cwd: folder, env: { CHRONICLE_DB: 'from-env.db' } });
    expect(existsSync(join(folder, 'from-env.db'))).toBe(true);
    await chronicle(['ingest', 'a.txt', '--db', 'from-flag.db'], { cwd: folder, env: { CHRONICLE_DB: 'from-env.db' } });
    expect(existsSync(join(folder, 'from-flag.db'))).toBe(true);
  });

  it('says clearly when a store cannot be opened', async () => {
    const folder = scratchFolder();
    const result = await chronicle(['--db', 'postgres://nobody:secret@127.0.0.1:1/none', 'list'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: cannot open the store at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: /);
    expect(result.stderr).not.toContain('secret');
  });
});

describe('the installed command', () => {
  it('runs through bin/chronicle.js (built by npm install)', () => {
    const folder = scratchFolder();
    writeFileSync(join(folder, 'a.txt'), ARTICLE);
    const bin = resolve('bin/chronicle.js');
    const output = execFileSync(process.execPath, [bin, 'ingest', 'a.txt', '--json'], { cwd: folder, encoding: 'utf8' });
    expect(JSON.parse(output).summary.captured).toBe(1);
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toMatch(/Usage: chronicle/);
  });

  it('ingests on its own thread: every result printed in order, bad files reported, a store that cannot open said in one line', () => {
    const folder = scratchFolder();
    mkdirSync(join(folder, 'input'));
    // Several batches of 500 in flight at once; every other file is over 4 KB, so its bytes go to a
    // capture worker and back without a copy, while the smaller ones share Node's buffer pool and are copied.
    const FILES = 1_600;
    const name = (index: number) => `report-${String(index).padStart(4, '0')}`;
    for (let index = 0; index < FILES; index++) writeFileSync(join(folder, 'input', `${name(index)}.txt`), `${index % 2 === 0 ? `${ARTICLE}\n\n`.repeat(40) : ARTICLE}\n\nReport number ${index}.`);
    writeFileSync(join(folder, 'input', `${name(100)}.txt`), '');
    // The bytes of a file in the first batch again: in the second batch, looked up before the first
    // is stored (the insert finds it), and in the last, after (the lookup finds it).
    const copied = readFileSync(join(folder, 'input', `${name(2)}.txt`));
    writeFileSync(join(folder, 'input', `${name(700)}.txt`), copied);
    writeFileSync(join(folder, 'input', `${name(1_550)}.txt`), copied);
    const bin = resolve('bin/chronicle.js');
    const run = spawnSync(process.execPath, [bin, '--db', 'store.db', 'ingest', 'input', '--no-extract'], { cwd: folder, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(FILES);
    expect(lines.slice(0, FILES - 1).map((line) => /input\/(report-\d+)\.txt/.exec(line)?.[1])).toEqual(Array.from({ length: FILES }, (_, index) => name(index)).filter((file) => file !== name(100)));
    for (const copy of [name(700), name(1_550)]) expect(lines.find((line) => line.includes(copy))).toMatch(new RegExp(`^unchanged input/${copy}\\.txt: already captured as doc_\\w+ \\(from input/report-0002\\.txt\\)$`));
    expect(lines[FILES - 1]).toMatch(/^1597 captured, 2 already captured, 1 failed in .* into .*store\.db$/);
    expect(run.stderr).toBe('error: input/report-0100.txt: empty file; skipped\n');
    // Every original came back whole from the capture workers.
    const verified = spawnSync(process.execPath, [bin, '--db', 'store.db', 'verify'], { cwd: folder, encoding: 'utf8' });
    expect(verified.stdout).toMatch(/verified 1597 originals: all match their SHA-256/);
    expect(verified.status).toBe(0);

    mkdirSync(join(folder, 'a-folder.db'));
    const refused = spawnSync(process.execPath, [bin, '--db', 'a-folder.db', 'ingest', 'input'], { cwd: folder, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^error: cannot open the store at .*a-folder\.db: .+\n$/);
  });
});

describe('.chronicleignore', () => {
  it('skips the files a folder names as notes, in that folder and below', async () => {
    const folder = scratchFolder();
    mkdirSync(join(folder, 'evidence', 'notes'), { recursive: true });
    writeFileSync(join(folder, 'evidence', '.chronicleignore'), '# not evidence\nREADME.md\nnotes/**\n');
    writeFileSync(join(folder, 'evidence', 'README.md'), 'About this folder: where the files came from and who collected them.');
    writeFileSync(join(folder, 'evidence', 'notes', 'todo.txt'), 'Call the lawyer about the detention on Monday and ask for the court papers.');
    writeFileSync(join(folder, 'evidence', 'report.txt'), ARTICLE);
    const result = await chronicle(['ingest', 'evidence', '--json'], { cwd: folder });
    expect(JSON.parse(result.stdout).summary).toMatchObject({ captured: 1, ignored: 2, failed: 0 });
  });
});

describe('chronicle extract', () => {
  it('prints one JSON object whose offsets refer to its captured text', async () => {
    const folder = scratchFolder();
    writeFileSync(join(folder, 'page.html'), '<html lang="en"><head><title>Raid</title></head><body><nav>Home | News</nav><article><h1>Raid</h1><p>Police detained activists in Grozny on Monday, according to Memorial.</p></article></body></html>');
    const result = await chronicle(['extract', '--json', 'page.html'], { cwd: folder });
    expect(result.code).toBe(0);
    const extraction = JSON.parse(result.stdout);
    expect(extraction.text).toContain('Police detained activists in Grozny');
    expect(extraction.text).not.toContain('Home | News');
    for (const key of ['mentions', 'acts', 'figures', 'attributions', 'dates']) expect(Array.isArray(extraction[key])).toBe(true);
    for (const item of [...extraction.mentions, ...extraction.acts, ...extraction.figures]) expect(extraction.text.slice(item.start, item.end)).toBe(item.text);
  });

  it('reports a missing or unsupported file in one line with a non-zero exit', async () => {
    const folder = scratchFolder();
    const missing = await chronicle(['extract', '--json', 'nope.txt'], { cwd: folder });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/nope\.txt: no such file/);
    writeFileSync(join(folder, 'photo.jpg'), 'x');
    expect((await chronicle(['extract', 'photo.jpg'], { cwd: folder })).stderr).toMatch(/not a supported file type/);
  });
});

describe('chronicle audit, delete', () => {
  it('records captures and deletions in a hash chain that audit verify checks', async () => {
    const folder = scratchFolder();
    writeFileSync(join(folder, 'en.txt'), ARTICLE);
    writeFileSync(join(folder, 'ru.txt'), RUSSIAN);
    const env = { CHRONICLE_USER: 'anna' };
    expect((await chronicle(['ingest', 'en.txt', 'ru.txt'], { cwd: folder, env })).code).toBe(0);
    const listed = JSON.parse((await chronicle(['list', '--json'], { cwd: folder })).stdout);
    const id = listed.documents[0].id;
    expect((await chronicle(['delete', id], { cwd: folder, env })).stderr).toMatch(/--reason/);
    const deleted = await chronicle(['delete', id, '--reason', 'names a witness'], { cwd: folder, env });
    expect(deleted.stdout).toMatch(/^deleted doc_\w+; \d+ claims kept, marked orphaned/);
    expect(JSON.parse((await chronicle(['list', '--json'], { cwd: folder })).stdout).documents).toHaveLength(1);
    const log = JSON.parse((await chronicle(['audit', 'log', '--json'], { cwd: folder })).stdout).entries;
    expect(log.map((entry: { action: string; actor: string }) => `${entry.action}/${entry.actor}`)).toEqual(['document.capture/anna', 'document.delete/anna']);
    const verified = await chronicle(['audit', 'verify'], { cwd: folder });
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/audit log intact: 2 entries; head 2 [0-9a-f]{64}/);
    const head = /head 2 ([0-9a-f]{64})/.exec(verified.stdout)![1]!;
    expect((await chronicle(['audit', 'verify', '--expect-head', head.slice(0, 12)], { cwd: folder })).code).toBe(0);
    expect((await chronicle(['audit', 'verify', '--expect-head', 'abcdef12'], { cwd: folder })).code).toBe(1);
  });

  it('refuses a review without the version the reviewer saw, and an unknown claim', async () => {
    const folder = scratchFolder();
    const missingVersion = await chronicle(['review', 'accept', 'clm_01HZZZZZZZZZZZZZZZZZZZZZZZ'], { cwd: folder });
    expect(missingVersion.code).not.toBe(0);
    expect(missingVersion.stderr).toMatch(/--version/);
    const unknown = await chronicle(['review', 'accept', 'clm_01HZZZZZZZZZZZZZZZZZZZZZZZ', '--version', '1'], { cwd: folder });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no claim has id/);
    expect((await chronicle(['review', 'queue'], { cwd: folder })).stdout).toBe('nothing to review\n');
  });
});

describe('chronicle claims, review, reextract', () => {
  it('stores extraction as proposed claims, and re-extraction keeps what a person reviewed', async () => {
    const folder = scratchFolder();
    writeFileSync(join(folder, 'en.txt'), `---\ntitle: Forty detained\npublished: 2019-01-14\n---\n${ARTICLE}`);
    const env = { CHRONICLE_USER: 'anna' };
    const ingest = await chronicle(['ingest', 'en.txt'], { cwd: folder, env });
    expect(ingest.stdout).toMatch(/\(\d+ proposed claims\)/);
    const id = JSON.parse((await chronicle(['list', '--json'], { cwd: folder })).stdout).documents[0].id;
    const claimsOf = async () => JSON.parse((await chronicle(['claims', id, '--json'], { cwd: folder })).stdout).claims as { id: string; kind: string; property: string; status: string; version: number; value: Record<string, unknown>; attributedTo: string | null; span: { quote: string } }[];
    const claims = await claimsOf();
    const figure = claims.find((claim) => claim.kind === 'figure')!;
    expect(figure).toMatchObject({ property: 'detained', status: 'proposed', value: { value: 40, bound: 'at_least' } });
    // "…, the Russian LGBT Network said, citing relatives of the detainees": credited to the original.
    expect(figure.attributedTo).toBe('relatives of the detainees');
    expect(claims.some((claim) => claim.kind === 'act' && claim.property === 'detention')).toBe(true);
    expect(claims.some((claim) => claim.kind === 'mention' && claim.value.canonical === 'Grozny')).toBe(true);

    expect((await chronicle(['review', 'accept', figure.id, '--version', '1'], { cwd: folder, env })).code).toBe(0);
    const stale = await chronicle(['review', 'reject', figure.id, '--version', '1'], { cwd: folder, env });
    expect(stale.code).toBe(3);
    expect(stale.stderr).toMatch(/^error: conflict: claim clm_\w+ was changed by someone else/);

    const places = JSON.parse((await chronicle(['entities', '--kind', 'place', '--json'], { cwd: folder })).stdout).entities;
    expect(places.map((entity: { name: string }) => entity.name)).toEqual(expect.arrayContaining(['Grozny', 'Argun']));

    const again = await chronicle(['reextract', id], { cwd: folder });
    expect(again.stdout).toMatch(/1 already reviewed/);
    const after = await claimsOf();
    expect(after).toHaveLength(claims.length);
    expect(after.find((claim) => claim.id === figure.id)).toMatchObject({ status: 'accepted', version: 2 });
    expect(JSON.parse((await chronicle(['audit', 'log', '--json'], { cwd: folder })).stdout).entries.map((entry: { action: string }) => entry.action)).toEqual(['document.capture', 'claim.accept']);
  });
});
