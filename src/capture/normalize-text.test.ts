import { describe, it } from 'node:test';
import { expect } from 'expect';
import { normalizeText, paragraphsOf } from './normalize-text.js';

describe('normalizeText', () => {
  it('composes to NFC, so the same word has the same code points', () => {
    const decomposed = 'Jae\u0301n и\u0306';
    expect(normalizeText(decomposed)).toBe('Jaén й');
  });

  it('unifies line endings, spaces and paragraph breaks', () => {
    expect(normalizeText('  One\u00a0two\t three  \r\nfour\r\r\n\n\n\nfive\u2029six ')).toBe('One two three\nfour\n\nfive\nsix');
  });

  it('removes invisible and control characters', () => {
    expect(normalizeText('\uFEFFKady\u200Brov\u00AD\u0007 said')).toBe('Kadyrov said');
  });

  it('splits paragraphs on blank lines', () => {
    expect(paragraphsOf('a\nb\n\nc')).toEqual(['a\nb', 'c']);
  });
});
