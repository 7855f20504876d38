import type { AnalyzedText } from '../analyzed-text.js';
import type { ExtractedMention } from '../extraction.js';

/** Persons, organisations, places and victim groups, each resolved within the document to its fullest name. */
export function extractEntities(_analyzed: AnalyzedText): ExtractedMention[] {
  return [];
}
