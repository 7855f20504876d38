import { describe, it } from 'node:test';
import { expect } from 'expect';
import { seededRandom } from '../resolve/seeded-random.js';
import { isNormalText, normalizeEveryStep, normalizeText, paragraphsOf } from './normalize-text.js';

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

describe('isNormalText', () => {
  // Characters each step of normalizeText treats, mixed with ordinary text.
  const PIECES = ['a', 'Слово', ' ', ' ', '  ', '\n', '\n\n', '\n\n\n', '\r', '\r\n', '\t', '\u00a0', '\u2009', '\u3000', '\u2028', '\u2029', '\u0085', '\u200b', '\ufeff', '\u00ad', '\u0007', '\u000b', '\u000c', '\u009f', 'e\u0301', 'é', 'и\u0306', '.'];

  it('is true exactly when normalizeText would change nothing', () => {
    const random = seededRandom(11);
    let normal = 0;
    for (let index = 0; index < 50000; index++) {
      const length = Math.floor(random() * 8);
      const text = Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)] as string).join('');
      const unchanged = normalizeEveryStep(text) === text;
      if (unchanged) normal++;
      expect({ text, normal: isNormalText(text) }).toEqual({ text, normal: unchanged });
      expect(normalizeText(text)).toBe(normalizeEveryStep(text));
    }
    expect(normal).toBeGreaterThan(1000);
  });
});
