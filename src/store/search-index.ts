import type { Kysely } from 'kysely';
import type { SearchQuery } from '../search/search-query.js';
import type { Database } from './schema.js';

/** What a search index stores for one document: analysed terms, not raw text. */
export interface IndexedDocument {
  id: string;
  /** The document's insertion sequence (SQLite's full-text index keys on it). */
  seq: number;
  titleTerms: string;
  bodyTerms: string;
}

export interface SearchHit {
  documentId: string;
  /** Higher is better; comparable only within one engine's results. */
  score: number;
}

export interface SearchHits {
  hits: SearchHit[];
  /**
   * True when more documents matched than were ranked: ranking is done among the newest
   * `SEARCH_CANDIDATES` matches so that a query for a word in every document stays fast.
   */
  truncated: boolean;
}

/**
 * How many matching documents are ranked at most. Scoring every match of a word that occurs in
 * 70,000 documents took 100-160 ms on SQLite; ranking the newest 2,000 takes under 10 ms.
 */
export const SEARCH_CANDIDATES = 2000;

/** The full-text index: the one part of search that each engine does its own way. */
export interface SearchIndex {
  add(db: Kysely<Database>, documents: readonly IndexedDocument[]): Promise<void>;
  remove(db: Kysely<Database>, documentIds: readonly string[]): Promise<void>;
  search(db: Kysely<Database>, query: SearchQuery, limit: number): Promise<SearchHits>;
}
