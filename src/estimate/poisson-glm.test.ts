import { describe, it } from 'node:test';
import { expect } from 'expect';
import { fitModel, fitPoisson, lognormalInterval, overlapTable, parseModel, profileInterval } from './index.js';
import { logGamma } from './special-functions.js';

describe('Poisson IRLS', () => {
  it('reproduces Lincoln–Petersen on two lists', () => {
    // On list A only 70, on B only 50, on both 30: N̂ = n_A n_B / m = 100 · 80 / 30.
    const table = overlapTable({ lists: ['A', 'B'], counts: { '10': 70, '01': 50, '11': 30 } });
    const outcome = fitModel(table, parseModel('[1,2]', 2));
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.fit.N).toBeCloseTo((100 * 80) / 30, 8);
    expect(outcome.fit.unobserved).toBeCloseTo((70 * 50) / 30, 8);
    // var γ̂ = 1/n10 + 1/n01 + 1/n11 in closed form; se² = f₀ + f₀² var γ̂.
    const f0 = (70 * 50) / 30;
    expect(outcome.fit.se).toBeCloseTo(Math.sqrt(f0 + f0 * f0 * (1 / 70 + 1 / 50 + 1 / 30)), 6);
    // Three cells, three parameters: a perfect fit.
    expect(outcome.fit.deviance).toBeCloseTo(0, 8);
    expect(outcome.fit.df).toBe(0);
  });

  it('fits a known log-linear surface exactly', () => {
    const design = [0, 1, 2, 3, 4].map((x) => [1, x]);
    const y = design.map(([, x]) => Math.exp(2 + 0.5 * x!));
    const outcome = fitPoisson(design, y);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.fit.coefficients[0]).toBeCloseTo(2, 8);
    expect(outcome.fit.coefficients[1]).toBeCloseTo(0.5, 8);
  });

  it('reports a parameter running off to infinity instead of a number', () => {
    // The second column is only non-zero on a cell observed as 0: its coefficient goes to −∞.
    const outcome = fitPoisson([[1, 0], [1, 0], [1, 1]], [5, 7, 0]);
    expect(outcome).toMatchObject({ ok: false, kind: 'boundary' });
    expect(fitPoisson([[1, 1], [1, 1], [1, 1]], [5, 7, 3])).toMatchObject({ ok: false, kind: 'singular' });
  });

  it('computes log Γ', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});

describe('intervals', () => {
  it('log-normal (Chao 1987) stays above n and around N̂', () => {
    const [lower, upper] = lognormalInterval(100, 150, 10);
    expect(lower).toBeGreaterThan(100);
    expect(lower).toBeLessThan(150);
    expect(upper).toBeGreaterThan(150);
    // Symmetric on the log scale of the unobserved count.
    expect(Math.log(upper - 100) + Math.log(lower - 100)).toBeCloseTo(2 * Math.log(50), 10);
  });

  it('profile likelihood brackets the estimate on two lists', () => {
    const table = overlapTable({ lists: ['A', 'B'], counts: { '10': 70, '01': 50, '11': 30 } });
    const outcome = fitModel(table, parseModel('[1,2]', 2));
    if (!outcome.ok || !outcome.fit.design) throw new Error('no fit');
    const interval = profileInterval(table, outcome.fit.design, Object.values(outcome.fit.coefficients), outcome.fit.N);
    expect(interval).not.toBeNull();
    expect(interval!.lower).toBeGreaterThan(table.observed);
    expect(interval!.lower).toBeLessThan(outcome.fit.N);
    expect(interval!.upper).toBeGreaterThan(outcome.fit.N);
    // The multinomial maximum sits a little below the Poisson (Lincoln–Petersen) value.
    expect(interval!.mode).toBeLessThan(outcome.fit.N);
    expect(interval!.mode).toBeGreaterThan(0.98 * outcome.fit.N);
  });
});
