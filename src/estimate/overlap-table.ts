import { z } from 'zod';

/*
 * The overlap table of k lists: how many people appear on exactly each combination of lists.
 * A capture pattern is a bit string in the order of `lists` ("101": on lists 1 and 3, not 2).
 * The all-zero pattern — people on no list — is the unknown the estimate is about.
 *
 * Inside this module a pattern is also a bit mask: list i (0-based) is bit i, so the string's
 * i-th character is bit i.
 */

export const MAX_LISTS = 9;

const count = z.number().int('counts are whole numbers').nonnegative('counts cannot be negative');

/**
 * One dataset as written in fixtures.json and read by `chronicle estimate --table`: either
 * `lists` + `counts` by pattern, or `Y`, a vector of 2^k counts in the order of the cell names
 * x00…0, x00…1, …, x11…1 (the dga convention) whose first element, the unobserved cell, is 0.
 * Unknown keys (source, reference, notes) are ignored.
 */
export const OverlapTableInput = z
  .object({
    lists: z.array(z.string().trim().min(1)).optional(),
    counts: z.record(z.string(), count).optional(),
    Y: z.array(count).optional(),
    n_observed: count.optional(),
  })
  .superRefine((value, context) => {
    if (value.counts === undefined && value.Y === undefined) context.addIssue({ code: 'custom', message: 'needs "counts" (with "lists") or "Y"' });
    if (value.counts !== undefined && value.Y !== undefined) context.addIssue({ code: 'custom', message: 'give "counts" or "Y", not both' });
    if (value.counts !== undefined && value.lists === undefined) context.addIssue({ code: 'custom', message: '"counts" needs "lists" to say what each bit is' });
  });
export type OverlapTableInput = z.infer<typeof OverlapTableInput>;

export interface OverlapTable {
  lists: string[];
  /** counts[mask] for mask = 1 … 2^k − 1; counts[0] (the unobserved cell) is always 0. */
  counts: number[];
  /** Number of distinct people on at least one list. */
  observed: number;
}

/** Why a table cannot be read, or cannot support any estimate: the message is for a person. */
export class OverlapTableError extends Error {
  override readonly name = 'OverlapTableError';
}

export function patternOf(mask: number, k: number): string {
  let text = '';
  for (let i = 0; i < k; i++) text += (mask >> i) & 1 ? '1' : '0';
  return text;
}

export function maskOf(pattern: string): number {
  let mask = 0;
  for (let i = 0; i < pattern.length; i++) if (pattern[i] === '1') mask |= 1 << i;
  return mask;
}

export function popcount(mask: number): number {
  let bits = 0;
  for (let m = mask; m; m &= m - 1) bits++;
  return bits;
}

/**
 * Validate and normalise a dataset. Missing patterns count as 0. Throws OverlapTableError for
 * anything that is not a well-formed table (shape, patterns, the unobserved cell given a count).
 */
export function overlapTable(input: unknown): OverlapTable {
  const parsed = OverlapTableInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new OverlapTableError(`not an overlap table: ${where}${issue.message}`);
  }
  const value = parsed.data;
  let lists: string[];
  let counts: number[];
  if (value.Y !== undefined) {
    const k = Math.log2(value.Y.length);
    if (!Number.isInteger(k) || k < 1) throw new OverlapTableError(`not an overlap table: "Y" has ${value.Y.length} cells, not a power of two`);
    if (k > MAX_LISTS) throw new OverlapTableError(`${k} lists: at most ${MAX_LISTS} are supported`);
    if (value.Y[0] !== 0) throw new OverlapTableError('not an overlap table: the first element of "Y" is the unobserved cell and must be 0');
    lists = value.lists ?? Array.from({ length: k }, (_, i) => `L${i + 1}`);
    if (lists.length !== k) throw new OverlapTableError(`"Y" has 2^${k} cells but ${lists.length} lists are named`);
    counts = new Array<number>(2 ** k).fill(0);
    // Cell index i is named by its k-digit binary form, first digit = first list.
    for (let index = 1; index < value.Y.length; index++) counts[maskOf(index.toString(2).padStart(k, '0'))] = value.Y[index]!;
  } else {
    lists = value.lists!;
    const k = lists.length;
    if (k > MAX_LISTS) throw new OverlapTableError(`${k} lists: at most ${MAX_LISTS} are supported`);
    if (new Set(lists).size !== k) throw new OverlapTableError('two lists have the same name');
    counts = new Array<number>(2 ** k).fill(0);
    for (const [pattern, n] of Object.entries(value.counts!)) {
      if (!/^[01]+$/.test(pattern)) throw new OverlapTableError(`pattern "${pattern}" is not a string of 0s and 1s`);
      if (pattern.length !== k) throw new OverlapTableError(`pattern "${pattern}" has ${pattern.length} digits for ${k} lists`);
      const mask = maskOf(pattern);
      if (mask === 0) {
        if (n !== 0) throw new OverlapTableError(`pattern "${pattern}" is the unobserved cell: it cannot have a count`);
        continue;
      }
      counts[mask] = n;
    }
  }
  const observed = counts.reduce((sum, n) => sum + n, 0);
  if (value.n_observed !== undefined && value.n_observed !== observed) throw new OverlapTableError(`n_observed is ${value.n_observed} but the counts add up to ${observed}`);
  return { lists, counts, observed };
}

/**
 * Reasons the table as a whole cannot support any capture–recapture estimate; empty when it can.
 * A person reading one of these should not be shown a number.
 */
export function tableProblems(table: OverlapTable): string[] {
  const k = table.lists.length;
  if (k === 0) return ['no lists: an estimate needs at least two'];
  if (k === 1) return [`only one list (${table.lists[0]}): an estimate needs at least two lists that overlap`];
  if (table.observed === 0) return ['every count is zero'];
  const problems: string[] = [];
  let overlapping = 0;
  for (let mask = 1; mask < table.counts.length; mask++) if (popcount(mask) >= 2) overlapping += table.counts[mask]!;
  if (overlapping === 0) return ['the lists do not overlap (nobody is on two lists): the number missed cannot be estimated'];
  for (let i = 0; i < k; i++) {
    let onList = 0;
    let shared = 0;
    for (let mask = 1; mask < table.counts.length; mask++) {
      if (!((mask >> i) & 1)) continue;
      onList += table.counts[mask]!;
      if (popcount(mask) >= 2) shared += table.counts[mask]!;
    }
    if (onList === 0) problems.push(`list ${table.lists[i]} has no records`);
    else if (shared === 0) problems.push(`list ${table.lists[i]} shares no one with any other list: its coverage cannot be estimated`);
  }
  return problems;
}
