import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError, IncidentDetail, IncidentList, IncidentParams, RegroupResponse } from '../../model/api.js';
import type { DocumentRef as IncidentDocument, IncidentView } from '../../services/incidents.service.js';
import { regroupForWorkspace, workspaceIncidents } from '../../services/workspace-views.service.js';
import type { RouteContext } from './route-context.js';

const documentRef = (document: IncidentDocument, titles: ReadonlyMap<string, string | null>) => ({
  id: document.id,
  sha256: document.sha256,
  title: titles.get(document.id) ?? null,
  origin: document.origin,
  source: document.source,
  publishedAt: document.publishedAt,
});

/** An incident's list entry: what, where, when, how widely reported, and its figure ranges. */
export function incidentSummary(incident: IncidentView) {
  return {
    id: incident.id,
    title: incident.title,
    types: incident.types,
    places: incident.places,
    start: incident.start,
    end: incident.end,
    documents: incident.documents,
    independentSources: incident.independent_sources,
    figures: incident.summary.map((item) => ({ what: item.what, low: item.low, high: item.high, differ: item.differ, conflict: item.conflict, independentSources: item.independentSources })),
  };
}

/** Incidents: the list, one incident with its figures side by side and its acts in time order, and regrouping. */
export function incidentsRoutes(app: FastifyInstance, { store }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/incidents', { config: { access: 'viewer' }, schema: { tags: ['incidents'], summary: 'Incidents, as last grouped', response: { 200: IncidentList } } }, async () => ({
    incidents: (await workspaceIncidents(store)).incidents.map(incidentSummary),
  }));

  api.get(
    '/api/incidents/:id',
    { config: { access: 'viewer' }, schema: { tags: ['incidents'], summary: 'One incident: figures from each source side by side, acts timeline', params: IncidentParams, response: { 200: IncidentDetail, 404: ApiError } } },
    async (request, reply) => {
      const incident = (await workspaceIncidents(store)).byId.get(request.params.id);
      if (!incident) return reply.code(404).send({ error: `no incident has id ${request.params.id} (GET /api/incidents lists them)` });
      const citations = await store.documents.refs([...incident.figures.map((figure) => figure.document.id), ...incident.acts.map((act) => act.document.id)]);
      const titles = new Map([...citations].map(([id, citation]) => [id, citation.title]));
      const summary = incidentSummary(incident);
      return {
        ...summary,
        figures: summary.figures.map((range) => ({
          ...range,
          statements: incident.figures
            .filter((figure) => figure.what === range.what)
            .map((figure) => ({
              claim: figure.claim,
              status: figure.status,
              value: figure.value,
              max: figure.max,
              bound: figure.bound,
              document: documentRef(figure.document, titles),
              start: figure.start,
              end: figure.end,
              quote: figure.quote,
              attributedTo: figure.attributed_to,
              origins: figure.origins,
            })),
        })),
        timeline: incident.acts
          .map((act) => ({ claim: act.claim, status: act.status, type: act.type, date: act.date, document: documentRef(act.document, titles), start: act.start, end: act.end, quote: act.quote, attributedTo: act.attributed_to }))
          .sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || (a.document.publishedAt ?? '').localeCompare(b.document.publishedAt ?? '') || a.start - b.start),
      };
    },
  );

  api.post(
    '/api/incidents/regroup',
    { config: { access: 'analyst' }, schema: { tags: ['incidents'], summary: 'Regroup every live act and figure into incidents now', response: { 200: RegroupResponse, 401: ApiError, 403: ApiError } } },
    async () => ({ incidents: await regroupForWorkspace(store) }),
  );
}
