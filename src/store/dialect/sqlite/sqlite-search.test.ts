import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { after, describe, it } from 'node:test';
import { expect } from 'expect';
import { indexText } from '../../../search/analyzer.js';
import { parseSearchQuery } from '../../../search/search-query.js';
import { makeSnippet } from '../../../search/snippet.js';
import { seededRandom } from '../../../resolve/seeded-random.js';
import type { NewDocument } from '../../document.repository.js';
import { Store } from '../../store.js';
import { pairTokens, toFtsExpression } from './sqlite-search.js';

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

async function matchingSeqs(store: Store, expression: string): Promise<number[]> {
  const { rows } = await sql<{ rowid: number }>`SELECT rowid FROM document_fts WHERE document_fts MATCH ${expression} ORDER BY rowid`.execute(store.db);
  return rows.map((row) => Number(row.rowid));
}

describe('SQLite phrase search on pair tokens', () => {
  it('turns terms into adjacent pairs and phrases into phrases of pairs', () => {
    expect(pairTokens('polic detain forti men')).toBe('_polic_detain _detain_forti _forti_men');
    expect(pairTokens('alone')).toBe('');
    expect(pairTokens('')).toBe('');
    expect(toFtsExpression(parseSearchQuery('"police detained" Grozny -"human rights" Nazr*'))).toBe('("_polic_detain" AND "grozni" AND "nazr"*) NOT "_human_right"');
    expect(toFtsExpression(parseSearchQuery('"права человека в Грозном"'))).toBe(`"${pairTokens(indexText('права человека в Грозном'))}"`);
  });

  it('finds exactly the documents FTS5 position lists find for the same phrase', async () => {
    const store = await freshStore();
    const random = seededRandom(7);
    const words = ['police', 'detained', 'human', 'rights', 'forces', 'security', 'полиция', 'задержала', 'men'];
    const pick = () => words[Math.floor(random() * words.length)] as string;
    const punctuation = [' ', ' ', ' ', '. ', ', ', '\n\n'];
    const text = (count: number) => Array.from({ length: count }, () => pick() + punctuation[Math.floor(random() * punctuation.length)]).join('');
    await store.transaction((session) => session.documents.insertMany(Array.from({ length: 300 }, () => newDocument(random() < 0.5 ? text(4) : null, text(12)))));
    const phrases = ['"police detained"', '"human rights"', '"security forces police"', '"detained men police"', '"полиция задержала"', '"men men"', '"police detained human"'];
    for (const phrase of phrases) {
      const viaPairs = await matchingSeqs(store, toFtsExpression(parseSearchQuery(phrase)));
      const viaPositions = await matchingSeqs(store, `{title body} : "${parseSearchQuery(phrase).clauses[0]!.terms.join(' ')}"`);
      expect({ phrase, seqs: viaPairs }).toEqual({ phrase, seqs: viaPositions });
      expect(viaPairs.length).toBeGreaterThan(0);
    }
    await store.close();
  });

  it('matches a phrase only where its words are adjacent, in the title or in the text but not across them', async () => {
    const store = await freshStore();
    await store.transaction((session) =>
      session.documents.insertMany([
        newDocument('Police detained forty men', 'A report from Grozny.'),
        newDocument(null, 'The police said that they detained forty men. Later police detained two more.'),
        newDocument('Report on the police', 'Detained men were released.'),
      ]),
    );
    const titles = async (query: string) => (await found(store, query)).results.map((result) => result.title);
    expect(await titles('"police detained"')).toEqual(['Police detained forty men', null]);
    expect(await titles('"police detained forty"')).toEqual(['Police detained forty men']);
    expect(await titles('"police detained men"')).toEqual([]);
    expect(await titles('"detained forty men"')).toHaveLength(2);
    expect(await titles('police detained')).toHaveLength(3);
    expect(await titles('"the police" -"police detained"')).toEqual(['Report on the police']);
    // No pair token starts like a term, so prefix queries never expand to pair tokens.
    await sql`CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, document_fts, 'row')`.execute(store.db);
    const terms = await sql<{ term: string }>`SELECT term FROM temp.fts_terms WHERE term >= 'polic' AND term < 'polid'`.execute(store.db);
    expect(terms.rows.map((row) => row.term)).toEqual(['polic']);
    const [, inText] = (await found(store, '"police detained"')).results;
    expect(inText!.snippet.highlights.map(({ start, end }) => inText!.snippet.text.slice(start, end))).toEqual(['police', 'detained', 'police', 'detained']);
    await store.close();
  });

  it('rebuilds the index of a store made before pair tokens (migration 09), resuming from its backlog', async () => {
    const store = await freshStore();
    const outcomes = await store.transaction((session) =>
      session.documents.insertMany([
        newDocument('Police detained forty men', 'In Grozny, police detained forty men.'),
        newDocument(null, 'The police said that they detained no one. Права человека.'),
        newDocument('Deleted before the migration', 'Police detained a journalist.'),
        ...Array.from({ length: 1200 }, (_, index) => newDocument(null, `Filler report ${index} about the city.`)),
      ]),
    );
    const deleted = outcomes[2]!;
    if (deleted.status !== 'captured') throw new Error('not captured');
    expect(await store.documents.markDeleted(deleted.document.id, new Date().toISOString())).toBe(true);
    // Put the store back as migration 08 left it: the two-column index, filled by the old code.
    await sql`DROP TABLE document_fts`.execute(store.db);
    await sql`DROP TABLE search_backlog`.execute(store.db);
    await sql`CREATE VIRTUAL TABLE document_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(store.db);
    const { rows } = await sql<{ seq: number; title: string | null; text: string }>`SELECT seq, title, text FROM documents WHERE deleted_at IS NULL`.execute(store.db);
    for (const row of rows) await sql`INSERT INTO document_fts (rowid, title, body) VALUES (${row.seq}, ${indexText(row.title ?? '')}, ${indexText(row.text)})`.execute(store.db);
    await sql`DELETE FROM kysely_migration WHERE name = '2026-11-23-09-phrase-pairs'`.execute(store.db);

    await store.migrate();
    const titles = async (query: string) => (await found(store, query)).results.map((result) => result.title);
    expect(await titles('"police detained"')).toEqual(['Police detained forty men']);
    expect(await titles('police detained')).toHaveLength(2);
    expect(await titles('"права человека"')).toEqual([null]);
    expect((await found(store, 'filler')).truncated).toBe(false);
    expect(await matchingSeqs(store, 'filler')).toHaveLength(1200);
    expect(await matchingSeqs(store, 'journalist')).toEqual([]); // the deleted document stays out
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM search_backlog`.execute(store.db)).rows[0]?.n).toBe(0);

    // An interrupted backfill resumes: listed documents are indexed on the next migrate, once.
    await sql`DELETE FROM document_fts WHERE rowid = ${rows[0]!.seq}`.execute(store.db);
    await sql`INSERT INTO search_backlog (seq) VALUES (${rows[0]!.seq})`.execute(store.db);
    await store.migrate();
    expect(await titles('"police detained"')).toEqual(['Police detained forty men']);
    expect(await store.documents.count()).toBe(1202);
    await store.close();
  });
});
