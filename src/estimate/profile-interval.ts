import type { Design } from './design-matrix.js';
import type { OverlapTable } from './overlap-table.js';
import { fitPoisson } from './poisson-glm.js';
import { CHI2_1_95, logGamma } from './special-functions.js';

/*
 * Multinomial profile-likelihood interval for N (Cormack 1992; what Rcapture's closedpCI.t and
 * profileCI report). Given N, the unobserved cell holds N − n people; the model is fitted by Poisson
 * IRLS to the complete 2^k table (the same design plus the row [1, 0, …, 0]), and since the model has
 * an intercept its fitted values sum to N, so p̂_ω = μ̂_ω / N maximises the multinomial likelihood
 *
 *   ℓ(N) = log N! − log (N − n)! + Σ_ω n_ω log(μ̂_ω / N)   (ω over all 2^k cells, n_0 = N − n),
 *
 * up to a constant. The interval is {N : 2 [ℓ(N̂_m) − ℓ(N)] ≤ χ²₁(0.95)}, N̂_m the N maximising ℓ
 * (close to, not equal to, the Poisson N̂). N is treated as continuous (log-gamma).
 */

export interface ProfileInterval {
  lower: number;
  /** Infinity when the likelihood never falls far enough: no finite upper limit. */
  upper: number;
  /** The N that maximises the profile likelihood. */
  mode: number;
}

export function profileInterval(table: OverlapTable, design: Design, start: readonly number[], estimate: number, level = CHI2_1_95): ProfileInterval | null {
  const n = table.observed;
  const rows = [[1, ...new Array<number>(design.labels.length - 1).fill(0)], ...design.rows];
  const observed = table.counts.slice(1);
  let warm: number[] = [...start];

  // ℓ as a function of t = log(N − n), so the search runs over (−∞, ∞).
  const cache = new Map<number, number>();
  const profile = (t: number): number => {
    const cached = cache.get(t);
    if (cached !== undefined) return cached;
    const unobserved = Math.exp(t);
    const N = n + unobserved;
    const y = [unobserved, ...observed];
    let outcome = fitPoisson(rows, y, { start: warm });
    if (!outcome.ok) outcome = fitPoisson(rows, y);
    let value = Number.NaN;
    if (outcome.ok) {
      warm = outcome.fit.coefficients;
      const mu = outcome.fit.fitted;
      value = logGamma(N + 1) - logGamma(unobserved + 1);
      for (let i = 0; i < y.length; i++) if (y[i]! > 0) value += y[i]! * Math.log(mu[i]! / N);
    }
    cache.set(t, value);
    return value;
  };

  // Maximise by golden-section search on a bracket around the Poisson estimate.
  const centre = Math.log(Math.max(estimate - n, 1e-6));
  let a = centre - 3;
  let b = centre + 3;
  for (let i = 0; i < 10 && profile(b) > profile(b - 0.5); i++) b += 3;
  for (let i = 0; i < 10 && profile(a) > profile(a + 0.5); i++) a -= 3;
  const phi = (Math.sqrt(5) - 1) / 2;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  for (let i = 0; i < 200 && b - a > 1e-10; i++) {
    if (profile(c) >= profile(d)) {
      b = d;
      d = c;
      c = b - phi * (b - a);
    } else {
      a = c;
      c = d;
      d = a + phi * (b - a);
    }
  }
  const top = (a + b) / 2;
  const best = profile(top);
  if (!Number.isFinite(best)) return null;
  const excess = (t: number) => 2 * (best - profile(t)) - level;

  const root = (inside: number, outside: number): number => {
    let lo = inside;
    let hi = outside;
    for (let i = 0; i < 100 && Math.abs(hi - lo) > 1e-12; i++) {
      const mid = (lo + hi) / 2;
      if (excess(mid) < 0) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };

  // Lower limit: between n (nobody missed) and the mode.
  let lower = n;
  let outside = top - 1;
  while (outside > top - 60 && !(excess(outside) > 0)) outside -= 1;
  if (excess(outside) > 0) lower = n + Math.exp(root(top, outside));

  // Upper limit: expand until the likelihood has dropped enough; give up past ~e^40 missed.
  let upper = Number.POSITIVE_INFINITY;
  outside = top + 1;
  while (outside < 40 && !(excess(outside) > 0)) outside += 1;
  if (excess(outside) > 0) upper = n + Math.exp(root(top, outside));
  return { lower, upper, mode: n + Math.exp(top) };
}
