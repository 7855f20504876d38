import type { FastifyInstance } from 'fastify';
import { noteStoreChanged } from '../../services/workspace-views.service.js';
import { claimsRoutes } from './claims.routes.js';
import { documentsRoutes } from './documents.routes.js';
import { entitiesRoutes } from './entities.routes.js';
import { incidentsRoutes } from './incidents.routes.js';
import { overviewRoutes } from './overview.routes.js';
import { personsRoutes } from './persons.routes.js';
import type { RouteContext } from './route-context.js';
import { searchRoutes } from './search.routes.js';
import { sessionRoutes } from './session.routes.js';
import { usersRoutes } from './users.routes.js';

/**
 * Every resource of the workspace API, one file each. Each route declares its `access` (see
 * ../auth/access-control.ts). Person lists, linked persons, linkage runs, decisions and estimates
 * (/api/person-lists, /api/persons, /api/estimates) are persons.routes.ts.
 */
const resources = [sessionRoutes, overviewRoutes, documentsRoutes, searchRoutes, claimsRoutes, incidentsRoutes, entitiesRoutes, usersRoutes, personsRoutes];

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerApiRoutes(app: FastifyInstance, context: RouteContext): void {
  // A change made through the API shows in the next read at once: cached views are dropped before
  // the answer leaves, so the SPA's follow-up request cannot see the old state.
  app.addHook('onSend', async (request, reply, payload) => {
    // Logging in and out touch only sessions, which no view shows.
    if (CHANGES.has(request.method) && reply.statusCode < 400 && request.url.startsWith('/api/') && !request.url.startsWith('/api/session')) noteStoreChanged(context.store);
    return payload;
  });
  for (const register of resources) register(app, context);
}
