import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { apiWorld, headersOf, type ApiWorld } from '../../../test/api-fixture.js';
import { storeTargets } from '../../../test/store-targets.js';

interface QueueItem {
  id: string;
  kind: string;
  property: string;
  value: unknown;
  version: number;
  status: string;
  citedBy: number;
  start: number;
  end: number;
  quote: string;
  documentId: string;
  document: { id: string; title: string | null };
}

for (const target of storeTargets()) {
  describe(`claims API: review queue and reviews (${target.name})`, () => {
    let world: ApiWorld;
    before(async () => {
      world = await apiWorld(target);
    });
    after(async () => {
      await world.close();
      await target.cleanup();
    });
    const get = (url: string) => world.app.inject({ method: 'GET', url, headers: headersOf(world.as.viewer, false) });
    const post = (url: string, payload: unknown, role: 'viewer' | 'analyst' | 'admin' = 'analyst') => world.app.inject({ method: 'POST', url, headers: headersOf(world.as[role]), payload: payload as object });
    const queue = async (query = '') => (await get(`/api/claims/queue${query}`)).json() as { claims: QueueItem[]; total: number };

    it('pages through proposed claims, oldest first', async () => {
      const first = await queue('?limit=5');
      expect(first.claims).toHaveLength(5);
      expect(first.total).toBeGreaterThan(50);
      for (const claim of first.claims) expect(claim.status).toBe('proposed');
      const second = await queue('?limit=5&offset=5');
      expect(second.claims.map((claim) => claim.id)).not.toContain(first.claims[0]!.id);
      const figures = await queue('?kind=figure&limit=200');
      expect(figures.claims.length).toBeGreaterThan(0);
      for (const claim of figures.claims) expect(claim.kind).toBe('figure');
    });

    it('puts the most widely stated claims first when asked', async () => {
      const { claims } = await queue('?order=most-cited&limit=50');
      const counts = claims.map((claim) => claim.citedBy);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(counts[0]).toBeGreaterThan(1);
      const oldest = await queue('?limit=50');
      expect(Math.max(...oldest.claims.map((claim) => claim.citedBy))).toBeLessThanOrEqual(counts[0]!);
    });

    it('shows one claim with its document', async () => {
      const [claim] = (await queue('?limit=1')).claims;
      const response = await get(`/api/claims/${claim!.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().claim).toMatchObject({ id: claim!.id, quote: claim!.quote, document: { id: claim!.documentId } });
      expect((await get('/api/claims/clm_01JZZZZZZZZZZZZZZZZZZZZZZZ')).statusCode).toBe(404);
    });

    it('accepts, rejects and edits claims under the logged-in user, audited', async () => {
      const { claims } = await queue('?kind=figure&limit=3');
      const [a, b, c] = claims as [QueueItem, QueueItem, QueueItem];
      const accepted = await post(`/api/claims/${a.id}/accept`, { version: a.version, note: 'checked against the original' });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json().claim).toMatchObject({ id: a.id, status: 'accepted', version: a.version + 1, reviewedBy: 'analyst1' });
      const rejected = await post(`/api/claims/${b.id}/reject`, { version: b.version }, 'admin');
      expect(rejected.json().claim).toMatchObject({ status: 'rejected', reviewedBy: 'admin1' });
      const value = { ...(c.value as object), value: 41, max: null, bound: 'exact' };
      const edited = await post(`/api/claims/${c.id}/edit`, { version: c.version, value });
      expect(edited.statusCode).toBe(200);
      expect(edited.json().claim).toMatchObject({ status: 'edited', value });
      const log = await world.store.audit.list({ limit: 1000 });
      const reviews = log.filter((event) => event.action.startsWith('claim.'));
      expect(reviews.map((event) => [event.action, event.actor, event.subjectId])).toEqual([
        ['claim.accept', 'analyst1', a.id],
        ['claim.reject', 'admin1', b.id],
        ['claim.edit', 'analyst1', c.id],
      ]);
      expect(reviews[0]!.payload).toMatchObject({ note: 'checked against the original' });
      expect((await world.store.audit.verify()).ok).toBe(true);
      expect((await queue('?kind=figure&limit=200')).claims.map((claim) => claim.id)).not.toContain(a.id);
    });

    it('refuses a review of a version someone else already reviewed (409)', async () => {
      const [claim] = (await queue('?kind=act&limit=1')).claims as [QueueItem];
      expect((await post(`/api/claims/${claim.id}/accept`, { version: claim.version })).statusCode).toBe(200);
      const late = await post(`/api/claims/${claim.id}/reject`, { version: claim.version }, 'admin');
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toMatch(/changed by someone else \(now version 2\)/);
    });

    it('answers bad reviews with 400 and a clear message, unknown claims with 404', async () => {
      const [claim] = (await queue('?kind=figure&limit=1')).claims as [QueueItem];
      const cases: [unknown, RegExp][] = [
        [{}, /version/],
        [{ version: 'one' }, /version/],
        [{ version: 1.5 }, /version/],
        [{ version: 1, note: 7 }, /note/],
      ];
      for (const [body, message] of cases) {
        const response = await post(`/api/claims/${claim.id}/accept`, body);
        expect(response.statusCode).toBe(400);
        expect(response.json().error).toMatch(message);
      }
      const badEdit = await post(`/api/claims/${claim.id}/edit`, { version: claim.version, property: 'not_a_category' });
      expect(badEdit.statusCode).toBe(400);
      expect(badEdit.json().error).toMatch(/category must be one of/);
      const noChange = await post(`/api/claims/${claim.id}/edit`, { version: claim.version });
      expect(noChange.statusCode).toBe(400);
      const outside = await post(`/api/claims/${claim.id}/edit`, { version: claim.version, span: { start: 0, end: 10_000_000 } });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().error).toMatch(/outside the document/);
      expect((await post('/api/claims/clm_01JZZZZZZZZZZZZZZZZZZZZZZZ/accept', { version: 1 })).statusCode).toBe(404);
      expect((await post('/api/claims/not-a-claim/accept', { version: 1 })).statusCode).toBe(400);
    });

    it('answers malformed JSON with 400 and oversized bodies with 413, never 500', async () => {
      const [claim] = (await queue('?limit=1')).claims as [QueueItem];
      const url = `/api/claims/${claim.id}/accept`;
      const headers = { ...headersOf(world.as.analyst), 'content-type': 'application/json' };
      const malformed = await world.app.inject({ method: 'POST', url, headers, payload: '{"version": ' });
      expect(malformed.statusCode).toBe(400);
      const huge = await world.app.inject({ method: 'POST', url, headers, payload: JSON.stringify({ version: 1, note: 'x'.repeat(2 * 1024 * 1024) }) });
      expect(huge.statusCode).toBe(413);
      const text = await world.app.inject({ method: 'POST', url, headers: { ...headersOf(world.as.analyst), 'content-type': 'text/plain' }, payload: 'version=1' });
      expect(text.statusCode).toBe(400);
      expect(text.json().error).toMatch(/^invalid body/);
      const xml = await world.app.inject({ method: 'POST', url, headers: { ...headersOf(world.as.analyst), 'content-type': 'application/xml' }, payload: '<version>1</version>' });
      expect(xml.statusCode).toBe(415);
    });

    it('lets a viewer read the queue but not review (403)', async () => {
      const [claim] = (await queue('?limit=1')).claims as [QueueItem];
      for (const action of ['accept', 'reject', 'edit']) {
        const response = await post(`/api/claims/${claim.id}/${action}`, { version: claim.version, value: { canonical: 'X' } }, 'viewer');
        expect(response.statusCode).toBe(403);
      }
      expect((await world.store.claims.get(claim.id))!.status).toBe('proposed');
    });
  });
}
