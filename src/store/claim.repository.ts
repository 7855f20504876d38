import { sql, type Kysely, type Selectable } from 'kysely';
import { Claim, type ClaimKind, type ClaimStatus } from '../model/claim.js';
import { newId } from '../model/ids.js';
import type { ClaimsTable, Database } from './schema.js';

/** An attribution found by extraction; `key` lets claims of the same batch point at it before it has an id. */
export interface NewAttribution {
  key: number;
  start: number;
  end: number;
  quote: string;
  attributedTo: string;
  via: string[];
}

/** A claim as extraction proposes it, before it has an id. */
export interface NewClaim {
  kind: ClaimKind;
  property: string;
  value: unknown;
  start: number;
  end: number;
  quote: string;
  /** The `key` of the attribution (in the same batch) this claim is credited to. */
  attributionKey: number | null;
}

export interface ProposedClaims {
  /** Rule set that made them, e.g. "extract-en@1". */
  producedBy: string;
  attributions: NewAttribution[];
  claims: NewClaim[];
}

export interface ReplaceOutcome {
  /** Proposed claims written. */
  proposed: number;
  /** Earlier proposed claims removed. */
  removed: number;
  /** New proposals not written because a person already reviewed a claim of the same kind and span. */
  alreadyReviewed: number;
}

export interface ClaimReview {
  status: Exclude<ClaimStatus, 'proposed'>;
  /** The version the reviewer saw; if the claim changed since, the review is refused. */
  expectedVersion: number;
  reviewer: string;
  /** Corrections (status "edited"): value, property (act type, figure category…) and span. */
  value?: unknown;
  property?: string;
  span?: { start: number; end: number; quote: string };
}

/** Another review landed first: the claim's version is no longer the one the reviewer saw. */
export class ClaimConflictError extends Error {
  constructor(
    readonly claimId: string,
    readonly currentVersion: number,
  ) {
    super(`claim ${claimId} was changed by someone else (now version ${currentVersion}); reload it and review again`);
  }
}

function toClaim(row: Selectable<ClaimsTable>): Claim {
  return Claim.parse({
    id: row.id,
    kind: row.kind,
    span: { documentId: row.document_id, start: Number(row.start), end: Number(row.end), quote: row.quote },
    subjectId: row.subject_id,
    property: row.property,
    value: JSON.parse(row.value) as unknown,
    attributionId: row.attribution_id,
    status: row.status,
    producedBy: row.produced_by,
    version: Number(row.version),
    createdAt: row.created_at,
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewed_by,
    orphanedAt: row.orphaned_at,
  });
}

const spanKey = (claim: { kind: string; property: string; start: number; end: number }) => `${claim.kind}\u0000${claim.property}\u0000${claim.start}\u0000${claim.end}`;

/** Claims and the attributions they are credited to. */
export class ClaimRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Replace a document's proposed claims with a new extraction. Claims a person reviewed are never
   * touched, and a new proposal for the same kind and span as a reviewed claim is dropped. Call
   * inside a transaction so the old and new proposals never coexist or vanish together.
   */
  async replaceProposed(documentId: string, proposed: ProposedClaims, options: { fresh?: boolean } = {}): Promise<ReplaceOutcome> {
    // A document captured in this same transaction has no claims yet: nothing to remove or keep.
    if (options.fresh) return this.insertProposed(documentId, proposed, new Set(), 0);
    const removed = await this.db.deleteFrom('claims').where('document_id', '=', documentId).where('status', '=', 'proposed').executeTakeFirst();
    // Attributions only proposed claims pointed at go with them.
    await this.db
      .deleteFrom('attributions')
      .where('document_id', '=', documentId)
      .where('id', 'not in', this.db.selectFrom('claims').select('attribution_id').where('document_id', '=', documentId).where('attribution_id', 'is not', null).$castTo<string>())
      .execute();
    const reviewed = await this.db.selectFrom('claims').select(['kind', 'property', 'start', 'end']).where('document_id', '=', documentId).execute();
    const reviewedSpans = new Set(reviewed.map((row) => spanKey({ ...row, start: Number(row.start), end: Number(row.end) })));
    return this.insertProposed(documentId, proposed, reviewedSpans, Number(removed.numDeletedRows));
  }

  private async insertProposed(documentId: string, proposed: ProposedClaims, reviewedSpans: ReadonlySet<string>, removed: number): Promise<ReplaceOutcome> {
    const fresh = proposed.claims.filter((claim) => !reviewedSpans.has(spanKey(claim)));

    const attributionIds = new Map<number, string>();
    const attributionRows = proposed.attributions.map((attribution) => {
      const id = newId('attribution');
      attributionIds.set(attribution.key, id);
      return { id, document_id: documentId, start: attribution.start, end: attribution.end, quote: attribution.quote, attributed_to: attribution.attributedTo, entity_id: null, via: JSON.stringify(attribution.via) };
    });
    const createdAt = new Date().toISOString();
    const claimRows = fresh.map((claim) => ({
      id: newId('claim'),
      document_id: documentId,
      kind: claim.kind,
      start: claim.start,
      end: claim.end,
      quote: claim.quote,
      subject_id: null,
      property: claim.property,
      value: JSON.stringify(claim.value),
      attribution_id: claim.attributionKey === null ? null : (attributionIds.get(claim.attributionKey) ?? null),
      status: 'proposed',
      produced_by: proposed.producedBy,
      version: 1,
      created_at: createdAt,
      reviewed_at: null,
      reviewed_by: null,
      orphaned_at: null,
    }));
    // Chunks keep each statement well below the engines' limits on bound parameters.
    for (let offset = 0; offset < attributionRows.length; offset += 200) await this.db.insertInto('attributions').values(attributionRows.slice(offset, offset + 200)).execute();
    for (let offset = 0; offset < claimRows.length; offset += 200) await this.db.insertInto('claims').values(claimRows.slice(offset, offset + 200)).execute();
    return { proposed: claimRows.length, removed, alreadyReviewed: proposed.claims.length - fresh.length };
  }

  /** A document's claims in text order, optionally only those with the given statuses. */
  async forDocument(documentId: string, statuses?: readonly ClaimStatus[]): Promise<Claim[]> {
    let query = this.db.selectFrom('claims').selectAll().where('document_id', '=', documentId);
    if (statuses && statuses.length > 0) query = query.where('status', 'in', statuses);
    const rows = await query.orderBy('start').orderBy('end').orderBy('id').execute();
    return rows.map(toClaim);
  }

  async get(id: string): Promise<Claim | null> {
    const row = await this.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toClaim(row) : null;
  }

  /** Who each of a document's attributions credits, by id. */
  async attributionsOf(documentId: string): Promise<Map<string, { attributedTo: string; via: string[] }>> {
    const rows = await this.db.selectFrom('attributions').select(['id', 'attributed_to', 'via']).where('document_id', '=', documentId).execute();
    return new Map(rows.map((row) => [row.id, { attributedTo: row.attributed_to, via: JSON.parse(row.via) as string[] }]));
  }

  /** Mark every claim of a deleted document as orphaned; returns how many. */
  async orphanForDocument(documentId: string, at: string): Promise<number> {
    const result = await this.db.updateTable('claims').set({ orphaned_at: at }).where('document_id', '=', documentId).where('orphaned_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The review queue: proposed claims of live documents, oldest first. */
  async proposed(options: { limit: number; kinds?: readonly ClaimKind[] }): Promise<Claim[]> {
    let query = this.db.selectFrom('claims').selectAll().where('status', '=', 'proposed').where('orphaned_at', 'is', null);
    if (options.kinds && options.kinds.length > 0) query = query.where('kind', 'in', options.kinds);
    const rows = await query.orderBy('created_at').orderBy('document_id').orderBy('start').limit(options.limit).execute();
    return rows.map(toClaim);
  }

  /**
   * A page of the review queue with, for each claim, how many live documents state a claim of the
   * same kind, property and value (not rejected): `most-cited` puts the most widely stated first,
   * so one review settles what many documents say.
   */
  async queue(options: { limit: number; offset: number; kind?: ClaimKind; order: 'oldest' | 'most-cited' }): Promise<{ claims: { claim: Claim; citedBy: number }[]; total: number }> {
    const cited = this.db
      .selectFrom('claims as s')
      .innerJoin('documents as sd', 'sd.id', 's.document_id')
      .select(['s.kind', 's.property', 's.value', sql<string | number>`count(distinct s.document_id)`.as('cited')])
      .where('s.status', '!=', 'rejected')
      .where('s.orphaned_at', 'is', null)
      .where('sd.deleted_at', 'is', null)
      .groupBy(['s.kind', 's.property', 's.value']);
    let query = this.db
      .selectFrom('claims')
      .innerJoin(cited.as('n'), (join) => join.onRef('n.kind', '=', 'claims.kind').onRef('n.property', '=', 'claims.property').onRef('n.value', '=', 'claims.value'))
      .selectAll('claims')
      .select('n.cited')
      .where('claims.status', '=', 'proposed')
      .where('claims.orphaned_at', 'is', null);
    let count = this.db.selectFrom('claims').select(sql<string | number>`count(*)`.as('n')).where('status', '=', 'proposed').where('orphaned_at', 'is', null);
    if (options.kind) {
      query = query.where('claims.kind', '=', options.kind);
      count = count.where('kind', '=', options.kind);
    }
    if (options.order === 'most-cited') query = query.orderBy('n.cited', 'desc');
    const rows = await query.orderBy('claims.created_at').orderBy('claims.document_id').orderBy('claims.start').orderBy('claims.id').limit(options.limit).offset(options.offset).execute();
    const total = Number((await count.executeTakeFirstOrThrow()).n);
    return { claims: rows.map((row) => ({ claim: toClaim(row), citedBy: Number(row.cited) })), total };
  }

  /** How many live documents state a claim of this claim's kind, property and value (not rejected). */
  async statedBy(claim: Pick<Claim, 'kind' | 'property' | 'value'>): Promise<number> {
    const row = await this.db
      .selectFrom('claims')
      .innerJoin('documents', 'documents.id', 'claims.document_id')
      .select(sql<string | number>`count(distinct claims.document_id)`.as('n'))
      .where('claims.kind', '=', claim.kind)
      .where('claims.property', '=', claim.property)
      .where('claims.value', '=', JSON.stringify(claim.value))
      .where('claims.status', '!=', 'rejected')
      .where('claims.orphaned_at', 'is', null)
      .where('documents.deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Claims per status across the store. */
  async countByStatus(): Promise<Record<ClaimStatus, number>> {
    const rows = await this.db.selectFrom('claims').select(['status', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('status').execute();
    const counts: Record<ClaimStatus, number> = { proposed: 0, accepted: 0, edited: 0, rejected: 0 };
    for (const row of rows) counts[row.status as ClaimStatus] = Number(row.count);
    return counts;
  }

  /**
   * Record a person's review. Optimistic: it applies only if the claim is still at the version the
   * reviewer saw, so of two simultaneous reviews one wins and the other gets a ClaimConflictError.
   */
  async review(id: string, review: ClaimReview): Promise<Claim> {
    const update: Partial<ClaimsTable> = { status: review.status, reviewed_at: new Date().toISOString(), reviewed_by: review.reviewer, version: review.expectedVersion + 1 };
    if (review.value !== undefined) update.value = JSON.stringify(review.value);
    if (review.property !== undefined) update.property = review.property;
    if (review.span !== undefined) Object.assign(update, { start: review.span.start, end: review.span.end, quote: review.span.quote });
    const result = await this.db.updateTable('claims').set(update).where('id', '=', id).where('version', '=', review.expectedVersion).executeTakeFirst();
    const current = await this.get(id);
    if (!current) throw new Error(`no claim has id ${id}`);
    if (Number(result.numUpdatedRows) === 0) throw new ClaimConflictError(id, current.version);
    return current;
  }
}
