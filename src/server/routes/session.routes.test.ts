import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { apiWorld, headersOf, login, PASSWORD, TEST_COST, type ApiWorld } from '../../../test/api-fixture.js';
import { storeTargets } from '../../../test/store-targets.js';
import { SESSION_COOKIE } from '../../model/api.js';
import { addUser, disableUser, enrolTotp, totpCode } from '../../services/accounts.service.js';
import { buildServer } from '../app.js';

for (const target of storeTargets()) {
  describe(`session API: login, whoami, logout (${target.name})`, () => {
    let world: ApiWorld;
    before(async () => {
      world = await apiWorld(target, { corpus: false });
    });
    after(async () => {
      await world.close();
      await target.cleanup();
    });

    it('logs in with a password and sets an HttpOnly, SameSite=Strict session cookie', async () => {
      const { response, session } = await login(world.app, 'analyst1');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.user).toEqual({ username: 'analyst1', role: 'analyst' });
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const cookie = response.cookies.find((candidate) => candidate.name === SESSION_COOKIE)!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookie.secure).toBeFalsy();
      expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Only a hash of the token is stored.
      const raw = JSON.stringify(await world.store.sessions.get(cookie.value));
      expect(raw).toBe('null');
      const whoami = await world.app.inject({ method: 'GET', url: '/api/session', headers: headersOf(session!, false) });
      expect(whoami.json()).toMatchObject({ user: { username: 'analyst1', role: 'analyst' }, csrfToken: body.csrfToken });
    });

    it('marks the cookie Secure over https or behind a TLS proxy', async () => {
      const app = await buildServer({ store: world.store, logLevel: 'silent', webRoot: null, secureCookies: true });
      try {
        const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'viewer1', password: PASSWORD } });
        expect(response.cookies.find((candidate) => candidate.name === SESSION_COOKIE)!.secure).toBe(true);
      } finally {
        await app.close();
      }
    });

    it('answers a wrong password, an unknown name and a disabled account alike with 401', async () => {
      await addUser(world.store, { username: 'leaver', role: 'analyst', password: PASSWORD, actor: 'test' }, TEST_COST);
      const { session } = await login(world.app, 'leaver');
      await disableUser(world.store, 'leaver', 'test');
      const answers = await Promise.all([login(world.app, 'analyst1', 'wrong password!!'), login(world.app, 'nobody'), login(world.app, 'leaver')]);
      for (const { response } of answers) {
        expect(response.statusCode).toBe(401);
        expect(response.json()).toEqual({ error: 'wrong user name, password or code' });
        expect(response.cookies).toHaveLength(0);
      }
      // Disabling ended the session that was open.
      expect((await world.app.inject({ method: 'GET', url: '/api/session', headers: headersOf(session!, false) })).statusCode).toBe(401);
    });

    it('needs a fresh TOTP code once one is enrolled, and refuses a code used twice', async () => {
      await addUser(world.store, { username: 'careful', role: 'admin', password: PASSWORD, actor: 'test' }, TEST_COST);
      const { uri, secret } = await enrolTotp(world.store, 'careful', 'test');
      expect(uri).toMatch(/^otpauth:\/\/totp\/Chronicle:careful\?/);
      expect((await login(world.app, 'careful')).response.statusCode).toBe(401);
      const code = totpCode('careful', secret);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      expect((await login(world.app, 'careful', PASSWORD, wrong)).response.statusCode).toBe(401);
      expect((await login(world.app, 'careful', PASSWORD, code)).response.statusCode).toBe(200);
      expect((await login(world.app, 'careful', PASSWORD, code)).response.statusCode).toBe(401);
      const badShape = await world.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'careful', password: PASSWORD, totp: '12ab56' } });
      expect(badShape.statusCode).toBe(400);
      expect(badShape.json().error).toMatch(/totp: a TOTP code is 6 digits/);
    });

    it('throttles a name after five failures, whatever the password', async () => {
      await addUser(world.store, { username: 'target', role: 'viewer', password: PASSWORD, actor: 'test' }, TEST_COST);
      for (let attempt = 0; attempt < 5; attempt++) expect((await login(world.app, 'target', `guess number ${attempt}!`)).response.statusCode).toBe(401);
      const locked = await login(world.app, 'target');
      expect(locked.response.statusCode).toBe(429);
      expect(Number(locked.response.headers['retry-after'])).toBeGreaterThan(0);
      // Other names are not affected.
      expect((await login(world.app, 'viewer1')).response.statusCode).toBe(200);
    });

    it('takes logins only as JSON, and says which field is wrong', async () => {
      const form = await world.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'text/plain' }, payload: 'username=viewer1' });
      expect(form.statusCode).toBe(400);
      const missing = await world.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'viewer1' } });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error).toMatch(/password/);
      const wrongType = await world.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'viewer1', password: 12 } });
      expect(wrongType.statusCode).toBe(400);
      expect(wrongType.json().error).toMatch(/password/);
    });

    it('logs out with the CSRF token; the cookie is cleared and the session ends', async () => {
      const { session } = await login(world.app, 'viewer1');
      const refused = await world.app.inject({ method: 'DELETE', url: '/api/session', headers: headersOf(session!, false) });
      expect(refused.statusCode).toBe(403);
      const out = await world.app.inject({ method: 'DELETE', url: '/api/session', headers: headersOf(session!) });
      expect(out.statusCode).toBe(204);
      const cleared = out.cookies.find((candidate) => candidate.name === SESSION_COOKIE)!;
      expect(cleared.value).toBe('');
      expect((await world.app.inject({ method: 'GET', url: '/api/session', headers: headersOf(session!, false) })).statusCode).toBe(401);
    });

    it('answers whoami without a session with 401', async () => {
      const response = await world.app.inject({ method: 'GET', url: '/api/session' });
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toMatch(/log in/);
    });
  });
}
