import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/model/api.js';
import type { Role } from '../src/model/user.js';
import { buildServer, type ChronicleServer } from '../src/server/app.js';
import { LoginThrottle } from '../src/server/auth/login-throttle.js';
import { addUser } from '../src/services/accounts.service.js';
import { regroupIncidents } from '../src/services/incidents.service.js';
import { ingestPaths } from '../src/services/ingest.service.js';
import { Store } from '../src/store/store.js';
import type { StoreTarget } from './store-targets.js';

export const CORPUS = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'examples', 'corpus');

/** Cheap Argon2id for tests only (the real cost is in src/services/password.ts). */
export const TEST_COST = { opsLimit: 1, memLimit: 8 * 1024 * 1024 };
export const PASSWORD = 'correct horse battery staple';

/** Text that would run as code if any layer treated document text as HTML. */
export const HOSTILE_TEXT = [
  'Report on detentions in Grozny.',
  'Police detained 12 people, according to activists. <script>alert("xss")</script>',
  '<img src=x onerror="alert(1)"> and <a href="javascript:alert(2)">a link</a>.',
].join('\n');

export interface LoggedIn {
  cookie: string;
  csrf: string;
}

export interface ApiWorld {
  store: Store;
  app: ChronicleServer;
  /** One logged-in session per role. */
  as: Record<Role, LoggedIn>;
  hostileId: string;
  close(): Promise<void>;
}

/** Log in through the API and keep the session cookie and CSRF token. */
export async function login(app: ChronicleServer, username: string, password = PASSWORD, totp?: string): Promise<{ response: LightMyRequestResponse; session: LoggedIn | null }> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password, ...(totp ? { totp } : {}) } });
  if (response.statusCode !== 200) return { response, session: null };
  const cookie = response.cookies.find((candidate) => candidate.name === SESSION_COOKIE);
  return { response, session: { cookie: `${SESSION_COOKIE}=${cookie?.value ?? ''}`, csrf: response.json().csrfToken as string } };
}

/** Headers of a request made in a session (with its CSRF token unless told not to). */
export function headersOf(session: LoggedIn, csrf = true): Record<string, string> {
  return { cookie: session.cookie, ...(csrf ? { [CSRF_HEADER]: session.csrf } : {}) };
}

/**
 * A store on `target` with the sample corpus and one hostile document captured, incidents grouped,
 * one account per role logged in, and the server on it.
 */
export async function apiWorld(target: StoreTarget, options: { corpus?: boolean } = {}): Promise<ApiWorld> {
  const store = await Store.open(await target.create());
  const folder = mkdtempSync(join(tmpdir(), 'chronicle-api-'));
  writeFileSync(join(folder, 'hostile-report.txt'), HOSTILE_TEXT);
  await ingestPaths(store, options.corpus === false ? [folder] : [CORPUS, folder], { actor: 'test' });
  await regroupIncidents(store);
  const hostile = (await store.documents.list({ limit: 1000 })).documents.find((document) => document.origin.endsWith('hostile-report.txt'));
  if (!hostile) throw new Error('hostile document not captured');
  const app = await buildServer({ store, logLevel: 'silent', webRoot: null, loginThrottle: new LoginThrottle() });
  await app.ready();
  const as = {} as Record<Role, LoggedIn>;
  for (const role of ['viewer', 'analyst', 'admin'] as const) {
    await addUser(store, { username: `${role}1`, role, password: PASSWORD, actor: 'test' }, TEST_COST);
    const { session, response } = await login(app, `${role}1`);
    if (!session) throw new Error(`login as ${role}1 failed: ${response.body}`);
    as[role] = session;
  }
  return {
    store,
    app,
    as,
    hostileId: hostile.id,
    async close() {
      await app.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
