import { z } from 'zod';
import { idSchema, Instant } from './ids.js';
import { TextSpan } from './text-span.js';
import { FigureBound, FigureCategory } from './vocabulary.js';

/** A count of victims as a document states it: "at least 40 detained" is {detained, 40, at_least}. */
export const FigureValue = z
  .object({
    category: FigureCategory,
    value: z.number().nonnegative(),
    max: z.number().nonnegative().nullable(),
    bound: FigureBound,
  })
  .refine((figure) => (figure.bound === 'range') === (figure.max !== null), {
    message: 'a range needs a max, and only a range has one',
  });
export type FigureValue = z.infer<typeof FigureValue>;

export const ClaimKind = z.enum(['mention', 'act', 'figure', 'attribution', 'date']);
export type ClaimKind = z.infer<typeof ClaimKind>;

/** proposed: made by extraction, not yet seen by a person. Reviewed claims survive re-extraction. */
export const ClaimStatus = z.enum(['proposed', 'accepted', 'edited', 'rejected']);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/**
 * The atom of Chronicle: document D, at characters [s, e), says that `property` of `subject` has
 * `value`, attributed to A. Everything shown to users (incidents, figures, persons) is computed from claims.
 */
export const Claim = z.object({
  id: idSchema('claim'),
  kind: ClaimKind,
  span: TextSpan,
  subjectId: z.string().nullable(),
  property: z.string().min(1),
  value: z.json(),
  attributionId: idSchema('attribution').nullable(),
  status: ClaimStatus,
  /** Which rule set produced it ("extract-en@3") or "analyst". */
  producedBy: z.string().min(1),
  /** Optimistic concurrency: a review names the version it saw; a stale one is a conflict. */
  version: z.int().positive(),
  createdAt: Instant,
  reviewedAt: Instant.nullable(),
  reviewedBy: z.string().nullable(),
  /** Set when an admin deleted the claim's document: the claim stays, marked, never silently gone. */
  orphanedAt: Instant.nullable(),
});
export type Claim = z.infer<typeof Claim>;
