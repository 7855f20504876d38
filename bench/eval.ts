// `npm run eval [-- --shared | --examples] [--quiet]`: score `chronicle extract --json` with ../shared/eval/score.mjs
// on the shared gold and on the project's own annotated examples (examples/gold/{entities,events}/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scorer = join(root, '..', 'shared', 'eval', 'score.mjs');
const command = `node ${join(root, 'bin', 'chronicle.js')} extract --json`;

export interface EvalScores {
  [key: string]: unknown;
}

/** Run the scorer; its last line is one JSON object with the micro-averaged figures. */
export function score(gold: string | null, corpus: string | null, quiet: boolean): EvalScores {
  const args = [scorer, '--cmd', command, ...(gold ? ['--gold', gold] : []), ...(corpus ? ['--corpus', corpus] : []), ...(quiet ? ['--quiet'] : [])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`scorer failed (${run.status}): ${run.stderr}`);
  const lines = run.stdout.trim().split('\n');
  if (!quiet) process.stdout.write(lines.slice(0, -1).join('\n') + '\n');
  return JSON.parse(lines[lines.length - 1]!) as EvalScores;
}

/**
 * The project's gold is kept in two halves written separately (entities; acts and figures);
 * documents with both halves are merged into one gold file each for the scorer.
 */
export function mergeExampleGold(): { dir: string; files: number } {
  const entitiesDir = join(root, 'examples', 'gold', 'entities');
  const eventsDir = join(root, 'examples', 'gold', 'events');
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-gold-'));
  let files = 0;
  if (!existsSync(entitiesDir) || !existsSync(eventsDir)) return { dir, files };
  for (const name of readdirSync(entitiesDir).filter((file) => file.endsWith('.json'))) {
    if (!existsSync(join(eventsDir, name))) continue;
    const entities = JSON.parse(readFileSync(join(entitiesDir, name), 'utf8')) as { file: string; entities: unknown[] };
    const events = JSON.parse(readFileSync(join(eventsDir, name), 'utf8')) as { file: string; acts: unknown[]; figures: unknown[] };
    if (entities.file !== events.file) throw new Error(`${name}: the two halves name different files`);
    writeFileSync(join(dir, name), JSON.stringify({ file: entities.file, entities: entities.entities, acts: events.acts, figures: events.figures }));
    files++;
  }
  return { dir, files };
}

export async function evalBenchmark(args: string[]): Promise<void> {
  const quiet = args.includes('--quiet');
  const only = args.includes('--shared') ? 'shared' : args.includes('--examples') ? 'examples' : 'both';
  const results: Record<string, unknown> = { date: new Date().toISOString() };
  if (only !== 'examples') {
    console.log('## shared gold (../shared/eval)');
    results.shared = score(null, null, quiet);
    console.log(JSON.stringify(results.shared));
  }
  if (only !== 'shared') {
    const merged = mergeExampleGold();
    try {
      console.log(`## project examples (examples/gold, ${merged.files} documents)`);
      if (merged.files > 0) {
        results.examples = score(merged.dir, join(root, 'examples', 'corpus'), quiet);
        console.log(JSON.stringify(results.examples));
      }
    } finally {
      rmSync(merged.dir, { recursive: true, force: true });
    }
  }
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'extract-eval.json'), JSON.stringify(results, null, 2) + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await evalBenchmark(process.argv.slice(2));
