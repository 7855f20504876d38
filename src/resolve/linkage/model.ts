import { MISSING, type FieldComparison } from './comparisons.js';

/**
 * Fellegi–Sunter parameters: for each field and level, m = P(level | same person) and
 * u = P(level | different persons), and λ = the share of candidate pairs that are matches.
 */
export interface FsModel {
  fields: string[];
  levels: string[][];
  m: number[][];
  u: number[][];
  /** u measured on random pairs (all pairs, not just candidates); the reference for term-frequency adjustment. */
  uRandom: number[][];
  /**
   * u of the fields other than the names among pairs that agree on both given name and surname
   * (stems or better), where those differ from `u`: namesakes of one people share patronymics,
   * places and sex far more often than random pairs do (see linkRecords). Undefined: not estimated.
   */
  uNamesakes?: number[][];
  lambda: number;
  iterations: number;
  converged: boolean;
}

const FLOOR = 1e-6;
const BASE = 16; // levels + 1 per field fit in 4 bits; 10 fields stay below 2^53

/** Level vectors aggregated into distinct patterns with counts: EM then costs per pattern, not per pair. */
export interface Patterns {
  levels: Uint8Array[];
  counts: number[];
}

/** Counts level vectors by distinct pattern as they come, so EM never needs the vectors themselves. */
export class PatternCounter {
  private readonly counts = new Map<number, number>();
  /** Pairs seen with each field present. */
  readonly present: Int32Array;
  total = 0;

  constructor(private readonly fieldCount: number) {
    this.present = new Int32Array(fieldCount);
  }

  add(vectors: Uint8Array, offset = 0): void {
    let code = 0;
    for (let f = this.fieldCount - 1; f >= 0; f--) {
      const level = vectors[offset + f]!;
      if (level !== MISSING) this.present[f]!++;
      code = code * BASE + (level === MISSING ? 0 : level + 1);
    }
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
    this.total++;
  }

  patterns(): Patterns {
    const patterns: Patterns = { levels: [], counts: [] };
    for (const [code, count] of this.counts) {
      const levels = new Uint8Array(this.fieldCount);
      let rest = code;
      for (let f = 0; f < this.fieldCount; f++) {
        const digit = rest % BASE;
        levels[f] = digit === 0 ? MISSING : digit - 1;
        rest = Math.floor(rest / BASE);
      }
      patterns.levels.push(levels);
      patterns.counts.push(count);
    }
    return patterns;
  }
}

export function aggregatePatterns(vectors: Uint8Array, fieldCount: number): Patterns {
  const counter = new PatternCounter(fieldCount);
  for (let offset = 0; offset < vectors.length; offset += fieldCount) counter.add(vectors, offset);
  return counter.patterns();
}

/** u per field and level from level vectors of random pairs, with add-one smoothing. */
export function uFromRandomPairs(vectors: Uint8Array, fields: readonly FieldComparison[]): number[][] {
  const counts = fields.map((field) => new Array<number>(field.levels.length).fill(1));
  for (let offset = 0; offset < vectors.length; offset += fields.length) {
    for (let f = 0; f < fields.length; f++) {
      const level = vectors[offset + f]!;
      if (level !== MISSING) counts[f]![level]!++;
    }
  }
  return counts.map((row) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return row.map((count) => count / total);
  });
}

/** Starting m: agreement likely for a match, the worst level rare. */
export function initialM(levelCount: number): number[] {
  const row = Array.from({ length: levelCount }, (_, level) => (level === levelCount - 1 ? 0.05 : 2 ** -level));
  const total = row.reduce((sum, value) => sum + value, 0);
  return row.map((value) => value / total);
}

export interface EmOptions {
  /** Also re-estimate u on the pairs (true), or keep u as given (false). */
  estimateU: boolean;
  /** Re-estimate m (false: only λ is estimated). */
  estimateM?: boolean;
  /** Starting m (default: agreement likely, the worst level rare). */
  initialM?: number[][];
  maxIterations: number;
  tolerance: number;
  initialLambda: number;
}

/**
 * Expectation–maximisation for a two-class mixture with conditionally independent fields (Winkler's
 * EM for Fellegi–Sunter). Missing levels contribute nothing to either class.
 */
export function estimateEm(patterns: Patterns, fields: readonly FieldComparison[], uRandom: number[][], options: EmOptions): FsModel {
  const fieldCount = fields.length;
  const m = options.initialM ? options.initialM.map((row) => [...row]) : fields.map((field) => initialM(field.levels.length));
  const u = uRandom.map((row) => [...row]);
  const estimateM = options.estimateM ?? true;
  let lambda = options.initialLambda;
  let iterations = 0;
  let converged = false;
  const posterior = new Float64Array(patterns.counts.length);
  while (iterations < options.maxIterations) {
    iterations++;
    // E step
    let matchMass = 0;
    let total = 0;
    for (let p = 0; p < patterns.counts.length; p++) {
      const levels = patterns.levels[p]!;
      let logRatio = Math.log(lambda / (1 - lambda));
      for (let f = 0; f < fieldCount; f++) {
        const level = levels[f]!;
        if (level !== MISSING) logRatio += Math.log(m[f]![level]! / u[f]![level]!);
      }
      const probability = 1 / (1 + Math.exp(-logRatio));
      posterior[p] = probability;
      matchMass += probability * patterns.counts[p]!;
      total += patterns.counts[p]!;
    }
    // M step
    const newLambda = Math.min(1 - FLOOR, Math.max(FLOOR, matchMass / total));
    let change = Math.abs(newLambda - lambda);
    lambda = newLambda;
    for (let f = 0; f < fieldCount; f++) {
      const levelCount = fields[f]!.levels.length;
      const mass = new Float64Array(levelCount);
      const nonMass = new Float64Array(levelCount);
      for (let p = 0; p < patterns.counts.length; p++) {
        const level = patterns.levels[p]![f]!;
        if (level === MISSING) continue;
        mass[level]! += posterior[p]! * patterns.counts[p]!;
        nonMass[level]! += (1 - posterior[p]!) * patterns.counts[p]!;
      }
      const update = (row: number[], values: Float64Array) => {
        const sum = values.reduce((acc, value) => acc + value, 0);
        if (sum <= 0) return;
        for (let level = 0; level < levelCount; level++) {
          const value = Math.max(FLOOR, values[level]! / sum);
          change = Math.max(change, Math.abs(value - row[level]!));
          row[level] = value;
        }
      };
      if (estimateM) update(m[f]!, mass);
      if (options.estimateU) update(u[f]!, nonMass);
    }
    if (change < options.tolerance) {
      converged = true;
      break;
    }
  }
  return { fields: fields.map((field) => field.name), levels: fields.map((field) => [...field.levels]), m, u, uRandom, lambda, iterations, converged };
}

/** Match weight of one level (log2 of the Bayes factor). */
export function levelWeight(model: FsModel, field: number, level: number): number {
  return Math.log2(model.m[field]![level]! / model.u[field]![level]!);
}

export const probabilityOfWeight = (weight: number) => 1 / (1 + 2 ** -weight);
export const weightOfProbability = (probability: number) => Math.log2(probability / (1 - probability));
