import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimatePopulation } from '../src/estimate/estimate.js';
import { overlapOfPersons } from '../src/estimate/list-overlap.js';
import { estimateFromPersons, importPersonList, linkPersons } from '../src/services/persons.service.js';
import { Store } from '../src/store/store.js';
import { pairwiseScore } from './link.bench.js';
import { generateVictimLists } from './victim-lists.js';

/*
 * `npm run bench -- persons [--sizes 10000,100000]`: persons in the store, end to end. For each size,
 * the generated victim lists (bench/victim-lists.ts: four lists, Russian and Chechen names in
 * Cyrillic and three romanisations) are written as CSV files, imported into a fresh SQLite store
 * through the service the CLI uses, linked from the store, and turned into an overlap table.
 * Reports import records/s, link time, overlap time and peak RSS, and checks the linked overlap table
 * against the true one. Writes bench/results/persons-SIZE.json. Run one size per process for a
 * clean peak RSS.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function argument(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? (args[index + 1] as string) : fallback;
}

/** Peak RSS over a phase. Linkage runs synchronously, so the sampler also reads RSS when the phase ends. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; peakRssMb: number }> {
  globalThis.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const value = await work();
    return { value, seconds: (performance.now() - started) / 1000, peakRssMb: mb(Math.max(peak, process.memoryUsage().rss)) };
  } finally {
    clearInterval(sampler);
  }
}

async function runSize(size: number) {
  const folder = join(ROOT, 'bench', '.work', `persons-${size}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const lists = generateVictimLists({ records: size, seed: 7 });
  for (const list of lists) writeFileSync(join(folder, list.name), `${[list.header, ...list.rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`);
  const records = lists.reduce((sum, list) => sum + list.rows.length, 0);
  const truth = lists.flatMap((list) => list.truth);

  const store = await Store.open(join(folder, 'store.db'));
  try {
    const imported = await measured(async () => {
      for (const list of lists) await importPersonList(store, { path: join(folder, list.name), shownAs: list.name, source: list.name.replace(/\.csv$/, ''), actor: 'bench' });
    });
    const linked = await measured(() => linkPersons(store, 'bench'));
    const names = lists.map((list) => list.name.replace(/\.csv$/, ''));
    const overlap = await measured(() => estimateFromPersons(store, { lists: names }));

    // The truth, as the generator knows it: the overlap table of true persons, and pairwise scores.
    const listsOfTruePerson = new Map<string, string[]>();
    lists.forEach((list, l) => list.truth.forEach((person) => listsOfTruePerson.set(person, [...(listsOfTruePerson.get(person) ?? []), names[l]!])));
    const trueTable = overlapOfPersons(names, listsOfTruePerson.values());
    const trueEstimate = estimatePopulation(trueTable);
    const clusters = await store.persons.clusters();
    const ordered = await store.persons.records();
    const personIndex = new Map<string, number>();
    const predicted = ordered.map((record) => {
      const person = clusters.get(record.id)!;
      if (!personIndex.has(person)) personIndex.set(person, personIndex.size);
      return personIndex.get(person)!;
    });
    const estimated = overlap.value;
    const estimate = estimated.stratifiedBy === null ? estimated.result : null;
    return {
      records,
      lists: lists.map((list) => ({ name: list.name, records: list.rows.length })),
      import: { seconds: round(imported.seconds), recordsPerSecond: Math.round(records / imported.seconds), peakRssMb: imported.peakRssMb },
      link: { seconds: round(linked.seconds), linkageSeconds: round(linked.value.seconds), persons: linked.value.persons, truePersons: listsOfTruePerson.size, peakRssMb: linked.peakRssMb },
      overlap: {
        seconds: round(overlap.seconds, 3),
        peakRssMb: overlap.peakRssMb,
        linkedCounts: overlap.value.table.counts,
        trueCounts: trueTable.counts,
        estimate: estimate === null ? null : estimate.ok ? { model: estimate.chosen.model, N: round(estimate.chosen.N, 1), se: round(estimate.chosen.se, 1) } : { problems: estimate.problems },
        estimateFromTrueTable: trueEstimate.ok ? { model: trueEstimate.chosen.model, N: round(trueEstimate.chosen.N, 1), se: round(trueEstimate.chosen.se, 1) } : { problems: trueEstimate.problems },
        // bench/victim-lists.ts draws records / (Σ coverage × 1.05) persons, some of whom land on no list.
        generatedPersons: Math.round(size / (2.2 * 1.05)),
      },
      score: pairwiseScore(predicted, truth),
      storeMb: mb(await store.sizeOnDisk()),
    };
  } finally {
    await store.close();
  }
}

export async function personsBenchmark(args: string[]): Promise<void> {
  const sizes = argument(args, 'sizes', '10000,100000').split(',').map(Number);
  for (const size of sizes) {
    const result = await runSize(size);
    const report = {
      benchmark: 'persons',
      date: new Date().toISOString(),
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version },
      note: 'one process per size for a clean peak RSS; SQLite store; import = read, decode, map, hash and store every list in its own transaction; link = load records, linkRecords, decisions, ids, store clusters',
      ...result,
    };
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', `persons-${size}.json`), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`${size}: ${result.records} records; import ${result.import.seconds} s (${result.import.recordsPerSecond}/s); link ${result.link.seconds} s, ${result.link.persons} persons (true ${result.link.truePersons}), F1 ${round(result.score.f1, 3)}; overlap ${result.overlap.seconds} s; peak RSS ${Math.max(result.import.peakRssMb, result.link.peakRssMb, result.overlap.peakRssMb)} MB`);
  }
}
