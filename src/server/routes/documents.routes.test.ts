import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { apiWorld, headersOf, HOSTILE_TEXT, type ApiWorld } from '../../../test/api-fixture.js';
import { storeTargets } from '../../../test/store-targets.js';

for (const target of storeTargets()) {
  describe(`documents and search API (${target.name})`, () => {
    let world: ApiWorld;
    before(async () => {
      world = await apiWorld(target);
    });
    after(async () => {
      await world.close();
      await target.cleanup();
    });
    const get = (url: string) => world.app.inject({ method: 'GET', url, headers: headersOf(world.as.viewer, false) });

    it('lists documents a page at a time, with a cursor to the next page', async () => {
      const first = await get('/api/documents?limit=10');
      expect(first.statusCode).toBe(200);
      const page = first.json();
      expect(page.documents).toHaveLength(10);
      expect(page.nextCursor).toMatch(/^\d+$/);
      const seen = new Set<string>(page.documents.map((document: { id: string }) => document.id));
      let cursor: string | null = page.nextCursor;
      while (cursor) {
        const next = (await get(`/api/documents?limit=10&cursor=${cursor}`)).json();
        for (const document of next.documents) {
          expect(seen.has(document.id)).toBe(false);
          seen.add(document.id);
        }
        cursor = next.nextCursor;
      }
      expect(seen.size).toBe(await world.store.documents.count());
    });

    it('filters by source, language and publication dates', async () => {
      const all = (await get('/api/documents?limit=200')).json().documents as { id: string; sourceId: string | null; language: string | null; publishedAt: string | null }[];
      const russian = (await get('/api/documents?limit=200&language=ru')).json().documents as typeof all;
      expect(russian.length).toBeGreaterThan(0);
      expect(russian.length).toBe(all.filter((document) => document.language === 'ru').length);
      const sourceId = all.find((document) => document.sourceId)!.sourceId!;
      const bySource = (await get(`/api/documents?limit=200&source=${sourceId}`)).json().documents as typeof all;
      expect(bySource.map((document) => document.id)).toEqual(all.filter((document) => document.sourceId === sourceId).map((document) => document.id));
      const in2019 = (await get('/api/documents?limit=200&from=2019-01-01&to=2019-12-31')).json().documents as typeof all;
      expect(in2019.length).toBeGreaterThan(0);
      expect(in2019.length).toBe(all.filter((document) => document.publishedAt && document.publishedAt >= '2019-01-01' && document.publishedAt.slice(0, 10) <= '2019-12-31').length);
      const sources = (await get('/api/sources')).json().sources as { id: string; documents: number }[];
      expect(sources.find((source) => source.id === sourceId)!.documents).toBe(bySource.length);
    });

    it('rejects bad filters with a message naming the field', async () => {
      for (const url of ['/api/documents?limit=0', '/api/documents?limit=abc', '/api/documents?from=yesterday', '/api/documents?cursor=abc', '/api/documents?source=nope', '/api/documents?language=english']) {
        const response = await get(url);
        expect(response.statusCode).toBe(400);
        expect(response.json().error).toMatch(/^invalid querystring: \w+/);
      }
    });

    it('shows one document with its text and claims, spans quoting the text', async () => {
      const list = (await get('/api/documents?limit=200')).json().documents as { id: string; language: string | null }[];
      let checked = 0;
      for (const { id } of list.filter((document) => document.language === 'en').slice(0, 5)) {
        const response = await get(`/api/documents/${id}`);
        expect(response.statusCode).toBe(200);
        const { document, claims } = response.json();
        expect(document.id).toBe(id);
        for (const claim of claims) {
          expect(document.text.slice(claim.start, claim.end)).toBe(claim.quote);
          expect(['mention', 'act', 'figure', 'attribution', 'date']).toContain(claim.kind);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(10);
    });

    it('answers an unknown or malformed document id with 404 or 400', async () => {
      expect((await get('/api/documents/doc_01JZZZZZZZZZZZZZZZZZZZZZZZ')).statusCode).toBe(404);
      const malformed = await get('/api/documents/..%2f..%2fetc');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error).toContain('id');
    });

    it('returns a hostile document as plain text in JSON, never as markup', async () => {
      const response = await get(`/api/documents/${world.hostileId}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      const { document } = response.json();
      expect(document.text).toContain('<script>alert("xss")</script>');
      expect(document.text).toContain('onerror="alert(1)"');
      expect(document.text).toContain('javascript:alert(2)');
      expect(document.text).toBe(HOSTILE_TEXT);
      const search = (await get('/api/search?q=grozny%20detained%20activists')).json();
      const hit = search.results.find((result: { id: string }) => result.id === world.hostileId);
      expect(hit).toBeDefined();
      for (const part of hit.snippet) expect(typeof part.text).toBe('string');
    });

    it('searches with snippets as plain-text parts, the hits marked', async () => {
      const response = await get('/api/search?q=Estemirova%20Grozny&limit=5');
      expect(response.statusCode).toBe(200);
      const { results, truncated } = response.json();
      expect(truncated).toBe(false);
      expect(results.length).toBeGreaterThan(0);
      expect(results.length).toBeLessThanOrEqual(5);
      const hits = results.flatMap((result: { snippet: { text: string; hit: boolean }[] }) => result.snippet.filter((part) => part.hit).map((part) => part.text.toLowerCase()));
      expect(hits.some((text: string) => text.startsWith('estemirov'))).toBe(true);
      expect(results[0].snippet.map((part: { text: string }) => part.text).join('')).not.toContain('<mark>');
    });

    it('answers an empty or wordless search with 400', async () => {
      expect((await get('/api/search?q=')).statusCode).toBe(400);
      const wordless = await get('/api/search?q=%22%22');
      expect(wordless.statusCode).toBe(400);
      expect(wordless.json().error).toBeTruthy();
    });

    it('answers odd and hostile input with 4xx or a result, never 500', async () => {
      const queries = ['\u0000', 'a\u0000b', '"""', '-', '*', 'a*b*c', '\uffff', '\\', "'; drop table documents; --", 'a & b | !c', '(a):*', 'x'.repeat(500)];
      for (const q of queries) {
        const response = await get(`/api/search?q=${encodeURIComponent(q)}`);
        expect({ q, ok: response.statusCode === 200 || response.statusCode === 400 }).toEqual({ q, ok: true });
      }
      const expected: [string, number][] = [
        ['/api/entities/person/%00', 404],
        ['/api/entities?q=%00', 200],
        ['/api/documents?language=%00', 400],
        ['/api/claims/queue?kind=%00', 400],
        ['/api/documents/%00', 400],
        [`/api/search?q=${'x'.repeat(501)}`, 400],
      ];
      for (const [url, status] of expected) expect({ url, status: (await get(url)).statusCode }).toEqual({ url, status });
      expect(await world.store.documents.count()).toBeGreaterThan(30);
    });

    it('asks anonymous readers to log in', async () => {
      for (const url of ['/api/documents', `/api/documents/${world.hostileId}`, '/api/search?q=grozny', '/api/sources']) {
        const response = await world.app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(401);
      }
    });
  });
}
