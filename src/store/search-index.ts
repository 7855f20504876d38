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

/** The full-text index: the one part of search that each engine does its own way. */
export interface SearchIndex {
  add(db: Kysely<Database>, documents: readonly IndexedDocument[]): Promise<void>;
  remove(db: Kysely<Database>, documentIds: readonly string[]): Promise<void>;
  search(db: Kysely<Database>, query: SearchQuery, limit: number): Promise<SearchHit[]>;
}
