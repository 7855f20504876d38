import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Overview } from '../../model/api.js';
import { workspaceOverview } from '../../services/workspace-views.service.js';
import { incidentSummary } from './incidents.routes.js';
import type { RouteContext } from './route-context.js';

/** The overview page: counts, acts per month by type, figures by incident, incidents on a time line. */
export function overviewRoutes(app: FastifyInstance, { store }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/overview', { config: { access: 'viewer' }, schema: { tags: ['overview'], summary: 'Aggregates across the store', response: { 200: Overview } } }, async () => {
    const overview = await workspaceOverview(store);
    return {
      counts: overview.counts,
      actsByMonth: overview.actsByMonth,
      figuresByIncident: overview.incidents.filter((incident) => incident.summary.length > 0).map((incident) => ({ incident: incident.id, title: incident.title, figures: incidentSummary(incident).figures })),
      timeline: overview.incidents
        .filter((incident): incident is typeof incident & { start: string } => incident.start !== null)
        .map((incident) => ({ incident: incident.id, title: incident.title, start: incident.start, end: incident.end, types: incident.types, documents: incident.documents }))
        .sort((a, b) => a.start.localeCompare(b.start)),
    };
  });
}
