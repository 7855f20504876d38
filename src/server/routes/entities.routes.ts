import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError, EntityDetail, EntityList, EntityListQuery, EntityParams } from '../../model/api.js';
import { EntityKind } from '../../model/entity.js';
import { nameKey, type EntityView } from '../../resolve/entities/entity-index.js';
import { workspaceEntities, workspaceEntity } from '../../services/workspace-views.service.js';
import type { RouteContext } from './route-context.js';

const summary = (entity: EntityView) => ({ kind: EntityKind.parse(entity.kind), name: entity.name, aliases: entity.aliases, documents: entity.documents, mentions: entity.mentions.length });

/** Entities across documents: the list and one entity with every mention. */
export function entitiesRoutes(app: FastifyInstance, { store }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/entities',
    { config: { access: 'viewer' }, schema: { tags: ['entities'], summary: 'Persons, organisations, places and groups across documents', querystring: EntityListQuery, response: { 200: EntityList, 400: ApiError } } },
    async (request) => {
      const { kind, q, limit, offset } = request.query;
      const wanted = q ? nameKey(q) : '';
      const entities = (await workspaceEntities(store)).filter(
        (entity) => EntityKind.safeParse(entity.kind).success && (!kind || entity.kind === kind) && (!wanted || [entity.name, ...entity.aliases].some((name) => nameKey(name).includes(wanted))),
      );
      return { entities: entities.slice(offset, offset + limit).map(summary), total: entities.length };
    },
  );

  api.get(
    '/api/entities/:kind/:name',
    { config: { access: 'viewer' }, schema: { tags: ['entities'], summary: 'One entity (by kind and name or alias) with every mention', params: EntityParams, response: { 200: EntityDetail, 404: ApiError } } },
    async (request, reply) => {
      const found = await workspaceEntity(store, request.params.kind, request.params.name);
      if (!found) return reply.code(404).send({ error: `no ${request.params.kind} is named "${request.params.name}" (GET /api/entities lists them)` });
      const { entity, documents } = found;
      return {
        ...summary(entity),
        mentionList: entity.mentions.map((mention) => {
          const document = documents.get(mention.documentId);
          return {
            claim: mention.claimId,
            document: document ?? { id: mention.documentId, sha256: '', title: null, origin: '', source: null, publishedAt: null },
            start: mention.start,
            end: mention.end,
            quote: mention.quote,
            name: mention.canonical,
          };
        }),
      };
    },
  );
}
