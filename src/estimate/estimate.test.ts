import { describe, it } from 'node:test';
import { expect } from 'expect';
import { estimatePopulation, estimateStrata, overlapTable, OverlapTableError, tableProblems, type EstimateResult } from './index.js';

const THREE = { lists: ['A', 'B', 'C'], counts: { '100': 120, '010': 90, '001': 60, '110': 40, '101': 25, '011': 20, '111': 10 } };

function problems(result: EstimateResult): string {
  // A refusal carries reasons and no estimate at all.
  expect(result.ok).toBe(false);
  expect(result).not.toHaveProperty('chosen');
  return result.ok ? '' : result.problems.join('; ');
}

describe('overlap tables', () => {
  it('reads counts by pattern, and dga-style Y vectors by cell name', () => {
    const table = overlapTable(THREE);
    expect(table.observed).toBe(365);
    expect(table.counts[0b011]).toBe(40); // "110": lists 1 and 2
    const y = overlapTable({ Y: [0, 60, 90, 20, 120, 25, 40, 10] }); // x000, x001 (list 3 only), …
    expect(y.lists).toEqual(['L1', 'L2', 'L3']);
    expect(y.counts).toEqual(table.counts);
  });

  it('refuses malformed tables with a message a person can act on', () => {
    expect(() => overlapTable({ lists: ['A', 'B'] })).toThrow(/needs "counts"/);
    expect(() => overlapTable({ lists: ['A', 'B'], counts: { '1': 3 } })).toThrow(/1 digits for 2 lists/);
    expect(() => overlapTable({ lists: ['A', 'B'], counts: { '12': 3 } })).toThrow(/0s and 1s/);
    expect(() => overlapTable({ lists: ['A', 'B'], counts: { '10': -3 } })).toThrow(/negative/);
    expect(() => overlapTable({ lists: ['A', 'B'], counts: { '00': 3, '10': 1 } })).toThrow(/unobserved cell/);
    expect(() => overlapTable({ lists: ['A', 'B'], counts: { '10': 3 }, n_observed: 4 })).toThrow(/add up to 3/);
    expect(() => overlapTable({ Y: [0, 1, 2] })).toThrow(/power of two/);
    expect(() => overlapTable([1, 2])).toThrow(OverlapTableError);
  });
});

describe('estimates that the data cannot support are refused, not printed', () => {
  it('0 or 1 list', () => {
    expect(problems(estimatePopulation(overlapTable({ lists: [], counts: {} })))).toMatch(/no lists/);
    expect(problems(estimatePopulation(overlapTable({ lists: ['A'], counts: { '1': 50 } })))).toMatch(/only one list/);
  });

  it('lists that do not overlap', () => {
    expect(problems(estimatePopulation(overlapTable({ lists: ['A', 'B'], counts: { '10': 50, '01': 40, '11': 0 } })))).toMatch(/do not overlap/);
    const isolated = { lists: ['A', 'B', 'C'], counts: { '100': 50, '010': 40, '110': 10, '001': 30 } };
    expect(tableProblems(overlapTable(isolated))).toEqual(['list C shares no one with any other list: its coverage cannot be estimated']);
    expect(problems(estimatePopulation(overlapTable(isolated)))).toMatch(/list C shares no one/);
    expect(problems(estimatePopulation(overlapTable({ lists: ['A', 'B', 'C'], counts: { '100': 50, '110': 10, '010': 5 } })))).toMatch(/list C has no records/);
  });

  it('a model whose fit diverges on zero cells', () => {
    // Nobody is on both A and B: the [12] term's margin is empty and its parameter runs to −∞.
    const table = overlapTable({ lists: ['A', 'B', 'C'], counts: { '100': 120, '010': 90, '001': 60, '110': 0, '111': 0, '101': 25, '011': 20 } });
    expect(problems(estimatePopulation(table, { model: '[12,3]' }))).toMatch(/model \[12,3\]: the fit diverges/);
    // The search leaves such models out and says so.
    const searched = estimatePopulation(table);
    if (!searched.ok) throw new Error(searched.problems.join('; '));
    expect(searched.chosen.model).not.toMatch(/12/);
    expect(searched.warnings.join('\n')).toMatch(/could not be used/);
    expect(searched.models.find((outcome) => !outcome.ok && outcome.model === '[12,13,23]')).toBeDefined();
  });

  it('a model that is not estimable from the cells, or that the notation cannot express', () => {
    expect(problems(estimatePopulation(overlapTable(THREE), { model: '[123]' }))).toMatch(/confounded/);
    expect(problems(estimatePopulation(overlapTable(THREE), { model: 'M7' }))).toMatch(/not a model/);
  });

  it('an estimate absurdly larger than what was observed', () => {
    // One person on both of two large lists: Lincoln–Petersen gives 1,000,000 from 2,000 observed.
    const table = overlapTable({ lists: ['A', 'B'], counts: { '10': 999, '01': 999, '11': 1 } });
    expect(problems(estimatePopulation(table))).toMatch(/implausible: the estimate is more than 100 times/);
    expect(estimatePopulation(table, { maxRatio: 1e4 }).ok).toBe(true);
  });
});

describe('estimates', () => {
  it('choose the lowest BIC, and honour a named model', () => {
    const table = overlapTable(THREE);
    const result = estimatePopulation(table);
    if (!result.ok) throw new Error(result.problems.join('; '));
    const bics = result.models.flatMap((outcome) => (outcome.ok ? [outcome.fit.bic!] : []));
    expect(result.chosen.bic).toBe(Math.min(...bics));
    expect(result.models).toHaveLength(8);
    expect(result.chosen.ci95![0]).toBeLessThan(result.chosen.N);
    expect(result.chosen.ci95![1]).toBeGreaterThan(result.chosen.N);
    const named = estimatePopulation(table, { model: '[12,13]' });
    expect(named.ok && named.chosen.model).toBe('[12,13]');
    expect(named.ok && named.selectedBy).toBe('named');
  });

  it('sum over strata, with variances added', () => {
    const a = overlapTable(THREE);
    const b = overlapTable({ ...THREE, counts: { ...THREE.counts, '100': 200, '111': 15 } });
    const whole = estimateStrata([
      { name: 'north', table: a },
      { name: 'south', table: b },
    ]);
    if (!whole.ok) throw new Error(whole.problems.join('; '));
    const [north, south] = whole.strata.map(({ result }) => (result.ok ? result.chosen : null));
    expect(whole.N).toBeCloseTo(north!.N + south!.N, 8);
    expect(whole.se).toBeCloseTo(Math.sqrt(north!.se ** 2 + south!.se ** 2), 8);
    expect(whole.observed).toBe(a.observed + b.observed);
    const refused = estimateStrata([
      { name: 'north', table: a },
      { name: 'east', table: overlapTable({ lists: ['A'], counts: { '1': 5 } }) },
    ]);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.problems[0]).toMatch(/^stratum east: only one list/);
  });
});
