import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mediaTypeOf, sha256Hex } from '../src/capture/capture.js';
import { detectLanguage } from '../src/capture/language.js';
import { prepareCapture } from '../src/services/prepare-capture.js';

/*
 * `npm run bench -- capture-check --write FILE | --compare FILE [--docs 100000]`
 * Fingerprints what capture produces (stored text, metadata, language, warnings and search terms)
 * for every document of examples/corpus, the language of each of its paragraphs, and every document
 * of the synthetic corpus that `capture` wrote. Written before a change to capture and compared
 * after it, it shows that a faster path stores exactly what the slower one did.
 */

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = join(ROOT, 'examples', 'corpus');

function argument(args: string[], name: string): string | null {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args[index + 1] ?? null) : null;
}

function* filesUnder(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (mediaTypeOf(entry.name)) yield path;
  }
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);

function fingerprint(path: string): string {
  const bytes = readFileSync(path);
  const prepared = prepareCapture({ origin: 'check', mediaType: mediaTypeOf(path) ?? 'text/plain', bytes, sha256: sha256Hex(bytes), sourceName: null, extract: false });
  return digest(prepared);
}

export async function captureCheckBenchmark(args: string[]): Promise<void> {
  const documents = Number(argument(args, 'docs') ?? '100000');
  const write = argument(args, 'write');
  const compare = argument(args, 'compare');
  if (!write && !compare) throw new Error('capture-check needs --write FILE or --compare FILE');
  const prints: Record<string, string> = {};
  for (const path of filesUnder(CORPUS)) {
    if (/[A-Z]+\.md$/.test(path)) continue;
    const name = path.slice(CORPUS.length + 1);
    prints[name] = fingerprint(path);
    const text = readFileSync(path, 'utf8');
    prints[`${name}#paragraphs`] = digest(text.split(/\n\s*\n/).map((paragraph) => detectLanguage(paragraph)));
  }
  const synthetic = join(ROOT, 'bench', '.work', `corpus-${documents}`);
  if (existsSync(synthetic)) {
    let count = 0;
    for (const path of filesUnder(synthetic)) {
      prints[path.slice(synthetic.length + 1)] = fingerprint(path);
      if (++count % 10000 === 0) console.error(`${count} synthetic documents`);
    }
  } else {
    console.error(`no synthetic corpus at ${synthetic}; run the capture benchmark with --docs ${documents} first`);
  }
  if (write) {
    writeFileSync(write, `${JSON.stringify(prints)}\n`);
    console.log(`${Object.keys(prints).length} fingerprints written to ${write}`);
  }
  if (compare) {
    const expected = JSON.parse(readFileSync(compare, 'utf8')) as Record<string, string>;
    const differing = Object.keys(expected).filter((key) => prints[key] !== expected[key]);
    console.log(`${Object.keys(expected).length} fingerprints compared, ${differing.length} differ${differing.length ? `: ${differing.slice(0, 20).join(', ')}` : ''}`);
    if (differing.length > 0) process.exitCode = 1;
  }
}
