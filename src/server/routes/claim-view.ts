import type { ClaimView } from '../../model/api.js';
import type { Claim } from '../../model/claim.js';

/** A stored claim as the API shows it: its span flattened, its attribution resolved. */
export function claimView(claim: Claim, attribution: { attributedTo: string; via: string[] } | null): ClaimView {
  return {
    id: claim.id,
    documentId: claim.span.documentId,
    kind: claim.kind,
    property: claim.property,
    value: claim.value,
    status: claim.status,
    version: claim.version,
    start: claim.span.start,
    end: claim.span.end,
    quote: claim.span.quote,
    attribution,
    producedBy: claim.producedBy,
    reviewedBy: claim.reviewedBy,
    reviewedAt: claim.reviewedAt,
    orphaned: claim.orphanedAt !== null,
  };
}
