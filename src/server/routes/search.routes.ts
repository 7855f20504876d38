import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError, SearchQueryParams, SearchResponse, type SnippetPart } from '../../model/api.js';
import { SearchQueryError } from '../../search/search-query.js';
import type { Snippet } from '../../search/snippet.js';
import { searchDocuments } from '../../services/search.service.js';
import type { RouteContext } from './route-context.js';

/** A snippet as plain-text parts, matched words marked: the client never parses markup. */
export function snippetParts(snippet: Snippet): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const { start, end } of [...snippet.highlights].sort((a, b) => a.start - b.start)) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push({ text: snippet.text.slice(at, start), hit: false });
    parts.push({ text: snippet.text.slice(start, end), hit: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), hit: false });
  return parts;
}

/** Ranked full-text search with highlighted passages. */
export function searchRoutes(app: FastifyInstance, { store }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/search',
    { config: { access: 'viewer' }, schema: { tags: ['documents'], summary: 'Search documents; snippets come as plain-text parts', querystring: SearchQueryParams, response: { 200: SearchResponse, 400: ApiError } } },
    async (request, reply) => {
      try {
        const { results, truncated } = await searchDocuments(store, request.query.q, request.query.limit);
        const sources = new Map((await store.sources.list()).map((source) => [source.id, source.name]));
        return {
          truncated,
          results: results.map((result) => ({
            id: result.id,
            sha256: result.sha256,
            title: result.title,
            origin: result.origin,
            source: result.sourceId ? (sources.get(result.sourceId) ?? null) : null,
            publishedAt: result.publishedAt,
            language: result.language,
            score: result.score,
            snippet: snippetParts(result.snippet),
          })),
        };
      } catch (error) {
        if (error instanceof SearchQueryError) return reply.code(400).send({ error: error.message });
        throw error;
      }
    },
  );
}
