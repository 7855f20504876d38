import { cholesky, choleskyInverse, choleskySolve, type Matrix } from './linear-algebra.js';
import { logGamma } from './special-functions.js';

/*
 * A Poisson generalized linear model with log link, fitted by iteratively reweighted least squares
 * (Nelder & Wedderburn 1972; McCullagh & Nelder 1989, §2.5). Every step solves the weighted
 * normal equations Xᵀ W X β = Xᵀ W z with W = diag(μ) and working response z = η + (y − μ)/μ.
 * Convergence is judged on the relative change of deviance, as R's glm does.
 */

export interface PoissonFit {
  coefficients: number[];
  /** (Xᵀ W X)⁻¹ at the fit: the asymptotic covariance of the coefficients. */
  covariance: Matrix;
  fitted: number[];
  deviance: number;
  /** Σ y log μ − μ − log y! (the log-likelihood R's glm reports). */
  logLikelihood: number;
  iterations: number;
}

export type PoissonFailure =
  | { kind: 'singular'; message: string }
  | { kind: 'boundary'; message: string; cells: number[] }
  | { kind: 'not-converged'; message: string }
  | { kind: 'diverged'; message: string };

export type PoissonOutcome = { ok: true; fit: PoissonFit } | ({ ok: false } & PoissonFailure);

export interface PoissonOptions {
  /** Coefficients to start from (a neighbouring fit); default: start from the data, μ = y + 0.1. */
  start?: readonly number[];
  maxIterations?: number;
  /** Relative change of deviance that counts as converged. */
  tolerance?: number;
}

/** An observed zero fitted below SUSPECT_FIT may be on its way to 0; one that keeps falling below BOUNDARY_FIT is. */
const SUSPECT_FIT = 1e-3;
const BOUNDARY_FIT = 1e-9;
const MAX_ETA = 700;

export function poissonDeviance(y: readonly number[], mu: readonly number[]): number {
  let deviance = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    const mi = mu[i]!;
    deviance += 2 * ((yi > 0 ? yi * Math.log(yi / mi) : 0) - (yi - mi));
  }
  return deviance;
}

export function poissonLogLikelihood(y: readonly number[], mu: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    const mi = mu[i]!;
    sum += (yi > 0 ? yi * Math.log(mi) : 0) - mi - logGamma(yi + 1);
  }
  return sum;
}

function linearPredictor(design: Matrix, beta: readonly number[]): number[] {
  return design.map((row) => {
    let eta = 0;
    for (let j = 0; j < row.length; j++) eta += row[j]! * beta[j]!;
    return eta;
  });
}

/** Xᵀ W X and Xᵀ W z. */
function normalEquations(design: Matrix, weights: readonly number[], z: readonly number[]): { information: Matrix; score: number[] } {
  const p = design[0]!.length;
  const information: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const score = new Array<number>(p).fill(0);
  for (let i = 0; i < design.length; i++) {
    const row = design[i]!;
    const w = weights[i]!;
    for (let a = 0; a < p; a++) {
      const wa = w * row[a]!;
      if (wa === 0) continue;
      score[a]! += wa * z[i]!;
      const ia = information[a]!;
      for (let b = 0; b <= a; b++) ia[b]! += wa * row[b]!;
    }
  }
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) information[a]![b] = information[b]![a]!;
  return { information, score };
}

interface IrlsState {
  beta: number[];
  mu: number[];
  deviance: number;
  iterations: number;
  converged: boolean;
  /** Xᵀ W X with the weights of the last step taken (what R's glm reports its covariance from). */
  information: Matrix | null;
}

function irls(design: Matrix, y: readonly number[], start: readonly number[] | undefined, tolerance: number, maxIterations: number): IrlsState | PoissonFailure {
  let eta: number[];
  let mu: number[];
  if (start) {
    eta = linearPredictor(design, start);
    mu = eta.map(Math.exp);
  } else {
    mu = y.map((value) => value + 0.1);
    eta = mu.map(Math.log);
  }
  let beta: number[] = start ? [...start] : new Array<number>(design[0]!.length).fill(0);
  let deviance = poissonDeviance(y, mu);
  let information: Matrix | null = null;
  let converged = false;
  let iterations = 0;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const z = eta.map((e, i) => e + (y[i]! - mu[i]!) / mu[i]!);
    const equations = normalEquations(design, mu, z);
    const factor = cholesky(equations.information);
    if (!factor) return singularOrBoundary(y, mu);
    information = equations.information;
    let next = choleskySolve(factor, equations.score);
    // Step halving when a step overshoots to a worse or non-finite deviance (as R's glm.fit does).
    let nextEta = linearPredictor(design, next);
    let nextMu = nextEta.map((e) => Math.exp(Math.min(e, MAX_ETA)));
    let nextDeviance = poissonDeviance(y, nextMu);
    for (let halving = 0; halving < 30 && iterations > 1 && !(Number.isFinite(nextDeviance) && nextDeviance <= deviance * (1 + 1e-9) + 1e-9); halving++) {
      next = next.map((value, j) => (value + beta[j]!) / 2);
      nextEta = linearPredictor(design, next);
      nextMu = nextEta.map((e) => Math.exp(Math.min(e, MAX_ETA)));
      nextDeviance = poissonDeviance(y, nextMu);
    }
    if (!Number.isFinite(nextDeviance) || nextEta.some((e) => e >= MAX_ETA)) return { kind: 'diverged', message: 'fitted values overflow' };
    converged = Math.abs(nextDeviance - deviance) / (Math.abs(nextDeviance) + 0.1) < tolerance;
    beta = next;
    eta = nextEta;
    mu = nextMu;
    deviance = nextDeviance;
  }
  return { beta, mu, deviance, iterations, converged, information };
}

/**
 * Fit log E[y] = X β by IRLS. `design` has one row per cell. Defaults follow R's glm.fit (start
 * from μ = y + 0.1, relative deviance change below 1e-8, covariance from the last step's weights),
 * so that figures computed with R are reproduced to their printed digits.
 *
 * A fit whose observed zeros are being fitted ever closer to zero has no finite maximum: some
 * parameter runs to −∞. Such fits are iterated further to make sure, and reported as 'boundary'.
 */
export function fitPoisson(design: Matrix, y: readonly number[], options: PoissonOptions = {}): PoissonOutcome {
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  if (design.length === 0 || design[0]!.length === 0) return { ok: false, kind: 'singular', message: 'no cells or no parameters' };
  if (design[0]!.length > design.length) return { ok: false, kind: 'singular', message: `${design[0]!.length} parameters for ${design.length} cells` };
  const state = irls(design, y, options.start, tolerance, maxIterations);
  if ('kind' in state) return { ok: false, ...state };
  if (zeroFittedCells(y, state.mu, SUSPECT_FIT).length > 0) {
    // Push on: at a true maximum these cells stay put; on a boundary they keep falling.
    const probe = irls(design, y, state.beta, 1e-15, 60);
    const boundary = 'kind' in probe ? zeroFittedCells(y, state.mu, SUSPECT_FIT) : zeroFittedCells(y, probe.mu, BOUNDARY_FIT);
    if (boundary.length > 0) return { ok: false, kind: 'boundary', cells: boundary, message: 'some parameters run off to infinity: observed zeros are fitted as zero' };
  }
  if (!state.converged) return { ok: false, kind: 'not-converged', message: `no convergence in ${maxIterations} iterations` };
  if (state.beta.some((value) => !Number.isFinite(value))) return { ok: false, kind: 'diverged', message: 'non-finite coefficients' };
  const factor = state.information && cholesky(state.information);
  if (!factor) return { ok: false, kind: 'singular', message: 'the parameters are not identifiable from these cells' };
  return {
    ok: true,
    fit: { coefficients: state.beta, covariance: choleskyInverse(factor), fitted: state.mu, deviance: state.deviance, logLikelihood: poissonLogLikelihood(y, state.mu), iterations: state.iterations },
  };
}

function zeroFittedCells(y: readonly number[], mu: readonly number[], below: number): number[] {
  const cells: number[] = [];
  for (let i = 0; i < y.length; i++) if (y[i] === 0 && mu[i]! < below) cells.push(i);
  return cells;
}

function singularOrBoundary(y: readonly number[], mu: readonly number[]): PoissonFailure {
  const cells = zeroFittedCells(y, mu, SUSPECT_FIT);
  if (cells.length > 0) return { kind: 'boundary', cells, message: 'some parameters run off to infinity: observed zeros are fitted as zero' };
  return { kind: 'singular', message: 'the parameters are not identifiable from these cells' };
}
