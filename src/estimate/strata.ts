import { estimatePopulation, type EstimateOptions, type EstimateResult } from './estimate.js';
import { lognormalInterval } from './lognormal-interval.js';
import type { OverlapTable } from './overlap-table.js';

/*
 * Stratified estimation: heterogeneity in capture across places, periods or groups biases a pooled
 * estimate, so each stratum is estimated on its own (each choosing its model) and the estimates
 * are summed. Strata are independent, so the variances add: se = √Σ se². The total's interval is
 * log-normal on the summed unobserved count (profile intervals do not add).
 */

export interface Stratum {
  name: string;
  table: OverlapTable;
}

export type StrataResult =
  | { ok: true; strata: { name: string; result: EstimateResult }[]; N: number; se: number; observed: number; ci95Lognormal: [number, number] }
  | { ok: false; problems: string[]; strata: { name: string; result: EstimateResult }[] };

export function estimateStrata(strata: readonly Stratum[], options: EstimateOptions = {}): StrataResult {
  if (strata.length === 0) return { ok: false, problems: ['no strata'], strata: [] };
  const results = strata.map((stratum) => ({ name: stratum.name, result: estimatePopulation(stratum.table, options) }));
  const problems = results.flatMap(({ name, result }) => (result.ok ? [] : result.problems.map((problem) => `stratum ${name}: ${problem}`)));
  if (problems.length > 0) return { ok: false, problems, strata: results };
  let N = 0;
  let variance = 0;
  let observed = 0;
  for (const { result } of results) {
    if (!result.ok) continue;
    N += result.chosen.N;
    variance += result.chosen.se ** 2;
    observed += result.chosen.observed;
  }
  const se = Math.sqrt(variance);
  return { ok: true, strata: results, N, se, observed, ci95Lognormal: lognormalInterval(observed, N, se) };
}
