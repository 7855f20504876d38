import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { FURNITURE_ROLES, FURNITURE_TAGS, isFurnitureMarkup } from './furniture.js';
import type { TextBlock } from './text-block.js';

/** What an HTML page yields: its article text as blocks, and the metadata it declares. */
export interface ParsedPage {
  blocks: TextBlock[];
  title: string | null;
  author: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  declaredLanguage: string | null;
  warnings: string[];
}

// Deeper than this, Readability's recursive passes can exhaust the stack; real articles stay far below.
const MAX_READABLE_DEPTH = 300;

const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul', 'caption',
]);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

// linkedom's node types, reduced to what this module touches.
type DomNode = {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
};
type DomElement = DomNode & {
  tagName: string;
  getAttribute(name: string): string | null;
  remove(): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
};
type DomDocument = {
  documentElement: DomElement;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
};

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function clean(value: string | null | undefined): string | null {
  if (value == null) return null;
  const collapsed = value.replace(/\s+/g, ' ').trim();
  return collapsed.length > 0 ? collapsed : null;
}

function metaContent(document: DomDocument, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = clean(document.querySelector(selector)?.getAttribute('content'));
    if (value) return value;
  }
  return null;
}

type JsonLdArticle = { headline?: unknown; datePublished?: unknown; author?: unknown; publisher?: unknown };

// JSON-LD blocks may hold one object, an array, or an @graph; the article is the one with a headline or date.
function jsonLdArticle(document: DomDocument): JsonLdArticle | null {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let index = 0; index < scripts.length; index++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[index]?.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        if (Array.isArray(record['@graph'])) queue.push(...record['@graph']);
        if ('headline' in record || 'datePublished' in record) return record as JsonLdArticle;
      }
    }
  }
  return null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return clean(value.map(nameOf).filter(Boolean).join(', '));
  if (value && typeof value === 'object' && 'name' in value) return nameOf((value as { name: unknown }).name);
  return null;
}

/** A published date as ISO 8601: a calendar date stays a date; an instant becomes UTC. */
export function normalizePublished(value: string | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const parsed = Date.parse(trimmed);
  if (Number.isNaN(parsed)) return null;
  return new Date(parsed).toISOString();
}

// A date as pages print it: "14 January 2019 15:13", "January 14, 2019", "2019-01-14", "14.01.2019".
const PRINTED_DATE = /\b(\d{1,2}\s+\p{L}{3,}\.?\s+\d{4}|\p{L}{3,}\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2})(?:,?\s+\d{1,2}:\d{2})?|\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/u;

/**
 * Last resort for pages without date metadata: a short element whose class or id speaks of a date
 * ("newsdate", "post-date", "published") and whose text reads as one.
 */
function printedDate(document: DomDocument): string | null {
  const candidates = document.querySelectorAll('[class*="date" i], [id*="date" i], [class*="published" i], [class*="timestamp" i]');
  for (const element of Array.from(candidates).slice(0, 20)) {
    const text = clean(element.textContent);
    if (!text || text.length > 60) continue;
    const match = PRINTED_DATE.exec(text);
    if (!match) continue;
    if (match[2]) return `${match[4]}-${match[3]!.padStart(2, '0')}-${match[2].padStart(2, '0')}`;
    const parsed = Date.parse(match[0]);
    if (!Number.isNaN(parsed)) return new Date(parsed).toISOString();
  }
  return null;
}

function readMetadata(document: DomDocument): Omit<ParsedPage, 'blocks' | 'warnings'> {
  const ld = jsonLdArticle(document);
  const h1 = clean(document.querySelector('h1')?.textContent);
  const titleTag = clean(document.querySelector('title')?.textContent);
  const metaAuthor = metaContent(document, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]']);
  const timeElement = document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]');
  const published =
    metaContent(document, [
      'meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="date"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]',
    ]) ??
    (typeof ld?.datePublished === 'string' ? ld.datePublished : null) ??
    clean(timeElement?.getAttribute('datetime')) ??
    printedDate(document);
  const canonical = clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? metaContent(document, ['meta[property="og:url"]']);
  return {
    title: metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? (typeof ld?.headline === 'string' ? clean(ld.headline) : null) ?? h1 ?? titleTag,
    // An article:author that is a profile URL names no one.
    author: (metaAuthor && !/^https?:\/\//.test(metaAuthor) ? metaAuthor : null) ?? nameOf(ld?.author),
    publishedAt: normalizePublished(published),
    canonicalUrl: canonical && /^https?:\/\//i.test(canonical) ? canonical : null,
    siteName: metaContent(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ?? nameOf(ld?.publisher),
    declaredLanguage: clean(document.documentElement.getAttribute('lang')),
  };
}

/**
 * Remove furniture elements in one pass and measure how deep the tree goes. Iterative, so a page
 * of 10,000 nested tags cannot overflow the stack. An element holding most of the page's text is
 * kept whatever its class says: a wrapper named "related-content" may be the article.
 */
function stripFurniture(body: DomElement): number {
  const pageTextLength = (body.textContent ?? '').length;
  const doomed: DomElement[] = [];
  let maxDepth = 0;
  const stack: { node: DomNode; depth: number }[] = [{ node: body, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: DomNode; depth: number };
    if (depth > maxDepth) maxDepth = depth;
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as DomElement;
    const tag = element.tagName.toLowerCase();
    if (element !== body && isFurnitureElement(element, tag, pageTextLength)) {
      doomed.push(element);
      continue;
    }
    const children = element.childNodes;
    for (let index = children.length - 1; index >= 0; index--) {
      stack.push({ node: children[index] as DomNode, depth: depth + 1 });
    }
  }
  for (const element of doomed) element.remove();
  return maxDepth;
}

function isFurnitureElement(element: DomElement, tag: string, pageTextLength: number): boolean {
  if (FURNITURE_TAGS.has(tag)) return true;
  const role = element.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role.toLowerCase())) return true;
  if (element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') return true;
  if (/display\s*:\s*none/i.test(element.getAttribute('style') ?? '')) return true;
  const marked = [element.getAttribute('class'), element.getAttribute('id')].some((value) => value && isFurnitureMarkup(value));
  if (!marked) return false;
  return (element.textContent ?? '').length < pageTextLength * 0.5;
}

/** Walk a subtree into text blocks, iteratively; inline text joins, block elements break. */
export function blocksOf(root: DomNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer = '';
  // The kind of the innermost open block: a paragraph inside a list item is still part of the item.
  let kind: TextBlock['kind'] = 'paragraph';
  const flush = () => {
    const text = buffer.replace(/[ \t\f\r]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    if (text) blocks.push({ kind, text });
    buffer = '';
  };
  // Each entry is a node to visit, or a marker that closes a block element after its children.
  const stack: (DomNode | { restore: TextBlock['kind'] })[] = [root];
  while (stack.length > 0) {
    const entry = stack.pop() as DomNode | { restore: TextBlock['kind'] };
    if ('restore' in entry) {
      flush();
      kind = entry.restore;
      continue;
    }
    if (entry.nodeType === TEXT_NODE) {
      buffer += (entry.textContent ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (entry.nodeType !== ELEMENT_NODE) continue;
    const tag = entry.nodeName.toLowerCase();
    if (FURNITURE_TAGS.has(tag)) continue;
    if (tag === 'br') {
      buffer += '\n';
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      stack.push({ restore: kind });
      if (HEADING_TAGS.has(tag)) kind = 'heading';
      else if (tag === 'li' || tag === 'dt' || tag === 'dd') kind = 'item';
    }
    const children = entry.childNodes;
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as DomNode);
  }
  flush();
  return blocks;
}

// Words in any script: Readability splits on \W, which knows only ASCII letters, so to it a Russian
// headline has no words and never repeats the title.
const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Readability's measure: the share of the heading's text made of words the title also has. */
function similarity(title: string, heading: string): number {
  const titleWords = new Set(wordsOf(title));
  const headingWords = wordsOf(heading);
  if (titleWords.size === 0 || headingWords.length === 0) return 0;
  const own = headingWords.filter((word) => !titleWords.has(word));
  return 1 - own.join(' ').length / headingWords.join(' ').length;
}

/**
 * The page's headline is kept as its title, not repeated as the text's first line. Readability drops
 * the first h1/h2 that repeats the title, but only for Latin-script titles; do it for every script.
 */
function removeTitleHeading(body: DomElement, title: string | null): void {
  if (!title) return;
  const headings = body.querySelectorAll('h1, h2');
  for (let index = 0; index < headings.length; index++) {
    const heading = headings[index] as DomElement;
    if (similarity(title, heading.textContent ?? '') > 0.75) {
      heading.remove();
      return;
    }
  }
}

/**
 * Parse an HTML page into its main text and metadata: metadata first (JSON-LD lives in scripts),
 * then furniture removal, then Mozilla Readability for the article body. Pages too deep or too odd
 * for Readability fall back to the whole cleaned body, with a warning.
 */
export function parseHtmlPage(html: string): ParsedPage {
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const metadata = readMetadata(document);
  const warnings: string[] = [];
  const body = document.body;
  if (!body) return { ...metadata, blocks: [], warnings: ['the page has no body'] };
  const depth = stripFurniture(body);
  removeTitleHeading(body, metadata.title);

  let article: DomNode | null = null;
  if (depth > MAX_READABLE_DEPTH) {
    warnings.push(`HTML nested ${depth} levels deep; article detection skipped, whole page text kept`);
  } else {
    try {
      const reader = new Readability(document as never, { serializer: (node: unknown) => node } as never);
      const result = reader.parse() as { content?: unknown; byline?: string | null; publishedTime?: string | null } | null;
      if (result?.content && typeof result.content === 'object') article = result.content as DomNode;
      if (!metadata.author && result?.byline) metadata.author = clean(result.byline);
      if (!metadata.publishedAt && result?.publishedTime) metadata.publishedAt = normalizePublished(result.publishedTime);
    } catch (error) {
      warnings.push(`article detection failed (${(error as Error).message}); whole page text kept`);
    }
    if (!article) warnings.push('no article found; whole page text kept');
  }
  return { ...metadata, blocks: blocksOf(article ?? document.body ?? body), warnings };
}
