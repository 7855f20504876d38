import { describe, it } from 'node:test';
import { expect } from 'expect';
import { analyze, tokenize } from './analyzed-text.js';

const sentencesOf = (text: string) => analyze(text).sentences.map((sentence) => sentence.text);

describe('analyze', () => {
  it('splits at full stops before capitals, not after titles, initials or U.S.', () => {
    expect(sentencesOf('Mr. Titiev was detained in Jan. 2018 by police. A. Politkovskaya wrote about the U.S. Embassy. "They beat us," he said.')).toEqual([
      'Mr. Titiev was detained in Jan. 2018 by police.',
      'A. Politkovskaya wrote about the U.S. Embassy.',
      '"They beat us," he said.',
    ]);
  });

  it('splits at line breaks and keeps offsets into the text', () => {
    const text = 'First line without a stop\n\nSecond one! And a third?';
    const sentences = analyze(text).sentences;
    expect(sentences.map((sentence) => sentence.text)).toEqual(['First line without a stop', 'Second one!', 'And a third?']);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('bounds sentences in text without punctuation', () => {
    const text = 'word '.repeat(5000);
    const sentences = analyze(text).sentences;
    expect(sentences.length).toBeGreaterThan(5);
    for (const sentence of sentences) expect(sentence.end - sentence.start).toBeLessThanOrEqual(2100);
  });

  it('handles empty text', () => {
    expect(analyze('').sentences).toEqual([]);
  });
});

describe('tokenize', () => {
  it('keeps names with apostrophes and hyphens, numbers with separators, and punctuation apart', () => {
    expect(tokenize("Kadyrov's Kremlin-backed forces held 1,200 people.").map((token) => `${token.kind}:${token.text}`)).toEqual([
      "word:Kadyrov's", 'word:Kremlin-backed', 'word:forces', 'word:held', 'number:1,200', 'word:people', 'punct:.',
    ]);
  });
});
