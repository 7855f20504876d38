import { z } from 'zod';
import { idSchema } from './ids.js';

/** Characters [start, end) of a document's text (JavaScript string indices), with the quoted text. */
export const TextSpan = z
  .object({
    documentId: idSchema('document'),
    start: z.int().nonnegative(),
    end: z.int().nonnegative(),
    quote: z.string(),
  })
  .refine((span) => span.end >= span.start, { message: 'a span must not end before it starts' })
  .refine((span) => span.quote.length === span.end - span.start, { message: 'the quote must be exactly the spanned text' });
export type TextSpan = z.infer<typeof TextSpan>;

/** A span of `text` belonging to `documentId`, quoting the characters it covers. */
export function textSpan(documentId: string, text: string, start: number, end: number): TextSpan {
  if (start < 0 || end > text.length || end < start) {
    throw new RangeError(`span [${start}, ${end}) lies outside a text of ${text.length} characters`);
  }
  return TextSpan.parse({ documentId, start, end, quote: text.slice(start, end) });
}
