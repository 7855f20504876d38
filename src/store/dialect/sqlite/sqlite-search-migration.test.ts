import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { expect } from 'expect';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { indexText } from '../../../search/analyzer.js';
import { parseSearchQuery } from '../../../search/search-query.js';
import type { NewDocument } from '../../document.repository.js';
import { Store } from '../../store.js';
import { sqliteMigrations } from './sqlite-migrations.js';

const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function newDocument(serial: number, title: string | null, text: string): NewDocument {
  return {
    sha256: serial.toString(16).padStart(64, '0'),
    bytes: new TextEncoder().encode(`${serial} ${text}`),
    origin: `memory:${serial}.txt`,
    sourceId: null,
    mediaType: 'text/plain',
    publishedAt: null,
    title,
    author: null,
    canonicalUrl: null,
    language: null,
    text,
    warnings: [],
    captureVersion: 1,
    index: { titleTerms: indexText(title ?? ''), bodyTerms: indexText(text) },
  };
}

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
        newDocument(1, 'Police detained forty men', 'A report from Grozny about the detentions.'),
        newDocument(2, null, 'Задержанных отпустили через сутки, сообщили родственники.'),
        newDocument(3, 'Jaén and Ёлкино', 'Nobody was detained; the police watched the crowd.'),
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
    await store.transaction((session) => session.documents.insertMany([newDocument(4, 'Police detained two more', 'Later police detained two more men in Argun.')]));
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
