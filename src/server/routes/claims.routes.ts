import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AcceptBody, ApiError, ClaimDetail, ClaimParams, EditBody, RejectBody, ReviewQueue, ReviewQueueQuery, ReviewResponse } from '../../model/api.js';
import { claimInContext, reviewQueue, type ClaimInContext } from '../../services/claims.service.js';
import { reviewClaim, ReviewError, type ReviewRequest } from '../../services/review.service.js';
import { ClaimConflictError } from '../../store/claim.repository.js';
import { accountOf } from '../auth/access-control.js';
import { claimView } from './claim-view.js';
import type { RouteContext } from './route-context.js';

const inContextView = (entry: ClaimInContext) => ({ ...claimView(entry.claim, entry.attribution), document: entry.document, citedBy: entry.citedBy });

/** The review queue, one claim, and reviews (accept, reject, edit) recorded under the logged-in user. */
export function claimsRoutes(app: FastifyInstance, { store }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/claims/queue',
    { config: { access: 'viewer' }, schema: { tags: ['claims'], summary: 'Proposed claims awaiting review', querystring: ReviewQueueQuery, response: { 200: ReviewQueue, 400: ApiError } } },
    async (request) => {
      const { limit, offset, order, kind } = request.query;
      const page = await reviewQueue(store, { limit, offset, order, ...(kind ? { kind } : {}) });
      return { claims: page.claims.map(inContextView), total: page.total };
    },
  );

  api.get('/api/claims/:id', { config: { access: 'viewer' }, schema: { tags: ['claims'], summary: 'One claim with its document', params: ClaimParams, response: { 200: ClaimDetail, 404: ApiError } } }, async (request, reply) => {
    const found = await claimInContext(store, request.params.id);
    if (!found) return reply.code(404).send({ error: `no claim has id ${request.params.id}` });
    return { claim: inContextView(found) };
  });

  /** Run a review and turn what can go wrong into 404 (no claim), 409 (someone was first) or 400. */
  const review = async (reply: FastifyReply, request: ReviewRequest) => {
    try {
      const claim = await reviewClaim(store, request);
      const attributions = claim.attributionId ? await store.claims.attributionsOf(claim.span.documentId) : null;
      return { claim: claimView(claim, claim.attributionId ? (attributions?.get(claim.attributionId) ?? null) : null) };
    } catch (error) {
      if (error instanceof ClaimConflictError) return reply.code(409).send({ error: error.message });
      if (error instanceof ReviewError) return reply.code(error.message.startsWith('no claim has id') ? 404 : 400).send({ error: error.message });
      throw error;
    }
  };
  const responses = { 200: ReviewResponse, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

  api.post('/api/claims/:id/accept', { config: { access: 'analyst' }, schema: { tags: ['claims'], summary: 'Accept a claim', params: ClaimParams, body: AcceptBody, response: responses } }, async (request, reply) =>
    review(reply, { action: 'accept', claimId: request.params.id, expectedVersion: request.body.version, reviewer: accountOf(request).user.username, ...(request.body.note ? { note: request.body.note } : {}) }),
  );

  api.post('/api/claims/:id/reject', { config: { access: 'analyst' }, schema: { tags: ['claims'], summary: 'Reject a claim', params: ClaimParams, body: RejectBody, response: responses } }, async (request, reply) =>
    review(reply, { action: 'reject', claimId: request.params.id, expectedVersion: request.body.version, reviewer: accountOf(request).user.username, ...(request.body.note ? { note: request.body.note } : {}) }),
  );

  api.post('/api/claims/:id/edit', { config: { access: 'analyst' }, schema: { tags: ['claims'], summary: 'Correct a claim (value, type or span)', params: ClaimParams, body: EditBody, response: responses } }, async (request, reply) => {
    const { version, value, property, span, note } = request.body;
    return review(reply, {
      action: 'edit',
      claimId: request.params.id,
      expectedVersion: version,
      reviewer: accountOf(request).user.username,
      ...(value !== undefined ? { value } : {}),
      ...(property !== undefined ? { property } : {}),
      ...(span !== undefined ? { span } : {}),
      ...(note ? { note } : {}),
    });
  });
}
