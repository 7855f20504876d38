import type { Claim } from '../model/claim.js';
import type { Document } from '../model/document.js';
import type { DocumentListOptions, DocumentSummary } from '../store/document.repository.js';
import type { Store } from '../store/store.js';

/** A claim with who it is credited to inside its document. */
export interface AttributedClaim {
  claim: Claim;
  attribution: { attributedTo: string; via: string[] } | null;
}

export interface DocumentPage {
  documents: DocumentSummary[];
  /** The sequence to continue after, or null on the last page. */
  next: number | null;
}

/** A page of live documents in capture order, filtered by source, language and publication dates. */
export async function listDocuments(store: Store, options: DocumentListOptions): Promise<DocumentPage> {
  const page = await store.documents.list({ ...options, limit: options.limit + 1 });
  const more = page.documents.length > options.limit;
  const documents = page.documents.slice(0, options.limit);
  // One row more than asked tells whether there is a next page without a second query.
  return { documents, next: more ? (documents.at(-1)?.seq ?? null) : null };
}

export interface DocumentWithClaims {
  document: Document;
  sourceName: string | null;
  claims: AttributedClaim[];
}

/** One live document with its text and every claim on it (orphaned ones marked), or null. */
export async function documentWithClaims(store: Store, id: string): Promise<DocumentWithClaims | null> {
  const document = await store.documents.get(id);
  if (!document || document.deletedAt) return null;
  const [claims, attributions, source] = await Promise.all([store.claims.forDocument(id), store.claims.attributionsOf(id), document.sourceId ? store.sources.get(document.sourceId) : null]);
  return {
    document,
    sourceName: source?.name ?? null,
    claims: claims.map((claim) => ({ claim, attribution: claim.attributionId ? (attributions.get(claim.attributionId) ?? null) : null })),
  };
}

/** Every source with how many live documents it supplied. */
export async function listSources(store: Store): Promise<{ id: string; name: string; kind: string; documents: number }[]> {
  const [sources, counts] = await Promise.all([store.sources.list(), store.documents.countBySource()]);
  return sources.map((source) => ({ id: source.id, name: source.name, kind: source.kind, documents: counts.get(source.id) ?? 0 }));
}
