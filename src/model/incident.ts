import { z } from 'zod';
import { idSchema, Instant } from './ids.js';
import { ActType } from './vocabulary.js';

export const DatePrecision = z.enum(['day', 'month', 'year', 'approximate']);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** Something that happened: acts grouped by type, place and time, across documents. */
export const Incident = z.object({
  id: idSchema('incident'),
  title: z.string().min(1),
  types: z.array(ActType),
  placeIds: z.array(idSchema('entity')),
  start: z.iso.date().nullable(),
  end: z.iso.date().nullable(),
  precision: DatePrecision,
  createdAt: Instant,
});
export type Incident = z.infer<typeof Incident>;
