import type { AnalyzedText } from '../analyzed-text.js';
import type { ExtractedFigure } from '../extraction.js';

/** Counts of victims with bound and category. */
export function extractFigures(_analyzed: AnalyzedText): ExtractedFigure[] {
  return [];
}
