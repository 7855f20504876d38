import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { apiWorld, headersOf, type ApiWorld } from '../../../test/api-fixture.js';
import { storeTargets } from '../../../test/store-targets.js';
import { CSRF_HEADER } from '../../model/api.js';

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Roles and CSRF for every state-changing route the server has, found from its OpenAPI description
 * so a route added later is covered without touching this test.
 */
for (const target of storeTargets()) {
  describe(`access control on every mutating route (${target.name})`, () => {
    let world: ApiWorld;
    let mutating: { method: Method; url: string }[];
    before(async () => {
      world = await apiWorld(target, { corpus: false });
      const paths = (await world.app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths as Record<string, Record<string, unknown>>;
      const claim = (await world.store.claims.forDocument(world.hostileId))[0]!;
      const incident = (await world.store.incidents.list())[0];
      const concrete = (path: string) => path.replace('{id}', path.includes('claims') ? claim.id : (incident?.id ?? 'inc_01JZZZZZZZZZZZZZZZZZZZZZZZ'));
      mutating = Object.entries(paths).flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => ({ method: method.toUpperCase() as Method, url: concrete(path) })),
      );
    });
    after(async () => {
      await world.close();
      await target.cleanup();
    });
    const body = { version: 1, value: { canonical: 'Someone' } };
    // Logging in and out are for everyone; every other change needs more than a viewer.
    const forEveryone = (route: { method: Method; url: string }) => route.url === '/api/session';

    it('finds the mutating routes', () => {
      expect(mutating.map((route) => `${route.method} ${route.url.replace(/_[0-9A-Z]{26}/, '_ID')}`)).toEqual(
        expect.arrayContaining(['POST /api/session', 'DELETE /api/session', 'POST /api/claims/clm_ID/accept', 'POST /api/claims/clm_ID/reject', 'POST /api/claims/clm_ID/edit', 'POST /api/incidents/regroup']),
      );
    });

    it('answers anonymous changes with 401', async () => {
      for (const route of mutating.filter((candidate) => !forEveryone(candidate))) {
        const response = await world.app.inject({ ...route, payload: body });
        expect({ route, status: response.statusCode }).toEqual({ route, status: 401 });
      }
    });

    it('answers a viewer with 403 on every change and changes nothing', async () => {
      const before = await world.store.revision.current();
      for (const route of mutating.filter((candidate) => !forEveryone(candidate))) {
        const response = await world.app.inject({ ...route, headers: headersOf(world.as.viewer), payload: body });
        expect({ route, status: response.statusCode }).toEqual({ route, status: 403 });
        expect(response.json().error).toMatch(/needs the (analyst|admin) role/);
      }
      expect(await world.store.revision.current()).toBe(before);
    });

    it('answers a missing or wrong CSRF token with 403, even for an admin', async () => {
      const before = await world.store.revision.current();
      for (const route of mutating.filter((candidate) => candidate.method !== 'POST' || candidate.url !== '/api/session')) {
        const missing = await world.app.inject({ ...route, headers: headersOf(world.as.admin, false), payload: body });
        expect({ route, status: missing.statusCode }).toEqual({ route, status: 403 });
        expect(missing.json().error).toMatch(/x-csrf-token/);
        const wrong = await world.app.inject({ ...route, headers: { ...headersOf(world.as.admin, false), [CSRF_HEADER]: world.as.analyst.csrf }, payload: body });
        expect({ route, status: wrong.statusCode }).toEqual({ route, status: 403 });
        const short = await world.app.inject({ ...route, headers: { ...headersOf(world.as.admin, false), [CSRF_HEADER]: 'x' }, payload: body });
        expect(short.statusCode).toBe(403);
      }
      expect(await world.store.revision.current()).toBe(before);
      // The admin's session survived: DELETE /api/session above was refused.
      expect((await world.app.inject({ method: 'GET', url: '/api/session', headers: headersOf(world.as.admin, false) })).statusCode).toBe(200);
    });

    it('keeps admin-only reads from analysts', async () => {
      expect((await world.app.inject({ method: 'GET', url: '/api/users', headers: headersOf(world.as.analyst, false) })).statusCode).toBe(403);
      const users = await world.app.inject({ method: 'GET', url: '/api/users', headers: headersOf(world.as.admin, false) });
      expect(users.statusCode).toBe(200);
      expect(users.json().users.map((user: { username: string }) => user.username)).toEqual(['admin1', 'analyst1', 'viewer1']);
      expect(users.body).not.toMatch(/argon2|password/i);
    });

    it('rejects a forged or unknown session cookie', async () => {
      for (const cookie of ['chronicle_session=forged', `chronicle_session=${'A'.repeat(43)}`, 'chronicle_session=']) {
        expect((await world.app.inject({ method: 'GET', url: '/api/overview', headers: { cookie } })).statusCode).toBe(401);
      }
    });
  });
}
