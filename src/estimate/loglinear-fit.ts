import { heterogeneityDesign, hierarchicalDesign, type Design } from './design-matrix.js';
import { quadraticForm } from './linear-algebra.js';
import type { BehaviourModel, HeterogeneityModel, ModelSpec } from './model-notation.js';
import type { OverlapTable } from './overlap-table.js';
import { fitPoisson, type PoissonFit } from './poisson-glm.js';

/*
 * One model fitted to one table: the Poisson GLM on the 2^k − 1 observed cells, and what it says
 * about the unobserved cell.
 *
 * N̂ = n + exp(γ̂), γ the intercept (Fienberg 1972; Cormack 1989). Its standard error is the
 * multinomial one Rcapture reports (derived by Sanathanan; Baillargeon & Rivest 2007; Cormack 1989):
 * var_m(N̂) = var_p(N̂) − N, which for these designs is f̂₀ + f̂₀² var(γ̂), f̂₀ = exp(γ̂) and var(γ̂)
 * the intercept's entry of (Xᵀ Ŵ X)⁻¹.
 *
 * AIC = −2ℓ + 2p and BIC = −2ℓ + p log n, ℓ the Poisson log-likelihood of the observed cells (as R's
 * glm reports it), p the number of parameters, n the number of people observed.
 */

export interface ModelFit {
  model: string;
  /** Estimated population: observed plus unobserved. */
  N: number;
  se: number;
  /** Estimated number on no list (N − n). */
  unobserved: number;
  observed: number;
  parameters: number;
  deviance: number;
  df: number;
  logLikelihood: number;
  /** Comparable across the log-linear models of one table; null for Mb/Mbh (fitted on other data). */
  aic: number | null;
  bic: number | null;
  coefficients: Record<string, number>;
  /** The design fitted, for the profile likelihood; absent for Mb/Mbh. */
  design?: Design;
  notes: string[];
}

export type ModelOutcome = { ok: true; fit: ModelFit } | { ok: false; model: string; problem: string };

export interface FitOptions {
  /** Withhold estimates above this many times the number observed (default 100). */
  maxRatio?: number;
}

const DEFAULT_MAX_RATIO = 100;

function failure(model: string, problem: string): ModelOutcome {
  return { ok: false, model, problem };
}

/** Fit a design by IRLS and turn the intercept into N̂, se and the fit criteria. */
export function fitDesign(table: OverlapTable, model: string, design: Design, notes: string[] = [], options: FitOptions = {}): ModelOutcome {
  const y = table.counts.slice(1);
  const outcome = fitPoisson(design.rows, y);
  if (!outcome.ok) {
    const problem = {
      singular: `not estimable: ${outcome.message}`,
      boundary: `the fit diverges: ${outcome.message}`,
      'not-converged': `the fit does not converge (${outcome.message})`,
      diverged: `the fit diverges (${outcome.message})`,
    }[outcome.kind];
    return failure(model, problem);
  }
  return summarise(table, model, design, outcome.fit, notes, options);
}

function summarise(table: OverlapTable, model: string, design: Design, fit: PoissonFit, notes: string[], options: FitOptions): ModelOutcome {
  const n = table.observed;
  const unobserved = Math.exp(fit.coefficients[0]!);
  const variance = unobserved + unobserved * unobserved * fit.covariance[0]![0]!;
  const checked = checkEstimate(model, n, unobserved, variance, options);
  if (checked) return checked;
  const p = design.labels.length;
  const coefficients = Object.fromEntries(design.labels.map((label, index) => [label, fit.coefficients[index]!]));
  return {
    ok: true,
    fit: {
      model,
      N: n + unobserved,
      se: Math.sqrt(variance),
      unobserved,
      observed: n,
      parameters: p,
      deviance: fit.deviance,
      df: design.rows.length - p,
      logLikelihood: fit.logLikelihood,
      aic: -2 * fit.logLikelihood + 2 * p,
      bic: -2 * fit.logLikelihood + p * Math.log(n),
      coefficients,
      design,
      notes,
    },
  };
}

function checkEstimate(model: string, n: number, unobserved: number, variance: number, options: FitOptions): ModelOutcome | null {
  const maxRatio = options.maxRatio ?? DEFAULT_MAX_RATIO;
  if (!Number.isFinite(unobserved)) return failure(model, 'not estimable: the unobserved cell comes out infinite');
  if (!Number.isFinite(variance) || variance < 0) return failure(model, 'not estimable: its variance is not finite');
  if (n + unobserved > maxRatio * n) return failure(model, `implausible: the estimate is more than ${maxRatio} times the ${n} people observed, so these data cannot support it`);
  return null;
}

/**
 * Chao's lower-bound models: η parameters should be ≥ 0 (Rivest & Baillargeon 2007); as Rcapture
 * does by default, a negative η is set to zero by removing its column, and the model refitted until
 * none is negative.
 */
function fitChao(table: OverlapTable, model: HeterogeneityModel, options: FitOptions): ModelOutcome {
  const k = table.lists.length;
  const dropped = new Set<number>();
  for (;;) {
    const design = heterogeneityDesign(model, k, dropped);
    const outcome = fitPoisson(design.rows, table.counts.slice(1));
    // A column whose cells are all zero sends its η to −∞: that is a negative η too.
    const negative: number[] = [];
    if (outcome.ok) {
      design.labels.forEach((label, index) => {
        if (label.startsWith('eta') && outcome.fit.coefficients[index]! < 0) negative.push(Number(label.slice(3)));
      });
    } else if (outcome.kind === 'boundary') {
      for (const label of design.labels) if (label.startsWith('eta') && !dropped.has(Number(label.slice(3)))) negative.push(Number(label.slice(3)));
      // Only the highest-order η can sit on empty cells alone; drop it first and look again.
      negative.splice(0, negative.length - 1);
    }
    if (negative.length === 0) {
      const notes = dropped.size ? [`η for ${[...dropped].sort().map((j) => `≥${j}`).join(', ')} captures set to 0 (negative)`] : [];
      return outcome.ok ? summarise(table, model.name, design, outcome.fit, notes, options) : fitDesign(table, model.name, design, notes, options);
    }
    for (const j of negative) dropped.add(j);
  }
}

/**
 * Mb and Mbh (Otis et al. 1978) as Cormack (1989) and Rcapture fit them: a Poisson regression of
 * u_j, the number first caught at occasion j, on j. Under Mb, E u_j = N p (1 − p)^(j−1), so
 * log E u_j = a + b (j − 1), 1 − p = e^b and N̂ = e^a / (1 − e^b). Mbh lets occasion 1 differ: u₁
 * is fitted exactly and the regression runs over j ≥ 2, N̂ = u₁ + e^a / (1 − e^b). The standard error
 * is the multinomial one, var_p(N̂) − N by the delta method; under Mbh the people first caught at
 * occasion 1 add their own Poisson variance u₁ (this reproduces the figures Rcapture reports).
 * Lists have no natural order, so for lists these are order-dependent curiosities: named only.
 */
function fitBehaviour(table: OverlapTable, model: BehaviourModel, options: FitOptions): ModelOutcome {
  const k = table.lists.length;
  const first = new Array<number>(k).fill(0);
  for (let mask = 1; mask < table.counts.length; mask++) {
    let j = 0;
    while (!((mask >> j) & 1)) j++;
    first[j]! += table.counts[mask]!;
  }
  const from = model.name === 'Mbh' ? 1 : 0;
  if (k - from < 2) return failure(model.name, `${model.name} needs at least ${from + 2} lists`);
  const rows: number[][] = [];
  const y: number[] = [];
  for (let j = from; j < k; j++) {
    rows.push([1, j - from]);
    y.push(first[j]!);
  }
  const outcome = fitPoisson(rows, y);
  if (!outcome.ok) return failure(model.name, `the fit does not work (${outcome.message})`);
  const [a, b] = outcome.fit.coefficients as [number, number];
  const q = Math.exp(b);
  if (!(q < 1)) return failure(model.name, 'not estimable: first captures do not decrease from list to list, so the capture probability is not positive');
  const rest = Math.exp(a) / (1 - q);
  const N = (from ? first[0]! : 0) + rest;
  const gradient = [rest, (Math.exp(a) * q) / (1 - q) ** 2];
  const unobserved = N - table.observed;
  // var_p of e^a/(1 − e^b) by the delta method, less its multinomial part, plus u₁ under Mbh.
  const variance = quadraticForm(outcome.fit.covariance, gradient) - rest + (from ? first[0]! : 0);
  const checked = checkEstimate(model.name, table.observed, unobserved, variance, options);
  if (checked) return checked;
  return {
    ok: true,
    fit: {
      model: model.name,
      N,
      se: Math.sqrt(variance),
      unobserved,
      observed: table.observed,
      parameters: 2 + from,
      deviance: outcome.fit.deviance,
      df: y.length - 2,
      logLikelihood: outcome.fit.logLikelihood,
      aic: null,
      bic: null,
      coefficients: { a, b },
      notes: [`fitted on first captures in list order (${table.lists.join(', ')}); another order gives another estimate`],
    },
  };
}

/** Fit any named model to a table. */
export function fitModel(table: OverlapTable, spec: ModelSpec, options: FitOptions = {}): ModelOutcome {
  const k = table.lists.length;
  switch (spec.kind) {
    case 'hierarchical':
      return fitDesign(table, spec.name, hierarchicalDesign(spec, k), [], options);
    case 'heterogeneity':
      if (spec.heterogeneity !== 'none' && k < 3) return failure(spec.name, 'heterogeneity models need at least 3 lists');
      if (spec.heterogeneity === 'chao') return fitChao(table, spec, options);
      return fitDesign(table, spec.name, heterogeneityDesign(spec, k), [], options);
    case 'behaviour':
      return fitBehaviour(table, spec, options);
  }
}
