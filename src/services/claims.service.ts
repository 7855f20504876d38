import type { Claim, ClaimKind } from '../model/claim.js';
import type { Store } from '../store/store.js';

/** A document as a claim cites it. */
export interface CitedDocument {
  id: string;
  sha256: string;
  title: string | null;
  origin: string;
  source: string | null;
  publishedAt: string | null;
}

export interface ClaimInContext {
  claim: Claim;
  attribution: { attributedTo: string; via: string[] } | null;
  document: CitedDocument;
  /** How many live documents state a claim of this kind, property and value. */
  citedBy: number;
}

async function inContext(store: Store, entries: readonly { claim: Claim; citedBy: number }[]): Promise<ClaimInContext[]> {
  const documentIds = [...new Set(entries.map((entry) => entry.claim.span.documentId))];
  const [documents, sources] = await Promise.all([store.documents.getMany(documentIds), store.sources.list()]);
  const sourceNames = new Map(sources.map((source) => [source.id, source.name]));
  const attributions = new Map(await Promise.all(documentIds.map(async (id) => [id, await store.claims.attributionsOf(id)] as const)));
  return entries.flatMap(({ claim, citedBy }) => {
    const document = documents.get(claim.span.documentId);
    if (!document) return [];
    return [
      {
        claim,
        citedBy,
        attribution: claim.attributionId ? (attributions.get(document.id)?.get(claim.attributionId) ?? null) : null,
        document: { id: document.id, sha256: document.sha256, title: document.title, origin: document.origin, source: document.sourceId ? (sourceNames.get(document.sourceId) ?? null) : null, publishedAt: document.publishedAt },
      },
    ];
  });
}

/** A page of proposed claims awaiting review, oldest or most widely stated first, with their documents. */
export async function reviewQueue(store: Store, options: { limit: number; offset: number; kind?: ClaimKind; order: 'oldest' | 'most-cited' }): Promise<{ claims: ClaimInContext[]; total: number }> {
  const page = await store.claims.queue(options);
  return { claims: await inContext(store, page.claims), total: page.total };
}

/** One claim with its document, attribution and how widely it is stated, or null. */
export async function claimInContext(store: Store, id: string): Promise<ClaimInContext | null> {
  const claim = await store.claims.get(id);
  if (!claim) return null;
  const statedBy = await store.claims.statedBy(claim);
  return (await inContext(store, [{ claim, citedBy: statedBy }]))[0] ?? null;
}
