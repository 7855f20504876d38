import type { AnalyzedText } from '../analyzed-text.js';
import type { ExtractedAct } from '../extraction.js';

/** Violation acts with their flags (alleged, denied, hypothetical, negated). */
export function extractActs(_analyzed: AnalyzedText): ExtractedAct[] {
  return [];
}
