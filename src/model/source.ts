import { z } from 'zod';
import { idSchema, Instant } from './ids.js';

/** Who supplies information. A confidential witness is a pseudonymous source whose name is never stored. */
export const SourceKind = z.enum(['news_outlet', 'ngo', 'state_body', 'court', 'international_body', 'social_media', 'witness', 'unknown']);
export type SourceKind = z.infer<typeof SourceKind>;

export const Source = z.object({
  id: idSchema('source'),
  name: z.string().min(1).max(300),
  kind: SourceKind,
  homepage: z.url().nullable(),
  confidential: z.boolean(),
  createdAt: Instant,
});
export type Source = z.infer<typeof Source>;
