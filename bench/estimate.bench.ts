import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bayesianModelAveraging, estimatePopulation, inverseNPrior, negativeBinomialPrior, overlapTable, type BmaOptions, type OverlapTable } from '../src/estimate/index.js';

/*
 * `npm run bench -- estimate [--fixtures PATH] [--rounds 20]`: for every dataset of the shared
 * capture–recapture fixtures that has counts, time the full estimate — every candidate model
 * fitted, the lowest BIC chosen, its profile-likelihood interval — and record what it chose next to
 * the R reference values. Datasets with a dga reference are also run through Bayesian model
 * averaging over decomposable graphs with the reference's prior. Writes bench/results/estimate.json.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function argument(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? (args[index + 1] as string) : fallback;
}

const round = (value: number, digits = 1) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null);

function timed<T>(rounds: number, work: () => T): { result: T; ms: { median: number | null; min: number | null; max: number | null } } {
  let result = work(); // warm up
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    result = work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { result, ms: { median: round(times[Math.floor(times.length / 2)]!, 2), min: round(times[0]!, 2), max: round(times.at(-1)!, 2) } };
}

/** The dga run a fixture key describes (grid 1…300 missing, as in the dga README). */
function dgaRun(key: string): BmaOptions | null {
  const missing = Array.from({ length: 300 }, (_, i) => i + 1);
  const inverse = /^dga_delta_([\d.]+)_prior_1_over_N$/.exec(key);
  if (inverse) return { delta: Number(inverse[1]), missing, logPrior: inverseNPrior };
  const negbin = /^dga_delta_([\d.]+)_negbin_prior_a([\d.]+)_b([\d.]+)$/.exec(key);
  if (negbin) return { delta: Number(negbin[1]), missing, logPrior: negativeBinomialPrior(Number(negbin[2]), Number(negbin[3])) };
  return null;
}

function dgaEntries(table: OverlapTable, reference: Record<string, unknown>, rounds: number): Record<string, unknown>[] {
  return Object.keys(reference).flatMap((key): Record<string, unknown>[] => {
    const options = dgaRun(key);
    if (!options) return [];
    const { result, ms } = timed(rounds, () => bayesianModelAveraging(table, options));
    if (!result.ok) return [{ key, refused: result.problems }];
    console.log(`${''.padEnd(20)} ${key}: mean ${round(result.mean)} median ${result.median} 95% ${result.ci95.join('–')}  ${ms.median} ms`);
    return [{ key, msPerEstimate: ms, mean: round(result.mean), median: result.median, mode: result.mode, ci95: result.ci95, topModels: result.models.slice(0, 3).map((model) => ({ model: model.model, probability: round(model.probability, 3) })) }];
  });
}

export async function estimateBenchmark(args: string[]): Promise<void> {
  const path = argument(args, 'fixtures', join(ROOT, '..', 'shared', 'estimate', 'fixtures.json'));
  const rounds = Number(argument(args, 'rounds', '20'));
  if (!existsSync(path)) {
    console.error(`no fixtures at ${path} (--fixtures PATH)`);
    process.exitCode = 1;
    return;
  }
  const fixtures = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, unknown>>;
  const datasets = [];
  for (const [name, dataset] of Object.entries(fixtures)) {
    if (name.startsWith('_')) continue;
    if (dataset.counts === undefined && dataset.Y === undefined) {
      datasets.push({ name, skipped: 'no counts in the fixture', reference: dataset.reference });
      continue;
    }
    const table = overlapTable(dataset);
    const { result, ms } = timed(rounds, () => estimatePopulation(table));
    const entry = {
      name,
      lists: table.lists.length,
      observed: table.observed,
      models: result.models.length,
      msPerEstimate: ms,
      ...(result.ok
        ? {
            chosen: result.chosen.model,
            N: round(result.chosen.N),
            se: round(result.chosen.se),
            ci95Profile: result.chosen.ci95?.map((value) => round(value)) ?? null,
            ci95Lognormal: result.chosen.ci95Lognormal.map((value) => round(value)),
            warnings: result.warnings,
          }
        : { refused: result.problems }),
      reference: dataset.reference,
    };
    console.log(`${name.padEnd(20)} k=${entry.lists} ${String(entry.models).padStart(5)} models  ${String(entry.msPerEstimate.median).padStart(8)} ms  ${result.ok ? `${result.chosen.model} N=${round(result.chosen.N)} se=${round(result.chosen.se)}` : 'refused'}`);
    datasets.push({ ...entry, dga: dgaEntries(table, (dataset.reference ?? {}) as Record<string, unknown>, rounds) });
  }
  const report = {
    benchmark: 'estimate',
    measuredAt: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version },
    rounds,
    datasets,
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'estimate.json'), `${JSON.stringify(report, null, 2)}\n`);
}
