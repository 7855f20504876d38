import { describe, it } from 'node:test';
import { expect } from 'expect';
import { rangeOfDate } from './date-range.js';
import type { EvidenceUnit } from './evidence.js';
import { allowedRange, summarizeFigures, type FigureClaim } from './figure-summary.js';
import { DENSE_LIMIT, groupUnits } from './grouping.js';
import { originsOf, sameSource } from './source-independence.js';

let counter = 0;
function unit(documentId: string, fields: Partial<EvidenceUnit>): EvidenceUnit {
  counter++;
  return {
    key: `${documentId}:act:${counter}:${counter + 1}`,
    claimId: `c${counter}`,
    kind: 'act',
    documentId,
    type: 'detention',
    start: counter,
    end: counter + 1,
    quote: 'detained',
    places: [],
    persons: [],
    date: null,
    implied: null,
    attributedTo: null,
    via: [],
    figure: null,
    position: counter,
    ...fields,
  };
}
const month = (value: string) => rangeOfDate(value, 'month');
const day = (value: string) => rangeOfDate(value, 'day');
const keysOf = (groups: EvidenceUnit[][]) => groups.map((group) => group.map((member) => member.documentId).join(','));

describe('grouping acts and figures into incidents', () => {
  it('joins reports of the same place and time from different outlets, and keeps another year apart', () => {
    const units = [
      unit('a', { places: ['Argun'], date: month('2017-04'), type: 'detention' }),
      unit('b', { places: ['Chechnya'], date: day('2017-04-01'), type: 'killing' }),
      unit('c', { places: ['Chechnya'], date: month('2019-01'), type: 'detention' }),
      unit('d', { places: ['Grozny'], implied: rangeOfDate('2019-01', 'month'), type: 'torture' }),
    ];
    expect(keysOf(groupUnits(units))).toEqual(['a,b', 'c,d']);
  });

  it('keeps apart scenes that cannot be one (Grozny and Nazran) even in the same week', () => {
    const units = [unit('a', { places: ['Nazran'], date: day('2018-01-17'), type: 'attack_on_property' }), unit('b', { places: ['Makhachkala'], date: day('2018-01-22'), type: 'attack_on_property' })];
    expect(groupUnits(units)).toHaveLength(2);
  });

  it('lets a named victim tie a case together across months', () => {
    const units = [
      unit('a', { places: ['Chechnya'], date: month('2018-01'), type: 'detention', persons: ['Oyub Titiev'] }),
      unit('b', { places: ['Chechnya'], date: month('2019-03'), type: 'prosecution', persons: ['Oyub Titiev'] }),
    ];
    expect(groupUnits(units)).toHaveLength(1);
    expect(groupUnits(units, undefined, () => 0.5)).toHaveLength(2);
  });

  it('obeys an analyst: units kept apart never share an incident, units put together always do', () => {
    const a = unit('a', { places: ['Argun'], date: month('2017-04') });
    const b = unit('b', { places: ['Argun'], date: month('2017-04') });
    const c = unit('c', { places: ['Nazran'], date: month('2018-01') });
    expect(groupUnits([a, b, c], { together: [], apart: [[a.key, b.key]] })).toHaveLength(3);
    expect(groupUnits([a, b, c], { together: [[a.key, c.key]], apart: [] })).toHaveLength(1);
  });
});

const figure = (value: number, bound: FigureClaim['bound'], origins: string[], max: number | null = null): FigureClaim => ({
  claimId: `f${value}${bound}`, what: 'killed', value, max, bound, documentId: 'd', start: 0, end: 1, quote: '', attributedTo: null, origins, status: 'proposed',
});

describe('figures as claims', () => {
  it('reads bounds as the values they allow', () => {
    expect(allowedRange({ value: 6, max: null, bound: 'at_least' })).toEqual([6, Infinity]);
    expect(allowedRange({ value: 100, max: null, bound: 'more_than' })).toEqual([101, Infinity]);
    expect(allowedRange({ value: 10, max: 20, bound: 'range' })).toEqual([10, 20]);
  });

  it('shows disagreement without conflict, and conflict where claims cannot both hold', () => {
    const differ = summarizeFigures('killed', [figure(3, 'at_least', ['Novaya Gazeta']), figure(4, 'at_least', ['HRW']), figure(6, 'at_least', ['Novaya Gazeta'])]);
    expect(differ).toMatchObject({ low: 3, high: null, differ: true, conflict: false, independentSources: 2 });
    expect(summarizeFigures('killed', [figure(2, 'exact', ['a']), figure(6, 'at_least', ['b'])])).toMatchObject({ conflict: true, low: 2, high: null });
    expect(summarizeFigures('detained', [figure(10, 'range', ['a'], 20), figure(15, 'about', ['b'])])).toMatchObject({ conflict: false, high: 20 });
  });
});

describe('independent lines of evidence', () => {
  it('treats names of one source alike', () => {
    expect(sameSource('the Russian LGBT Network', 'Russian LGBT Network')).toBe(true);
    expect(sameSource('LGBT Network', 'Russian LGBT Network')).toBe(true);
    expect(sameSource('The Telegraph', 'Telegraph')).toBe(true);
    expect(sameSource('Memorial', 'Meduza')).toBe(false);
  });

  it('collapses a re-reporting chain to its first witness', () => {
    const origins = originsOf([
      { attributedTo: 'Russian LGBT Network', publisher: 'The Telegraph', documentId: 't' },
      { attributedTo: 'The Telegraph', publisher: 'Gay Star Blog', documentId: 'b' },
      { attributedTo: null, publisher: 'Novaya Gazeta', documentId: 'n' },
      { attributedTo: 'Novaya Gazeta', publisher: 'The Moscow Times', documentId: 'm' },
      { attributedTo: null, publisher: 'Human Rights Watch', documentId: 'h' },
    ]);
    expect(origins).toEqual([['Russian LGBT Network'], ['Russian LGBT Network'], ['Novaya Gazeta'], ['Novaya Gazeta'], ['Human Rights Watch']]);
    expect(new Set(origins.flat()).size).toBe(3);
  });

  it('survives sources that cite each other', () => {
    const origins = originsOf([
      { attributedTo: 'B', publisher: 'A', documentId: '1' },
      { attributedTo: 'A', publisher: 'B', documentId: '2' },
    ]);
    expect(origins.every((list) => list.length > 0)).toBe(true);
  });
});

describe('described sources', () => {
  it('count as their publisher: "activists" and "the paper" are no line of their own', () => {
    const origins = originsOf([
      { attributedTo: 'activists', publisher: 'NPR', documentId: 'n' },
      { attributedTo: 'the paper', publisher: 'NPR', documentId: 'n' },
      { attributedTo: 'The Associated Press', publisher: 'NPR', documentId: 'n' },
    ]);
    expect(origins).toEqual([['NPR'], ['NPR'], ['The Associated Press']]);
  });
});

describe('grouping many reports', () => {
  it('switches to a blocked greedy pass above the dense limit and still separates scenes', () => {
    const units: EvidenceUnit[] = [];
    const scenes = [
      { places: ['Argun'], date: month('2017-03'), type: 'detention' as const },
      { places: ['Nazran'], date: day('2018-01-17'), type: 'attack_on_property' as const },
      { places: ['Makhachkala'], date: day('2018-01-22'), type: 'attack_on_property' as const },
    ];
    for (let index = 0; index < DENSE_LIMIT + 300; index++) units.push(unit(`doc${index}`, scenes[index % 3]!));
    const groups = groupUnits(units);
    expect(groups).toHaveLength(3);
    expect(groups.map((group) => group.length).sort()).toEqual([...new Array(3)].map((_, scene) => units.filter((_, index) => index % 3 === scene).length).sort());
  });
});
