import type { AnalyzedText } from '../analyzed-text.js';
import type { ExtractedAttribution, ExtractedMention } from '../extraction.js';

/** Who statements are credited to ("according to …", "… told …", "… reported"). */
export function extractAttributions(_analyzed: AnalyzedText, _mentions: readonly ExtractedMention[]): ExtractedAttribution[] {
  return [];
}
