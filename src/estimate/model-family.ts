import { hierarchicalModel, type HierarchicalModel } from './model-notation.js';

/*
 * The hierarchical models searched when none is named.
 *
 * - 2 lists: only independence, [1,2] (the two-way term is confounded with the unobserved cell).
 * - 3 lists: every hierarchical model, i.e. the 8 models made of main effects and any set of the
 *   three two-way terms (the three-way term is never estimable).
 * - 4 and 5 lists: every model with two-way terms only — one per graph on the lists, 64 for 4 lists
 *   and 1,024 for 5 — plus the largest estimable model, all (k−1)-way terms ("saturated minus the
 *   highest"). Three-way terms other than in that model are reachable by naming the model.
 * - 6 or more lists: no search (the two-way family alone has 2^15 members for 6); name a model.
 *
 * Two-way dependence between lists is what list overlap data speak to most directly (referral
 * between organisations, shared sources); higher-order terms are weakly identified with the cell
 * counts human-rights data usually have, and the exhaustive family keeps the choice reproducible
 * where a stepwise search would depend on its path.
 */

export const MAX_SEARCH_LISTS = 5;

export function candidateModels(k: number): HierarchicalModel[] {
  if (k < 2 || k > MAX_SEARCH_LISTS) return [];
  const pairs: number[] = [];
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) pairs.push((1 << i) | (1 << j));
  if (k === 2) return [hierarchicalModel([], 2)];
  const models: HierarchicalModel[] = [];
  for (let subset = 0; subset < 1 << pairs.length; subset++) {
    models.push(hierarchicalModel(pairs.filter((_, index) => (subset >> index) & 1), k));
  }
  if (k >= 4) {
    const full = (1 << k) - 1;
    models.push(hierarchicalModel(Array.from({ length: k }, (_, i) => full & ~(1 << i)), k));
  }
  return models;
}
