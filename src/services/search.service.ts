import { parseSearchQuery } from '../search/search-query.js';
import { makeSnippet, type Snippet } from '../search/snippet.js';
import type { Store } from '../store/store.js';

export interface SearchResult {
  id: string;
  sha256: string;
  title: string | null;
  origin: string;
  sourceId: string | null;
  publishedAt: string | null;
  language: string | null;
  score: number;
  snippet: Snippet;
}

export interface SearchOutcome {
  results: SearchResult[];
  /** More documents matched than were ranked (see SEARCH_CANDIDATES): add words to narrow the search. */
  truncated: boolean;
}

export const MAX_SEARCH_LIMIT = 100;

/** Ranked full-text search with a highlighted passage per result. Throws SearchQueryError on a query with no words. */
export async function searchDocuments(store: Store, text: string, limit = 10): Promise<SearchOutcome> {
  const query = parseSearchQuery(text);
  const { hits, truncated } = await store.documents.search(query, Math.min(Math.max(1, limit), MAX_SEARCH_LIMIT));
  const documents = await store.documents.getMany(hits.map((hit) => hit.documentId));
  const results: SearchResult[] = [];
  for (const hit of hits) {
    const document = documents.get(hit.documentId);
    if (!document) continue;
    results.push({
      id: document.id,
      sha256: document.sha256,
      title: document.title,
      origin: document.origin,
      sourceId: document.sourceId,
      publishedAt: document.publishedAt,
      language: document.language,
      score: hit.score,
      snippet: makeSnippet(document.text, query),
    });
  }
  return { results, truncated };
}
