import { analyze } from './analyzed-text.js';
import { extractActs } from './en/acts.js';
import { extractAttributions } from './en/attributions.js';
import { extractDates } from './en/dates.js';
import { extractEntities } from './en/entities.js';
import { extractFigures } from './en/figures.js';
import type { ExtractedAttribution, Extraction } from './extraction.js';

export interface ExtractOptions {
  /** ISO 639-1 code from capture; rules exist for English, other languages yield an empty extraction. */
  language?: string | null;
  /** Published date (YYYY-MM-DD or longer ISO) for resolving "on Monday", "last month". */
  publishedAt?: string | null;
}

// The commonest English function words: frequent in any English text, rare in other languages.
const ENGLISH_FUNCTION_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'was', 'were', 'is', 'are', 'that', 'for', 'on', 'with', 'by', 'at', 'from', 'have', 'has', 'had', 'been', 'said', 'they', 'their', 'his', 'her', 'which', 'who']);

/**
 * Language detection guesses at random on a sentence or two (franc calls a 75-character English
 * sentence German); such texts still get English rules when English function words make up a
 * good share of their first words.
 */
export function looksEnglish(text: string): boolean {
  const words = text.slice(0, 3000).toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length < 5) return false;
  let hits = 0;
  for (const word of words) if (ENGLISH_FUNCTION_WORDS.has(word)) hits++;
  return hits / words.length >= 0.12;
}

/** Rule set version: stored with every claim so re-extraction knows what it replaces. */
export const EXTRACT_VERSION = 'extract-en@1';

/**
 * The attribution whose covered span holds [start, end), innermost first. Attributions come sorted by
 * coversStart; only the few nearest are examined, so linking stays linear on huge texts.
 */
function attributionFor(attributions: readonly ExtractedAttribution[], start: number, end: number): number | null {
  let low = 0;
  let high = attributions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (attributions[middle]!.coversStart <= start) low = middle + 1;
    else high = middle;
  }
  let best: number | null = null;
  for (let index = low - 1; index >= 0 && index >= low - 8; index--) {
    const attribution = attributions[index]!;
    if (end > attribution.coversEnd) continue;
    const current = best === null ? null : attributions[best]!;
    if (!current || attribution.coversEnd - attribution.coversStart < current.coversEnd - current.coversStart) best = index;
  }
  return best;
}

/**
 * The extract stage: text to mentions, acts, figures, attributions and dates, each with its span.
 * Pure and linear in the text's length.
 */
export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const language = options.language ?? null;
  const empty: Extraction = { text, language, mentions: [], acts: [], figures: [], attributions: [], dates: [] };
  if (language !== null && language !== 'en' && !looksEnglish(text)) return empty;
  const analyzed = analyze(text);
  const mentions = extractEntities(analyzed);
  const attributions = extractAttributions(analyzed, mentions).sort((a, b) => a.coversStart - b.coversStart || a.start - b.start);
  const acts = extractActs(analyzed).map((act) => ({ ...act, attribution: attributionFor(attributions, act.start, act.end) }));
  const figures = extractFigures(analyzed).map((figure) => ({ ...figure, attribution: attributionFor(attributions, figure.start, figure.end) }));
  const dates = extractDates(analyzed, options.publishedAt?.slice(0, 10) ?? null);
  return { text, language, mentions, acts, figures, attributions, dates };
}
