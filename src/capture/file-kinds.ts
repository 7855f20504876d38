import { extname } from 'node:path';
import type { MediaType } from '../model/document.js';

// What Chronicle reads and how much of it, kept apart from capture itself so that a command can
// find and size files without loading the HTML and Markdown parsers.

/** The default limit on one original's size; configurable per run. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const EXTENSIONS: Record<string, MediaType> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'text/html',
};

/** The media type a file name implies, or null when Chronicle does not read that kind of file. */
export function mediaTypeOf(path: string): MediaType | null {
  return EXTENSIONS[extname(path).toLowerCase()] ?? null;
}

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

