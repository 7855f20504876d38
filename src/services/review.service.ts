import { z } from 'zod';
import type { Claim } from '../model/claim.js';
import { FigureValue } from '../model/claim.js';
import { ActType, FigureCategory } from '../model/vocabulary.js';
import type { ClaimReview } from '../store/claim.repository.js';
import type { Store } from '../store/store.js';

/** A review that cannot apply as asked; the message says what to change. */
export class ReviewError extends Error {}

export interface ReviewRequest {
  action: 'accept' | 'reject' | 'edit';
  claimId: string;
  /** The version the reviewer saw (shown by `chronicle claims` and the review queue). */
  expectedVersion: number;
  reviewer: string;
  /** For edit: a corrected value, property (act type or figure category) and/or span. */
  value?: unknown;
  property?: string;
  span?: { start: number; end: number };
  note?: string;
}

const MentionValue = z.object({ canonical: z.string().min(1) });

/** Check an edited value and property against what a claim of this kind may hold. */
function checkEdit(claim: Claim, property: string, value: unknown): void {
  const fail = (message: string) => {
    throw new ReviewError(`cannot edit ${claim.id}: ${message}`);
  };
  switch (claim.kind) {
    case 'act':
      if (!ActType.safeParse(property).success) fail(`an act's type must be one of ${ActType.options.join(', ')}`);
      break;
    case 'figure': {
      if (!FigureCategory.safeParse(property).success) fail(`a figure's category must be one of ${FigureCategory.options.join(', ')}`);
      const parsed = FigureValue.safeParse(value);
      if (!parsed.success) fail(`a figure's value must be {category, value, max, bound}: ${parsed.error.issues[0]?.message ?? ''}`);
      else if (parsed.data.category !== property) fail(`the value's category (${parsed.data.category}) differs from the claim's (${property})`);
      break;
    }
    case 'mention':
      if (!MentionValue.safeParse(value).success) fail('a mention\'s value must be {"canonical": "Full Name"}');
      break;
    default:
      break;
  }
}

/**
 * Accept, reject or edit a claim, and record it in the audit log, in one transaction. Of two
 * reviewers who saw the same version, the first wins and the second gets ClaimConflictError.
 */
export async function reviewClaim(store: Store, request: ReviewRequest): Promise<Claim> {
  return store.transaction(async (session) => {
    const claim = await session.claims.get(request.claimId);
    if (!claim) throw new ReviewError(`no claim has id ${request.claimId} (chronicle claims DOCUMENT lists them)`);
    const review: ClaimReview = { status: request.action === 'accept' ? 'accepted' : request.action === 'reject' ? 'rejected' : 'edited', expectedVersion: request.expectedVersion, reviewer: request.reviewer };
    if (request.action === 'edit') {
      if (request.value === undefined && request.property === undefined && request.span === undefined) throw new ReviewError('an edit needs a new value, type or span');
      let value = request.value ?? claim.value;
      const property = request.property ?? claim.property;
      // Changing a figure's category alone carries the category into its value.
      if (claim.kind === 'figure' && request.value === undefined && request.property !== undefined) value = { ...(claim.value as object), category: property };
      checkEdit(claim, property, value);
      if (request.value !== undefined || value !== claim.value) review.value = value;
      if (request.property !== undefined) review.property = property;
      if (request.span) {
        const document = await session.documents.get(claim.span.documentId);
        if (!document) throw new ReviewError(`the document of ${claim.id} is gone`);
        const { start, end } = request.span;
        if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > document.text.length) {
          throw new ReviewError(`span ${start}:${end} lies outside the document's ${document.text.length} characters`);
        }
        review.span = { start, end, quote: document.text.slice(start, end) };
      }
    }
    const updated = await session.claims.review(claim.id, review);
    await session.audit.append({
      actor: request.reviewer,
      action: `claim.${request.action}`,
      subjectId: claim.id,
      payload: {
        document: claim.span.documentId,
        version: updated.version,
        ...(request.action === 'edit' ? { before: { property: claim.property, value: claim.value, span: [claim.span.start, claim.span.end] }, after: { property: updated.property, value: updated.value, span: [updated.span.start, updated.span.end] } } : {}),
        ...(request.note ? { note: request.note } : {}),
      },
    });
    return updated;
  });
}

export interface DeleteOutcome {
  documentId: string;
  orphanedClaims: number;
}

/**
 * An admin deletes a document: it leaves lists and search, its claims are marked orphaned (never
 * silently removed), and the audit log records who, when and why.
 */
export async function deleteDocument(store: Store, documentId: string, actor: string, reason: string): Promise<DeleteOutcome> {
  if (!reason.trim()) throw new ReviewError('say why the document is deleted (--reason)');
  return store.transaction(async (session) => {
    const document = await session.documents.get(documentId);
    if (!document) throw new ReviewError(`no document has id ${documentId}`);
    const at = new Date().toISOString();
    if (!(await session.documents.markDeleted(documentId, at))) throw new ReviewError(`${documentId} is already deleted`);
    const orphanedClaims = await session.claims.orphanForDocument(documentId, at);
    await session.audit.append({ actor, action: 'document.delete', subjectId: documentId, payload: { sha256: document.sha256, origin: document.origin, reason, orphanedClaims } });
    return { documentId, orphanedClaims };
  });
}
