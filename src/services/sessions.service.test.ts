import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { TEST_COST } from '../../test/api-fixture.js';
import { storeTargets } from '../../test/store-targets.js';
import { Store } from '../store/store.js';
import { addUser, authenticate } from './accounts.service.js';
import { closeSession, csrfTokenOf, openSession, resumeSession, SESSION_LIFETIME } from './sessions.service.js';

for (const target of storeTargets()) {
  describe(`sessions and accounts (${target.name})`, () => {
    let store: Store;
    before(async () => {
      store = await Store.open(await target.create());
      await addUser(store, { username: 'ana', role: 'analyst', password: 'a long enough password', actor: 'test' }, TEST_COST);
    });
    after(async () => {
      await store.close();
      await target.cleanup();
    });

    it('keeps passwords as Argon2id strings and checks them', async () => {
      const credentials = await store.users.credentials('ana');
      expect(credentials!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=8192,t=1,p=1\$/);
      expect(await authenticate(store, { username: 'ana', password: 'a long enough password' })).toMatchObject({ username: 'ana', role: 'analyst' });
      expect(await authenticate(store, { username: 'ana', password: 'a long enough passwore' })).toBeNull();
      expect(await authenticate(store, { username: 'ANA', password: 'a long enough password' })).toBeNull();
    });

    it('refuses short passwords, bad names, unknown roles and taken names', async () => {
      await expect(addUser(store, { username: 'bob', role: 'viewer', password: 'short', actor: 'test' }, TEST_COST)).rejects.toThrow(/at least 12 characters/);
      await expect(addUser(store, { username: 'Bob Smith', role: 'viewer', password: 'a long enough password', actor: 'test' }, TEST_COST)).rejects.toThrow(/lower-case/);
      await expect(addUser(store, { username: 'bob', role: 'owner', password: 'a long enough password', actor: 'test' }, TEST_COST)).rejects.toThrow(/viewer, analyst, admin/);
      await expect(addUser(store, { username: 'ana', role: 'viewer', password: 'a long enough password', actor: 'test' }, TEST_COST)).rejects.toThrow(/already exists/);
    });

    it('ends sessions at their expiry and after being idle, and on logout', async () => {
      const user = (await store.users.get('ana'))!;
      const start = Date.parse('2026-11-23T12:00:00Z');
      const session = await openSession(store, user, start);
      expect(session.csrfToken).toBe(csrfTokenOf(session.token));
      expect(await resumeSession(store, session.token, start + 60_000)).toMatchObject({ user: { username: 'ana' } });
      // Requests keep it alive past the idle limit...
      let now = start;
      for (let step = 0; step < 4; step++) {
        now += SESSION_LIFETIME.idleMs - 60_000;
        expect(await resumeSession(store, session.token, now)).not.toBeNull();
      }
      // ...but not past its absolute end.
      expect(await resumeSession(store, session.token, start + SESSION_LIFETIME.absoluteMs + 1)).toBeNull();
      const idle = await openSession(store, user, start);
      expect(await resumeSession(store, idle.token, start + SESSION_LIFETIME.idleMs + 1)).toBeNull();
      const closing = await openSession(store, user, start);
      await closeSession(store, closing.token);
      expect(await resumeSession(store, closing.token, start + 1000)).toBeNull();
    });
  });
}
