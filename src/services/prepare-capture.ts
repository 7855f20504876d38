import { CAPTURE_VERSION, CaptureRejection, captureBytes } from '../capture/capture.js';
import type { MediaType } from '../model/document.js';
import { indexText } from '../search/analyzer.js';
import type { ProposedClaims } from '../store/claim.repository.js';
import type { NewDocument } from '../store/document.repository.js';

/** One original to capture; plain data, so it can cross into a worker thread. */
export interface CaptureTask {
  origin: string;
  mediaType: MediaType;
  bytes: Uint8Array;
  sha256: string;
  /** Overrides the source the page or front matter names. */
  sourceName: string | null;
  /** Run extraction too, so the document is stored with its proposed claims. */
  extract: boolean;
}

/** A document ready to store, with the name of its source still to be resolved to an id. */
export type PreparedDocument = Omit<NewDocument, 'sourceId'> & { sourceName: string | null; claims: ProposedClaims | null };

/**
 * What capture sends back. A document carries its original bytes: a worker thread is handed them
 * (transferred, not copied: see capture-pool.ts) and hands them back with the document.
 */
export type PreparedCapture = { ok: true; document: PreparedDocument } | { ok: false; origin: string; sha256: string; message: string };

// A document's searchable words are capped so one enormous file cannot swamp the index (PostgreSQL
// refuses a tsvector over 1 MB); the text itself is kept whole.
export const MAX_INDEXED_CHARS = 1_000_000;

/** Extraction, once loaded: text in, proposed claims out. */
type Extractor = (text: string, context: { language: string | null; publishedAt: string | null }) => ProposedClaims;
let extractor: Extractor | null = null;

/**
 * Load the extractor and its lexicons and gazetteers (once per thread). A run that only captures
 * never loads them: about 26 MB less per capture thread.
 */
export async function loadExtractor(): Promise<void> {
  if (extractor) return;
  const [{ extract }, { proposedClaimsOf }] = await Promise.all([import('../extract/extract.js'), import('./extraction-claims.js')]);
  extractor = (text, context) => proposedClaimsOf(extract(text, context));
}

/** Capture a chunk of documents, loading the extractor first when any of them asks for extraction. */
export async function prepareChunk(tasks: readonly CaptureTask[]): Promise<PreparedCapture[]> {
  if (tasks.some((task) => task.extract)) await loadExtractor();
  return tasks.map(prepareCapture);
}

/**
 * The CPU-bound part of ingest: capture (clean, normalise, detect language), analyse search
 * terms and, when asked, extract claims (load the extractor first: see prepareChunk). Pure, so it
 * runs the same inline or in a worker thread.
 */
export function prepareCapture(task: CaptureTask): PreparedCapture {
  let captured;
  try {
    captured = captureBytes({ bytes: task.bytes, mediaType: task.mediaType, sha256: task.sha256 });
  } catch (error) {
    const message = error instanceof CaptureRejection ? error.message : `could not be read (${(error as Error).message})`;
    return { ok: false, origin: task.origin, sha256: task.sha256, message };
  }
  const warnings = [...captured.warnings];
  if (captured.text.length > MAX_INDEXED_CHARS) warnings.push(`only the first ${MAX_INDEXED_CHARS.toLocaleString('en')} characters are searchable`);
  if (task.extract && !extractor) throw new Error('prepareCapture: the extractor is not loaded (use prepareChunk)');
  const claims = task.extract && extractor ? extractor(captured.text, { language: captured.language, publishedAt: captured.publishedAt }) : null;
  return {
    ok: true,
    document: {
      sha256: task.sha256,
      bytes: task.bytes,
      origin: task.origin,
      sourceName: task.sourceName ?? captured.sourceName,
      mediaType: captured.mediaType,
      publishedAt: captured.publishedAt,
      title: captured.title,
      author: captured.author,
      canonicalUrl: captured.canonicalUrl,
      language: captured.language,
      text: captured.text,
      warnings,
      captureVersion: CAPTURE_VERSION,
      claims,
      index: { titleTerms: indexText(captured.title ?? ''), bodyTerms: indexText(captured.text.slice(0, MAX_INDEXED_CHARS)) },
    },
  };
}
