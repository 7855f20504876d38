import { formatGenerators, maximalTerms } from './model-notation.js';
import { popcount, tableProblems, type OverlapTable } from './overlap-table.js';
import { logGamma } from './special-functions.js';

/*
 * Bayesian model averaging over decomposable graphical models (Madigan & York 1997), the method of
 * HRDAG's dga package, written from the paper.
 *
 * Each decomposable graph on the k lists is a model of list dependence. Given the graph, the cell
 * probabilities of the complete 2^k table get a hyper-Dirichlet prior: every clique's margin is
 * Dirichlet with δ per full-table cell (so δ·2^(k−|C|) per margin cell), consistently. The marginal
 * likelihood of a complete table then factorises as Π_C m(C) / Π_S m(S) over cliques and
 * separators, m(D) the Dirichlet-multinomial probability of the margin on D; along a perfect
 * elimination order it is Π_v m(pa(v) ∪ v) / m(pa(v)), pa(v) the earlier neighbours of v.
 *
 * For each number missing n₀ on a grid, the complete table has n₀ in the all-zero cell, and
 *   p(n₀, G | data) ∝ p(N) · p(G) · N! / n₀! · Π_C m(C) / Π_S m(S),   N = n + n₀,
 * (the other factors do not depend on n₀ or G). Graphs have equal prior weight. The posterior of N
 * sums over graphs; each graph's posterior weight sums over the grid.
 */

export interface DecomposableGraph {
  /** Maximal cliques in hierarchical notation, e.g. [12,35,4]. */
  name: string;
  /** Perfect elimination order: each vertex with its earlier neighbours (bit masks). */
  order: { vertex: number; parents: number }[];
}

/** Every decomposable (chordal) graph on k vertices, found by maximum cardinality search. */
export function decomposableGraphs(k: number): DecomposableGraph[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) pairs.push([i, j]);
  const graphs: DecomposableGraph[] = [];
  for (let subset = 0; subset < 1 << pairs.length; subset++) {
    const adjacent = new Array<number>(k).fill(0);
    pairs.forEach(([a, b], index) => {
      if ((subset >> index) & 1) {
        adjacent[a]! |= 1 << b;
        adjacent[b]! |= 1 << a;
      }
    });
    const order: { vertex: number; parents: number }[] = [];
    let numbered = 0;
    let chordal = true;
    for (let step = 0; step < k && chordal; step++) {
      // The unnumbered vertex with most numbered neighbours (lowest index on ties).
      let best = -1;
      for (let v = 0; v < k; v++) if (!((numbered >> v) & 1) && (best < 0 || popcount(adjacent[v]! & numbered) > popcount(adjacent[best]! & numbered))) best = v;
      const parents = adjacent[best]! & numbered;
      // Chordal iff every vertex's earlier neighbours are pairwise adjacent.
      for (let u = 0; u < k; u++) if ((parents >> u) & 1 && (parents & ~(1 << u) & ~adjacent[u]!) !== 0) chordal = false;
      order.push({ vertex: best, parents });
      numbered |= 1 << best;
    }
    if (!chordal) continue;
    graphs.push({ name: formatGenerators(maximalTerms(order.map(({ vertex, parents }) => parents | (1 << vertex)))), order });
  }
  return graphs;
}

export interface BmaOptions {
  /** Hyper-Dirichlet prior count per cell of the full table (dga suggests 2^−k). */
  delta: number;
  /** The numbers missing (people on no list) to weigh; default 0 … max(300, 2n). */
  missing?: readonly number[];
  /** log prior of N (up to a constant); default −log N. */
  logPrior?: (N: number) => number;
}

export interface BmaResult {
  mean: number;
  median: number;
  mode: number;
  /** Equal-tailed 95% credible interval: the first N whose cumulative posterior reaches 2.5% and 97.5%. */
  ci95: [number, number];
  posterior: { N: number; probability: number }[];
  /** Posterior probability of each graph, highest first. */
  models: { model: string; probability: number }[];
  warnings: string[];
}

/** −log N: the 1/N prior. */
export const inverseNPrior = (N: number) => -Math.log(N);

/** Negative binomial prior on N: a Poisson whose mean is Gamma(shape a, scale b), mean a·b (Madigan & York 1997). */
export function negativeBinomialPrior(a: number, b: number): (N: number) => number {
  return (N) => logGamma(N + a) - logGamma(a) - logGamma(N + 1) - a * Math.log(1 + b) + N * Math.log(b / (1 + b));
}

export type BmaOutcome = ({ ok: true } & BmaResult) | { ok: false; problems: string[] };

export function bayesianModelAveraging(table: OverlapTable, options: BmaOptions): BmaOutcome {
  const problems = tableProblems(table);
  if (problems.length > 0) return { ok: false, problems };
  const k = table.lists.length;
  if (k < 3 || k > 5) return { ok: false, problems: [`model averaging over decomposable graphs is done for 3 to 5 lists, not ${k}`] };
  const n = table.observed;
  const missing = options.missing ?? Array.from({ length: Math.max(300, 2 * n) + 1 }, (_, i) => i);
  const logPrior = options.logPrior ?? inverseNPrior;
  const { delta } = options;

  // log m(D) for every margin D, as a function of n₀, without the factors common to all margins.
  const margins: Float64Array[] = [];
  for (let margin = 0; margin < 1 << k; margin++) {
    const alpha = delta * 2 ** (k - popcount(margin));
    const sums = new Map<number, number>();
    for (let mask = 1; mask < 1 << k; mask++) sums.set(mask & margin, (sums.get(mask & margin) ?? 0) + table.counts[mask]!);
    let fixed = 0;
    for (const [cell, count] of sums) if (cell !== 0) fixed += logGamma(alpha + count) - logGamma(alpha);
    // Margin cells no observed pattern falls in are empty: they contribute Γ(α)/Γ(α) = 1.
    const zero = sums.get(0) ?? 0;
    margins.push(Float64Array.from(missing, (m) => fixed + logGamma(alpha + zero + m) - logGamma(alpha)));
  }

  const graphs = decomposableGraphs(k);
  const common = missing.map((m) => logPrior(n + m) + logGamma(n + m + 1) - logGamma(m + 1));
  const logWeights = graphs.map((graph) =>
    missing.map((_, index) => {
      let sum = common[index]!;
      for (const { vertex, parents } of graph.order) sum += margins[parents | (1 << vertex)]![index]! - margins[parents]![index]!;
      return sum;
    }),
  );
  let top = -Infinity;
  for (const row of logWeights) for (const value of row) top = Math.max(top, value);
  const byN = new Array<number>(missing.length).fill(0);
  const byGraph = logWeights.map((row) => row.reduce((sum, value, index) => {
    const weight = Math.exp(value - top);
    byN[index]! += weight;
    return sum + weight;
  }, 0));
  const total = byN.reduce((sum, value) => sum + value, 0);
  const posterior = missing.map((m, index) => ({ N: n + m, probability: byN[index]! / total }));

  let mean = 0;
  let mode = posterior[0]!;
  for (const point of posterior) {
    mean += point.N * point.probability;
    if (point.probability > mode.probability) mode = point;
  }
  const quantile = (p: number) => {
    let cumulative = 0;
    for (const point of posterior) {
      cumulative += point.probability;
      if (cumulative >= p) return point.N;
    }
    return posterior.at(-1)!.N;
  };
  const warnings: string[] = [];
  const last = posterior.at(-1)!;
  if (last.probability > 1e-4 * mode.probability) warnings.push(`the grid of numbers missing ends at ${last.N - n} while the posterior is still ${(last.probability / mode.probability).toExponential(1)} of its peak there: widen it`);
  const models = graphs.map((graph, index) => ({ model: graph.name, probability: byGraph[index]! / total })).sort((a, b) => b.probability - a.probability);
  return { ok: true, mean, median: quantile(0.5), mode: mode.N, ci95: [quantile(0.025), quantile(0.975)], posterior, models, warnings };
}
