import { z } from 'zod';
import { Instant, Sha256Hex } from './ids.js';

/**
 * One entry of the append-only audit log. `hash` covers the entry and `prevHash`, so editing or
 * deleting any entry breaks the chain from there on.
 */
export const AuditEvent = z.object({
  seq: z.int().positive(),
  at: Instant,
  actor: z.string().min(1),
  action: z.string().regex(/^[a-z]+(\.[a-z_]+)+$/, 'an action is dotted lower-case, e.g. document.capture'),
  subjectId: z.string().nullable(),
  payload: z.json(),
  prevHash: Sha256Hex,
  hash: Sha256Hex,
});
export type AuditEvent = z.infer<typeof AuditEvent>;
