import { describe, it } from 'node:test';
import { expect } from 'expect';
import { analyze } from '../analyzed-text.js';
import type { ExtractedMention } from '../extraction.js';
import { extractAttributions } from './attributions.js';

const attributions = (text: string, mentions: ExtractedMention[] = []) =>
  extractAttributions(analyze(text), mentions).map(({ source, via }) => ({ source, via }));

describe('extractAttributions', () => {
  it('reads "according to"', () => {
    expect(attributions('Forty men were detained, according to activists.')).toEqual([{ source: 'activists', via: [] }]);
    expect(attributions('Forty men were detained, according to Novaya Gazeta.')).toEqual([{ source: 'Novaya Gazeta', via: [] }]);
    expect(attributions('27 were killed, according to an investigation by Novaya Gazeta newspaper.')).toEqual([{ source: 'Novaya Gazeta', via: [] }]);
  });

  it('reads "X told Y" with Y as the intermediary', () => {
    expect(attributions('One captive died, Igor Kochetkov of LGBT Network told The Telegraph.')).toEqual([{ source: 'Igor Kochetkov', via: ['The Telegraph'] }]);
    expect(attributions('Alexander told the Russian news site Meduza that 10 people had been killed.')).toEqual([{ source: 'Alexander', via: ['Meduza'] }]);
    expect(attributions('Local residents told activists about the prison.')).toEqual([{ source: 'Local residents', via: [] }]);
    expect(attributions('Peskov told reporters there was no reason to doubt him.')).toEqual([{ source: 'Peskov', via: [] }]);
  });

  it('reads reporting verbs, statements and spokesmen', () => {
    expect(attributions('Novaya Gazeta reported that men were detained.')).toEqual([{ source: 'Novaya Gazeta', via: [] }]);
    expect(attributions('Human Rights Watch said in a statement that the evidence was clear.')).toEqual([{ source: 'Human Rights Watch', via: [] }]);
    expect(attributions('A spokesman for the Interior Ministry said nobody was detained.')).toEqual([{ source: 'Interior Ministry', via: [] }]);
    expect(attributions('Kadyrov must stop, said Hugh Williamson, Europe director at Human Rights Watch.')).toEqual([{ source: 'Hugh Williamson', via: [] }]);
  });

  it('reads citing, quoted by and interviews', () => {
    expect(attributions('Men were rounded up, VOA wrote, citing Novaya Gazeta.').map((a) => a.source)).toContain('Novaya Gazeta');
    expect(attributions('Kochetkov said in an interview with NPR that 40 men had escaped.')).toEqual([{ source: 'Kochetkov', via: ['NPR'] }]);
    const quoted = attributions('Kochetkov, quoted by Interfax, said 40 people were held.');
    expect(quoted[0]).toEqual({ source: 'Kochetkov', via: ['Interfax'] });
  });

  it('resolves "he said" to the last named source and covers a quotation across sentences', () => {
    const text = 'Igor Kochetkov said the network had evidence.\n“We know of two dead. More have been killed,” he said.';
    const found = extractAttributions(analyze(text), []);
    const last = found[found.length - 1]!;
    expect(last.source).toBe('Igor Kochetkov');
    expect(text.slice(last.coversStart, last.coversEnd)).toBe('“We know of two dead. More have been killed,” he said.');
  });

  it('uses the canonical name of an overlapping entity mention', () => {
    const text = 'Kochetkov said 40 people were detained.';
    const mention: ExtractedMention = { kind: 'person', text: 'Kochetkov', start: 0, end: 9, canonical: 'Igor Kochetkov' };
    expect(attributions(text, [mention])).toEqual([{ source: 'Igor Kochetkov', via: [] }]);
  });

  it('covers its sentence', () => {
    const text = 'First sentence here. Police detained ten men, activists said.';
    const [attribution] = extractAttributions(analyze(text), []);
    expect(text.slice(attribution!.coversStart, attribution!.coversEnd)).toBe('Police detained ten men, activists said.');
    expect(text.slice(attribution!.start, attribution!.end)).toBe('activists said');
  });
});
