import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { parsePersonCsv, recordsFromRows } from '../src/resolve/linkage/columns.js';
import { DEFAULT_LINK_CONFIG, linkRecords, type LinkConfig, type LinkResult } from '../src/resolve/linkage/link.js';
import type { PersonRecord } from '../src/resolve/linkage/record.js';
import { victimLists } from './victim-lists.js';

/*
 * `npm run bench -- link [--sets fake,febrl,historical,victims] [--sizes 10000,100000,1000000] [--data DIR] [--out FILE] [--config JSON]`:
 * links each labelled set with the one default configuration and scores pairwise precision, recall
 * and F1 of "same person" against the truth; also the generated victim lists at each size (the
 * curve: 10k, 100k, 1M). Writes bench/results/link.json (or --out). Time is linkage alone; peak RSS
 * includes the records of the set being linked (and, for the generated lists, the generator's rows).
 * --config '{"threshold":0.5}' overrides fields of the default configuration, for experiments only:
 * reported figures use the default.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function argument(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? (args[index + 1] as string) : fallback;
}

export interface PairScore {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Pairwise precision/recall/F1: pairs of records put together by the prediction vs. by the truth. */
export function pairwiseScore(predicted: ArrayLike<number>, truth: readonly string[]): PairScore {
  const choose2 = (count: number) => (count * (count - 1)) / 2;
  const predictedSizes = new Map<number, number>();
  const trueSizes = new Map<string, number>();
  const cells = new Map<string, number>();
  for (let index = 0; index < truth.length; index++) {
    const p = predicted[index]!;
    const t = truth[index]!;
    predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1);
    trueSizes.set(t, (trueSizes.get(t) ?? 0) + 1);
    const cell = `${p}\u0000${t}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  let predictedPairs = 0;
  let truePairs = 0;
  let correctPairs = 0;
  for (const size of predictedSizes.values()) predictedPairs += choose2(size);
  for (const size of trueSizes.values()) truePairs += choose2(size);
  for (const size of cells.values()) correctPairs += choose2(size);
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const round = (value: number) => Math.round(value * 10000) / 10000;
  return { truePairs, predictedPairs, correctPairs, precision: round(precision), recall: round(recall), f1: round(f1) };
}

export interface LabelledSet {
  name: string;
  records: PersonRecord[];
  truth: string[];
}

export async function loadSet(name: string, dataDir: string): Promise<LabelledSet> {
  if (name === 'fake') {
    const text = readFileSync(join(dataDir, 'fake_1000.csv'), 'utf8');
    const records = parsePersonCsv(text, 'fake_1000.csv');
    const truth = parsePersonCsv(text, 'fake_1000.csv', { map: ['cluster=id_number'] }).map((record) => record.idNumber ?? '');
    return { name: 'fake_1000', records, truth };
  }
  if (name === 'febrl') {
    const records = parsePersonCsv(readFileSync(join(dataDir, 'febrl3.csv'), 'utf8'), 'febrl3.csv');
    return { name: 'febrl3', records, truth: records.map((record) => record.id.split('-')[1] ?? record.id) };
  }
  if (name === 'historical') {
    const file = await asyncBufferFromFile(join(dataDir, 'historical_50k.parquet'));
    const objects = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    const header = Object.keys(objects[0] ?? {});
    const rows = objects.map((object) => header.map((column) => (object[column] === null || object[column] === undefined ? '' : String(object[column]))));
    return { name: 'historical_50k', records: recordsFromRows(header, rows, 'historical_50k.parquet'), truth: objects.map((object) => String(object.cluster)) };
  }
  throw new Error(`unknown set "${name}"`);
}

interface SetReport {
  set: string;
  records: number;
  persons: { true: number; predicted: number };
  score: PairScore;
  seconds: number;
  /** CPU time of the process during linkage (user + system): less sensitive than wall time to other work on the machine. */
  cpuSeconds: number;
  recordsPerSecond: number;
  peakRssMb: number;
  candidatePairs: number;
  emIterations: number;
  lambda: number;
  milliseconds: LinkResult['stats']['milliseconds'];
  /** One-minute load average of the machine before and after the run (2 cores: above 2 means others were running). */
  load: { before: number; after: number };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function runSet(set: LabelledSet, config: LinkConfig): SetReport {
  globalThis.gc?.();
  const loadBefore = loadavg()[0]!;
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = linkRecords(set.records, config, { onStage: (stage, milliseconds) => set.records.length >= 500_000 && console.error(`${set.name}: ${stage} ${milliseconds} ms`) });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // The process's own high-water mark: linkage is synchronous, so a timer sampling RSS never runs
  // while it works (the earlier figures were RSS at start and end only). It covers the whole process
  // so far, so a set after a bigger one reports the bigger one's peak: run big sets alone.
  const peak = Math.max(rssBefore, process.resourceUsage().maxRSS * 1024);
  return {
    set: set.name,
    records: set.records.length,
    persons: { true: new Set(set.truth).size, predicted: result.stats.persons },
    score: pairwiseScore(result.cluster, set.truth),
    seconds: Math.round(seconds * 100) / 100,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 10_000) / 100,
    recordsPerSecond: Math.round(set.records.length / seconds),
    peakRssMb: mb(peak),
    candidatePairs: result.stats.blocking.candidatePairs,
    emIterations: result.model.iterations,
    lambda: Math.round(result.model.lambda * 10000) / 10000,
    milliseconds: result.stats.milliseconds,
    load: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadavg()[0]! * 100) / 100 },
  };
}

export async function linkBenchmark(args: string[]): Promise<void> {
  const dataDir = argument(args, 'data', '/work/shared/linkage');
  const sets = argument(args, 'sets', 'fake,febrl,historical,victims').split(',');
  const sizes = argument(args, 'sizes', '10000,100000,1000000').split(',').map(Number);
  const outFile = argument(args, 'out', join(ROOT, 'bench', 'results', 'link.json'));
  const config: LinkConfig = { ...DEFAULT_LINK_CONFIG, ...(JSON.parse(argument(args, 'config', '{}')) as Partial<LinkConfig>) };
  const reports: SetReport[] = [];
  for (const name of sets) {
    if (name === 'victims') {
      for (const size of sizes) {
        const generated = victimLists({ records: size, seed: 7 });
        reports.push(runSet({ name: `victim-lists-${size}`, records: generated.records, truth: generated.truth }, config));
        console.error(JSON.stringify(reports[reports.length - 1]));
      }
      continue;
    }
    reports.push(runSet(await loadSet(name, dataDir), config));
    console.error(JSON.stringify(reports[reports.length - 1]));
  }
  const report = {
    benchmark: 'link',
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version },
    note: 'peak RSS is the process high-water mark so far (process.resourceUsage().maxRSS), so it includes earlier sets; times exclude loading and generating',
    config,
    sets: reports,
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report.sets.map((set) => ({ set: set.set, ...set.score, seconds: set.seconds, peakRssMb: set.peakRssMb })), null, 2));
}
