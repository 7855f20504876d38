import { createHash } from 'node:crypto';
import type { MediaType } from '../model/document.js';
import { CaptureRejection, declaredHtmlCharset, decodeText } from './decode.js';
import { splitFrontMatter } from './front-matter.js';
import { dropFurniture } from './furniture.js';
import { normalizePublished, parseHtmlPage } from './html.js';
import { detectLanguage } from './language.js';
import { markdownBlocks } from './markdown.js';
import { normalizeText, paragraphsOf } from './normalize-text.js';
import { joinBlocks, type TextBlock } from './text-block.js';

export { CaptureRejection } from './decode.js';
export { DEFAULT_MAX_BYTES, mediaTypeOf, SUPPORTED_EXTENSIONS } from './file-kinds.js';

/** Bump when cleaning or language detection changes, so stored documents show which rules made them (3: eld). */
export const CAPTURE_VERSION = 3;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Everything capture derives from one original, before it is given an id and stored. */
export interface CapturedText {
  sha256: string;
  size: number;
  mediaType: MediaType;
  text: string;
  title: string | null;
  author: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
  sourceName: string | null;
  language: string | null;
  warnings: string[];
}

export interface CaptureInput {
  bytes: Uint8Array;
  mediaType: MediaType;
  /** Computed by the caller when it already has it (to check "already captured" before parsing). */
  sha256?: string;
}

/** Normalise each block, drop furniture, join: the blocks are normal, so their join is too. */
function fromBlocks(blocks: TextBlock[], normalized = false): { text: string; dropped: number } {
  const normal = normalized ? blocks : blocks.map((block) => ({ ...block, text: normalizeText(block.text) }));
  const { kept, dropped } = dropFurniture(normal.filter((block) => block.text.length > 0));
  return { text: joinBlocks(kept), dropped };
}

/**
 * The capture stage: original bytes to normalised, furniture-free text with metadata.
 * Pure (no I/O); throws CaptureRejection with a reason a person can act on.
 */
export function captureBytes(input: CaptureInput): CapturedText {
  const { bytes, mediaType } = input;
  const sha256 = input.sha256 ?? sha256Hex(bytes);
  const decoded = decodeText(bytes, mediaType === 'text/html' ? declaredHtmlCharset(bytes) : null);
  const warnings = [...decoded.warnings];
  let result: Omit<CapturedText, 'sha256' | 'size' | 'mediaType' | 'language' | 'warnings'>;
  let declaredLanguage: string | null = null;

  if (mediaType === 'text/html') {
    const page = parseHtmlPage(decoded.text);
    warnings.push(...page.warnings);
    declaredLanguage = page.declaredLanguage;
    result = {
      text: fromBlocks(page.blocks).text,
      title: page.title,
      author: page.author,
      publishedAt: page.publishedAt,
      canonicalUrl: page.canonicalUrl,
      sourceName: page.siteName,
    };
  } else {
    const { frontMatter, body, warnings: frontMatterWarnings } = splitFrontMatter(decoded.text);
    warnings.push(...frontMatterWarnings);
    const isMarkdown = mediaType === 'text/markdown';
    const blocks: TextBlock[] = isMarkdown ? markdownBlocks(body) : paragraphsOf(normalizeText(body)).map((text) => ({ kind: 'paragraph', text }));
    const published = frontMatter?.published;
    declaredLanguage = frontMatter?.language ?? null;
    result = {
      text: fromBlocks(blocks, !isMarkdown).text,
      title: frontMatter?.title?.trim() || null,
      author: frontMatter?.author?.trim() || null,
      publishedAt: normalizePublished(published instanceof Date ? published.toISOString().slice(0, 10) : (published ?? null)),
      canonicalUrl: frontMatter?.url && /^https?:\/\//i.test(frontMatter.url) ? frontMatter.url : null,
      sourceName: frontMatter?.source?.trim() || null,
    };
  }

  if (result.text.length === 0) throw new CaptureRejection('no text left after cleaning (only markup, furniture or whitespace)');
  if (result.text.includes('\uFFFD') && !warnings.some((warning) => warning.includes('U+FFFD'))) {
    warnings.push('text contains U+FFFD replacement characters');
  }
  const language = detectLanguage(result.text) ?? normalizeDeclaredLanguage(declaredLanguage);
  return { ...result, sha256, size: bytes.length, mediaType, language, warnings };
}

// "ru-RU", "en_GB" -> "ru", "en"; a declared language is only a fallback for texts too short to detect.
function normalizeDeclaredLanguage(value: string | null): string | null {
  const match = value ? /^([a-z]{2,3})\b/i.exec(value.trim()) : null;
  return match ? (match[1] as string).toLowerCase() : null;
}
