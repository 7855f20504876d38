import { describe, it } from 'node:test';
import { expect } from 'expect';
import { ApiFailure } from '../../web/src/api.js';
import { intervalScale, partialDateText, refusalText } from '../../web/src/persons.js';

describe('persons view helpers', () => {
  it('writes a partial date at the precision the list gave', () => {
    expect(partialDateText({ year: 1971, month: 6, day: 3 })).toBe('1971-06-03');
    expect(partialDateText({ year: 1971, month: 6, day: null })).toBe('1971-06');
    expect(partialDateText({ year: 1971, month: null, day: null })).toBe('1971');
    expect(partialDateText(null)).toBeNull();
  });

  it('says what a refusal means by its status, with the server\'s words', () => {
    const t = (key: string, params: Record<string, string | number>) => `${key} ${JSON.stringify(params)}`;
    expect(refusalText(t, new ApiFailure(409, 'changed'))).toBe('persons.failed409 {"message":"changed"}');
    expect(refusalText(t, new ApiFailure(403, 'needs analyst'))).toBe('persons.failed403 {"message":"needs analyst"}');
    expect(refusalText(t, new ApiFailure(404, 'no such record'))).toBe('persons.failed404 {"message":"no such record"}');
    expect(refusalText(t, new ApiFailure(400, 'run link first'))).toBe('persons.failed {"status":400,"message":"run link first"}');
    expect(refusalText(t, new TypeError('Failed to fetch'))).toBe('persons.failedNetwork {"message":"Failed to fetch"}');
  });

  it('scales an interval bar from zero to a round top that holds every finite value', () => {
    const small = intervalScale([6, 6.7, 6, 10.4]);
    expect(small.top).toBe(12.5);
    expect(small.ticks).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
    expect(small.at(10.4)).toBeLessThan(1);
    const large = intervalScale([1234, 1800, 1500, null]);
    expect(large.top).toBeGreaterThanOrEqual(1800);
    expect(large.ticks.length).toBeLessThanOrEqual(6);
    expect(large.at(5000)).toBe(1);
    expect(intervalScale([]).top).toBeGreaterThan(0);
  });
});
