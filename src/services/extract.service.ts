import { readFileSync, statSync } from 'node:fs';
import { captureBytes, CaptureRejection, DEFAULT_MAX_BYTES, mediaTypeOf, SUPPORTED_EXTENSIONS } from '../capture/capture.js';
import { extract } from '../extract/extract.js';
import type { Extraction } from '../extract/extraction.js';

export interface FileExtraction {
  extraction: Extraction;
  title: string | null;
  publishedAt: string | null;
  warnings: string[];
}

/**
 * Capture a file in memory (nothing is stored) and extract from its text. Offsets refer to the
 * captured text, which the result carries, not to the file's bytes.
 */
export function extractFile(path: string, maxBytes = DEFAULT_MAX_BYTES): FileExtraction {
  const mediaType = mediaTypeOf(path);
  if (!mediaType) throw new CaptureRejection(`not a supported file type (use ${SUPPORTED_EXTENSIONS.join(' ')})`);
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new CaptureRejection('not a file');
    size = stats.size;
  } catch (error) {
    if (error instanceof CaptureRejection) throw error;
    throw new CaptureRejection('no such file');
  }
  if (size > maxBytes) throw new CaptureRejection(`too large (${size} bytes; the limit is ${maxBytes})`);
  const captured = captureBytes({ bytes: readFileSync(path), mediaType });
  const extraction = extract(captured.text, { language: captured.language, publishedAt: captured.publishedAt });
  return { extraction, title: captured.title, publishedAt: captured.publishedAt, warnings: captured.warnings };
}
