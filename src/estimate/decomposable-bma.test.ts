import { describe, it } from 'node:test';
import { expect } from 'expect';
import { bayesianModelAveraging, decomposableGraphs, negativeBinomialPrior, overlapTable } from './index.js';
import { logGamma } from './special-functions.js';

describe('Bayesian model averaging over decomposable graphs', () => {
  it('finds every labelled chordal graph: 8, 61 and 822 on 3, 4 and 5 vertices', () => {
    expect([3, 4, 5].map((k) => decomposableGraphs(k).length)).toEqual([8, 61, 822]);
    const names = decomposableGraphs(4).map((graph) => graph.name);
    expect(names).toContain('[1234]');
    expect(names).toContain('[12,23,34]');
    // The 4-cycle is not chordal.
    expect(names).not.toContain('[12,14,23,34]');
  });

  it('gives a proper posterior over N and over graphs', () => {
    const table = overlapTable({ lists: ['A', 'B', 'C'], counts: { '100': 120, '010': 90, '001': 60, '110': 40, '101': 25, '011': 20, '111': 10 } });
    const result = bayesianModelAveraging(table, { delta: 1 / 8 });
    if (!result.ok) throw new Error(result.problems.join('; '));
    const mass = result.posterior.reduce((sum, point) => sum + point.probability, 0);
    expect(mass).toBeCloseTo(1, 12);
    expect(result.models.reduce((sum, model) => sum + model.probability, 0)).toBeCloseTo(1, 12);
    expect(result.ci95[0]).toBeLessThanOrEqual(result.median);
    expect(result.median).toBeLessThanOrEqual(result.ci95[1]);
    expect(result.mean).toBeGreaterThan(table.observed);
    expect(result.mean).toBeLessThan(3 * table.observed);
  });

  it('refuses what it cannot do, and says when the grid cuts the posterior off', () => {
    expect(bayesianModelAveraging(overlapTable({ lists: ['A', 'B'], counts: { '10': 5, '01': 4, '11': 3 } }), { delta: 0.25 })).toMatchObject({ ok: false });
    const table = overlapTable({ lists: ['A', 'B', 'C'], counts: { '100': 120, '010': 90, '001': 60, '110': 40, '101': 25, '011': 20, '111': 10 } });
    const short = bayesianModelAveraging(table, { delta: 1 / 8, missing: [0, 1, 2, 3, 4, 5] });
    expect(short.ok && short.warnings.join()).toMatch(/widen it/);
  });

  it('writes the negative binomial prior as a Gamma-mixed Poisson', () => {
    const prior = negativeBinomialPrior(2, 3);
    // P(N = 0) = (1 + b)^−a.
    expect(prior(0)).toBeCloseTo(-2 * Math.log(4), 12);
    expect(prior(5)).toBeCloseTo(logGamma(7) - logGamma(2) - logGamma(6) - 2 * Math.log(4) + 5 * Math.log(3 / 4), 12);
  });
});
