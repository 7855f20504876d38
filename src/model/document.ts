import { z } from 'zod';
import { idSchema, Instant, Sha256Hex } from './ids.js';

export const MediaType = z.enum(['text/plain', 'text/markdown', 'text/html']);
export type MediaType = z.infer<typeof MediaType>;

/** A calendar date (2019-01-14) or an instant (2019-01-14T10:00:00.000Z), as the page gave it. */
export const PublishedDate = z.union([z.iso.date(), Instant]);

/**
 * One captured item. Immutable once captured: its text is derived from the original bytes (kept
 * content-addressed under `sha256`) by the capture stage at `captureVersion`.
 */
export const Document = z.object({
  id: idSchema('document'),
  sha256: Sha256Hex,
  sourceId: idSchema('source').nullable(),
  origin: z.string().min(1),
  mediaType: MediaType,
  size: z.int().nonnegative(),
  capturedAt: Instant,
  publishedAt: PublishedDate.nullable(),
  title: z.string().nullable(),
  author: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  language: z.string().min(2).max(3).nullable(),
  text: z.string(),
  warnings: z.array(z.string()),
  captureVersion: z.int().positive(),
  /** Set when an administrator removed the document; its claims become orphaned, never silently dropped. */
  deletedAt: Instant.nullable(),
});
export type Document = z.infer<typeof Document>;
