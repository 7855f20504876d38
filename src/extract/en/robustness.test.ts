import { describe, it } from 'node:test';
import { expect } from 'expect';
import { analyze } from '../analyzed-text.js';
import { extractActs } from './acts.js';
import { extractAttributions } from './attributions.js';
import { extractDates } from './dates.js';
import { extractFigures } from './figures.js';

/** Runs all four English extractors; they must return, not throw, on any text. */
function runAll(text: string) {
  const analyzed = analyze(text);
  return {
    acts: extractActs(analyzed),
    figures: extractFigures(analyzed),
    attributions: extractAttributions(analyzed, []),
    dates: extractDates(analyzed, '2019-01-14'),
  };
}

describe('English extractors on bad input', () => {
  it('handle empty text', () => {
    expect(runAll('')).toEqual({ acts: [], figures: [], attributions: [], dates: [] });
  });

  it('complete on 5 MB of text', () => {
    const paragraph = 'Police detained 40 men on Monday, according to activists, and at least two have died. ';
    const result = runAll(paragraph.repeat(Math.ceil(5_000_000 / paragraph.length)));
    expect(result.acts.length).toBeGreaterThan(1000);
  });

  it('handle text without punctuation', () => {
    const result = runAll('police detained forty men and at least two died according to activists '.repeat(2000));
    expect(result.figures.length).toBeGreaterThan(0);
  });

  it('handle all caps', () => {
    const result = runAll('POLICE DETAINED FORTY MEN IN GROZNY ON MONDAY, ACTIVISTS SAID. AT LEAST TWO HAVE DIED.');
    expect(result.acts.map((act) => act.type)).toContain('detention');
  });

  it('handle emoji, mixed Cyrillic and Latin and odd characters', () => {
    const text = '🔥🔥 Полиция detained 40 мужчин 😱 в Грозном. Сorruption (Cyrillic С) killed 2 ‼️ \u0000\uFFFD 2017-13-45 99999999999999999999 people detained.';
    expect(() => runAll(text)).not.toThrow();
    expect(() => runAll('1'.repeat(100_000))).not.toThrow();
    expect(() => runAll('- - - 10 - 20 - between and 5 to to to 7'.repeat(1000))).not.toThrow();
  });
});
