import { z } from 'zod';
import { idSchema } from './ids.js';
import { TextSpan } from './text-span.js';
import { ActType } from './vocabulary.js';

/** How the document presents an act: reported, alleged, denied, threatened or negated. */
export const ActFlags = z.object({
  alleged: z.boolean(),
  denied: z.boolean(),
  hypothetical: z.boolean(),
  negated: z.boolean(),
});
export type ActFlags = z.infer<typeof ActFlags>;

/** A party to an act: a known entity, or a described group, optionally with a count. */
export const Party = z.object({
  entityId: idSchema('entity').nullable(),
  description: z.string().nullable(),
  count: z.int().nonnegative().nullable(),
});
export type Party = z.infer<typeof Party>;

/** One violation: "who did what to whom", as one document states it. */
export const Act = z.object({
  id: idSchema('act'),
  type: ActType,
  span: TextSpan,
  incidentId: idSchema('incident').nullable(),
  victims: z.array(Party),
  perpetrators: z.array(Party),
  placeId: idSchema('entity').nullable(),
  date: z.string().nullable(),
  flags: ActFlags,
});
export type Act = z.infer<typeof Act>;
