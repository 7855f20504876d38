import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimatePopulation, overlapTable } from '../src/estimate/index.js';

/*
 * `npm run bench -- estimate [--fixtures PATH] [--rounds 20]`: for every dataset of the shared
 * capture–recapture fixtures that has counts, time the full estimate — every candidate model
 * fitted, the lowest BIC chosen, its profile-likelihood interval — and record what it chose next to
 * the R reference values. Writes bench/results/estimate.json.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function argument(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? (args[index + 1] as string) : fallback;
}

const round = (value: number, digits = 1) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null);

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
    estimatePopulation(table); // warm up
    const times: number[] = [];
    let result = estimatePopulation(table);
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      result = estimatePopulation(table);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const entry = {
      name,
      lists: table.lists.length,
      observed: table.observed,
      models: result.models.length,
      msPerEstimate: { median: round(times[Math.floor(times.length / 2)]!, 2), min: round(times[0]!, 2), max: round(times.at(-1)!, 2) },
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
    datasets.push(entry);
    console.log(`${name.padEnd(20)} k=${entry.lists} ${String(entry.models).padStart(5)} models  ${String(entry.msPerEstimate.median).padStart(8)} ms  ${result.ok ? `${result.chosen.model} N=${entry.N} se=${entry.se}` : 'refused'}`);
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
