import type {} from '@fastify/cookie';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../../model/api.js';
import { roleAllows, type Role, type User } from '../../model/user.js';
import { resumeSession } from '../../services/sessions.service.js';
import type { Store } from '../../store/store.js';

/** Who may call a route: anyone ('public'), or a logged-in account with at least this role. */
export type Access = 'public' | Role;

/** The logged-in account of a request, with what its session lets it prove. */
export interface RequestAccount {
  user: User;
  /** The session's secret (from the cookie), for logout. */
  token: string;
  csrfToken: string;
  expiresAt: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Declared on every API route; routes that declare nothing need a viewer to read and an admin to change. */
    access?: Access;
  }
  interface FastifyRequest {
    account: RequestAccount | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths outside the role check: the SPA's files and the API description (no data in either). */
const openPath = (path: string) => !path.startsWith('/api/') || path === '/api/docs' || path.startsWith('/api/docs/');

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // Lengths are not secret (every token is 43 characters); the comparison of contents is constant-time.
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The one place roles are enforced. Before a request is parsed: find its session (401 without one),
 * check its role against the route's `access` (403), and for every state-changing method check the
 * session's CSRF token in the `x-csrf-token` header (403). Unknown routes fall through to a 404.
 */
export function addAccessControl(app: FastifyInstance, store: Store): void {
  app.decorateRequest('account', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '';
    if (openPath(path) || request.is404) return;
    const access: Access = request.routeOptions.config.access ?? (SAFE_METHODS.has(request.method) ? 'viewer' : 'admin');
    if (access === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resumeSession(store, token) : null;
    if (!session || !token) return reply.code(401).send({ error: 'log in first (POST /api/session); the session may have ended' });
    request.account = { user: session.user, token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    if (!roleAllows(session.user.role, access)) return reply.code(403).send({ error: `this needs the ${access} role; ${session.user.username} is a ${session.user.role}` });
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        return reply.code(403).send({ error: `missing or wrong ${CSRF_HEADER} header (send the csrfToken from GET /api/session)` });
      }
    }
  });
}

/** The account of a request that passed access control (routes with a role always have one). */
export function accountOf(request: FastifyRequest): RequestAccount {
  if (!request.account) throw new Error('route reached without a session; its access is not declared');
  return request.account;
}
