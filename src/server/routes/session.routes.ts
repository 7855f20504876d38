import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, LoginBody, SessionInfo } from '../../model/api.js';
import { authenticate } from '../../services/accounts.service.js';
import { closeSession, openSession } from '../../services/sessions.service.js';
import { accountOf } from '../auth/access-control.js';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.js';
import type { RouteContext } from './route-context.js';

const WRONG = 'wrong user name, password or code';

/** Login, whoami and logout. */
export function sessionRoutes(app: FastifyInstance, context: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store, throttle } = context;

  api.post(
    '/api/session',
    {
      config: { access: 'public' },
      schema: { tags: ['session'], summary: 'Log in (sets the session cookie)', body: LoginBody, response: { 200: SessionInfo, 401: ApiError, 415: ApiError, 429: ApiError } },
    },
    async (request, reply) => {
      // Only JSON: a form on another site cannot send it without the browser asking us first.
      if (!request.headers['content-type']?.toLowerCase().startsWith('application/json')) return reply.code(415).send({ error: 'send the login as application/json' });
      const { username, password, totp } = request.body;
      const wait = throttle.waitFor(username);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        return reply.code(429).header('retry-after', String(seconds)).send({ error: `too many failed logins; try again in ${seconds} s` });
      }
      const user = await authenticate(store, { username, password, totp });
      if (!user) {
        throttle.failed(username);
        return reply.code(401).send({ error: WRONG });
      }
      throttle.succeeded(username);
      const session = await openSession(store, user);
      setSessionCookie(request, reply, session.token, session.expiresAt, context.secureCookies);
      return { user: { username: user.username, role: user.role }, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  api.get('/api/session', { config: { access: 'viewer' }, schema: { tags: ['session'], summary: 'Who is logged in, and the CSRF token', response: { 200: SessionInfo, 401: ApiError } } }, async (request) => {
    const account = accountOf(request);
    return { user: { username: account.user.username, role: account.user.role }, csrfToken: account.csrfToken, expiresAt: account.expiresAt };
  });

  api.delete('/api/session', { config: { access: 'viewer' }, schema: { tags: ['session'], summary: 'Log out', response: { 204: z.null(), 401: ApiError, 403: ApiError } } }, async (request, reply) => {
    await closeSession(store, accountOf(request).token);
    clearSessionCookie(request, reply, context.secureCookies);
    return reply.code(204).send(null);
  });
}
