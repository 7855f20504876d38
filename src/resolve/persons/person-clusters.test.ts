import { describe, it } from 'node:test';
import { expect } from 'expect';
import type { PersonDecision } from '../../model/person.js';
import { applyPersonDecisions, carryOverPersonIds } from './person-clusters.js';

const r = (n: number) => `per_${String(n).padStart(26, '0')}`;
let sequence = 0;
const at = '2026-11-23T20:00:00.000Z';
const confirm = (a: number, b: number): PersonDecision => ({ id: `dec_${String(++sequence).padStart(26, '0')}`, kind: 'confirm', records: [r(a), r(b)], note: null, actor: 'x', at });
const split = (record: number): PersonDecision => ({ id: `dec_${String(++sequence).padStart(26, '0')}`, kind: 'split', record: r(record), apartFrom: [], note: null, actor: 'x', at });
const ids = [0, 1, 2, 3, 4, 5].map(r);

describe('applyPersonDecisions', () => {
  it('leaves the clustering alone without decisions', () => {
    expect(applyPersonDecisions(ids, [0, 0, 1, 1, 2, 2], []).groups).toEqual([[0, 1], [2, 3], [4, 5]]);
  });

  it('joins the persons of a confirmed pair, and detaches a split record', () => {
    expect(applyPersonDecisions(ids, [0, 0, 1, 1, 2, 2], [confirm(1, 4)]).groups).toEqual([[0, 1, 4, 5], [2, 3]]);
    expect(applyPersonDecisions(ids, [0, 0, 0, 1, 1, 1], [split(1)]).groups).toEqual([[0, 2], [1], [3, 4, 5]]);
  });

  it('keeps a split record apart whatever linkage proposes, until a later confirm', () => {
    // A re-run that puts 1 back with 0 and 2 (and even with 3) cannot undo the split.
    expect(applyPersonDecisions(ids, [0, 0, 0, 0, 1, 1], [split(1)]).groups).toEqual([[0, 2, 3], [1], [4, 5]]);
    // The later word wins: split then confirm joins; confirm then split separates.
    expect(applyPersonDecisions(ids, [0, 0, 1, 1, 2, 2], [split(1), confirm(1, 5)]).groups).toEqual([[0], [1, 4, 5], [2, 3]]);
    expect(applyPersonDecisions(ids, [0, 1, 2, 3, 4, 5], [confirm(0, 1), split(1)]).groups).toEqual([[0], [1], [2], [3], [4], [5]]);
  });

  it('joins groups given as together before any decision, which can still split them', () => {
    expect(applyPersonDecisions(ids, [0, 1, 2, 3, 4, 5], [], [[r(0), r(3), r(5)], [r(1), r(99)]]).groups).toEqual([[0, 3, 5], [1], [2], [4]]);
    expect(applyPersonDecisions(ids, [0, 1, 2, 3, 4, 5], [split(3)], [[r(0), r(3), r(5)]]).groups).toEqual([[0, 5], [1], [2], [3], [4]]);
  });

  it('skips decisions about records no longer there, and counts the ones applied', () => {
    const result = applyPersonDecisions(ids, [0, 1, 2, 3, 4, 5], [confirm(0, 99), split(42), confirm(2, 3)]);
    expect(result.groups).toEqual([[0], [1], [2, 3], [4], [5]]);
    expect(result.applied).toBe(1);
  });
});

describe('carryOverPersonIds', () => {
  it('gives each group the earlier person it shares most records with, larger groups choosing first', () => {
    const previous = new Map([[r(0), 'psn_A'], [r(1), 'psn_A'], [r(2), 'psn_A'], [r(3), 'psn_B']]);
    let made = 0;
    const assigned = carryOverPersonIds([[r(0)], [r(1), r(2), r(3)], [r(4)]], previous, () => `psn_new${++made}`);
    expect(assigned.get(r(1))).toBe('psn_A');
    expect(assigned.get(r(3))).toBe('psn_A');
    // psn_A went to the larger group; the record left behind gets a new id, as does the new record.
    expect(assigned.get(r(0))).toBe('psn_new1');
    expect(assigned.get(r(4))).toBe('psn_new2');
  });
});
