import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { searchDocuments } from '../src/services/search.service.js';
import { Store } from '../src/store/store.js';
import { benchStoreLocation } from './bench-store.js';
import { writeSyntheticCorpus } from './synthetic-corpus.js';

/*
 * `npm run bench -- capture [--docs 100000] [--engines sqlite,postgres] [--pg URL] [--search-only]`
 * Ingests a synthetic corpus through the real CLI (a child process, so its peak memory is its own),
 * plain text and HTML separately, then times 100 varied searches in-process, and reports store size.
 */

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, 'bench', '.work');
const CLI = join(ROOT, 'bin', 'chronicle.js');

interface IngestRun {
  documents: number;
  seconds: number;
  docsPerSecond: number;
  peakRssMb: number;
}

interface EngineResult {
  engine: string;
  text: IngestRun;
  html: IngestRun;
  search: {
    queries: number;
    samples: number;
    p50Ms: number;
    p95Ms: number;
    maxMs: number;
    meanResults: number;
    /** CPU time of this process over the same samples: SQLite runs in this thread, so it is the search's own work, whatever else shares the cores. */
    cpuP50Ms: number;
    cpuP95Ms: number;
    /** Per class of benchmarkQueries(): median over its queries of each query's median round, and its slowest query. */
    byClass: { name: string; medianMs: number; slowest: string; slowestMs: number }[];
    /** The ten slowest queries, by median round. */
    slowest: { query: string; medianMs: number; cpuMs: number }[];
  };
  storeBytes: number;
  bytesPerDocument: number;
}

function argument(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? (args[index + 1] as string) : fallback;
}

/**
 * Run `chronicle ingest` in a child process; wall time and peak RSS (VmHWM, polled from /proc).
 * Capture alone unless asked (`--with-extraction`): extraction has its own benchmark (`extract`).
 */
async function timedIngest(db: string, folder: string, withExtraction = false): Promise<IngestRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, '--db', db, 'ingest', folder, ...(withExtraction ? [] : ['--no-extract'])], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // the process has just ended
    }
  }, 25);
  let lastLine = '';
  let errors = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = chunk.trimEnd().split('\n');
    lastLine = lines[lines.length - 1] ?? lastLine;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const code = await new Promise<number>((done) => child.on('exit', (exitCode) => done(exitCode ?? 1)));
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  const match = /^(\d+) captured/.exec(lastLine);
  if (code !== 0 || !match) throw new Error(`ingest failed (exit ${code}): ${lastLine}\n${errors.slice(0, 2000)}`);
  const documents = Number(match[1]);
  return { documents, seconds: round(seconds), docsPerSecond: Math.round(documents / seconds), peakRssMb: Math.round(peakKb / 1024) };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

/** The classes of benchmarkQueries(), in its order: name and number of queries. */
const QUERY_CLASSES: [string, number][] = [['single words', 40], ['two-word AND', 20], ['phrases', 10], ['prefixes', 10], ['exclusion or mixed', 10], ['longer', 10]];

/** 100 queries of every shape a person types: common and rare words, both scripts, phrases, names, prefixes, exclusions. */
export function benchmarkQueries(): string[] {
  const queries = [
    'police', 'detained', 'torture', 'relatives', 'journalist', 'prison', 'statement', 'evidence', 'witnesses', 'abducted',
    'полиция', 'задержали', 'пытки', 'родственники', 'журналист', 'тюрьма', 'заявление', 'свидетели', 'похищены', 'угрозы',
    'Grozny', 'Argun', 'Nazran', 'Makhachkala', 'Kurchaloy', 'Грозном', 'Аргуне', 'Назрани', 'Махачкале', 'Шали',
    'Titiev', 'Kadyrov', 'Estemirova', 'Milashina', 'Kochetkov', 'Титиев', 'Кадыров', 'Милашина', 'Кочетков', 'Янгулбаев',
    'police detained', 'human rights', 'security forces', 'court charges', 'lawyer prison', 'missing abducted', 'office fire', 'families authorities', 'local officials', 'former detention',
    'полиция задержали', 'права человека', 'суд обвинения', 'адвокат тюрьма', 'пропали похищены', 'офис пожар', 'семьи силовики', 'местные власти', 'бывший лагерь', 'вернулся домой',
    '"human rights"', '"security forces"', '"police detained"', '"according local"', '"права человека"', '"по данным"', '"вернулся домой"', '"former released"', '"officials denied"', '"told police"',
    'detain*', 'tortur*', 'journal*', 'Gudermes*', 'задерж*', 'похищ*', 'журнал*', 'Nalch*', 'Sadul*', 'Немов*',
    'police -Grozny', 'детали -полиция', 'court -lawyer', 'пытки -Грозном', 'fire -office', 'Titiev Grozny', 'Kadyrov Moscow', 'Кадыров Москве', 'Nemov Milashina', 'Lapunov Argun',
    'killed missing families', 'night week month', 'tortured beaten killed', 'убиты пропали похищены', 'ночью неделю месяц', 'Shali Urus-Martan', 'Urus-Martan', 'village republic', 'international organisation report', 'нет-такого-слова',
  ];
  if (queries.length !== 100) throw new Error(`expected 100 benchmark queries, have ${queries.length}`);
  return queries;
}

async function searchLatency(location: string): Promise<EngineResult['search']> {
  const store = await Store.open(location);
  try {
    const queries = benchmarkQueries();
    for (const query of queries) await searchDocuments(store, query, 10); // warm caches and JIT
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    const perQuery = queries.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
    let results = 0;
    for (let round = 0; round < 3; round++) {
      for (const [index, query] of queries.entries()) {
        const cpuStarted = process.cpuUsage();
        const started = performance.now();
        results += (await searchDocuments(store, query, 10)).results.length;
        const wall = performance.now() - started;
        const cpu = process.cpuUsage(cpuStarted);
        samples.push(wall);
        cpuSamples.push((cpu.user + cpu.system) / 1000);
        perQuery[index]!.wall.push(wall);
        perQuery[index]!.cpu.push((cpu.user + cpu.system) / 1000);
      }
    }
    samples.sort((a, b) => a - b);
    cpuSamples.sort((a, b) => a - b);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    const medians = queries.map((query, index) => ({ query, medianMs: round(median(perQuery[index]!.wall)), cpuMs: round(median(perQuery[index]!.cpu)) }));
    let first = 0;
    const byClass = QUERY_CLASSES.map(([name, count]) => {
      const members = medians.slice(first, (first += count));
      const worst = [...members].sort((a, b) => b.medianMs - a.medianMs)[0]!;
      return { name, medianMs: round(median(members.map((member) => member.medianMs))), slowest: worst.query, slowestMs: worst.medianMs };
    });
    return {
      queries: queries.length,
      samples: samples.length,
      p50Ms: round(percentile(samples, 50)),
      p95Ms: round(percentile(samples, 95)),
      maxMs: round(samples[samples.length - 1] as number),
      meanResults: round(results / samples.length, 1),
      cpuP50Ms: round(percentile(cpuSamples, 50)),
      cpuP95Ms: round(percentile(cpuSamples, 95)),
      byClass,
      slowest: [...medians].sort((a, b) => b.medianMs - a.medianMs).slice(0, 10),
    };
  } finally {
    await store.close();
  }
}

export async function captureBenchmark(args: string[]): Promise<void> {
  const documents = Number(argument(args, 'docs', '100000'));
  const engines = argument(args, 'engines', 'sqlite,postgres').split(',');
  const pgUrl = argument(args, 'pg', process.env.CHRONICLE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test');
  mkdirSync(WORK, { recursive: true });
  const corpusFolder = join(WORK, `corpus-${documents}`);
  const marker = join(corpusFolder, 'corpus.json');
  if (!existsSync(marker)) {
    rmSync(corpusFolder, { recursive: true, force: true });
    const started = performance.now();
    const corpus = writeSyntheticCorpus({ folder: corpusFolder, documents });
    writeFileSync(marker, JSON.stringify(corpus));
    console.error(`wrote ${documents} synthetic documents (${corpus.text} text, ${corpus.html} HTML) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const corpus = JSON.parse(readFileSync(marker, 'utf8')) as { text: number; html: number };
  const searchOnly = args.includes('--search-only');
  const withExtraction = args.includes('--with-extraction');
  const resultsFile = join(ROOT, 'bench', 'results', `capture-${documents}.json`);
  const previous = searchOnly && existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { results: EngineResult[] }).results : [];
  const results: EngineResult[] = [];
  for (const engine of engines) {
    const location = await benchStoreLocation({ engine, work: WORK, name: `bench-${documents}`, pgUrl, keep: searchOnly });
    let text: IngestRun;
    let html: IngestRun;
    if (searchOnly) {
      const earlier = previous.find((result) => result.engine === engine);
      if (!earlier) throw new Error(`--search-only needs an earlier full run for ${engine}`);
      ({ text, html } = earlier);
    } else {
      console.error(`${engine}: ingesting ${corpus.text} text documents…`);
      text = await timedIngest(location, join(corpusFolder, 'text'), withExtraction);
      console.error(`${engine}: ${text.docsPerSecond} docs/s; ingesting ${corpus.html} HTML pages…`);
      html = await timedIngest(location, join(corpusFolder, 'html'), withExtraction);
    }
    console.error(`${engine}: ${html.docsPerSecond} docs/s; timing searches…`);
    const search = await searchLatency(location);
    const store = await Store.open(location);
    const storeBytes = await store.sizeOnDisk();
    const count = await store.documents.count();
    await store.close();
    results.push({ engine, text, html, search, storeBytes, bytesPerDocument: Math.round(storeBytes / count) });
  }
  const report = {
    benchmark: 'capture',
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version },
    extraction: withExtraction,
    corpus: { documents, text: corpus.text, html: corpus.html, textCharsPerDocument: 5000 },
    results,
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log('| engine | text docs/s | HTML docs/s | peak RSS (MB) text / HTML | search p50 / p95 / max (ms) | store bytes/doc |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const result of results) {
    console.log(
      `| ${result.engine} | ${result.text.docsPerSecond} | ${result.html.docsPerSecond} | ${result.text.peakRssMb} / ${result.html.peakRssMb} | ` +
        `${result.search.p50Ms} / ${result.search.p95Ms} / ${result.search.maxMs} | ${result.bytesPerDocument} |`,
    );
  }
}
