import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureBytes, mediaTypeOf } from '../src/capture/capture.js';
import { extract } from '../src/extract/extract.js';
import { seededRandom } from '../src/resolve/seeded-random.js';

/*
 * `npm run bench -- extract [--docs 10000]`: extraction speed on one core and memory over many
 * documents. The articles are made by drawing paragraphs at random (seeded) from the English
 * documents of examples/corpus until each holds ~5 KB, so sentences are real prose while no two
 * documents are the same.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'examples', 'corpus');

function argument(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? (args[index + 1] as string) : fallback;
}

/** Paragraphs of the English sample documents, as capture leaves them. */
function englishParagraphs(): string[] {
  const paragraphs: string[] = [];
  for (const name of readdirSync(CORPUS).sort()) {
    const mediaType = mediaTypeOf(name);
    if (!mediaType || /^[A-Z]+\.md$/.test(name)) continue;
    const captured = captureBytes({ bytes: readFileSync(join(CORPUS, name)), mediaType });
    if (captured.language !== 'en') continue;
    paragraphs.push(...captured.text.split('\n').filter((paragraph) => paragraph.length > 40));
  }
  return paragraphs;
}

function article(paragraphs: readonly string[], random: () => number, size: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const paragraph = paragraphs[Math.floor(random() * paragraphs.length)]!;
    parts.push(paragraph);
    length += paragraph.length + 1;
  }
  return parts.join('\n');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export async function extractBenchmark(args: string[]): Promise<void> {
  const documents = Number(argument(args, 'docs', '10000'));
  const size = Number(argument(args, 'size', '5000'));
  const paragraphs = englishParagraphs();
  if (paragraphs.length === 0) throw new Error('no English paragraphs in examples/corpus');
  const random = seededRandom(20261123);
  // Warm up the JIT and the lazily loaded resources, outside the measurement.
  for (let index = 0; index < 50; index++) extract(article(paragraphs, random, size), { language: 'en', publishedAt: '2019-01-14' });

  const times: number[] = [];
  const memory: { documents: number; heapUsedMb: number; rssMb: number }[] = [];
  let items = 0;
  let characters = 0;
  const started = performance.now();
  for (let index = 0; index < documents; index++) {
    const text = article(paragraphs, random, size);
    characters += text.length;
    const before = performance.now();
    const extraction = extract(text, { language: 'en', publishedAt: '2019-01-14' });
    times.push(performance.now() - before);
    items += extraction.mentions.length + extraction.acts.length + extraction.figures.length + extraction.attributions.length + extraction.dates.length;
    if ((index + 1) % Math.max(1, Math.floor(documents / 10)) === 0) {
      globalThis.gc?.();
      const usage = process.memoryUsage();
      memory.push({ documents: index + 1, heapUsedMb: mb(usage.heapUsed), rssMb: mb(usage.rss) });
    }
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const extractSeconds = times.reduce((sum, time) => sum + time, 0) / 1000;
  const sorted = [...times].sort((a, b) => a - b);
  const report = {
    benchmark: 'extract',
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version },
    documents,
    meanCharacters: Math.round(characters / documents),
    docsPerSecondOneCore: Math.round(documents / extractSeconds),
    msPerDocument: { mean: Math.round((extractSeconds * 1000 * 100) / documents) / 100, p50: Math.round(percentile(sorted, 50) * 100) / 100, p95: Math.round(percentile(sorted, 95) * 100) / 100, max: Math.round(sorted[sorted.length - 1]! * 100) / 100 },
    itemsPerDocument: Math.round((items / documents) * 10) / 10,
    wallSeconds: Math.round(wallSeconds * 10) / 10,
    memory,
    heapGrowthMb: memory.length > 1 ? Math.round((memory[memory.length - 1]!.heapUsedMb - memory[0]!.heapUsedMb) * 10) / 10 : 0,
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', `extract-${documents}.json`), `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
}
