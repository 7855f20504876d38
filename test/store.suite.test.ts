import { sql } from 'kysely';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { expect } from 'expect';
import { CAPTURE_VERSION, captureBytes, sha256Hex } from '../src/capture/capture.js';
import { indexText } from '../src/search/analyzer.js';
import { parseSearchQuery } from '../src/search/search-query.js';
import { deleteDocument, ReviewError, reviewClaim } from '../src/services/review.service.js';
import { searchDocuments } from '../src/services/search.service.js';
import { verifyOriginals } from '../src/services/verify.service.js';
import { ClaimConflictError, type ProposedClaims } from '../src/store/claim.repository.js';
import type { NewDocument } from '../src/store/document.repository.js';
import { Store } from '../src/store/store.js';
import { storeTargets } from './store-targets.js';

function newDocument(text: string, extra: Partial<NewDocument> = {}): NewDocument {
  const bytes = new TextEncoder().encode(text);
  const captured = captureBytes({ bytes, mediaType: 'text/plain' });
  return {
    sha256: sha256Hex(bytes),
    bytes,
    origin: `memory:${sha256Hex(bytes).slice(0, 8)}.txt`,
    sourceId: null,
    mediaType: 'text/plain',
    publishedAt: captured.publishedAt,
    title: captured.title,
    author: null,
    canonicalUrl: null,
    language: captured.language,
    text: captured.text,
    warnings: [],
    captureVersion: CAPTURE_VERSION,
    index: { titleTerms: indexText(captured.title ?? ''), bodyTerms: indexText(captured.text) },
    ...extra,
  };
}

const ENGLISH = '---\ntitle: Police detain dozens in Grozny\n---\nChechen police detained at least forty men in Grozny last month, the Russian LGBT Network said. Two of the detainees died.';
const RUSSIAN = 'В Грозном полиция задержала не менее сорока мужчин, сообщила Российская ЛГБТ-сеть. Двое задержанных погибли под пытками.';
const OTHER = 'Memorial staff reported that their office in Nazran was set on fire overnight; nobody was hurt.';

for (const target of storeTargets()) {
  describe(`store on ${target.name}`, () => {
    let store: Store;
    let location: string;

    beforeEach(async () => {
      location = await target.create();
      store = await Store.open(location);
    });
    afterEach(() => store.close());
    after(() => target.cleanup());

    it('stores a capture with its original, and finds it by id and by SHA-256 prefix', async () => {
      const document = newDocument(ENGLISH);
      const outcome = await store.transaction((session) => session.documents.insert(document));
      expect(outcome.status).toBe('captured');
      if (outcome.status !== 'captured') return;
      const stored = await store.documents.get(outcome.document.id);
      expect(stored).toMatchObject({ sha256: document.sha256, title: 'Police detain dozens in Grozny', language: 'en', mediaType: 'text/plain' });
      expect(stored?.text).toBe(document.text);
      expect(Buffer.compare((await store.documents.original(document.sha256)) as Buffer, Buffer.from(document.bytes))).toBe(0);
      expect(await store.documents.resolve(document.sha256.slice(0, 10))).toMatchObject({ status: 'found', document: { id: outcome.document.id } });
      expect(await store.documents.resolve(outcome.document.id)).toMatchObject({ status: 'found' });
      expect(await store.documents.resolve('ffffffffffff')).toEqual({ status: 'not_found' });
      expect(await store.documents.resolve('not-an-id')).toEqual({ status: 'not_found' });
    });

    it('calls a SHA-256 prefix that several documents share ambiguous, and lists them', async () => {
      const shared = 'abcd'.padEnd(63, '0');
      await store.transaction((session) => session.documents.insertMany([newDocument(OTHER, { sha256: `${shared}1` }), newDocument(ENGLISH, { sha256: `${shared}2` })]));
      const outcome = await store.documents.resolve('ABCD');
      expect(outcome.status).toBe('ambiguous');
      if (outcome.status === 'ambiguous') expect(outcome.candidates.map((candidate) => candidate.sha256)).toEqual([`${shared}1`, `${shared}2`]);
      expect(await store.documents.resolve(`${shared}2`)).toMatchObject({ status: 'found', document: { sha256: `${shared}2` } });
      expect(await store.documents.resolve('abc')).toEqual({ status: 'not_found' }); // too short to be a prefix
    });

    it('reports the same bytes as already captured and changes nothing', async () => {
      const first = await store.transaction((session) => session.documents.insert(newDocument(ENGLISH)));
      const second = await store.transaction((session) => session.documents.insert({ ...newDocument(ENGLISH), origin: 'elsewhere.txt' }));
      expect(second.status).toBe('already_captured');
      if (first.status !== 'captured' || second.status !== 'already_captured') return;
      expect(second.existing).toMatchObject({ id: first.document.id, origin: first.document.origin });
      expect(await store.documents.count()).toBe(1);
    });

    // In-process SQLite connections block each other's thread, so concurrent writers are a server's case.
    it('two writers capturing the same bytes at once end with one document', { skip: target.name !== 'postgres' }, async () => {
      const other = await Store.open(location);
      try {
        const outcomes = await Promise.all([store, other].map((writer) => writer.transaction((session) => session.documents.insert(newDocument(OTHER)))));
        expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['already_captured', 'captured']);
        expect(await store.documents.count()).toBe(1);
      } finally {
        await other.close();
      }
    });

    // Migrations read the catalogue; reading other stores' schemas raced with their DROP SCHEMA.
    it('looks only at its own schema when it checks which tables exist', { skip: target.name !== 'postgres' }, async () => {
      const neighbour = `chronicle_neighbour_${process.pid}`;
      await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(neighbour)}`.execute(store.db);
      try {
        await sql`CREATE TABLE IF NOT EXISTS ${sql.id(neighbour)}.elsewhere (id integer)`.execute(store.db);
        const tables = await store.db.introspection.getTables();
        expect(tables.map((table) => table.name)).toContain('documents');
        expect(tables.map((table) => table.name)).not.toContain('elsewhere');
        expect(new Set(tables.map((table) => table.schema)).size).toBe(1);
        const reopened = await Store.open(location);
        await reopened.close();
      } finally {
        await sql`DROP SCHEMA IF EXISTS ${sql.id(neighbour)} CASCADE`.execute(store.db);
      }
    });

    it('leaves nothing behind when a transaction fails half-way', async () => {
      const good = newDocument(OTHER);
      const doomed = newDocument(RUSSIAN);
      await expect(
        store.transaction(async (session) => {
          await session.documents.insert(good);
          await session.documents.insert(doomed);
          throw new Error('crash after the second insert');
        }),
      ).rejects.toThrow('crash');
      expect(await store.documents.count()).toBe(0);
      expect(await store.documents.original(good.sha256)).toBeNull();
      const searchRows = (await searchDocuments(store, 'Nazran', 5)).results;
      expect(searchRows).toEqual([]);
    });

    it('searches English and Russian with stemming, phrases, exclusions and prefixes', async () => {
      for (const text of [ENGLISH, RUSSIAN, OTHER]) await store.transaction((session) => session.documents.insert(newDocument(text)));
      expect((await searchDocuments(store, 'detain', 10)).results).toHaveLength(1); // "detained" stems to "detain"
      expect((await searchDocuments(store, 'задержанные', 10)).results[0]?.language).toBe('ru'); // задержала / задержанных
      expect((await searchDocuments(store, '"office in Nazran"', 10)).results).toHaveLength(1);
      expect((await searchDocuments(store, '"Nazran office"', 10)).results).toHaveLength(0);
      // Phrases of two or more words match only adjacent words.
      expect((await searchDocuments(store, '"police detained"', 10)).results).toMatchObject([{ language: 'en' }]);
      expect((await searchDocuments(store, '"police detained at least"', 10)).results).toHaveLength(1);
      expect((await searchDocuments(store, '"detained police"', 10)).results).toHaveLength(0);
      expect((await searchDocuments(store, '"police forty"', 10)).results).toHaveLength(0);
      expect((await searchDocuments(store, '"полиция задержала"', 10)).results).toMatchObject([{ language: 'ru' }]);
      expect((await searchDocuments(store, 'Grozny -"police detained"', 10)).results).toHaveLength(0);
      expect((await searchDocuments(store, 'Grozny -"detained police"', 10)).results).toMatchObject([{ language: 'en' }]);
      expect((await searchDocuments(store, 'задерж* -задержала', 10)).results).toHaveLength(0);
      expect((await searchDocuments(store, 'задерж* -"задержала не"', 10)).results).toHaveLength(0);
      expect((await searchDocuments(store, 'Grozny -LGBT', 10)).results).toHaveLength(0);
      expect((await searchDocuments(store, 'Грозн*', 10)).results).toHaveLength(1);
      expect((await searchDocuments(store, 'Nazr*', 10)).results).toHaveLength(1);
    });

    it('ranks a title match first and highlights the matched words', async () => {
      await store.transaction(async (session) => {
        await session.documents.insert(newDocument('---\ntitle: A report on Grozny\n---\nThe police in the city detained people. Grozny was mentioned once.'));
        await session.documents.insert(newDocument('A text that names Grozny once, in passing, among other cities and other long words here.'));
      });
      const [best] = (await searchDocuments(store, 'Grozny', 10)).results;
      expect(best?.title).toBe('A report on Grozny');
      const highlighted = best!.snippet.highlights.map(({ start, end }) => best!.snippet.text.slice(start, end));
      expect(highlighted).toContain('Grozny');
    });

    it('ranks among the newest matches when very many documents match, and says so', async () => {
      const many = Array.from({ length: 2005 }, (_, index) => newDocument(`Report number ${index} about detentions in the city.`));
      await store.transaction((session) => session.documents.insertMany(many));
      await store.transaction((session) => session.documents.insert(newDocument('A single report about the city of Argun.')));
      expect((await searchDocuments(store, 'report', 5)).truncated).toBe(true);
      expect((await searchDocuments(store, 'Argun', 5))).toMatchObject({ truncated: false, results: [{ title: null }] });
    });

    it('treats query syntax characters as plain text, never as engine syntax', async () => {
      await store.transaction((session) => session.documents.insert(newDocument(OTHER)));
      for (const hostile of ['Nazran" OR 1=1 --', "Nazran') ; DROP TABLE documents; --", 'NEAR(Nazran office)', 'Nazran:* | !x', 'col:Nazran ^ *']) {
        await expect(searchDocuments(store, hostile, 5)).resolves.toBeDefined();
      }
      expect(await store.documents.count()).toBe(1);
      expect(() => parseSearchQuery('"" -- ::')).toThrow('no words');
    });

    it('lists documents in capture order, a page at a time', async () => {
      for (let index = 0; index < 7; index++) await store.transaction((session) => session.documents.insert(newDocument(`${OTHER} Number ${index}.`)));
      const first = await store.documents.list({ limit: 4 });
      const second = await store.documents.list({ limit: 4, afterSeq: first.lastSeq ?? 0 });
      expect(first.documents).toHaveLength(4);
      expect(second.documents).toHaveLength(3);
      const ids = [...first.documents, ...second.documents].map((document) => document.id);
      expect(new Set(ids).size).toBe(7);
      expect([...ids].sort()).toEqual(ids); // ULIDs sort in creation order
    });

    it('keeps one source per outlet however it is spelled', async () => {
      const a = await store.sources.ensure('The Moscow Times', 'news_outlet');
      const b = await store.sources.ensure('  the   moscow times ');
      expect(a).toBe(b);
      expect(await store.sources.list()).toHaveLength(1);
    });

    it('ensures many sources at once as one at a time would, one per outlet however it is spelled', async () => {
      const existing = await store.sources.ensure('The Moscow Times', 'news_outlet');
      const ids = await store.sources.ensureMany(['Meduza', '  the   moscow times ', 'MEDUZA', 'Kavkaz Uzel'], 'news_outlet');
      expect(ids.get('  the   moscow times ')).toBe(existing);
      expect(ids.get('MEDUZA')).toBe(ids.get('Meduza'));
      expect(new Set(ids.values()).size).toBe(3);
      expect(await store.sources.ensure('kavkaz uzel')).toBe(ids.get('Kavkaz Uzel'));
      expect((await store.sources.list()).map((source) => source.name)).toEqual(['Kavkaz Uzel', 'Meduza', 'The Moscow Times']);
      expect(await store.sources.ensureMany([])).toEqual(new Map());
    });

    it('verify detects an original whose bytes changed and a document whose original is gone', async () => {
      const document = newDocument(ENGLISH);
      await store.transaction((session) => session.documents.insert(document));
      expect(await verifyOriginals(store)).toMatchObject({ checked: 1, mismatched: [], missing: [] });
      await sql`UPDATE originals SET bytes = ${Buffer.from('tampered')} WHERE sha256 = ${document.sha256}`.execute(store.db);
      const report = await verifyOriginals(store);
      expect(report.mismatched).toEqual([{ sha256: document.sha256, actual: sha256Hex(Buffer.from('tampered')) }]);
    });

    it('opening a migrated store again migrates nothing and keeps the data', async () => {
      await store.transaction((session) => session.documents.insert(newDocument(OTHER)));
      await store.migrate();
      expect(await store.documents.count()).toBe(1);
    });

    it('replaces proposed claims on re-extraction, keeps reviewed ones, and refuses a stale review', async () => {
      const document = newDocument(ENGLISH);
      const outcome = await store.transaction((session) => session.documents.insert(document));
      if (outcome.status !== 'captured') throw new Error('not captured');
      const id = outcome.document.id;
      const text = outcome.document.text;
      const at = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, quote });
      const extraction = (figureValue: number): ProposedClaims => ({
        producedBy: 'test@1',
        attributions: [{ key: 0, ...at('the Russian LGBT Network said'), attributedTo: 'Russian LGBT Network', via: [] }],
        claims: [
          { kind: 'act', property: 'detention', value: { type: 'detention' }, ...at('detained'), attributionKey: 0 },
          { kind: 'figure', property: 'detained', value: { category: 'detained', value: figureValue, max: null, bound: 'at_least' }, ...at('at least forty men'), attributionKey: 0 },
          { kind: 'mention', property: 'place', value: { canonical: 'Grozny' }, ...at('Grozny'), attributionKey: null },
        ],
      });
      expect(await store.transaction((session) => session.claims.replaceProposed(id, extraction(40)))).toEqual({ proposed: 3, removed: 0, alreadyReviewed: 0 });
      const claims = await store.claims.forDocument(id);
      expect(claims.map((claim) => claim.span.quote)).toEqual(['detained', 'at least forty men', 'Grozny']);
      const figure = claims.find((claim) => claim.kind === 'figure')!;
      expect((await store.claims.attributionsOf(id)).get(figure.attributionId!)).toEqual({ attributedTo: 'Russian LGBT Network', via: [] });

      // Two analysts review the same claim having seen version 1: one wins, the other is told.
      const accepted = await store.claims.review(figure.id, { status: 'accepted', expectedVersion: 1, reviewer: 'anna' });
      expect(accepted).toMatchObject({ status: 'accepted', version: 2, reviewedBy: 'anna' });
      await expect(store.claims.review(figure.id, { status: 'rejected', expectedVersion: 1, reviewer: 'boris' })).rejects.toThrow(ClaimConflictError);
      expect(await store.claims.get(figure.id)).toMatchObject({ status: 'accepted', reviewedBy: 'anna' });

      // Improved rules run again: proposals are replaced, the reviewed figure and its attribution stay.
      const again = await store.transaction((session) => session.claims.replaceProposed(id, extraction(41)));
      expect(again).toEqual({ proposed: 2, removed: 2, alreadyReviewed: 1 });
      const after = await store.claims.forDocument(id);
      expect(after).toHaveLength(3);
      expect(after.find((claim) => claim.kind === 'figure')).toMatchObject({ id: figure.id, status: 'accepted', value: { value: 40 } });
      expect((await store.claims.attributionsOf(id)).size).toBe(2);
      expect(await store.claims.countByStatus()).toEqual({ proposed: 2, accepted: 1, edited: 0, rejected: 0 });
      expect(await store.claims.forDocument(id, ['proposed'])).toHaveLength(2);
    });

    it('refuses to change or delete audit entries', async () => {
      await store.transaction((session) => session.audit.append({ actor: 'test', action: 'test.event', subjectId: null, payload: {} }));
      await expect(store.db.updateTable('audit_events').set({ actor: 'someone else' }).execute()).rejects.toThrow(/append-only/);
      await expect(store.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    });

    /** Bypass the engine's guard, as someone with the database file or superuser rights could. */
    const withoutGuard = async (work: () => Promise<unknown>) => {
      if (store.engine === 'sqlite') {
        await sql`DROP TRIGGER audit_events_no_update`.execute(store.db);
        await sql`DROP TRIGGER audit_events_no_delete`.execute(store.db);
      } else {
        await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`.execute(store.db);
      }
      await work();
    };
    const appendEvents = async (count: number) => {
      for (let index = 1; index <= count; index++) {
        await store.transaction((session) => session.audit.append({ actor: 'anna', action: 'claim.accept', subjectId: `clm_${index}`, payload: { index } }));
      }
    };

    it('chains audit entries by hash and detects an edited entry', async () => {
      await appendEvents(3);
      const intact = await store.audit.verify();
      expect(intact).toMatchObject({ ok: true, entries: 3, head: { seq: 3 } });
      await withoutGuard(() => store.db.updateTable('audit_events').set({ payload: JSON.stringify({ index: 99 }) }).where('seq', '=', 2).execute());
      expect(await store.audit.verify()).toMatchObject({ ok: false, problem: { seq: 2, reason: expect.stringMatching(/edited/) } });
    });

    it('detects a deleted audit entry, and a removed newest entry against a recorded head', async () => {
      await appendEvents(4);
      const head = (await store.audit.head())!;
      await withoutGuard(() => store.db.deleteFrom('audit_events').where('seq', '=', 4).execute());
      // Removing the newest entry leaves a valid shorter chain; only the recorded head reveals it.
      expect(await store.audit.verify()).toMatchObject({ ok: true, entries: 3 });
      expect(await store.audit.verify(head.hash.slice(0, 16))).toMatchObject({ ok: false });
      await store.db.deleteFrom('audit_events').where('seq', '=', 2).execute();
      expect(await store.audit.verify()).toMatchObject({ ok: false, problem: { seq: 3, reason: expect.stringMatching(/missing/) } });
    });

    it('keeps one chain when several writers append at once', async () => {
      await Promise.all(Array.from({ length: 8 }, (_, index) => store.transaction((session) => session.audit.append({ actor: `writer${index}`, action: 'test.event', subjectId: null, payload: { index } }))));
      expect(await store.audit.verify()).toMatchObject({ ok: true, entries: 8 });
    });

    it('reviews claims with an audit trail: one of two simultaneous reviews wins; edits are checked', async () => {
      const outcome = await store.transaction((session) => session.documents.insert(newDocument(ENGLISH)));
      if (outcome.status !== 'captured') throw new Error('not captured');
      const text = outcome.document.text;
      const start = text.indexOf('at least forty men');
      await store.transaction((session) =>
        session.claims.replaceProposed(outcome.document.id, {
          producedBy: 'test@1',
          attributions: [],
          claims: [{ kind: 'figure', property: 'detained', value: { category: 'detained', value: 40, max: null, bound: 'at_least' }, start, end: start + 18, quote: text.slice(start, start + 18), attributionKey: null }],
        }),
      );
      const [claim] = await store.claims.forDocument(outcome.document.id);
      const results = await Promise.allSettled([
        reviewClaim(store, { action: 'accept', claimId: claim!.id, expectedVersion: 1, reviewer: 'anna' }),
        reviewClaim(store, { action: 'reject', claimId: claim!.id, expectedVersion: 1, reviewer: 'boris' }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(ClaimConflictError);
      await expect(reviewClaim(store, { action: 'edit', claimId: claim!.id, expectedVersion: 2, reviewer: 'anna', value: { category: 'detained', value: -3, max: null, bound: 'exact' } })).rejects.toThrow(ReviewError);
      const edited = await reviewClaim(store, { action: 'edit', claimId: claim!.id, expectedVersion: 2, reviewer: 'anna', property: 'killed', span: { start, end: start + 8 } });
      expect(edited).toMatchObject({ status: 'edited', version: 3, property: 'killed', value: { category: 'killed', value: 40 }, span: { quote: 'at least' } });
      const log = await store.audit.list({ limit: 10, subjectId: claim!.id });
      expect(log.map((entry) => entry.action)).toEqual([results[0]!.status === 'fulfilled' ? 'claim.accept' : 'claim.reject', 'claim.edit']);
      expect(await store.audit.verify()).toMatchObject({ ok: true, entries: 2 });
    });

    it('deleting a document leaves its claims, marked orphaned, and records why', async () => {
      const outcome = await store.transaction((session) => session.documents.insert(newDocument(OTHER)));
      if (outcome.status !== 'captured') throw new Error('not captured');
      const id = outcome.document.id;
      await store.transaction((session) =>
        session.claims.replaceProposed(id, { producedBy: 'test@1', attributions: [], claims: [{ kind: 'mention', property: 'place', value: { canonical: 'Nazran' }, start: 0, end: 8, quote: outcome.document.text.slice(0, 8), attributionKey: null }] }),
      );
      expect(await deleteDocument(store, id, 'admin', 'endangers a witness')).toEqual({ documentId: id, orphanedClaims: 1 });
      const claims = await store.claims.forDocument(id);
      expect(claims).toHaveLength(1);
      expect(claims[0]!.orphanedAt).not.toBeNull();
      expect((await store.documents.list({ limit: 10 })).documents.map((document) => document.id)).not.toContain(id);
      expect(await store.claims.proposed({ limit: 10 })).toEqual([]);
      await expect(deleteDocument(store, id, 'admin', 'again')).rejects.toThrow(/already deleted/);
      expect((await store.audit.list({ limit: 10, subjectId: id }))[0]).toMatchObject({ actor: 'admin', action: 'document.delete', payload: { reason: 'endangers a witness', orphanedClaims: 1 } });
    });
  });
}
