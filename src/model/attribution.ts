import { z } from 'zod';
import { idSchema } from './ids.js';
import { TextSpan } from './text-span.js';

/**
 * Who a statement is credited to inside a document ("according to activists", "told The Telegraph").
 * `via` lists intermediaries from nearest to farthest, so "a blog citing The Telegraph citing the LGBT
 * Network" can be traced to its original and counted once.
 */
export const Attribution = z.object({
  id: idSchema('attribution'),
  span: TextSpan,
  attributedTo: z.string().min(1),
  entityId: idSchema('entity').nullable(),
  via: z.array(z.string().min(1)),
});
export type Attribution = z.infer<typeof Attribution>;
