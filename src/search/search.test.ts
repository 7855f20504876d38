import { describe, it } from 'node:test';
import { expect } from 'expect';
import { foldWord, forEachWord, indexText, termOf, tokenize } from './analyzer.js';
import { parseSearchQuery, SearchQueryError } from './search-query.js';
import { makeSnippet, renderSnippet } from './snippet.js';

describe('analyzer', () => {
  it('stems each word with the stemmer of its script', () => {
    expect(termOf('Detained')).toBe(termOf('detain'));
    expect(termOf('задержанных')).toBe(termOf('задержанные'));
  });

  it('gives every case and gender form of a Russian surname one term', () => {
    const forms = ['Титиев', 'Титиева', 'Титиеву', 'Титиевым', 'Титиевой'];
    expect(new Set(forms.map(termOf)).size).toBe(1);
    expect(new Set(['Кадыров', 'Кадырова', 'Кадыровым'].map(termOf)).size).toBe(1);
  });

  it('folds ё to е and Latin accents, but keeps й', () => {
    expect(foldWord('Ёлка')).toBe('елка');
    expect(foldWord('Jaén')).toBe('jaen');
    expect(foldWord('Грозный')).toBe('грозный');
  });

  it('gives offsets into the original text', () => {
    const text = 'Kadyrov’s men, in Грозный.';
    expect(tokenize(text).map((token) => text.slice(token.start, token.end))).toEqual(['Kadyrov', 's', 'men', 'in', 'Грозный']);
  });

  it('finds exactly the words of /[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*/u, astral letters and lone surrogates included', () => {
    const word = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
    // Letters with and without combining marks, digits of other scripts, spacing marks, astral
    // letters and symbols, lone surrogates, and separators.
    const pieces = ['a', 'Z', 'é', 'e\u0301', 'й', 'Ё', '1', '٣', ' ', '-', '\n', '\u0301', '\u0903', '𝐀', '😀', '\ud800', '\udc00', '𐐷', '\u200b', '_', 'ß', '中', '\u05d0', '\u0670', '’'];
    let seed = 7;
    const random = (below: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % below);
    for (let round = 0; round < 20000; round++) {
      let text = '';
      for (let length = random(16); length > 0; length--) text += pieces[random(pieces.length)];
      const found: [number, number][] = [];
      forEachWord(text, (start, end) => found.push([start, end]));
      expect([text, found]).toEqual([text, [...text.matchAll(word)].map((match) => [match.index, match.index + match[0].length])]);
    }
  });

  it('skips overlong junk words', () => {
    expect(indexText(`ok ${'x'.repeat(41)} fine`)).toBe('ok fine');
  });
});

describe('parseSearchQuery', () => {
  it('reads words, phrases, exclusions and prefixes', () => {
    expect(parseSearchQuery('detained "secret prison" -Moscow Argu*')).toEqual({
      clauses: [
        { terms: ['detain'], prefix: false },
        { terms: ['secret', 'prison'], prefix: false },
        { terms: ['argu'], prefix: true },
      ],
      excluded: [{ terms: ['moscow'], prefix: false }],
    });
  });

  it('refuses a query with nothing to search and one that is too long', () => {
    expect(() => parseSearchQuery('-- "" !')).toThrow(SearchQueryError);
    expect(() => parseSearchQuery('a '.repeat(300))).toThrow(/too long/);
  });
});

describe('makeSnippet', () => {
  const text = `${'Filler words about other things. '.repeat(20)}Police detained Oyub Titiev, head of Memorial in Grozny, in January. ${'More filler text here. '.repeat(20)}`;

  it('shows the passage with the matches and marks every matched word', () => {
    const snippet = makeSnippet(text, parseSearchQuery('Titiev Memorial'));
    const marked = snippet.highlights.map(({ start, end }) => snippet.text.slice(start, end));
    expect(marked).toEqual(['Titiev', 'Memorial']);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(renderSnippet(snippet, '[', ']')).toContain('[Titiev], head of [Memorial]');
  });

  it('highlights stemmed and prefix matches', () => {
    const snippet = makeSnippet('Dozens were detained; the detention lasted weeks.', parseSearchQuery('detain deten*'));
    expect(snippet.highlights.map(({ start, end }) => snippet.text.slice(start, end))).toEqual(['detained', 'detention']);
  });
});

describe('snippets skip words that cannot match', () => {
  it('still highlights every word that matches, whatever its case or ending', () => {
    const text = 'The man was dying in custody. Clear skies over Grozny.';
    const highlighted = (query: string) => {
      const snippet = makeSnippet(text, parseSearchQuery(query));
      return snippet.highlights.map((h) => snippet.text.slice(h.start, h.end));
    };
    expect(highlighted('dying')).toEqual(['dying']);
    expect(highlighted('SKIES clear')).toEqual(['Clear', 'skies']);
    expect(highlighted('gro*')).toEqual(['Grozny']);
  });
});
