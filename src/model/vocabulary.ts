import { z } from 'zod';
import vocabularyData from './vocabulary.json' with { type: 'json' };

/** A label in each interface language. */
const Label = z.object({ en: z.string().min(1), ru: z.string().min(1), note: z.string().optional() });

const VocabularyFile = z.object({
  acts: z.record(z.string().regex(/^[a-z_]+$/), Label),
  figures: z.record(z.string().regex(/^[a-z_]+$/), Label),
  bounds: z.record(z.string().regex(/^[a-z_]+$/), Label),
});

// Validated once at start-up: a malformed vocabulary file must stop the program, not corrupt data.
export const vocabulary = VocabularyFile.parse(vocabularyData);

const keysOf = (record: Record<string, unknown>): [string, ...string[]] => {
  const keys = Object.keys(record);
  if (keys.length === 0) throw new Error('vocabulary.json: an empty section');
  return keys as [string, ...string[]];
};

export const ActType = z.enum(keysOf(vocabulary.acts));
export type ActType = z.infer<typeof ActType>;

export const FigureCategory = z.enum(keysOf(vocabulary.figures));
export type FigureCategory = z.infer<typeof FigureCategory>;

export const FigureBound = z.enum(keysOf(vocabulary.bounds));
export type FigureBound = z.infer<typeof FigureBound>;

export type Language = 'en' | 'ru';

/** The label of a vocabulary key in a language, or the key itself when unknown. */
export function vocabularyLabel(section: keyof typeof vocabulary, key: string, language: Language = 'en'): string {
  return vocabulary[section][key]?.[language] ?? key;
}
