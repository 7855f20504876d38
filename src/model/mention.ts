import { z } from 'zod';
import { idSchema } from './ids.js';
import { TextSpan } from './text-span.js';

export const MentionKind = z.enum(['person', 'organization', 'place', 'group', 'date']);
export type MentionKind = z.infer<typeof MentionKind>;

/** A span of a document naming an entity or a date; `canonical` is the name it resolves to inside the document. */
export const Mention = z.object({
  id: idSchema('mention'),
  kind: MentionKind,
  span: TextSpan,
  canonical: z.string().min(1),
  entityId: idSchema('entity').nullable(),
});
export type Mention = z.infer<typeof Mention>;
