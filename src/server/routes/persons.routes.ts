import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OverlapTableError } from '../../estimate/index.js';
import {
  ApiError,
  ConfirmBody,
  EstimateQuery,
  EstimateResponse,
  PERSON_LIST_MAX_BYTES,
  PersonDecisionResult,
  PersonDetail,
  PersonExtractResult,
  PersonLinkResult,
  PersonListImported,
  PersonListQuery,
  PersonListsResponse,
  PersonListUpload,
  PersonPage,
  PersonParams,
  SplitBody,
  SplitParams,
} from '../../model/api.js';
import { PersonImportError } from '../../services/person-list-file.js';
import { confirmSamePerson, estimateFromPersons, extractPersons, importPersonList, linkPersons, personLists, PersonNotFoundError, PersonsError, showPerson, splitRecord } from '../../services/persons.service.js';
import { workspacePersons } from '../../services/workspace-views.service.js';
import { accountOf } from '../auth/access-control.js';
import { estimateView } from './estimate-view.js';
import type { RouteContext } from './route-context.js';

/** The JSON body of an upload at its largest: the file in base64 plus room for the other fields. */
const UPLOAD_BODY_LIMIT = Math.ceil(PERSON_LIST_MAX_BYTES / 3) * 4 + 64 * 1024;
const MIB = 1024 * 1024;

/**
 * Carry out one service call and turn its refusals into answers: 404 for a list, person or record
 * that does not exist, 400 (with the service's message, as the CLI shows it) for the rest.
 */
async function refusalsAsAnswers<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PersonNotFoundError) return reply.code(404).send({ error: error.message });
    if (error instanceof PersonsError || error instanceof PersonImportError || error instanceof OverlapTableError) return reply.code(400).send({ error: error.message });
    throw error;
  }
}

const readErrors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
const changeErrors = { ...readErrors };

/** Person lists (upload, list), linked persons (list, show), linkage, extraction, analysts' decisions, and estimates. */
export function personsRoutes(app: FastifyInstance, { store }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/person-lists', { config: { access: 'viewer' }, schema: { tags: ['persons'], summary: 'Person lists with their kind and record counts', response: { 200: PersonListsResponse, 401: ApiError } } }, async () => ({
    lists: await personLists(store),
  }));

  api.post(
    '/api/person-lists',
    {
      config: { access: 'analyst' },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags: ['persons'],
        summary: `Import a list file (CSV, base64 in JSON, at most ${PERSON_LIST_MAX_BYTES / MIB} MiB) as a named list`,
        description: 'The same bytes again under the same name answer 200 with status "already_imported" and change nothing; a new list answers 201.',
        body: PersonListUpload,
        response: { 200: PersonListImported, 201: PersonListImported, ...changeErrors, 413: ApiError },
      },
    },
    async (request, reply) => {
      const { source, fileName, content, map, id } = request.body;
      const bytes = Buffer.from(content, 'base64');
      if (bytes.length > PERSON_LIST_MAX_BYTES) return reply.code(413).send({ error: `${fileName}: ${(bytes.length / MIB).toFixed(1)} MiB is over the ${PERSON_LIST_MAX_BYTES / MIB} MiB an upload may hold; import it with chronicle persons import` });
      return refusalsAsAnswers(reply, async () => {
        const outcome = await importPersonList(store, { bytes, shownAs: fileName, source, ...(map?.length ? { map } : {}), ...(id !== undefined ? { id } : {}), actor: accountOf(request).user.username });
        return reply.code(outcome.status === 'imported' ? 201 : 200).send({ status: outcome.status, list: outcome.list, encoding: outcome.status === 'imported' ? outcome.encoding : null });
      });
    },
  );

  api.get(
    '/api/persons',
    { config: { access: 'viewer' }, schema: { tags: ['persons'], summary: 'Linked persons, each with its spellings and lists; by page, optionally only those on one list', querystring: PersonListQuery, response: { 200: PersonPage, ...readErrors } } },
    async (request, reply) => {
      const { limit, offset, list } = request.query;
      return refusalsAsAnswers(reply, async () => {
        const listing = await workspacePersons(store, list);
        return { persons: listing.persons.slice(offset, offset + limit), total: listing.persons.length, unlinked: listing.unlinked };
      });
    },
  );

  api.get(
    '/api/persons/:id',
    { config: { access: 'viewer' }, schema: { tags: ['persons'], summary: 'One person (psn_…, or the person of a record per_…): every record, its lists, and the decisions about them', params: PersonParams, response: { 200: PersonDetail, ...readErrors } } },
    async (request, reply) => refusalsAsAnswers(reply, () => showPerson(store, request.params.id)),
  );

  api.post(
    '/api/persons/link',
    { config: { access: 'analyst' }, schema: { tags: ['persons'], summary: 'Link every stored record into persons, analysts\u2019 decisions applied', response: { 200: PersonLinkResult, ...changeErrors } } },
    async (request, reply) => refusalsAsAnswers(reply, () => linkPersons(store, accountOf(request).user.username)),
  );

  api.post(
    '/api/persons/extract',
    { config: { access: 'analyst' }, schema: { tags: ['persons'], summary: 'Persons named in live documents become records of the "documents" list', response: { 200: PersonExtractResult, ...changeErrors } } },
    async (request, reply) => refusalsAsAnswers(reply, () => extractPersons(store, accountOf(request).user.username)),
  );

  api.post(
    '/api/persons/confirm',
    { config: { access: 'analyst' }, schema: { tags: ['persons'], summary: 'Two records (or persons) are one person; holds across re-links', body: ConfirmBody, response: { 200: PersonDecisionResult, ...changeErrors } } },
    async (request, reply) => {
      const [first, second] = request.body.records;
      return refusalsAsAnswers(reply, () => confirmSamePerson(store, first, second, accountOf(request).user.username, request.body.note));
    },
  );

  api.post(
    '/api/persons/:recordId/split',
    { config: { access: 'analyst' }, schema: { tags: ['persons'], summary: 'A record is not the person it was linked to; it stands alone across re-links', params: SplitParams, body: SplitBody, response: { 200: PersonDecisionResult, ...changeErrors } } },
    async (request, reply) => refusalsAsAnswers(reply, () => splitRecord(store, request.params.recordId, accountOf(request).user.username, request.body?.note ?? undefined)),
  );

  api.get(
    '/api/estimates',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['estimates'],
        summary: 'Multiple systems estimate from the overlap of linked lists, pooled or per stratum',
        description: 'When the data cannot support an estimate (one list, lists that do not overlap, no model fits) the answer is 200 with `estimate: null` and `problems` saying why.',
        querystring: EstimateQuery,
        response: { 200: EstimateResponse, ...readErrors },
      },
    },
    async (request, reply) => {
      const { lists, strata, model } = request.query;
      return refusalsAsAnswers(reply, async () => estimateView(await estimateFromPersons(store, { lists, ...(strata !== undefined ? { strata } : {}), ...(model !== undefined ? { model } : {}) })));
    },
  );
}
