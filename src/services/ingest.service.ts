import { readFile } from 'node:fs/promises';
import { CAPTURE_VERSION, CaptureRejection, captureBytes, DEFAULT_MAX_BYTES, sha256Hex, type CapturedText } from '../capture/capture.js';
import type { MediaType } from '../model/document.js';
import type { SourceKind } from '../model/source.js';
import { indexText } from '../search/analyzer.js';
import type { NewDocument } from '../store/document.repository.js';
import type { Store, StoreSession } from '../store/store.js';
import { discoverFiles } from './discover-files.js';

/** What happened to one path. `message` is one line a person can act on. */
export interface IngestResult {
  origin: string;
  status: 'captured' | 'already_captured' | 'failed';
  documentId?: string;
  sha256?: string;
  title?: string | null;
  language?: string | null;
  message?: string;
  warnings: string[];
}

export interface IngestSummary {
  captured: number;
  alreadyCaptured: number;
  failed: number;
  ignored: number;
  warnings: number;
  seconds: number;
}

export interface IngestOptions {
  maxBytes?: number;
  /** Credit every document of this run to this source (else the page's own site name or front matter). */
  sourceName?: string;
  sourceKind?: SourceKind;
  /** Documents per transaction: larger is faster, smaller loses less to a crash (never half a document). */
  batchSize?: number;
  onResult?: (result: IngestResult) => void;
  /** Relative paths are read from here (default: the process's working folder) and recorded as given. */
  baseDir?: string;
}

// A document's searchable words are capped so one enormous file cannot swamp the index (PostgreSQL
// refuses a tsvector over 1 MB); the text itself is kept whole.
const MAX_INDEXED_CHARS = 1_000_000;

interface Pending {
  origin: string;
  mediaType: MediaType;
  bytes: Uint8Array;
  sha256: string;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Capture one original (pure CPU work) into a storable document, or a failure result. */
function prepare(pending: Pending, options: IngestOptions): { document: NewDocument & { sourceName: string | null }; captured: CapturedText } | IngestResult {
  let captured: CapturedText;
  try {
    captured = captureBytes({ bytes: pending.bytes, mediaType: pending.mediaType, sha256: pending.sha256 });
  } catch (error) {
    const message = error instanceof CaptureRejection ? error.message : `could not be read (${(error as Error).message})`;
    return { origin: pending.origin, status: 'failed', sha256: pending.sha256, message, warnings: [] };
  }
  const warnings = [...captured.warnings];
  if (captured.text.length > MAX_INDEXED_CHARS) warnings.push(`only the first ${MAX_INDEXED_CHARS.toLocaleString('en')} characters are searchable`);
  return {
    captured,
    document: {
      sha256: pending.sha256,
      bytes: pending.bytes,
      origin: pending.origin,
      sourceId: null,
      sourceName: options.sourceName ?? captured.sourceName,
      mediaType: captured.mediaType,
      publishedAt: captured.publishedAt,
      title: captured.title,
      author: captured.author,
      canonicalUrl: captured.canonicalUrl,
      language: captured.language,
      text: captured.text,
      warnings,
      captureVersion: CAPTURE_VERSION,
      index: { titleTerms: indexText(captured.title ?? ''), bodyTerms: indexText(captured.text.slice(0, MAX_INDEXED_CHARS)) },
    },
  };
}

async function storeOne(session: StoreSession, document: NewDocument & { sourceName: string | null }, options: IngestOptions): Promise<IngestResult> {
  const sourceId = document.sourceName ? await session.sources.ensure(document.sourceName, options.sourceKind) : null;
  const outcome = await session.documents.insert({ ...document, sourceId });
  if (outcome.status === 'already_captured') {
    return { origin: document.origin, status: 'already_captured', documentId: outcome.existing.id, sha256: document.sha256, message: `already captured as ${outcome.existing.id} (from ${outcome.existing.origin})`, warnings: [] };
  }
  return { origin: document.origin, status: 'captured', documentId: outcome.document.id, sha256: document.sha256, title: document.title, language: document.language, warnings: document.warnings };
}

/**
 * Store a batch in one transaction. If it fails, each document is retried in a transaction of its
 * own so one bad document costs only itself; a failed document leaves nothing behind.
 */
async function storeBatch(store: Store, documents: (NewDocument & { sourceName: string | null })[], options: IngestOptions): Promise<IngestResult[]> {
  if (documents.length === 0) return [];
  try {
    return await store.transaction(async (session) => {
      const results: IngestResult[] = [];
      for (const document of documents) results.push(await storeOne(session, document, options));
      return results;
    });
  } catch {
    const results: IngestResult[] = [];
    for (const document of documents) {
      try {
        results.push(await store.transaction((session) => storeOne(session, document, options)));
      } catch (error) {
        results.push({ origin: document.origin, status: 'failed', sha256: document.sha256, message: `could not be stored (${(error as Error).message})`, warnings: [] });
      }
    }
    return results;
  }
}

/**
 * Capture files and folders into the store. Every path gets exactly one result; failures never
 * stop the run. Originals are hashed first so files already captured are not parsed again.
 */
export async function ingestPaths(store: Store, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const batchSize = options.batchSize ?? 200;
  const summary: IngestSummary = { captured: 0, alreadyCaptured: 0, failed: 0, ignored: 0, warnings: 0, seconds: 0 };
  const started = performance.now();
  const report = (result: IngestResult) => {
    if (result.status === 'captured') summary.captured++;
    else if (result.status === 'already_captured') summary.alreadyCaptured++;
    else summary.failed++;
    summary.warnings += result.warnings.length;
    options.onResult?.(result);
  };

  let batch: Pending[] = [];
  let batchBytes = 0;
  const flush = async () => {
    const pending = batch;
    batch = [];
    batchBytes = 0;
    const known = await store.documents.findBySha256(pending.map((item) => item.sha256));
    // Same bytes twice in one run: the copy is stored after the first and comes back "already captured".
    const preparedInBatch = new Map<string, ReturnType<typeof prepare>>();
    const toStore: (NewDocument & { sourceName: string | null })[] = [];
    for (const item of pending) {
      const existing = known.get(item.sha256);
      if (existing) {
        report({ origin: item.origin, status: 'already_captured', documentId: existing.id, sha256: item.sha256, message: `already captured as ${existing.id} (from ${existing.origin})`, warnings: [] });
        continue;
      }
      const twin = preparedInBatch.get(item.sha256);
      const prepared = twin ?? prepare(item, options);
      preparedInBatch.set(item.sha256, prepared);
      if ('status' in prepared) report({ ...prepared, origin: item.origin });
      else toStore.push({ ...prepared.document, origin: item.origin });
    }
    for (const result of await storeBatch(store, toStore, options)) report(result);
  };

  for await (const entry of discoverFiles(paths, options.baseDir)) {
    if (entry.kind === 'ignored') {
      summary.ignored++;
      continue;
    }
    if (entry.kind === 'error') {
      report({ origin: entry.path, status: 'failed', message: entry.message, warnings: [] });
      continue;
    }
    if (entry.size === 0) {
      report({ origin: entry.path, status: 'failed', message: 'empty file', warnings: [] });
      continue;
    }
    if (entry.size > maxBytes) {
      report({ origin: entry.path, status: 'failed', message: `too large: ${megabytes(entry.size)} exceeds the ${megabytes(maxBytes)} limit (raise it with --max-bytes)`, warnings: [] });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(entry.location);
    } catch (error) {
      report({ origin: entry.path, status: 'failed', message: `could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, warnings: [] });
      continue;
    }
    batch.push({ origin: entry.path, mediaType: entry.mediaType, bytes, sha256: sha256Hex(bytes) });
    batchBytes += bytes.byteLength;
    // Bound memory by bytes as well as by count: a batch of large files is flushed early.
    if (batch.length >= batchSize || batchBytes >= 64 * 1024 * 1024) await flush();
  }
  await flush();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
