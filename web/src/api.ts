import type {
  AcceptBody,
  ConfirmBody,
  DocumentDetail,
  DocumentList,
  EditBody,
  EntityDetail,
  EntityList,
  EstimateResponse,
  IncidentDetail,
  IncidentList,
  LoginBody,
  Overview,
  PersonDecisionResult,
  PersonDetail,
  PersonExtractResult,
  PersonLinkResult,
  PersonListsResponse,
  PersonPage,
  ReviewQueue,
  SearchResponse,
  SessionInfo,
  SourceList,
} from '../../src/model/api.js';
import type { ClaimView } from '../../src/model/api.js';

// The wire format is declared once, in src/model/api.ts; only its types are imported here, so the
// bundle carries no schema code. The server validates everything it receives and sends.

/** The CSRF header name (src/model/api.ts CSRF_HEADER); a type check keeps the two equal. */
const CSRF_HEADER: typeof import('../../src/model/api.js').CSRF_HEADER = 'x-csrf-token';

/** An answer other than 2xx: the server's one-sentence message and the status. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Called when a request finds the session gone (401): the app shows the login page again. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    ...(signal ? { signal } : {}),
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (response.status === 401 && onUnauthorized && !(method === 'POST' && path === '/api/session')) onUnauthorized();
    const message = payload && typeof payload === 'object' && 'error' in payload && typeof payload.error === 'string' ? payload.error : `HTTP ${response.status}`;
    throw new ApiFailure(response.status, message);
  }
  return payload as T;
}

const get = <T,>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', withQuery(path, query), undefined, signal);
const enc = encodeURIComponent;

/** Every route the workspace uses, in one place (docs/API.md lists them with their roles). */
export const api = {
  async login(body: LoginBody): Promise<SessionInfo> {
    const session = await request<SessionInfo>('POST', '/api/session', body);
    csrfToken = session.csrfToken;
    return session;
  },
  async whoami(): Promise<SessionInfo> {
    const session = await request<SessionInfo>('GET', '/api/session');
    csrfToken = session.csrfToken;
    return session;
  },
  async logout(): Promise<void> {
    await request<void>('DELETE', '/api/session');
    csrfToken = null;
  },
  sources: (signal?: AbortSignal) => get<SourceList>('/api/sources', {}, signal),
  documents: (query: Query, signal?: AbortSignal) => get<DocumentList>('/api/documents', query, signal),
  document: (id: string, signal?: AbortSignal) => get<DocumentDetail>(`/api/documents/${enc(id)}`, {}, signal),
  search: (q: string, signal?: AbortSignal) => get<SearchResponse>('/api/search', { q, limit: 50 }, signal),
  queue: (query: Query, signal?: AbortSignal) => get<ReviewQueue>('/api/claims/queue', query, signal),
  accept: (id: string, body: AcceptBody) => request<{ claim: ClaimView }>('POST', `/api/claims/${enc(id)}/accept`, body),
  reject: (id: string, body: AcceptBody) => request<{ claim: ClaimView }>('POST', `/api/claims/${enc(id)}/reject`, body),
  edit: (id: string, body: EditBody) => request<{ claim: ClaimView }>('POST', `/api/claims/${enc(id)}/edit`, body),
  incidents: (signal?: AbortSignal) => get<IncidentList>('/api/incidents', {}, signal),
  incident: (id: string, signal?: AbortSignal) => get<IncidentDetail>(`/api/incidents/${enc(id)}`, {}, signal),
  entities: (query: Query, signal?: AbortSignal) => get<EntityList>('/api/entities', query, signal),
  entity: (kind: string, name: string, signal?: AbortSignal) => get<EntityDetail>(`/api/entities/${enc(kind)}/${enc(name)}`, {}, signal),
  overview: (signal?: AbortSignal) => get<Overview>('/api/overview', {}, signal),
  personLists: (signal?: AbortSignal) => get<PersonListsResponse>('/api/person-lists', {}, signal),
  persons: (query: Query, signal?: AbortSignal) => get<PersonPage>('/api/persons', query, signal),
  person: (id: string, signal?: AbortSignal) => get<PersonDetail>(`/api/persons/${enc(id)}`, {}, signal),
  linkPersons: () => request<PersonLinkResult>('POST', '/api/persons/link'),
  extractPersons: () => request<PersonExtractResult>('POST', '/api/persons/extract'),
  confirmPersons: (body: ConfirmBody) => request<PersonDecisionResult>('POST', '/api/persons/confirm', body),
  splitRecord: (recordId: string, note?: string) => request<PersonDecisionResult>('POST', `/api/persons/${enc(recordId)}/split`, note ? { note } : {}),
  estimate: (query: { lists: string[]; strata?: string }, signal?: AbortSignal) => get<EstimateResponse>('/api/estimates', { lists: query.lists.join(','), strata: query.strata }, signal),
};
