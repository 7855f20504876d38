import { sql, type Kysely, type Selectable } from 'kysely';
import { Document } from '../model/document.js';
import { newId } from '../model/ids.js';
import type { DocumentsTable, Database } from './schema.js';
import type { IndexedDocument, SearchHits, SearchIndex } from './search-index.js';
import type { SearchQuery } from '../search/search-query.js';

/** A capture ready to be stored: derived text and metadata, plus the original bytes. */
export interface NewDocument {
  sha256: string;
  bytes: Uint8Array;
  origin: string;
  sourceId: string | null;
  mediaType: Document['mediaType'];
  publishedAt: string | null;
  title: string | null;
  author: string | null;
  canonicalUrl: string | null;
  language: string | null;
  text: string;
  warnings: string[];
  captureVersion: number;
  /** Analysed search terms of the title and body. */
  index: Omit<IndexedDocument, 'id' | 'seq'>;
}

/** A document already in the store, as "already captured" reports it. */
export interface CapturedRef {
  id: string;
  sha256: string;
  origin: string;
  capturedAt: string;
}

export type InsertOutcome = { status: 'captured'; document: Document } | { status: 'already_captured'; existing: CapturedRef };

export type ResolveOutcome =
  | { status: 'found'; document: Document }
  | { status: 'ambiguous'; candidates: CapturedRef[] }
  | { status: 'not_found' };

export interface DocumentSummary {
  /** Capture order; what keyset pages continue after. */
  seq: number;
  id: string;
  sha256: string;
  origin: string;
  title: string | null;
  sourceId: string | null;
  sourceName: string | null;
  publishedAt: string | null;
  capturedAt: string;
  language: string | null;
  mediaType: string;
  size: number;
}

/** How views cite a document: enough to name and link it, without its text. */
export interface DocumentCitation {
  id: string;
  sha256: string;
  title: string | null;
  origin: string;
  source: string | null;
  publishedAt: string | null;
}

export interface DocumentListOptions {
  limit: number;
  afterSeq?: number;
  sourceId?: string;
  language?: string;
  /** Published on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Published on or before this day (YYYY-MM-DD). */
  to?: string;
}

const DOCUMENT_ID = /^doc_[0-9A-HJKMNP-TV-Z]{26}$/;
const SHA_PREFIX = /^[0-9a-f]{4,64}$/;

function toDocument(row: Selectable<DocumentsTable>): Document {
  return Document.parse({
    id: row.id,
    sha256: row.sha256,
    sourceId: row.source_id,
    origin: row.origin,
    mediaType: row.media_type,
    size: Number(row.size),
    capturedAt: row.captured_at,
    publishedAt: row.published_at,
    title: row.title,
    author: row.author,
    canonicalUrl: row.canonical_url,
    language: row.language,
    text: row.text,
    warnings: JSON.parse(row.warnings) as unknown,
    captureVersion: Number(row.capture_version),
    deletedAt: row.deleted_at,
  });
}

const toRef = (row: { id: string; sha256: string; origin: string; captured_at: string }): CapturedRef => ({
  id: row.id,
  sha256: row.sha256,
  origin: row.origin,
  capturedAt: row.captured_at,
});

export class DocumentRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly searchIndex: SearchIndex,
  ) {}

  /** Which of these originals are already captured, and as what. */
  async findBySha256(shas: readonly string[]): Promise<Map<string, CapturedRef>> {
    const found = new Map<string, CapturedRef>();
    for (let offset = 0; offset < shas.length; offset += 500) {
      const chunk = shas.slice(offset, offset + 500);
      const rows = await this.db.selectFrom('documents').select(['id', 'sha256', 'origin', 'captured_at']).where('sha256', 'in', chunk).execute();
      for (const row of rows) found.set(row.sha256, toRef(row));
    }
    return found;
  }

  /**
   * Store captures: original bytes, documents, search terms, a few statements per chunk rather than
   * per document. Call inside a transaction so they land together or not at all. Bytes already
   * stored (earlier, concurrently elsewhere, or twice in this call) come back as already captured.
   */
  async insertMany(captures: readonly NewDocument[]): Promise<InsertOutcome[]> {
    const outcomes: InsertOutcome[] = [];
    // Chunks keep every statement well below the engines' limits on bound parameters.
    for (let offset = 0; offset < captures.length; offset += 100) {
      const chunk = captures.slice(offset, offset + 100);
      await this.db
        .insertInto('originals')
        .values(chunk.map((capture) => ({ sha256: capture.sha256, bytes: Buffer.from(capture.bytes.buffer, capture.bytes.byteOffset, capture.bytes.byteLength), size: capture.bytes.byteLength })))
        .onConflict((conflict) => conflict.column('sha256').doNothing())
        .execute();
      const capturedAt = new Date().toISOString();
      const rows = chunk.map((capture) => ({
        id: newId('document'),
        sha256: capture.sha256,
        source_id: capture.sourceId,
        origin: capture.origin,
        media_type: capture.mediaType,
        size: capture.bytes.byteLength,
        captured_at: capturedAt,
        published_at: capture.publishedAt,
        title: capture.title,
        author: capture.author,
        canonical_url: capture.canonicalUrl,
        language: capture.language,
        text: capture.text,
        warnings: JSON.stringify(capture.warnings),
        capture_version: capture.captureVersion,
        deleted_at: null,
      }));
      const inserted = await this.db
        .insertInto('documents')
        .values(rows)
        .onConflict((conflict) => conflict.column('sha256').doNothing())
        .returning(['id', 'seq'])
        .execute();
      const seqById = new Map(inserted.map((row) => [row.id, Number(row.seq)]));
      await this.searchIndex.add(
        this.db,
        chunk.flatMap((capture, index) => {
          const seq = seqById.get((rows[index] as { id: string }).id);
          return seq === undefined ? [] : [{ id: (rows[index] as { id: string }).id, seq, ...capture.index }];
        }),
      );
      const notInserted = chunk.filter((_, index) => !seqById.has((rows[index] as { id: string }).id));
      const existing = await this.findBySha256(notInserted.map((capture) => capture.sha256));
      chunk.forEach((capture, index) => {
        const row = rows[index] as (typeof rows)[number];
        const seq = seqById.get(row.id);
        if (seq !== undefined) {
          outcomes.push({ status: 'captured', document: toDocument({ ...row, seq }) });
          return;
        }
        const earlier = existing.get(capture.sha256);
        if (!earlier) throw new Error(`capture of ${capture.sha256} neither stored nor found`);
        outcomes.push({ status: 'already_captured', existing: earlier });
      });
    }
    return outcomes;
  }

  /** Store one capture; see insertMany. */
  async insert(capture: NewDocument): Promise<InsertOutcome> {
    return (await this.insertMany([capture]))[0] as InsertOutcome;
  }

  async get(id: string): Promise<Document | null> {
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDocument(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Document>> {
    const documents = new Map<string, Document>();
    if (ids.length === 0) return documents;
    const rows = await this.db.selectFrom('documents').selectAll().where('id', 'in', ids).execute();
    for (const row of rows) documents.set(row.id, toDocument(row));
    return documents;
  }

  /** Titles, origins and sources of documents, without their text, for citing them in views. */
  async refs(ids: readonly string[]): Promise<Map<string, DocumentCitation>> {
    const refs = new Map<string, DocumentCitation>();
    const unique = [...new Set(ids)];
    for (let offset = 0; offset < unique.length; offset += 500) {
      const rows = await this.db
        .selectFrom('documents')
        .leftJoin('sources', 'sources.id', 'documents.source_id')
        .select(['documents.id', 'documents.sha256', 'documents.title', 'documents.origin', 'sources.name as source', 'documents.published_at'])
        .where('documents.id', 'in', unique.slice(offset, offset + 500))
        .execute();
      for (const row of rows) refs.set(row.id, { id: row.id, sha256: row.sha256, title: row.title, origin: row.origin, source: row.source, publishedAt: row.published_at });
    }
    return refs;
  }

  /** A document by id, or by a SHA-256 prefix of at least 4 hex digits that only one document has. */
  async resolve(reference: string): Promise<ResolveOutcome> {
    const ref = reference.trim();
    if (DOCUMENT_ID.test(ref)) {
      const document = await this.get(ref);
      return document ? { status: 'found', document } : { status: 'not_found' };
    }
    const prefix = ref.toLowerCase();
    if (!SHA_PREFIX.test(prefix)) return { status: 'not_found' };
    const rows = await this.db
      .selectFrom('documents')
      .select(['id', 'sha256', 'origin', 'captured_at'])
      .where('sha256', '>=', prefix)
      .where('sha256', '<', `${prefix}g`)
      .orderBy('sha256')
      .limit(10)
      .execute();
    if (rows.length === 0) return { status: 'not_found' };
    if (rows.length > 1) return { status: 'ambiguous', candidates: rows.map(toRef) };
    const document = await this.get((rows[0] as { id: string }).id);
    return document ? { status: 'found', document } : { status: 'not_found' };
  }

  /**
   * Documents in capture order, a page at a time (keyset pagination on the sequence), optionally
   * only one source's, one language's, or those published in a date range (inclusive days).
   */
  async list(options: DocumentListOptions): Promise<{ documents: DocumentSummary[]; lastSeq: number | null }> {
    let query = this.db
      .selectFrom('documents')
      .leftJoin('sources', 'sources.id', 'documents.source_id')
      .select([
        'documents.seq', 'documents.id', 'documents.sha256', 'documents.origin', 'documents.title', 'documents.source_id', 'sources.name as sourceName',
        'documents.published_at', 'documents.captured_at', 'documents.language', 'documents.media_type', 'documents.size',
      ])
      .where('documents.deleted_at', 'is', null)
      .orderBy('documents.seq')
      .limit(options.limit);
    if (options.afterSeq !== undefined) query = query.where('documents.seq', '>', options.afterSeq);
    if (options.sourceId !== undefined) query = query.where('documents.source_id', '=', options.sourceId);
    if (options.language !== undefined) query = query.where('documents.language', '=', options.language);
    // Published dates are ISO days or instants: both compare as text, and "to" covers its whole day.
    if (options.from !== undefined) query = query.where('documents.published_at', '>=', options.from);
    if (options.to !== undefined) query = query.where('documents.published_at', '<', new Date(Date.parse(`${options.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
    const rows = await query.execute();
    return {
      documents: rows.map((row) => ({
        seq: Number(row.seq),
        id: row.id,
        sha256: row.sha256,
        origin: row.origin,
        title: row.title,
        sourceId: row.source_id,
        sourceName: row.sourceName,
        publishedAt: row.published_at,
        capturedAt: row.captured_at,
        language: row.language,
        mediaType: row.media_type,
        size: Number(row.size),
      })),
      lastSeq: rows.length > 0 ? Number((rows[rows.length - 1] as { seq: number | string }).seq) : null,
    };
  }

  /** Every live document in capture order, read a page at a time so memory stays bounded. */
  async *live(pageSize = 200): AsyncGenerator<Document> {
    let afterSeq: number | undefined;
    for (;;) {
      const page = await this.list({ limit: pageSize, ...(afterSeq === undefined ? {} : { afterSeq }) });
      const documents = await this.getMany(page.documents.map((summary) => summary.id));
      for (const summary of page.documents) {
        const document = documents.get(summary.id);
        if (document && !document.deletedAt) yield document;
      }
      if (page.lastSeq === null || page.documents.length < pageSize) return;
      afterSeq = page.lastSeq;
    }
  }

  /**
   * Mark a document deleted: it leaves lists and search, its original and text stay for the audit
   * trail. Returns false when it was already deleted or does not exist.
   */
  async markDeleted(id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('documents').set({ deleted_at: at }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('documents').select(sql<string | number>`count(*)`.as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Live documents per source id. */
  async countBySource(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('documents')
      .select(['source_id', sql<string | number>`count(*)`.as('n')])
      .where('deleted_at', 'is', null)
      .where('source_id', 'is not', null)
      .groupBy('source_id')
      .execute();
    return new Map(rows.map((row) => [row.source_id as string, Number(row.n)]));
  }

  async original(sha256: string): Promise<Buffer | null> {
    const row = await this.db.selectFrom('originals').select('bytes').where('sha256', '=', sha256).executeTakeFirst();
    return row ? Buffer.from(row.bytes) : null;
  }

  /** Every original, a page at a time, so verifying a large store does not hold it all in memory. */
  async *originals(pageSize = 200): AsyncGenerator<{ sha256: string; bytes: Buffer }> {
    let after = '';
    for (;;) {
      const rows = await this.db.selectFrom('originals').select(['sha256', 'bytes']).where('sha256', '>', after).orderBy('sha256').limit(pageSize).execute();
      for (const row of rows) yield { sha256: row.sha256, bytes: Buffer.from(row.bytes) };
      if (rows.length < pageSize) return;
      after = (rows[rows.length - 1] as { sha256: string }).sha256;
    }
  }

  /** Documents whose original bytes are missing (should never happen; verify reports it). */
  async withoutOriginal(): Promise<CapturedRef[]> {
    const rows = await this.db
      .selectFrom('documents')
      .leftJoin('originals', 'originals.sha256', 'documents.sha256')
      .select(['documents.id', 'documents.sha256', 'documents.origin', 'documents.captured_at'])
      .where('originals.sha256', 'is', null)
      .execute();
    return rows.map(toRef);
  }

  async search(query: SearchQuery, limit: number): Promise<SearchHits> {
    return this.searchIndex.search(this.db, query, limit);
  }
}
