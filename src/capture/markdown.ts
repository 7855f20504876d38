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

/** Markdown to text blocks: headings, paragraphs and list items keep their text, markup goes. */
export function markdownBlocks(markdown: string): TextBlock[] {
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
