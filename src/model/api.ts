import { z } from 'zod';
import { ClaimKind, ClaimStatus } from './claim.js';
import { EntityKind } from './entity.js';
import { idSchema } from './ids.js';
import { PersonDecision, PersonListKind, PersonRecord, PersonSex } from './person.js';
import { Role } from './user.js';

/**
 * The workspace's JSON API, declared once: the server validates requests and serialises responses
 * with these schemas, and the web SPA imports the same types. Every text field is plain text taken
 * from documents and must be rendered as text, never as HTML.
 */

// ---------- shared ----------

/** Every 4xx/5xx answer: one sentence a person can act on. */
export const ApiError = z.object({ error: z.string() });
export type ApiError = z.infer<typeof ApiError>;

/** Offset paging for lists that are computed views (queue, entities). */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** A calendar date (YYYY-MM-DD) as a query filter. */
const DateFilter = z.iso.date();

/** A link to a document as views cite it. */
export const DocumentRef = z.object({
  id: z.string(),
  sha256: z.string(),
  title: z.string().nullable(),
  origin: z.string(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type DocumentRef = z.infer<typeof DocumentRef>;

// ---------- session (login, logout, whoami) ----------

export const LoginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
  /** The 6-digit TOTP code, required when the account has one enrolled. */
  totp: z.string().regex(/^\d{6}$/, 'a TOTP code is 6 digits').optional(),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const SessionUser = z.object({ username: z.string(), role: Role });
export type SessionUser = z.infer<typeof SessionUser>;

/** What login and whoami answer: the user, and the token to send as `x-csrf-token` on every change. */
export const SessionInfo = z.object({
  user: SessionUser,
  csrfToken: z.string(),
  /** When the session ends at the latest (ISO instant); idle sessions end earlier. */
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** The header a state-changing request carries the session's CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';
/** The session cookie (HttpOnly, SameSite=Strict, Secure on https). */
export const SESSION_COOKIE = 'chronicle_session';

// ---------- sources ----------

export const SourceItem = z.object({ id: z.string(), name: z.string(), kind: z.string(), documents: z.number().int() });
export const SourceList = z.object({ sources: z.array(SourceItem) });
export type SourceList = z.infer<typeof SourceList>;

// ---------- documents ----------

export const DocumentListQuery = z.object({
  /** A source id (src_…). */
  source: idSchema('source').optional(),
  /** ISO 639 code as detected at capture ("en", "ru"). */
  language: z.string().regex(/^[a-z]{2,3}$/, 'a language is a 2- or 3-letter code').optional(),
  /** Published on or after this date. */
  from: DateFilter.optional(),
  /** Published on or before this date. */
  to: DateFilter.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().regex(/^\d{1,15}$/, 'not a cursor from a previous page').optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;

export const DocumentListItem = z.object({
  id: z.string(),
  sha256: z.string(),
  title: z.string().nullable(),
  origin: z.string(),
  sourceId: z.string().nullable(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  capturedAt: z.string(),
  language: z.string().nullable(),
  mediaType: z.string(),
  size: z.number().int(),
});
export type DocumentListItem = z.infer<typeof DocumentListItem>;

export const DocumentList = z.object({
  documents: z.array(DocumentListItem),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type DocumentList = z.infer<typeof DocumentList>;

export const DocumentParams = z.object({ id: idSchema('document') });

/** A claim's attribution inside its document ("according to activists"). */
export const AttributionView = z.object({ attributedTo: z.string(), via: z.array(z.string()) });

/** A claim with its span, as the document view and the review queue show it. */
export const ClaimView = z.object({
  id: z.string(),
  documentId: z.string(),
  kind: ClaimKind,
  property: z.string(),
  value: z.json(),
  status: ClaimStatus,
  /** Send back as `version` when reviewing (optimistic concurrency). */
  version: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  attribution: AttributionView.nullable(),
  producedBy: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  orphaned: z.boolean(),
});
export type ClaimView = z.infer<typeof ClaimView>;

export const DocumentDetail = z.object({
  document: DocumentListItem.extend({
    author: z.string().nullable(),
    canonicalUrl: z.string().nullable(),
    warnings: z.array(z.string()),
    /** The captured text, plain; claim spans index into it (JavaScript string offsets). */
    text: z.string(),
  }),
  claims: z.array(ClaimView),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

// ---------- search ----------

export const SearchQueryParams = z.object({
  q: z.string().trim().min(1, 'say what to search for').max(500),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** A snippet as parts: render `text` of each part, marking those with `hit` (no HTML anywhere). */
export const SnippetPart = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchResultItem = DocumentRef.extend({
  language: z.string().nullable(),
  score: z.number(),
  snippet: z.array(SnippetPart),
});
export const SearchResponse = z.object({
  results: z.array(SearchResultItem),
  /** More documents matched than were ranked: add words to narrow the search. */
  truncated: z.boolean(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

// ---------- claims: review queue and reviews ----------

export const ReviewQueueQuery = PageQuery.extend({
  /** oldest: first proposed first; most-cited: claims whose value most documents state first. */
  order: z.enum(['oldest', 'most-cited']).default('oldest'),
  kind: ClaimKind.optional(),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>;

export const QueueItem = ClaimView.extend({
  document: DocumentRef,
  /** How many live documents state a claim of this kind, property and value. */
  citedBy: z.number().int(),
});
export const ReviewQueue = z.object({ claims: z.array(QueueItem), total: z.number().int() });
export type ReviewQueue = z.infer<typeof ReviewQueue>;

export const ClaimParams = z.object({ id: idSchema('claim') });

export const AcceptBody = z.object({ version: z.number().int().positive(), note: z.string().max(2000).optional() });
export const RejectBody = AcceptBody;
export const EditBody = AcceptBody.extend({
  /** Corrected value (a figure's {category, value, max, bound}; a mention's {canonical}). */
  value: z.json().optional(),
  /** Corrected act type or figure category. */
  property: z.string().min(1).max(100).optional(),
  /** Corrected span in the document's text. */
  span: z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() }).optional(),
});
export type AcceptBody = z.infer<typeof AcceptBody>;
export type EditBody = z.infer<typeof EditBody>;
export const ReviewResponse = z.object({ claim: ClaimView });
/** One claim with its document and how many documents state it. */
export const ClaimDetail = z.object({ claim: QueueItem });
export type ClaimDetail = z.infer<typeof ClaimDetail>;

// ---------- incidents ----------

export const FigureRange = z.object({
  what: z.string(),
  low: z.number(),
  high: z.number().nullable(),
  /** Sources state different figures. */
  differ: z.boolean(),
  /** Figures that cannot both be true (beyond differing bounds). */
  conflict: z.boolean(),
  independentSources: z.number().int(),
});

export const IncidentListItem = z.object({
  id: z.string(),
  title: z.string(),
  types: z.array(z.string()),
  places: z.array(z.string()),
  start: z.string().nullable(),
  end: z.string().nullable(),
  documents: z.number().int(),
  independentSources: z.number().int(),
  figures: z.array(FigureRange),
});
export const IncidentList = z.object({ incidents: z.array(IncidentListItem) });
export type IncidentList = z.infer<typeof IncidentList>;

export const IncidentParams = z.object({ id: idSchema('incident') });

/** One source's statement of a figure, quoted. */
export const FigureStatement = z.object({
  claim: z.string(),
  status: z.string(),
  value: z.number(),
  max: z.number().nullable(),
  bound: z.string(),
  document: DocumentRef,
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  attributedTo: z.string().nullable(),
  /** The independent origins this statement goes back to. */
  origins: z.array(z.string()),
});
export const ActStatement = z.object({
  claim: z.string(),
  status: z.string(),
  type: z.string(),
  date: z.string().nullable(),
  document: DocumentRef,
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  attributedTo: z.string().nullable(),
});
export const IncidentDetail = IncidentListItem.extend({
  /** Per figure category: the range, conflict marker and every source's statement side by side. */
  figures: z.array(FigureRange.extend({ statements: z.array(FigureStatement) })),
  /** Acts in date order (undated last). */
  timeline: z.array(ActStatement),
});
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const RegroupResponse = z.object({ incidents: z.number().int() });

// ---------- entities ----------

export const EntityListQuery = PageQuery.extend({
  kind: EntityKind.optional(),
  /** Names or aliases containing this text (case- and accent-insensitive). */
  q: z.string().trim().max(200).optional(),
});
export const EntityListItem = z.object({
  kind: EntityKind,
  name: z.string(),
  aliases: z.array(z.string()),
  documents: z.number().int(),
  mentions: z.number().int(),
});
export const EntityList = z.object({ entities: z.array(EntityListItem), total: z.number().int() });
export type EntityList = z.infer<typeof EntityList>;

export const EntityParams = z.object({ kind: EntityKind, name: z.string().min(1).max(300) });
export const EntityMentionView = z.object({
  claim: z.string(),
  document: DocumentRef,
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  /** The name this mention was resolved to before merges. */
  name: z.string(),
});
export const EntityDetail = EntityListItem.extend({ mentionList: z.array(EntityMentionView) });
export type EntityDetail = z.infer<typeof EntityDetail>;

// ---------- overview ----------

export const Overview = z.object({
  counts: z.object({
    documents: z.number().int(),
    sources: z.number().int(),
    incidents: z.number().int(),
    claims: z.object({ proposed: z.number().int(), accepted: z.number().int(), edited: z.number().int(), rejected: z.number().int() }),
  }),
  /** Live act claims per month of their reported date (publication date when undated), by act type. */
  actsByMonth: z.array(z.object({ month: z.string(), type: z.string(), count: z.number().int() })),
  /** Each incident's figure ranges. */
  figuresByIncident: z.array(z.object({ incident: z.string(), title: z.string(), figures: z.array(FigureRange) })),
  /** Incidents on one time line (dated ones, by start). */
  timeline: z.array(z.object({ incident: z.string(), title: z.string(), start: z.string(), end: z.string().nullable(), types: z.array(z.string()), documents: z.number().int() })),
});
export type Overview = z.infer<typeof Overview>;

// ---------- users (admin) ----------

export const UserItem = z.object({ username: z.string(), role: Role, totp: z.boolean(), disabled: z.boolean(), createdAt: z.string() });
export const UserList = z.object({ users: z.array(UserItem) });
export type UserList = z.infer<typeof UserList>;

// ---------- persons: lists, linked persons, decisions ----------

/** A person list: one imported file, or the persons extracted from documents ("documents"). */
export const PersonListItem = z.object({
  id: z.string(),
  name: z.string(),
  kind: PersonListKind,
  /** The file as named on upload; null for the documents list. */
  fileName: z.string().nullable(),
  sha256: z.string().nullable(),
  encoding: z.string().nullable(),
  records: z.number().int(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type PersonListItem = z.infer<typeof PersonListItem>;
export const PersonListsResponse = z.object({ lists: z.array(PersonListItem) });
export type PersonListsResponse = z.infer<typeof PersonListsResponse>;

/** Largest list file an upload may carry (bytes, before base64). */
export const PERSON_LIST_MAX_BYTES = 8 * 1024 * 1024;

/** One list file as JSON: its bytes in base64, the list's name, and how to read its columns. */
export const PersonListUpload = z.object({
  /** The list's name, e.g. "memorial-2019" (not "documents"). */
  source: z.string().trim().min(1, 'name the list').max(200),
  /** The file's name as the person chose it (shown in messages and kept with the list). */
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64 (UTF-8 or CP1251 CSV; comma, semicolon or tab separated). */
  content: z.base64('content must be the file in base64'),
  /** "column=field" entries, as `chronicle persons import --map`. */
  map: z.array(z.string().min(3).max(300)).max(50).optional(),
  /** The column holding the list's own record ids. */
  id: z.string().min(1).max(300).optional(),
});
export type PersonListUpload = z.infer<typeof PersonListUpload>;
export const PersonListImported = z.object({
  /** already_imported: the same bytes under the same name were imported before; nothing changed. */
  status: z.enum(['imported', 'already_imported']),
  list: PersonListItem,
  /** How the bytes were decoded (imported only). */
  encoding: z.string().nullable(),
});
export type PersonListImported = z.infer<typeof PersonListImported>;

export const PersonListQuery = PageQuery.extend({
  /** Only persons with a record on this list (its name). */
  list: z.string().trim().min(1).max(200).optional(),
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

export const PersonSummaryView = z.object({
  id: z.string(),
  /** The name as its first record writes it. */
  name: z.string(),
  /** Every other way its records write the name. */
  spellings: z.array(z.string()),
  /** The lists its records come from. */
  lists: z.array(z.string()),
  records: z.number().int(),
  sex: PersonSex.nullable(),
  birthYears: z.array(z.number().int()),
});
export type PersonSummaryView = z.infer<typeof PersonSummaryView>;
export const PersonPage = z.object({
  persons: z.array(PersonSummaryView),
  /** Persons matching the filter, over all pages. */
  total: z.number().int(),
  /** Records added since the last linkage run (not in any person yet). */
  unlinked: z.number().int(),
});
export type PersonPage = z.infer<typeof PersonPage>;

/** A person (psn_…), or a record (per_…) standing for the person it belongs to. */
export const PersonParams = z.object({ id: z.union([idSchema('person'), idSchema('personRecord')]) });
export const PersonRecordEntry = PersonRecord.extend({ list: z.string() });
export const PersonDetail = PersonSummaryView.extend({
  /** Every record with the list it came from. */
  entries: z.array(PersonRecordEntry),
  /** Analysts' decisions about these records, oldest first. */
  decisions: z.array(PersonDecision),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const PersonLinkResult = z.object({
  runId: z.string(),
  records: z.number().int(),
  persons: z.number().int(),
  /** Persons with records on two or more lists. */
  onSeveralLists: z.number().int(),
  lists: z.array(z.object({ name: z.string(), records: z.number().int(), persons: z.number().int() })),
  decisionsApplied: z.number().int(),
  seconds: z.number(),
});
export type PersonLinkResult = z.infer<typeof PersonLinkResult>;

export const PersonExtractResult = z.object({ documents: z.number().int(), records: z.number().int(), added: z.number().int(), updated: z.number().int(), removed: z.number().int() });
export type PersonExtractResult = z.infer<typeof PersonExtractResult>;

const PersonOrRecordId = z.union([idSchema('person'), idSchema('personRecord')]);
/** Two records (or persons: their first record) are one person. */
export const ConfirmBody = z.object({ records: z.tuple([PersonOrRecordId, PersonOrRecordId]), note: z.string().max(2000).optional() });
export type ConfirmBody = z.infer<typeof ConfirmBody>;
export const SplitParams = z.object({ recordId: idSchema('personRecord') });
/** Optional: a POST without a body splits without a note. */
export const SplitBody = z.object({ note: z.string().max(2000).optional() }).nullish();
export type SplitBody = z.infer<typeof SplitBody>;
export const PersonDecisionResult = z.object({
  decision: PersonDecision,
  /** The person the records now belong to (confirm) or the split record's new person; null until the next link. */
  personId: z.string().nullable(),
  /** Nothing moved now (already together, or not linked yet). */
  unchanged: z.boolean(),
});
export type PersonDecisionResult = z.infer<typeof PersonDecisionResult>;

// ---------- estimates ----------

export const EstimateQuery = z.object({
  /** List names, comma-separated, in the order of the table's pattern digits. */
  lists: z
    .string()
    .max(2000)
    .transform((text) => text.split(',').map((name) => name.trim()).filter(Boolean))
    .pipe(z.array(z.string()).min(1, 'name at least one list (lists=A,B,C)')),
  /** Estimate per stratum and sum: sex, kind (of violation), place or year (of violation). */
  strata: z.enum(['sex', 'kind', 'violation_kind', 'place', 'year', 'violation_year']).optional(),
  /** A model instead of choosing by BIC: "[12,3]", "Mt", "Mth_Chao", … */
  model: z.string().trim().min(1).max(200).optional(),
});
export type EstimateQuery = z.infer<typeof EstimateQuery>;

/** People by pattern of lists: "101" is on the first and third list only. */
export const OverlapTableView = z.object({ lists: z.array(z.string()), counts: z.record(z.string(), z.number().int()), observed: z.number().int() });
export const ModelView = z.object({
  model: z.string(),
  N: z.number().nullable(),
  se: z.number().nullable(),
  aic: z.number().nullable(),
  bic: z.number().nullable(),
  /** Why the model could not be used; null when it was fitted. */
  problem: z.string().nullable(),
});
/** An estimate's figures; null limits are unbounded. */
export const EstimateFigures = z.object({
  /** The model used; null for a sum over strata. */
  model: z.string().nullable(),
  selectedBy: z.enum(['bic', 'named', 'per stratum']),
  /** Estimated number of people, on a list or not. */
  N: z.number(),
  /** Standard error of N (null if not finite). */
  se: z.number().nullable(),
  /** People on no list (N − observed). */
  unobserved: z.number().nullable(),
  /** Profile-likelihood 95% interval (a null limit is unbounded); null when not computed. */
  ci95: z.tuple([z.number().nullable(), z.number().nullable()]).nullable(),
  /** Chao's log-normal 95% interval. */
  ci95Lognormal: z.tuple([z.number().nullable(), z.number().nullable()]),
  deviance: z.number().nullable(),
  df: z.number().int().nullable(),
  /** Every candidate model, lowest BIC first. */
  models: z.array(ModelView),
});
export const EstimateOutcome = z.object({
  table: OverlapTableView,
  /** Null when the data cannot support an estimate; `problems` then says why. */
  estimate: EstimateFigures.nullable(),
  problems: z.array(z.string()),
  warnings: z.array(z.string()),
});
export const EstimateResponse = EstimateOutcome.extend({
  lists: z.array(z.string()),
  /** The field strata were formed by, or null for one pooled estimate. */
  stratifiedBy: z.enum(['sex', 'kind', 'place', 'year']).nullable(),
  /** Each stratum's table and estimate (empty when pooled). */
  strata: z.array(EstimateOutcome.extend({ name: z.string() })),
});
export type EstimateResponse = z.infer<typeof EstimateResponse>;
