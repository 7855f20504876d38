import { Lexer, type Token, type Tokens } from 'marked';
import type { TextBlock } from './text-block.js';

// HTML entities the Markdown lexer leaves escaped in text tokens.
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);

function inlineText(tokens: Token[] | undefined, fallback: string): string {
  if (!tokens) return unescape(fallback);
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'br':
        text += '\n';
        break;
      case 'image':
        text += (token as Tokens.Image).text;
        break;
      case 'html':
        break; // inline markup carries no text of its own
      case 'text':
      case 'escape':
      case 'codespan':
        text += 'tokens' in token && token.tokens ? inlineText(token.tokens, token.text) : unescape(token.text);
        break;
      default:
        text += 'tokens' in token ? inlineText(token.tokens as Token[] | undefined, 'text' in token ? String(token.text) : '') : '';
    }
  }
  return text;
}

// A line the lexer can only read as text: it starts with a letter, or with digits not followed by
// "." or ")" (no list, quote, fence, table, indent or HTML marker), holds no character that opens
// inline syntax (* _ ` [ ] < > & \ ~ | / @ #) and does not end with a space (two make a line break).
const PLAIN_LINE = /^(?:\p{L}|\d+(?=[\p{L} ,;:?!('"«»—–%-]))[\p{L}\p{N}\p{M} .,;:?!()'"«»„“”‘’—–%-]*$/u;
// An ATX heading of such text; the lexer trims the space after it.
const PLAIN_HEADING = /^#{1,6} ((?:\p{L}|\p{N})[\p{L}\p{N}\p{M} .,;:?!()'"«»„“”‘’—–%-]*)$/u;

/**
 * The blocks of Markdown that is only ATX headings and paragraphs of plain text, found without the
 * lexer; null for anything else. Most reports are written like that, and the lexer costs as much as
 * the rest of capture. Tested against the lexer (markdown.test.ts): it must give the same blocks.
 */
export function plainMarkdownBlocks(markdown: string): TextBlock[] | null {
  if (/www\./i.test(markdown)) return null; // GFM autolinks
  const blocks: TextBlock[] = [];
  for (const chunk of markdown.split(/\n{2,}/)) {
    const lines = chunk.split('\n').filter((line) => line.length > 0);
    if (lines.length === 0) continue;
    const first = lines[0] as string;
    if (first.startsWith('#')) {
      const heading = lines.length === 1 ? PLAIN_HEADING.exec(first) : null;
      if (!heading) return null;
      blocks.push({ kind: 'heading', text: (heading[1] as string).trimEnd() });
      continue;
    }
    for (const line of lines) if (line.endsWith(' ') || !PLAIN_LINE.test(line)) return null;
    blocks.push({ kind: 'paragraph', text: lines.join('\n') });
  }
  return blocks;
}

/** Markdown to text blocks: headings, paragraphs and list items keep their text, markup goes. */
export function markdownBlocks(markdown: string): TextBlock[] {
  return plainMarkdownBlocks(markdown) ?? lexedMarkdownBlocks(markdown);
}

/** markdownBlocks through the `marked` lexer, for any Markdown. */
export function lexedMarkdownBlocks(markdown: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case 'heading':
          blocks.push({ kind: 'heading', text: inlineText(token.tokens, token.text) });
          break;
        case 'paragraph':
          blocks.push({ kind: 'paragraph', text: inlineText(token.tokens, token.text) });
          break;
        case 'text':
          blocks.push({ kind: 'paragraph', text: inlineText((token as Tokens.Text).tokens, token.text) });
          break;
        case 'code':
          blocks.push({ kind: 'paragraph', text: token.text });
          break;
        case 'blockquote':
          visit(token.tokens ?? []);
          break;
        case 'list':
          for (const item of (token as Tokens.List).items) {
            const start = blocks.length;
            visit(item.tokens);
            for (let index = start; index < blocks.length; index++) (blocks[index] as TextBlock).kind = 'item';
          }
          break;
        case 'table': {
          const table = token as Tokens.Table;
          for (const row of [table.header, ...table.rows]) {
            blocks.push({ kind: 'paragraph', text: row.map((cell) => inlineText(cell.tokens, cell.text)).join(' | ') });
          }
          break;
        }
        default:
          break; // hr, space, raw html blocks
      }
    }
  };
  visit(new Lexer({ gfm: true }).lex(markdown));
  return blocks.filter((block) => block.text.trim().length > 0);
}
