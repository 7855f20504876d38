import { describe, it } from 'node:test';
import { expect } from 'expect';
import { analyze } from '../analyzed-text.js';
import { extractDates } from './dates.js';

const dates = (text: string, published: string | null = '2017-04-19') =>
  extractDates(analyze(text), published).map(({ text: quote, value, precision, relative }) => ({ quote, value, precision, relative }));
const values = (text: string, published: string | null = '2017-04-19') => dates(text, published).map((date) => [date.value, date.precision]);

describe('extractDates', () => {
  it('reads absolute dates', () => {
    expect(values('It happened on 14 April 2017.')).toEqual([['2017-04-14', 'day']]);
    expect(values('It happened on April 14, 2017.')).toEqual([['2017-04-14', 'day']]);
    expect(values('It happened on 2017-04-14.')).toEqual([['2017-04-14', 'day']]);
    expect(values('It happened in April 2017.')).toEqual([['2017-04', 'month']]);
    expect(values('It happened in 2017.')).toEqual([['2017', 'year']]);
    expect(values('He was seized on Jan. 17, 2018.')).toEqual([['2018-01-17', 'day']]);
  });

  it('infers the year of a day or month without one from the published date', () => {
    expect(values('He was detained on March 16.')).toEqual([['2017-03-16', 'day']]);
    expect(values('He was detained on 9 December.')).toEqual([['2016-12-09', 'day']]);
    expect(values('He was detained in May.')).toEqual([['2016-05', 'month']]);
  });

  it('resolves relative dates against the published date', () => {
    // 2017-04-19 is a Wednesday.
    expect(values('The group said on Monday that men were held.')).toEqual([['2017-04-17', 'day']]);
    expect(values('It was announced on Wednesday.')).toEqual([['2017-04-19', 'day']]);
    expect(values('It happened yesterday.')).toEqual([['2017-04-18', 'day']]);
    expect(values('It happened last month.')).toEqual([['2017-03', 'month']]);
    expect(values('It happened last year.')).toEqual([['2016', 'year']]);
    expect(values('It happened last week.')).toEqual([['2017-04-12', 'approximate']]);
    expect(values('It happened earlier this year.')).toEqual([['2017', 'year']]);
    expect(values('It happened last month.', '2017-01-05')).toEqual([['2016-12', 'month']]);
    expect(dates('It happened yesterday.')[0]!.relative).toBe(true);
  });

  it('marks approximate expressions', () => {
    expect(values('The purge began in early 2017.')).toEqual([['2017-02', 'approximate']]);
    expect(values('Detentions resumed at the end of 2018.')).toEqual([['2018-11', 'approximate']]);
    expect(values('It happened in mid-2016.')).toEqual([['2016', 'approximate']]);
    expect(values('The purge began in late March.')).toEqual([['2017-03', 'approximate']]);
    expect(values('The purge began in mid-March.')).toEqual([['2017-03', 'approximate']]);
    expect(values('The purge began at the end of December 2018.')).toEqual([['2018-12', 'approximate']]);
  });

  it('leaves relative dates unresolved without a published date', () => {
    expect(values('It happened on Monday.', null)).toEqual([[null, 'day']]);
    expect(values('It happened last month.', null)).toEqual([[null, 'month']]);
    expect(values('It happened on 14 April 2017.', null)).toEqual([['2017-04-14', 'day']]);
  });

  it('ignores numbers and words that only look like dates', () => {
    expect(values('He may march with 2017 people.')).toEqual([]);
    expect(values('Forty men were detained.')).toEqual([]);
  });
});

describe('a year as a modifier', () => {
  it('reads "the 2017 purge" as a date, but not a count such as "the 1200 men"', () => {
    const dates = (text: string) => extractDates(analyze(text), '2019-01-15').map((date) => [date.text, date.value]);
    expect(dates('Novaya Gazeta broke the story of the 2017 purge.')).toEqual([['2017', '2017']]);
    expect(dates('Police held the 1200 men.')).toEqual([]);
  });
});
