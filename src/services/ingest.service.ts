import { readFileSync } from 'node:fs';
import { DEFAULT_MAX_BYTES, sha256Hex } from '../capture/capture.js';
import type { SourceKind } from '../model/source.js';
import { Store, type StoreSession } from '../store/store.js';
import { createCapturePool, type CapturePool } from './capture-pool.js';
import { discoverFiles, type DiscoveredPath } from './discover-files.js';
import { StoreOpenError, type IngestThreadOptions, type IngestThreadOutcome } from './ingest-thread.js';
import { loadExtractor, prepareCapture, type CaptureTask, type PreparedCapture, type PreparedDocument } from './prepare-capture.js';

/** What happened to one path. `message` is one line a person can act on. */
export interface IngestResult {
  origin: string;
  status: 'captured' | 'already_captured' | 'failed';
  documentId?: string;
  sha256?: string;
  title?: string | null;
  language?: string | null;
  /** Proposed claims stored with a newly captured document. */
  claims?: number;
  message?: string;
  warnings: string[];
}

export interface IngestSummary {
  captured: number;
  /** Proposed claims stored with the captured documents. */
  claims: number;
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
  /** Worker threads for capture; 0 runs inline (default: inline; the CLI uses one per core). */
  threads?: number;
  onResult?: (result: IngestResult) => void;
  /** Who is capturing, for the audit log (default "ingest"). */
  actor?: string;
  /** Extract claims from each new document and store them as proposed (default: true). */
  extract?: boolean;
  /** The run's source is a confidential, pseudonymous one (a witness through intake). */
  confidentialSource?: boolean;
  /** Relative paths are read from here (default: the process's working folder) and recorded as given. */
  baseDir?: string;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
// Bound a batch by bytes as well as by count: large files flush early. With BATCHES_AHEAD batches
// being captured while one is stored, at most about 72 MB of originals are in memory at once.
const MAX_BATCH_BYTES = 24 * 1024 * 1024;
// Documents per worker task: enough to make messaging cheap, few enough to spread a batch over the workers.
const CHUNK = 25;
/*
 * Batches being captured while one is stored. Storing a batch is a synchronous transaction: the
 * workers must already hold enough to keep going until it ends. With every chunk handed out at
 * once (capture-pool.ts), one batch ahead made 2,451–2,557 text docs/s and two 2,574–2,824
 * (docs/BENCHMARKS.md, fifth session); each batch ahead holds one more batch in memory.
 */
const BATCHES_AHEAD = 2;

const failure = (origin: string, message: string, sha256?: string): IngestResult => ({ origin, status: 'failed', message, warnings: [], ...(sha256 ? { sha256 } : {}) });
const alreadyCaptured = (origin: string, sha256: string, existing: { id: string; origin: string }): IngestResult => ({
  origin,
  status: 'already_captured',
  documentId: existing.id,
  sha256,
  message: `already captured as ${existing.id} (from ${existing.origin})`,
  warnings: [],
});

async function storeDocuments(session: StoreSession, documents: readonly PreparedDocument[], options: IngestOptions): Promise<IngestResult[]> {
  const names = [...new Set(documents.map((document) => document.sourceName).filter((name): name is string => Boolean(name)))];
  const sourceIds = await session.sources.ensureMany(names, options.sourceKind, options.confidentialSource ?? false);
  const outcomes = await session.documents.insertMany(documents.map((document) => ({ ...document, sourceId: document.sourceName ? (sourceIds.get(document.sourceName) ?? null) : null })));
  const results: IngestResult[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    const document = documents[index] as PreparedDocument;
    if (outcome.status === 'already_captured') {
      results.push(alreadyCaptured(document.origin, document.sha256, outcome.existing));
      continue;
    }
    // In the same transaction as the document: it never lands without its proposed claims.
    const claims = document.claims ? (await session.claims.replaceProposed(outcome.document.id, document.claims, { fresh: true })).proposed : undefined;
    results.push({ origin: document.origin, status: 'captured', documentId: outcome.document.id, sha256: document.sha256, title: document.title, language: document.language, warnings: document.warnings, ...(claims === undefined ? {} : { claims }) });
  }
  const captured = results.filter((result) => result.status === 'captured');
  if (captured.length > 0) {
    // One audit entry per batch keeps the log small at 100,000 documents while naming every capture.
    await session.audit.append({ actor: options.actor ?? 'ingest', action: 'document.capture', subjectId: null, payload: { documents: captured.map((result) => [result.documentId, result.sha256]) } });
  }
  return results;
}

/**
 * Store a batch in one transaction. If it fails, each document is retried in a transaction of its
 * own so one bad document costs only itself; a failed document leaves nothing behind.
 */
async function storeBatch(store: Store, documents: PreparedDocument[], options: IngestOptions): Promise<IngestResult[]> {
  if (documents.length === 0) return [];
  try {
    return await store.transaction((session) => storeDocuments(session, documents, options));
  } catch {
    const results: IngestResult[] = [];
    for (const document of documents) {
      try {
        results.push(...(await store.transaction((session) => storeDocuments(session, [document], options))));
      } catch (error) {
        results.push(failure(document.origin, `could not be stored (${(error as Error).message})`, document.sha256));
      }
    }
    return results;
  }
}

type ReadFile = { task: CaptureTask } | { result: IngestResult };
/** Where one path of a batch stands: decided already, or captured and ready to store (or failed). */
type Slot = IngestResult | { ok: true; document: PreparedDocument } | Extract<PreparedCapture, { ok: false }>;
interface CapturingBatch {
  slots: Promise<Slot[]>;
}

// Synchronous on purpose (see discover-files.ts): small reads are far cheaper than awaited round trips,
// and capture itself runs on worker threads that this does not block.
function readOne(entry: Extract<DiscoveredPath, { kind: 'file' }>, options: IngestOptions): ReadFile {
  try {
    const bytes = readFileSync(entry.location);
    return { task: { origin: entry.path, mediaType: entry.mediaType, bytes, sha256: sha256Hex(bytes), sourceName: options.sourceName ?? null, extract: options.extract ?? true } };
  } catch (error) {
    return { result: failure(entry.path, `could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`) };
  }
}

/**
 * Capture files and folders into the store. Every path gets exactly one result, in the order the
 * paths were found; failures never stop the run. Originals are hashed first so files already
 * captured are not parsed again. Capture of one batch (on worker threads when asked) overlaps
 * the storing of the previous one.
 */
export async function ingestPaths(store: Store, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const batchSize = options.batchSize ?? 500;
  const summary: IngestSummary = { captured: 0, claims: 0, alreadyCaptured: 0, failed: 0, ignored: 0, warnings: 0, seconds: 0 };
  const started = performance.now();
  const pool: CapturePool = createCapturePool(options.threads ?? 0);
  const report = (result: IngestResult) => {
    if (result.status === 'captured') {
      summary.captured++;
      summary.claims += result.claims ?? 0;
    }
    else if (result.status === 'already_captured') summary.alreadyCaptured++;
    else summary.failed++;
    summary.warnings += result.warnings.length;
    options.onResult?.(result);
  };

  let entries: (Extract<DiscoveredPath, { kind: 'file' }> | IngestResult)[] = [];
  let entryBytes = 0;
  // Batches whose capture is under way, oldest first; the oldest is stored while the others are captured.
  const capturing: CapturingBatch[] = [];

  /** Read, hash and look up a batch, then hand the new originals to the pool; resolves to one slot per entry. */
  const startCapture = async (batch: typeof entries): Promise<CapturingBatch> => {
    const read = batch.map((entry): ReadFile => ('status' in entry ? { result: entry } : readOne(entry, options)));
    const known = await store.documents.findBySha256(read.flatMap((item) => ('task' in item ? [item.task.sha256] : [])));
    // The same bytes twice in a batch are captured once; the copy is stored after and reported "already captured".
    const fresh = new Map<string, CaptureTask>();
    for (const item of read) if ('task' in item && !known.has(item.task.sha256) && !fresh.has(item.task.sha256)) fresh.set(item.task.sha256, item.task);
    const preparedBySha = new Map<string, Promise<PreparedCapture>>();
    const tasks = [...fresh.values()];
    for (let offset = 0; offset < tasks.length; offset += CHUNK) {
      const chunk = tasks.slice(offset, offset + CHUNK);
      // A worker that dies (out of memory on a pathological page) fails its documents, not the run.
      const results = pool.run(chunk).catch((error: Error) =>
        chunk.map((task): PreparedCapture => ({ ok: false, origin: task.origin, sha256: task.sha256, message: `capture crashed (${error.message})` })),
      );
      chunk.forEach((task, index) => preparedBySha.set(task.sha256, results.then((all) => all[index] as PreparedCapture)));
    }
    const slots = read.map((item): Slot | Promise<Slot> => {
      if ('result' in item) return item.result;
      const { task } = item;
      const existing = known.get(task.sha256);
      if (existing) return alreadyCaptured(task.origin, task.sha256, existing);
      const prepared = preparedBySha.get(task.sha256) as Promise<PreparedCapture>;
      // The bytes come back from the worker: the task's own were handed over (capture-pool.ts).
      return prepared.then((outcome): Slot => (outcome.ok ? { ok: true, document: { ...outcome.document, origin: task.origin } } : { ...outcome, origin: task.origin }));
    });
    return { slots: Promise.all(slots) };
  };

  /** Store a captured batch and report its results in discovery order. */
  const finish = async (captured: CapturingBatch) => {
    const slots = await captured.slots;
    const stored = await storeBatch(store, slots.flatMap((slot) => ('ok' in slot && slot.ok ? [slot.document] : [])), options);
    let next = 0;
    for (const slot of slots) {
      if ('status' in slot) report(slot);
      else if (!slot.ok) report(failure(slot.origin, slot.message, slot.sha256));
      else report(stored[next++] as IngestResult);
    }
  };

  // Looking up batch N happens before the batches before it are stored, so no write transaction
  // holds the store meanwhile; a copy of bytes stored in between is caught by insertMany.
  const flush = async (last = false) => {
    const batch = entries;
    entries = [];
    entryBytes = 0;
    if (batch.length > 0) capturing.push(await startCapture(batch));
    while (capturing.length > (last ? 0 : BATCHES_AHEAD)) await finish(capturing.shift() as CapturingBatch);
  };

  try {
    for await (const entry of discoverFiles(paths, options.baseDir)) {
      if (entry.kind === 'ignored') summary.ignored++;
      else if (entry.kind === 'error') entries.push(failure(entry.path, entry.message));
      else if (entry.size === 0) entries.push(failure(entry.path, 'empty file'));
      else if (entry.size > maxBytes) entries.push(failure(entry.path, `too large: ${megabytes(entry.size)} exceeds the ${megabytes(maxBytes)} limit (raise it with --max-bytes)`));
      else {
        entries.push(entry);
        entryBytes += entry.size;
      }
      if (entries.length >= batchSize || entryBytes >= MAX_BATCH_BYTES) await flush();
    }
    await flush(true);
  } finally {
    await pool.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * Open the store at `location`, ingest, close: the work of the ingest thread (ingest-thread.ts),
 * or of the calling thread when it ingests itself. A store that cannot open is a StoreOpenError.
 */
export async function ingestInto(location: string, paths: readonly string[], options: IngestThreadOptions, onResult: (result: IngestResult) => void): Promise<IngestThreadOutcome> {
  let store: Store;
  try {
    store = await Store.open(location);
  } catch (error) {
    throw new StoreOpenError((error as Error).message);
  }
  try {
    const summary = await ingestPaths(store, paths, { ...options, onResult });
    return { summary, location: store.location };
  } finally {
    await store.close();
  }
}

/** One document held in memory rather than in a file (a decrypted intake submission). */
export interface InMemoryOriginal {
  origin: string;
  mediaType: CaptureTask['mediaType'];
  bytes: Uint8Array;
}

/**
 * Capture originals held in memory: the same hashing, capture, extraction, storing and audit as
 * `ingestPaths`, without the bytes ever being written to a file. One result per original, in order.
 */
export async function ingestOriginals(store: Store, originals: readonly InMemoryOriginal[], options: IngestOptions = {}): Promise<IngestResult[]> {
  const tasks = originals.map((original): CaptureTask => ({ origin: original.origin, mediaType: original.mediaType, bytes: original.bytes, sha256: sha256Hex(original.bytes), sourceName: options.sourceName ?? null, extract: options.extract ?? true }));
  const known = await store.documents.findBySha256(tasks.map((task) => task.sha256));
  if (tasks.some((task) => task.extract)) await loadExtractor();
  const slots: (IngestResult | PreparedDocument)[] = tasks.map((task) => {
    const existing = known.get(task.sha256);
    if (existing) return alreadyCaptured(task.origin, task.sha256, existing);
    const prepared = prepareCapture(task);
    return prepared.ok ? prepared.document : failure(task.origin, prepared.message, task.sha256);
  });
  const stored = await storeBatch(store, slots.filter((slot): slot is PreparedDocument => !('status' in slot)), options);
  let next = 0;
  const results = slots.map((slot) => ('status' in slot ? slot : (stored[next++] as IngestResult)));
  for (const result of results) options.onResult?.(result);
  return results;
}
