import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { seededRandom } from '../resolve/seeded-random.js';
import { splitFrontMatter } from './front-matter.js';
import { lexedMarkdownBlocks, markdownBlocks, plainMarkdownBlocks } from './markdown.js';

const CORPUS = fileURLToPath(new URL('../../examples/corpus/', import.meta.url));

// Pieces of lines, many of them Markdown syntax, so that random documents hit every corner the
// fast path must either read exactly as the lexer does or leave to the lexer.
const PIECES = [
  'word', 'Слово', 'Jaén', 'и\u0306', ' ', ' ', '  ', '.', ',', ':', ';', '!', '?', '(', ')', '"', "'", '«', '»', '—', '–', '-', '%', '2019', '1.', '1)',
  '#', '# ', '## ', '####### ', '*', '**', '_', '__', '`', '```', '~~', '[', ']', '[link](http://x.org)', '![i](a.png)', '<b>', '</b>', '<div>', '&amp;', '&',
  '\\', '|', '/', '2019 ', '12', '3 мужчин', '1 ', ' #', ' ##', '@', 'a@b.org', 'www.example.org', 'http://example.org', '>', '+ ', '- ', '* ', '=', '===', '---', '\t', '    ', '\u00a0', '\r',
];

function randomMarkdown(random: () => number): string {
  const pick = () => PIECES[Math.floor(random() * PIECES.length)] as string;
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 8);
  for (let line = 0; line < count; line++) {
    const roll = random();
    if (roll < 0.2) lines.push('');
    else if (roll < 0.5) lines.push(`${random() < 0.3 ? '# ' : ''}${random() < 0.3 ? '2019 ' : ''}Plain words, here: «и так» — 5% (ok)!${random() < 0.2 ? ' ' : ''}`);
    else lines.push(Array.from({ length: 1 + Math.floor(random() * 6) }, pick).join(''));
  }
  return lines.join('\n');
}

describe('markdownBlocks', () => {
  it('keeps headings, paragraphs, items and table cells as blocks', () => {
    expect(markdownBlocks('# Title\n\nOne *two*\nthree.\n\n- item [link](http://x.org)\n\n| a | b |\n| - | - |\n| c | d |\n')).toEqual([
      { kind: 'heading', text: 'Title' },
      { kind: 'paragraph', text: 'One two\nthree.' },
      { kind: 'item', text: 'item link' },
      { kind: 'paragraph', text: 'a | b' },
      { kind: 'paragraph', text: 'c | d' },
    ]);
  });

  it('reads plain Markdown without the lexer exactly as the lexer does', () => {
    const plain = '# Title of a report\n\nFirst paragraph, with: "quotes" and (parens)! Да — 5%.\nSecond line.\n\n\n## Section\n\nLast one.\n';
    expect(plainMarkdownBlocks(plain)).toEqual(lexedMarkdownBlocks(plain));
    expect(plainMarkdownBlocks(plain)).toHaveLength(4);
  });

  it('leaves anything with Markdown syntax to the lexer', () => {
    for (const text of ['One *two*', '1. first', '- item', '> quote', 'Title\n===', 'Line  \nbreak', '    code', 'a | b', 'see www.example.org', '# Title\nText', 'A\\\nB']) {
      expect(plainMarkdownBlocks(text)).toBeNull();
    }
  });

  it('gives the lexer\'s blocks for every document the fast path accepts (random and sample corpus)', () => {
    const random = seededRandom(7);
    let accepted = 0;
    for (let index = 0; index < 20000; index++) {
      const markdown = randomMarkdown(random);
      const plain = plainMarkdownBlocks(markdown);
      if (plain === null) continue;
      accepted++;
      expect({ markdown, blocks: plain }).toEqual({ markdown, blocks: lexedMarkdownBlocks(markdown) });
    }
    expect(accepted).toBeGreaterThan(1000);
    for (const name of readdirSync(CORPUS).filter((file) => /^\d\d-.*\.(md|txt)$/.test(file))) {
      const { body } = splitFrontMatter(readFileSync(`${CORPUS}${name}`, 'utf8'));
      for (const paragraph of body.split(/\n{2,}/)) {
        const plain = plainMarkdownBlocks(paragraph);
        if (plain !== null) expect({ name, blocks: plain }).toEqual({ name, blocks: lexedMarkdownBlocks(paragraph) });
      }
    }
  });
});
