import type { HeterogeneityModel, HierarchicalModel } from './model-notation.js';
import { termDigits } from './model-notation.js';
import { popcount } from './overlap-table.js';

/*
 * Design matrices over the capture patterns. Rows are the observed cells, masks 1 … 2^k − 1 in
 * order; the first column is the intercept. Every column used here is zero on the all-zero
 * pattern, so the unobserved cell's fitted value is exp(intercept) — N = n + exp(γ̂) — and the same
 * design extended by the row [1, 0, …, 0] models the complete table (for profile likelihood).
 */

export interface Design {
  labels: string[];
  /** One row per observed cell, mask 1 … 2^k − 1. */
  rows: number[][];
}

function build(k: number, labels: string[], column: (mask: number, index: number) => number): Design {
  const rows: number[][] = [];
  for (let mask = 1; mask < 1 << k; mask++) rows.push(labels.map((_, index) => column(mask, index)));
  return { labels, rows };
}

/** Intercept, then one 0/1 column per term: 1 when the pattern holds every list of the term. */
export function hierarchicalDesign(model: HierarchicalModel, k: number): Design {
  const terms = model.terms;
  return build(k, ['(intercept)', ...terms.map((term) => `u${termDigits(term)}`)], (mask, index) => (index === 0 ? 1 : (mask & terms[index - 1]!) === terms[index - 1]! ? 1 : 0));
}

/**
 * M0 (intercept, number of captures c) or Mt (intercept, one column per list), plus heterogeneity
 * (Rivest & Baillargeon 2007): Chao's lower bound adds (c − j + 1)₊ for j = 3 … k — their η
 * parameters, dropped here when `dropped` lists them —, Poisson2 adds 2^c − 1, Darroch c²/2,
 * Gamma3.5 −log(3.5 + c) + log 3.5.
 */
export function heterogeneityDesign(model: HeterogeneityModel, k: number, dropped: ReadonlySet<number> = new Set()): Design {
  const labels = ['(intercept)'];
  const columns: ((mask: number) => number)[] = [() => 1];
  if (model.time) {
    for (let i = 0; i < k; i++) {
      labels.push(`u${i + 1}`);
      columns.push((mask) => (mask >> i) & 1);
    }
  } else {
    labels.push('c');
    columns.push(popcount);
  }
  switch (model.heterogeneity) {
    case 'none':
      break;
    case 'chao':
      for (let j = 3; j <= k; j++) {
        if (dropped.has(j)) continue;
        labels.push(`eta${j}`);
        columns.push((mask) => Math.max(popcount(mask) - j + 1, 0));
      }
      break;
    case 'poisson2':
      labels.push('2^c-1');
      columns.push((mask) => 2 ** popcount(mask) - 1);
      break;
    case 'darroch':
      labels.push('c^2/2');
      columns.push((mask) => popcount(mask) ** 2 / 2);
      break;
    case 'gamma3.5':
      labels.push('-log(3.5+c)+log(3.5)');
      columns.push((mask) => -Math.log(3.5 + popcount(mask)) + Math.log(3.5));
      break;
  }
  return build(k, labels, (mask, index) => columns[index]!(mask));
}
