import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { expect } from 'expect';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { indexText } from '../../../search/analyzer.js';
import { parseSearchQuery } from '../../../search/search-query.js';
import { makeSnippet } from '../../../search/snippet.js';
import type { NewDocument } from '../../document.repository.js';
import { Store } from '../../store.js';
import { sqliteMigrations } from './sqlite-migrations.js';
import { toFtsExpression } from './sqlite-search.js';

const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

async function freshStore(): Promise<Store> {
  const folder = mkdtempSync(join(tmpdir(), 'chronicle-fts-'));
  folders.push(folder);
  return Store.open(join(folder, 'store.db'));
}

let serial = 0;
function newDocument(title: string | null, text: string): NewDocument {
  serial++;
  const bytes = new TextEncoder().encode(`${serial} ${title ?? ''} ${text}`);
  return {
    sha256: serial.toString(16).padStart(64, '0'),
    bytes,
    origin: `memory:${serial}.txt`,
    sourceId: null,
    mediaType: 'text/plain',
    publishedAt: null,
    title,
    author: null,
    canonicalUrl: null,
    language: 'en',
    text,
    warnings: [],
    captureVersion: 1,
    index: { titleTerms: indexText(title ?? ''), bodyTerms: indexText(text) },
  };
}

/** What a person would see for a search: the documents found, best first (the service's path, without its layer). */
async function found(store: Store, text: string) {
  const query = parseSearchQuery(text);
  const { hits, truncated } = await store.documents.search(query, 10);
  const documents = await store.documents.getMany(hits.map((hit) => hit.documentId));
  const results = hits.map((hit) => documents.get(hit.documentId)!).map((document) => ({ title: document.title, snippet: makeSnippet(document.text, query) }));
  return { results, truncated };
}

describe('SQLite search', () => {
  it('expands a prefix into the indexed terms it starts, and leaves a prefix of very many terms to FTS5', async () => {
    expect(toFtsExpression(parseSearchQuery('detain* -tort*'), new Map([['detain', ['detain', 'detaine']], ['tort', null]]))).toBe('(("detain" OR "detaine")) NOT "tort"*');
    const store = await freshStore();
    const many = Array.from({ length: 40 }, (_, index) => `zulu${String.fromCharCode(97 + (index % 26))}${index}`).join(' ');
    await store.transaction((session) =>
      session.documents.insertMany([
        newDocument('Detainees', 'Police detained the detainees.'),
        newDocument(null, 'Nobody was detained; police watched.'),
        newDocument(null, `An inventory: ${many}.`),
        newDocument(null, 'Задержанных отпустили, задержание длилось день.'),
      ]),
    );
    const count = async (query: string) => (await found(store, query)).results.length;
    expect(await count('detain*')).toBe(2);
    expect(await count('detaine*')).toBe(1);
    expect(await count('police -detaine*')).toBe(1);
    expect(await count('задерж*')).toBe(1);
    expect(await count('detainx*')).toBe(0);
    expect(await count('police -detainx*')).toBe(2);
    expect(await count('zulu*')).toBe(1); // 40 terms: FTS5's own prefix query
    expect(await count('zulua*')).toBe(1);
    const [hit] = (await found(store, 'Detaine*')).results;
    expect(hit!.snippet.highlights.map(({ start, end }) => hit!.snippet.text.slice(start, end))).toEqual(['detained', 'detainees']);
    await store.close();
  });

  it('orders phrase matches with the phrase in the title first, then newest first, without BM25', async () => {
    expect(toFtsExpression(parseSearchQuery('"police detained" Grozny -"human rights"'))).toBe('("polic detain" AND "grozni") NOT "human right"');
    const store = await freshStore();
    await store.transaction((session) =>
      session.documents.insertMany([
        newDocument('Police detained forty men', 'A report from Grozny.'),
        newDocument(null, 'The police said that they detained forty men. Later police detained two more.'),
        newDocument('Report on the police', 'Detained men were released.'),
        newDocument(null, 'Police detained a journalist in Grozny.'),
      ]),
    );
    const titles = async (query: string) => (await found(store, query)).results.map((result) => result.title);
    expect(await titles('"police detained"')).toEqual(['Police detained forty men', null, null]);
    expect((await found(store, '"police detained"')).results.map((result) => result.snippet.text)).toEqual([
      'A report from Grozny.',
      'Police detained a journalist in Grozny.',
      'The police said that they detained forty men. Later police detained two more.',
    ]);
    expect(await titles('"police detained forty"')).toEqual(['Police detained forty men']);
    expect(await titles('"police detained men"')).toEqual([]);
    expect(await titles('"the police" -"police detained"')).toEqual(['Report on the police']);
    expect(await titles('"police detained" Grozny')).toEqual(['Police detained forty men', null]);
    const hits = await store.documents.search(parseSearchQuery('"police detained"'), 10);
    expect(hits.hits.map((hit) => hit.score)).toEqual([2, 1, 1]);
    expect(hits.truncated).toBe(false);
    await store.close();
  });

  it('says a phrase search was truncated when more documents matched than were ordered', async () => {
    const store = await freshStore();
    await store.transaction((session) => session.documents.insertMany(Array.from({ length: 2005 }, (_, index) => newDocument(null, `Report ${index}: police detained men.`))));
    const { hits, truncated } = await store.documents.search(parseSearchQuery('"police detained"'), 5);
    expect(truncated).toBe(true);
    expect(hits).toHaveLength(5);
    await store.close();
  });
});

/** Bring a new SQLite file up to the named migration only, as an older Chronicle left it. */
async function migrateTo(file: string, name: string): Promise<void> {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => sqliteMigrations } }).migrateTo(name);
  await db.destroy();
  if (error) throw error;
}

describe('SQLite migration 09: search terms split by the ascii tokenizer', () => {
  it('re-indexes the documents of an older store, terms in order, so every kind of search still finds them, and back', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'chronicle-fts-migration-'));
    folders.push(folder);
    const file = join(folder, 'store.db');
    await migrateTo(file, '2026-11-23-08-intake');

    const older = await Store.open(file, { migrate: false });
    await older.transaction((session) =>
      session.documents.insertMany([
        newDocument('Police detained forty men', 'A report from Grozny about the detentions.'),
        newDocument(null, 'Задержанных отпустили через сутки, сообщили родственники.'),
        newDocument('Jaén and Ёлкино', 'Nobody was detained; the police watched the crowd.'),
      ]),
    );
    await older.close();
    // A row removed from the index before the migration must stay removed.
    const before = new SqliteDatabase(file);
    before.prepare('DELETE FROM document_fts WHERE rowid = 3').run();
    before.close();

    const store = await Store.open(file);
    const titles = async (text: string) => {
      const { hits } = await store.documents.search(parseSearchQuery(text), 10);
      const documents = await store.documents.getMany(hits.map((hit) => hit.documentId));
      return hits.map((hit) => documents.get(hit.documentId)?.title ?? null);
    };
    expect(await titles('detained')).toEqual(['Police detained forty men']);
    expect(await titles('"police detained"')).toEqual(['Police detained forty men']);
    expect(await titles('"police watched"')).toEqual([]);
    expect(await titles('задержанные')).toEqual([null]);
    expect(await titles('родствен*')).toEqual([null]);
    expect(await titles('grozny -forty')).toEqual([]);

    const raw = new SqliteDatabase(file, { readonly: true });
    const table = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'document_fts'").get() as { sql: string };
    expect(table.sql).toContain("tokenize='ascii'");
    expect(raw.prepare("SELECT v FROM document_fts_config WHERE k = 'automerge'").get()).toEqual({ v: 8 });
    raw.close();

    // New documents go into the new table and are found beside the migrated ones.
    await store.transaction((session) => session.documents.insertMany([newDocument('Police detained two more', 'Later police detained two more men in Argun.')]));
    expect(await titles('"police detained"')).toEqual(['Police detained two more', 'Police detained forty men']);
    await store.close();

    // Down again: the unicode61 table, with every document's terms.
    await migrateTo(file, '2026-11-23-08-intake');
    const after = new SqliteDatabase(file, { readonly: true });
    expect((after.prepare("SELECT sql FROM sqlite_master WHERE name = 'document_fts'").get() as { sql: string }).sql).toContain("tokenize='unicode61 remove_diacritics 0'");
    expect(after.prepare("SELECT rowid FROM document_fts WHERE document_fts MATCH '\"polic detain\"' ORDER BY rowid").all()).toEqual([{ rowid: 1 }, { rowid: 4 }]);
    after.close();
  });
});
