import { z } from 'zod';
import { ActType, FigureBound, FigureCategory } from '../../model/index.js';
import actsData from './lexicon/acts.json' with { type: 'json' };
import attributionsData from './lexicon/attributions.json' with { type: 'json' };
import datesData from './lexicon/dates.json' with { type: 'json' };
import figuresData from './lexicon/figures.json' with { type: 'json' };

/**
 * The English cue lexicons (src/extract/en/lexicon/*.json), validated once at load: a malformed
 * lexicon must stop the program, not silently extract nothing.
 */

const Words = z.array(z.string().min(1));

const ActCue = z.object({
  type: ActType,
  cue: z.string().min(1),
  noun: z.boolean().optional(),
  after: Words.optional(),
  notAfter: Words.optional(),
  before: Words.optional(),
  notBefore: Words.optional(),
  near: Words.optional(),
  notNear: Words.optional(),
  follow: Words.optional(),
  notFollow: Words.optional(),
  selfNegating: z.boolean().optional(),
});
export type ActCue = z.infer<typeof ActCue>;

const ActsLexicon = z.object({
  cues: z.array(ActCue).min(1),
  negators: Words,
  negationBreakers: Words,
  deniers: Words,
  denialAfter: Words,
  allegers: Words,
  modals: Words,
  conditionals: Words,
  threatGovernors: Words,
});

const FiguresLexicon = z.object({
  units: z.record(z.string(), z.number().int().nonnegative()),
  scales: z.record(z.string(), z.number().int().positive()),
  vague: z.record(z.string(), z.number().int().positive()),
  vagueMultipliers: z.record(z.string(), z.number().int().positive()),
  bounds: z.array(z.object({ words: z.string().min(1), bound: FigureBound })),
  categories: z.array(z.object({ what: FigureCategory, cue: z.string().min(1) })),
  people: Words,
  nonVictimAfter: Words,
  nonVictimBefore: Words,
  nonVictimNear: Words,
  clauseBreak: Words,
  helpVerbs: Words,
  helpTargets: Words,
});

const DatesLexicon = z.object({
  months: z.record(z.string(), z.number().int().min(1).max(12)),
  weekdays: z.record(z.string(), z.number().int().min(0).max(6)),
  dayParts: Words,
  seasons: z.record(z.string(), z.number().int().min(1).max(12)),
  approximators: Words,
  relative: z.array(z.object({ words: z.string().min(1), unit: z.enum(['day', 'week', 'weekend', 'month', 'year', 'vague']), offset: z.number().int() })),
});

const AttributionsLexicon = z.object({
  speechVerbs: Words,
  tellVerbs: Words,
  genericSources: Words,
  pronouns: Words,
  sourceNouns: Words,
  mediaWords: Words,
  genericAudiences: Words,
  spokesNouns: Words,
});

export const actsLexicon = ActsLexicon.parse(actsData);
export const figuresLexicon = FiguresLexicon.parse(figuresData);
export const datesLexicon = DatesLexicon.parse(datesData);
export const attributionsLexicon = AttributionsLexicon.parse(attributionsData);
