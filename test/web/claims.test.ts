import { describe, it } from 'node:test';
import { expect } from 'expect';
import type { ClaimView } from '../../src/model/api.js';
import { figurePhrase, segmentText, spanKindOf } from '../../web/src/claims.js';

const claim = (id: string, start: number, end: number, kind: ClaimView['kind'] = 'mention', property = 'person'): ClaimView => ({
  id,
  documentId: 'doc_1',
  kind,
  property,
  value: null,
  status: 'proposed',
  version: 1,
  start,
  end,
  quote: '',
  attribution: null,
  producedBy: 'test',
  reviewedBy: null,
  reviewedAt: null,
  orphaned: false,
});

describe('workspace: text segmentation for highlighted spans', () => {
  it('cuts the text at every span boundary and lists the covering claims innermost first', () => {
    // "Police detained Oyub Titiev in Grozny": an act over [7, 27) holding a name at [16, 27).
    const act = claim('act', 7, 27, 'act', 'detention');
    const name = claim('name', 16, 27);
    const place = claim('place', 31, 37, 'mention', 'place');
    const segments = segmentText(37, [place, act, name]);
    expect(segments.map((segment) => [segment.start, segment.end, segment.claims.map((covering) => covering.id)])).toEqual([
      [0, 7, []],
      [7, 16, ['act']],
      [16, 27, ['name', 'act']],
      [27, 31, []],
      [31, 37, ['place']],
    ]);
  });

  it('handles partly overlapping spans and ignores spans outside the text or empty', () => {
    const segments = segmentText(10, [claim('a', 0, 6), claim('b', 4, 10), claim('empty', 5, 5), claim('outside', 8, 40)]);
    expect(segments.map((segment) => [segment.start, segment.end, segment.claims.map((covering) => covering.id)])).toEqual([
      [0, 4, ['a']],
      [4, 6, ['a', 'b']],
      [6, 10, ['b']],
    ]);
  });

  it('covers the whole text exactly once, whatever the spans', () => {
    const claims = Array.from({ length: 40 }, (_, index) => claim(`c${index}`, (index * 7) % 90, ((index * 7) % 90) + 1 + (index % 13)));
    const segments = segmentText(100, claims);
    expect(segments[0]?.start).toBe(0);
    expect(segments[segments.length - 1]?.end).toBe(100);
    for (let index = 1; index < segments.length; index++) expect(segments[index]?.start).toBe(segments[index - 1]?.end);
    for (const segment of segments) for (const covering of segment.claims) expect(covering.start <= segment.start && segment.end <= covering.end).toBe(true);
  });
});

describe('workspace: span kinds and figure phrases', () => {
  it('splits mentions by what they name and keeps other kinds', () => {
    expect(spanKindOf({ kind: 'mention', property: 'place' })).toBe('place');
    expect(spanKindOf({ kind: 'mention', property: 'person' })).toBe('person');
    expect(spanKindOf({ kind: 'mention', property: 'group' })).toBe('organization');
    expect(spanKindOf({ kind: 'figure', property: 'killed' })).toBe('figure');
  });

  it('words a figure with its bound, a range with a dash, and nothing for a malformed value', () => {
    const bound = (key: string) => ({ at_least: 'at least', about: 'about' })[key] ?? key;
    const number = (value: number) => String(value);
    expect(figurePhrase({ value: 40, max: null, bound: 'at_least' }, bound, number)).toBe('at least 40');
    expect(figurePhrase({ value: 30, max: 40, bound: 'range' }, bound, number)).toBe('30–40');
    expect(figurePhrase({ value: 3, max: null, bound: 'exact' }, bound, number)).toBe('3');
    expect(figurePhrase({ value: 'three' }, bound, number)).toBe('');
    expect(figurePhrase(null, bound, number)).toBe('');
  });
});
