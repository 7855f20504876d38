import vocabularyData from '../../src/model/vocabulary.json';
import type { Locale } from './i18n/i18n.js';

type Section = 'acts' | 'figures' | 'bounds';
const sections: Record<Section, Record<string, { en: string; ru: string }>> = vocabularyData;

/**
 * Act types, figure categories and bounds are data (src/model/vocabulary.json) with English and
 * Russian labels; the workspace reads the same file instead of repeating the labels.
 */
export function vocabularyLabel(section: Section, key: string, locale: Locale): string {
  return sections[section][key]?.[locale] ?? key.replaceAll('_', ' ');
}

export const actTypes = Object.keys(vocabularyData.acts);
export const figureCategories = Object.keys(vocabularyData.figures);
