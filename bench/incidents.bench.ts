import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../src/services/ingest.service.js';
import { incidentViews, regroup } from '../src/services/incidents.service.js';
import { Store } from '../src/store/store.js';

/*
 * `npm run bench -- incidents`: capture examples/corpus (with extraction) into a fresh store, group
 * incidents, and score pairwise precision and recall of "these two figures (or acts) belong to the
 * same incident" against examples/incidents.json. An item counts as found when an extracted item
 * of the same document overlaps its cue; pairs are formed among found items.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface GoldItem {
  file: string;
  cue: string;
  incident: string;
}

export interface PairScores {
  gold: number;
  found: number;
  pairs: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Pairwise precision/recall of co-membership: predicted[i] and gold[i] label the same item. */
export function pairwiseScores(predicted: readonly string[], gold: readonly string[]): Omit<PairScores, 'gold' | 'found'> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    for (let j = i + 1; j < gold.length; j++) {
      const samePredicted = predicted[i] === predicted[j];
      const sameGold = gold[i] === gold[j];
      if (samePredicted && sameGold) tp++;
      else if (samePredicted) fp++;
      else if (sameGold) fn++;
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { pairs: (gold.length * (gold.length - 1)) / 2, precision: round(precision), recall: round(recall), f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)) };
}

export async function incidentsBenchmark(args: string[]): Promise<void> {
  const goldFile = JSON.parse(readFileSync(join(ROOT, 'examples', 'incidents.json'), 'utf8')) as { figures: GoldItem[]; acts?: GoldItem[]; documents?: Record<string, string> };
  const folder = mkdtempSync(join(tmpdir(), 'chronicle-incidents-'));
  const store = await Store.open(join(folder, 'store.db'));
  try {
    const started = performance.now();
    await ingestPaths(store, [join(ROOT, 'examples', 'corpus')], { baseDir: ROOT });
    const ingestSeconds = (performance.now() - started) / 1000;
    const groupStarted = performance.now();
    const views = await incidentViews(store, await regroup(store));
    const groupSeconds = (performance.now() - groupStarted) / 1000;
    const documents = (await store.documents.list({ limit: 1000 })).documents;
    const texts = new Map<string, { id: string; text: string }>();
    for (const summary of documents) {
      const document = await store.documents.get(summary.id);
      if (document) texts.set(summary.origin.split('/').pop()!, { id: document.id, text: document.text });
    }
    const score = (items: GoldItem[], kind: 'figures' | 'acts'): PairScores & { incidents: number; missed: string[] } => {
      const predicted: string[] = [];
      const gold: string[] = [];
      const missed: string[] = [];
      for (const item of items) {
        const document = texts.get(item.file);
        const at = document ? document.text.indexOf(item.cue) : -1;
        if (!document || at < 0) {
          missed.push(`${item.file}: cue not in captured text: ${item.cue}`);
          continue;
        }
        const end = at + item.cue.length;
        const view = views.find((candidate) => candidate[kind].some((member) => member.document.id === document.id && member.start < end && member.end > at));
        if (!view) {
          missed.push(`${item.file}: not extracted: ${item.cue}`);
          continue;
        }
        predicted.push(view.id);
        gold.push(item.incident);
      }
      return { gold: items.length, found: gold.length, incidents: new Set(gold).size, ...pairwiseScores(predicted, gold), missed };
    };
    const figures = score(goldFile.figures, 'figures');
    // Each document's main incident: the one holding most of its acts and figures.
    const mainIncidents = Object.entries(goldFile.documents ?? {}).flatMap(([file, incident]) => {
      const document = texts.get(file);
      if (!document) return [];
      const counts = views.map((view) => [...view.acts, ...view.figures].filter((member) => member.document.id === document.id).length);
      const best = counts.indexOf(Math.max(...counts));
      return counts[best] ? [{ file, predicted: views[best]!.id, title: views[best]!.title, gold: incident }] : [];
    });
    const documentPairs = { assignments: mainIncidents.map((item) => `${item.file} → ${item.predicted.slice(-6)} ${item.title} (gold ${item.gold})`), gold: Object.keys(goldFile.documents ?? {}).length, found: mainIncidents.length, incidents: new Set(mainIncidents.map((item) => item.gold)).size, ...pairwiseScores(mainIncidents.map((item) => item.predicted), mainIncidents.map((item) => item.gold)) };
    const acts = goldFile.acts ? score(goldFile.acts, 'acts') : null;
    const report = {
      benchmark: 'incidents',
      date: new Date().toISOString(),
      documents: documents.length,
      incidents: views.length,
      ingestSeconds: Math.round(ingestSeconds * 100) / 100,
      groupSeconds: Math.round(groupSeconds * 100) / 100,
      figures,
      documentMainIncidents: documentPairs,
      ...(acts ? { acts } : {}),
      grouping: views.map((view) => ({ id: view.id, title: view.title, documents: view.documents, figures: view.figures.map((figure) => `${figure.document.origin.split('/').pop()}: ${figure.quote}`) })),
    };
    if (!args.includes('--quiet')) console.log(JSON.stringify(report, null, 2));
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', 'incidents.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`figures: ${figures.found}/${figures.gold} found over ${figures.incidents} incidents; pairwise precision ${figures.precision}, recall ${figures.recall}, F1 ${figures.f1}`);
    console.log(`documents' main incidents: ${documentPairs.found}/${documentPairs.gold} documents over ${documentPairs.incidents} incidents; pairwise precision ${documentPairs.precision}, recall ${documentPairs.recall}, F1 ${documentPairs.f1}`);
    if (acts) console.log(`acts: ${acts.found}/${acts.gold} found; pairwise precision ${acts.precision}, recall ${acts.recall}, F1 ${acts.f1}`);
  } finally {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
