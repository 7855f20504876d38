import { extract } from '../extract/extract.js';
import type { Document } from '../model/document.js';
import type { ReplaceOutcome } from '../store/claim.repository.js';
import type { Store } from '../store/store.js';
import { proposedClaimsOf } from './extraction-claims.js';

export interface ReextractResult extends ReplaceOutcome {
  documentId: string;
  origin: string;
}

/** Extract from one stored document and replace its proposed claims (reviewed claims stay as they are). */
export async function reextractDocument(store: Store, document: Document): Promise<ReextractResult> {
  const proposed = proposedClaimsOf(extract(document.text, { language: document.language, publishedAt: document.publishedAt }));
  const outcome = await store.transaction((session) => session.claims.replaceProposed(document.id, proposed));
  return { documentId: document.id, origin: document.origin, ...outcome };
}

/**
 * Re-run extraction after the rules changed: on the given documents, or on every document when
 * `ids` is empty. Each document is its own transaction, so an interruption loses nothing done.
 */
export async function reextractDocuments(store: Store, ids: readonly string[], onResult?: (result: ReextractResult) => void): Promise<ReextractResult[]> {
  const results: ReextractResult[] = [];
  const handle = async (document: Document) => {
    const result = await reextractDocument(store, document);
    results.push(result);
    onResult?.(result);
  };
  if (ids.length > 0) {
    for (const id of ids) {
      const document = await store.documents.get(id);
      if (!document) throw new Error(`no document has id ${id}`);
      await handle(document);
    }
    return results;
  }
  for await (const document of store.documents.live()) await handle(document);
  return results;
}
