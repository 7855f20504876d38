import { describe, it } from 'node:test';
import { expect } from 'expect';
import { analyze } from '../analyzed-text.js';
import { extractFigures } from './figures.js';

const victims = (text: string) =>
  extractFigures(analyze(text))
    .filter((figure) => figure.what !== 'other')
    .map(({ what, value, max, bound }) => ({ what, value, max, bound }));

describe('extractFigures', () => {
  it('reads digits and number words with the governing verb after them', () => {
    expect(victims('Forty men and women have been detained.')).toEqual([{ what: 'detained', value: 40, max: null, bound: 'exact' }]);
    expect(victims('40 men were rounded up in Argun.')).toEqual([{ what: 'detained', value: 40, max: null, bound: 'exact' }]);
    expect(victims('Two hundred and fifty people fled the fighting.')).toEqual([{ what: 'displaced', value: 250, max: null, bound: 'exact' }]);
    expect(victims('1,200 people went missing.')).toEqual([{ what: 'disappeared', value: 1200, max: null, bound: 'exact' }]);
    expect(victims('We know of two dead.')).toEqual([{ what: 'killed', value: 2, max: null, bound: 'exact' }]);
  });

  it('reads the governing verb or noun before the number', () => {
    expect(victims('Officers ordered the detention of 27 people.')).toEqual([{ what: 'detained', value: 27, max: null, bound: 'exact' }]);
    expect(victims('Gunmen attacked police, killing at least three of them.')).toEqual([{ what: 'killed', value: 3, max: null, bound: 'at_least' }]);
    expect(victims('The network has helped 150 people flee.')).toEqual([{ what: 'displaced', value: 150, max: null, bound: 'exact' }]);
    expect(victims('Attackers killed one and wounded three.')).toEqual([
      { what: 'killed', value: 1, max: null, bound: 'exact' },
      { what: 'wounded', value: 3, max: null, bound: 'exact' },
    ]);
  });

  it('gives each number of a sentence its own verb', () => {
    expect(victims('Forty were detained and at least two have died.')).toEqual([
      { what: 'detained', value: 40, max: null, bound: 'exact' },
      { what: 'killed', value: 2, max: null, bound: 'at_least' },
    ]);
    expect(victims('They kidnapped at least 100 men and killed at least three.')).toEqual([
      { what: 'abducted', value: 100, max: null, bound: 'at_least' },
      { what: 'killed', value: 3, max: null, bound: 'at_least' },
    ]);
  });

  it('reads bounds', () => {
    const bound = (text: string) => victims(text)[0]?.bound;
    expect(bound('At least 40 people were detained.')).toBe('at_least');
    expect(bound('No fewer than 40 people were detained.')).toBe('at_least');
    expect(bound('More than 100 were rounded up.')).toBe('more_than');
    expect(bound('Over 100 were rounded up.')).toBe('more_than');
    expect(bound('Upwards of 100 were rounded up.')).toBe('more_than');
    expect(bound('About 40 people were detained.')).toBe('about');
    expect(bound('Some 40 people were detained.')).toBe('about');
    expect(bound('Nearly 40 people were detained.')).toBe('about');
    expect(bound('Up to 40 people were detained.')).toBe('at_most');
    expect(bound('No more than 40 people were detained.')).toBe('at_most');
  });

  it('reads ranges', () => {
    const range = { what: 'detained', value: 10, max: 20, bound: 'range' };
    expect(victims('Between 10 and 20 men were detained.')).toEqual([range]);
    expect(victims('10 to 20 men were detained.')).toEqual([range]);
    expect(victims('10-20 men were detained.')).toEqual([range]);
    expect(victims('Two or three men were killed.')).toEqual([{ what: 'killed', value: 2, max: 3, bound: 'range' }]);
  });

  it('reads vague quantities as their minimum with at_least', () => {
    expect(victims('Dozens of men were detained.')).toEqual([{ what: 'detained', value: 12, max: null, bound: 'at_least' }]);
    expect(victims('Men are being rounded up by the hundreds.')).toEqual([{ what: 'detained', value: 100, max: null, bound: 'at_least' }]);
    expect(victims('Several hundred people were detained.')).toEqual([{ what: 'detained', value: 300, max: null, bound: 'at_least' }]);
    expect(victims('A dozen activists were detained.')).toEqual([{ what: 'detained', value: 12, max: null, bound: 'exact' }]);
    expect(victims('More than a dozen activists were detained.')).toEqual([{ what: 'detained', value: 12, max: null, bound: 'more_than' }]);
  });

  it('does not count durations, ages, years, dates, sums, followers, crowds or articles as victims', () => {
    expect(victims('He was held for 12 days.')).toEqual([]);
    expect(victims('A 25-year-old man was detained.')).toEqual([]);
    expect(victims('In 2017 police detained activists.')).toEqual([]);
    expect(victims('On 14 April 2017 he was arrested.')).toEqual([]);
    expect(victims('He was fined 100,000 roubles and detained.')).toEqual([]);
    expect(victims('Kadyrov has more than 3 million followers.')).toEqual([]);
    expect(victims('Tens of thousands of people rallied in Grozny.')).toEqual([]);
    expect(victims('He was charged under Article 228 and detained.')).toEqual([]);
    expect(victims('About 20 men took part in the ambush, beating the passengers.')).toEqual([]);
    expect(victims('He was sentenced to four years in prison.')).toEqual([]);
    expect(victims('One of its members was arrested.')).toEqual([]);
  });

  it('marks counts of people without a violation as other', () => {
    const all = extractFigures(analyze('Tens of thousands of people rallied in Grozny.'));
    expect(all.map((figure) => [figure.what, figure.value])).toEqual([['other', 10000]]);
  });

  it('spans the number phrase with its bound', () => {
    const text = 'Police say at least 40 people were detained.';
    const [figure] = extractFigures(analyze(text));
    expect(text.slice(figure!.start, figure!.end)).toBe('at least 40');
  });
});
