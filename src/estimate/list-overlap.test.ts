import { describe, it } from 'node:test';
import { expect } from 'expect';
import { overlapOfPersons } from './list-overlap.js';
import { OverlapTableError } from './overlap-table.js';

describe('overlapOfPersons', () => {
  it('counts each person once per combination of lists, however many records it has on a list', () => {
    const table = overlapOfPersons(['A', 'B', 'C'], [['A'], ['A', 'A'], ['B', 'A'], ['C', 'B', 'A', 'C'], ['D'], ['D', 'C']]);
    // mask bit i = list i: A=1, B=2, C=4; the person only on D is not counted.
    expect(table.counts).toEqual([0, 2, 0, 1, 1, 0, 0, 1]);
    expect(table.observed).toBe(5);
    expect(table.lists).toEqual(['A', 'B', 'C']);
  });

  it('refuses a list named twice', () => {
    expect(() => overlapOfPersons(['A', 'A'], [])).toThrow(OverlapTableError);
  });
});
