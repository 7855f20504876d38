import type { AnalyzedText } from '../analyzed-text.js';
import type { ExtractedDate } from '../extraction.js';

/** Absolute and relative dates, resolved against the published date (YYYY-MM-DD) when given. */
export function extractDates(_analyzed: AnalyzedText, _publishedAt: string | null): ExtractedDate[] {
  return [];
}
