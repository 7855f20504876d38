import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { bayesianModelAveraging, estimatePopulation, formatGenerators, inverseNPrior, negativeBinomialPrior, overlapTable, type BmaOptions, type OverlapTable } from './index.js';

/*
 * The reference values computed with R (Rcapture, log-linear GLMs) in ../shared/estimate/fixtures.json,
 * reproduced to the first decimal for the same model; the dga references (Bayesian model averaging
 * over decomposable graphs) reproduced on the grid the dga README uses, 1 … 300 missing. LCMCR is
 * not implemented and is skipped.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, '..', 'shared', 'estimate', 'fixtures.json');

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** The model a `loglinear_*` key describes: all_two_way, or Mt_plus_<listA><listB>… (two-way terms). */
function loglinearModel(key: string, table: OverlapTable): string {
  const k = table.lists.length;
  const pairs: number[] = [];
  const name = key.replace(/^loglinear_/, '');
  if (name === 'all_two_way') {
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) pairs.push((1 << i) | (1 << j));
    return formatGenerators([...pairs, ...table.lists.map((_, i) => 1 << i)]);
  }
  const plus = /^Mt_plus_(.+)$/.exec(name);
  if (!plus) throw new Error(`fixture key ${key}: no rule says which model it is`);
  // Split e.g. "c1c2" or "c1c2_c3c4" into pairs of list names.
  for (const part of plus[1]!.split('_')) {
    const names = table.lists.filter((list) => part.includes(list));
    if (names.length !== 2) throw new Error(`fixture key ${key}: cannot read the interaction "${part}"`);
    pairs.push(names.reduce((mask, list) => mask | (1 << table.lists.indexOf(list)), 0));
  }
  return formatGenerators([...pairs, ...table.lists.map((_, i) => 1 << i)]);
}

/** The prior a `dga_*` key describes: dga_delta_<δ>_prior_1_over_N or dga_delta_<δ>_negbin_prior_a<a>_b<b>. */
function dgaOptions(key: string): BmaOptions {
  const missing = Array.from({ length: 300 }, (_, i) => i + 1);
  const inverse = /^dga_delta_([\d.]+)_prior_1_over_N$/.exec(key);
  if (inverse) return { delta: Number(inverse[1]), missing, logPrior: inverseNPrior };
  const negbin = /^dga_delta_([\d.]+)_negbin_prior_a([\d.]+)_b([\d.]+)$/.exec(key);
  if (negbin) return { delta: Number(negbin[1]), missing, logPrior: negativeBinomialPrior(Number(negbin[2]), Number(negbin[3])) };
  throw new Error(`fixture key ${key}: no rule says which prior it is`);
}

const present = existsSync(FIXTURES);
const fixtures: Record<string, Record<string, unknown>> = present ? JSON.parse(readFileSync(FIXTURES, 'utf8')) : {};

describe('reference values from R (../shared/estimate/fixtures.json)', { skip: present ? false : `no fixtures at ${FIXTURES}` }, () => {
  for (const [name, dataset] of Object.entries(fixtures)) {
    if (name.startsWith('_')) continue;
    const reference = (dataset.reference ?? {}) as Record<string, unknown>;
    const hasCounts = dataset.counts !== undefined || dataset.Y !== undefined;

    describe(name, () => {
      if (!hasCounts) {
        it('has no overlap counts to fit', (context) => context.skip(`${name} gives reference values but no counts`));
        return;
      }
      const table = overlapTable(dataset);

      it('reads as a table and supports an estimate', () => {
        expect(table.observed).toBe(dataset.n_observed);
        const result = estimatePopulation(table);
        expect(result.ok ? result.chosen.N : result.problems).toBeGreaterThan(table.observed);
      });

      for (const [key, value] of Object.entries(reference)) {
        if (key === 'Rcapture_closedp') {
          for (const [model, [N, se]] of Object.entries(value as Record<string, [number, number]>)) {
            it(`Rcapture ${model}: N ${N}, se ${se}`, () => {
              const result = estimatePopulation(table, { model });
              if (!result.ok) throw new Error(result.problems.join('; '));
              expect([oneDecimal(result.chosen.N), oneDecimal(result.chosen.se)]).toEqual([N, se]);
            });
          }
        } else if (key.startsWith('loglinear_')) {
          const expected = value as { N: number; se: number; profile_ci95?: [number, number]; deviance?: number; df?: number };
          const model = loglinearModel(key, table);
          it(`${key} = ${model}: N ${expected.N}, se ${expected.se}${expected.profile_ci95 ? `, profile CI ${expected.profile_ci95.join('–')}` : ''}`, () => {
            const result = estimatePopulation(table, { model });
            if (!result.ok) throw new Error(result.problems.join('; '));
            const { chosen } = result;
            expect(oneDecimal(chosen.N)).toBe(expected.N);
            expect(oneDecimal(chosen.se)).toBe(expected.se);
            if (expected.profile_ci95) expect(chosen.ci95?.map(oneDecimal)).toEqual(expected.profile_ci95);
            if (expected.deviance !== undefined) expect(Math.round(chosen.deviance * 1000) / 1000).toBe(expected.deviance);
            if (expected.df !== undefined) expect(chosen.df).toBe(expected.df);
          });
        } else if (key.startsWith('dga_')) {
          const expected = value as { posterior_mean: number; median: number; ci95: [number, number]; mode?: number };
          it(`${key}: mean ${expected.posterior_mean}, median ${expected.median}, 95% ${expected.ci95.join('–')}`, () => {
            const result = bayesianModelAveraging(table, dgaOptions(key));
            if (!result.ok) throw new Error(result.problems.join('; '));
            expect(oneDecimal(result.mean)).toBe(expected.posterior_mean);
            expect(result.median).toBe(expected.median);
            expect(result.ci95).toEqual(expected.ci95);
            if (expected.mode !== undefined) expect(result.mode).toBe(expected.mode);
          });
        } else {
          it(`${key}`, (context) => context.skip('a Bayesian reference (LCMCR): not implemented'));
        }
      }
    });
  }
});
