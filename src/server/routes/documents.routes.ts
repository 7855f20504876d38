import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError, DocumentDetail, DocumentList, DocumentListQuery, DocumentParams, SourceList } from '../../model/api.js';
import { documentWithClaims, listDocuments, listSources } from '../../services/documents.service.js';
import { claimView } from './claim-view.js';
import type { RouteContext } from './route-context.js';

/** Sources, the document list and one document with its claims. */
export function documentsRoutes(app: FastifyInstance, { store }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/sources', { config: { access: 'viewer' }, schema: { tags: ['documents'], summary: 'Sources and how many documents each supplied', response: { 200: SourceList } } }, async () => ({
    sources: await listSources(store),
  }));

  api.get(
    '/api/documents',
    { config: { access: 'viewer' }, schema: { tags: ['documents'], summary: 'Documents in capture order, a page at a time', querystring: DocumentListQuery, response: { 200: DocumentList, 400: ApiError } } },
    async (request) => {
      const { source, language, from, to, limit, cursor } = request.query;
      const page = await listDocuments(store, {
        limit,
        ...(cursor !== undefined ? { afterSeq: Number(cursor) } : {}),
        ...(source !== undefined ? { sourceId: source } : {}),
        ...(language !== undefined ? { language } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      });
      return {
        documents: page.documents.map((document) => ({
          id: document.id,
          sha256: document.sha256,
          title: document.title,
          origin: document.origin,
          sourceId: document.sourceId,
          source: document.sourceName,
          publishedAt: document.publishedAt,
          capturedAt: document.capturedAt,
          language: document.language,
          mediaType: document.mediaType,
          size: document.size,
        })),
        nextCursor: page.next === null ? null : String(page.next),
      };
    },
  );

  api.get(
    '/api/documents/:id',
    { config: { access: 'viewer' }, schema: { tags: ['documents'], summary: 'One document: its text and every claim on it', params: DocumentParams, response: { 200: DocumentDetail, 404: ApiError } } },
    async (request, reply) => {
      const found = await documentWithClaims(store, request.params.id);
      if (!found) return reply.code(404).send({ error: `no document has id ${request.params.id}` });
      const { document } = found;
      return {
        document: {
          id: document.id,
          sha256: document.sha256,
          title: document.title,
          origin: document.origin,
          sourceId: document.sourceId,
          source: found.sourceName,
          publishedAt: document.publishedAt,
          capturedAt: document.capturedAt,
          language: document.language,
          mediaType: document.mediaType,
          size: document.size,
          author: document.author,
          canonicalUrl: document.canonicalUrl,
          warnings: document.warnings,
          text: document.text,
        },
        claims: found.claims.map(({ claim, attribution }) => claimView(claim, attribution)),
      };
    },
  );
}
