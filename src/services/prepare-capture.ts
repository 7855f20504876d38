import { CAPTURE_VERSION, CaptureRejection, captureBytes } from '../capture/capture.js';
import type { MediaType } from '../model/document.js';
import { extract } from '../extract/extract.js';
import { indexText } from '../search/analyzer.js';
import type { ProposedClaims } from '../store/claim.repository.js';
import type { NewDocument } from '../store/document.repository.js';
import { proposedClaimsOf } from './extraction-claims.js';

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

/** What capture sends back: the document without its bytes, which the caller already holds (no copy back from a worker). */
export type PreparedCapture = { ok: true; document: Omit<PreparedDocument, 'bytes'> } | { ok: false; origin: string; sha256: string; message: string };

// A document's searchable words are capped so one enormous file cannot swamp the index (PostgreSQL
// refuses a tsvector over 1 MB); the text itself is kept whole.
export const MAX_INDEXED_CHARS = 1_000_000;

/**
 * The CPU-bound part of ingest: capture (clean, normalise, detect language), analyse search
 * terms and, when asked, extract claims. Pure, so it runs the same inline or in a worker thread.
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
  const claims = task.extract ? proposedClaimsOf(extract(captured.text, { language: captured.language, publishedAt: captured.publishedAt })) : null;
  return {
    ok: true,
    document: {
      sha256: task.sha256,
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
