import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { captureBytes, mediaTypeOf } from '../src/capture/capture.js';
import { analyze } from '../src/extract/analyzed-text.js';
import { extract } from '../src/extract/extract.js';

/*
 * A floor under extraction quality on the project's own annotated examples (examples/gold). The
 * matching follows ../shared/eval/README.md (entities as sets of kind and resolved name; acts and
 * figures by type/value and the cue's sentence), written here so the test runs wherever the
 * project does. `npm run eval` gives the official figures with the shared scorer.
 */

const ROOT = join(import.meta.dirname, '..');
const GOLD = join(ROOT, 'examples', 'gold');
const TITLES = /^(mr|mrs|ms|dr|president|sen|senator|gen|general|col|colonel|lt|sgt|prof|sir)\.? /;

function normName(name: string): string {
  let norm = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘`]/g, "'").toLowerCase().trim();
  norm = norm.replace(/'s$/, '').replace(/s'$/, 's').replace(/[^\p{L}\p{N}/&\- ]+/gu, ' ').replace(/\s+/g, ' ').trim().replace(/^the /, '');
  while (TITLES.test(norm)) norm = norm.replace(TITLES, '');
  return norm;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
const f1 = ({ tp, fp, fn }: Tally) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));

function scoreExamples(): { entities: Tally; acts: Tally; figures: Tally; documents: number } {
  const entities: Tally = { tp: 0, fp: 0, fn: 0 };
  const acts: Tally = { tp: 0, fp: 0, fn: 0 };
  const figures: Tally = { tp: 0, fp: 0, fn: 0 };
  let documents = 0;
  for (const name of readdirSync(join(GOLD, 'entities')).filter((file) => file.endsWith('.json')).sort()) {
    const entityGold = JSON.parse(readFileSync(join(GOLD, 'entities', name), 'utf8')) as { file: string; entities: { kind: string; kinds?: string[]; names: string[]; optional?: boolean }[] };
    const eventGold = JSON.parse(readFileSync(join(GOLD, 'events', name), 'utf8')) as {
      acts: { types: string[]; cue: string; optional?: boolean }[];
      figures: { what: string[]; value: number; cue: string; optional?: boolean }[];
    };
    const file = join(ROOT, 'examples', 'corpus', entityGold.file);
    const captured = captureBytes({ bytes: readFileSync(file), mediaType: mediaTypeOf(file)! });
    const result = extract(captured.text, { language: captured.language, publishedAt: captured.publishedAt });
    documents++;

    const golds = entityGold.entities.map((gold) => ({ ...gold, kinds: gold.kinds ?? [gold.kind], names: gold.names.map(normName), matched: false }));
    const predicted = new Set(result.mentions.filter((mention) => ['person', 'organization', 'place'].includes(mention.kind)).map((mention) => `${mention.kind}\u0000${normName(mention.canonical)}`));
    for (const key of predicted) {
      const [kind, canonical] = key.split('\u0000') as [string, string];
      const gold = golds.find((candidate) => candidate.kinds.includes(kind) && candidate.names.includes(canonical));
      if (!gold) entities.fp++;
      else if (gold.optional) continue;
      else if (gold.matched) entities.fp++;
      else {
        gold.matched = true;
        entities.tp++;
      }
    }
    entities.fn += golds.filter((gold) => !gold.optional && !gold.matched).length;

    const sentences = analyze(result.text).sentences;
    const sentenceOf = (cue: string) => {
      const at = result.text.indexOf(cue);
      if (at < 0) throw new Error(`${name}: cue not in the captured text: ${cue}`);
      const first = sentences.find((sentence) => sentence.end > at) ?? sentences[0]!;
      const last = [...sentences].reverse().find((sentence) => sentence.start < at + cue.length) ?? first;
      return { start: Math.min(first.start, at), end: Math.max(last.end, at + cue.length) };
    };
    const scoreSpans = <G extends { cue: string; optional?: boolean }, P extends { start: number; end: number }>(gold: G[], predictions: P[], fits: (gold: G, prediction: P) => boolean, tally: Tally) => {
      const used = new Set<number>();
      for (const item of gold) {
        const span = sentenceOf(item.cue);
        const index = predictions.findIndex((prediction, position) => !used.has(position) && fits(item, prediction) && prediction.start < span.end && prediction.end > span.start);
        if (index >= 0) {
          used.add(index);
          if (!item.optional) tally.tp++;
        } else if (!item.optional) tally.fn++;
      }
      tally.fp += predictions.length - used.size;
    };
    scoreSpans(eventGold.acts, result.acts, (gold, act) => gold.types.includes(act.type), acts);
    const victimFigures = result.figures.filter((figure) => figure.what !== 'other');
    scoreSpans(eventGold.figures, victimFigures, (gold, figure) => gold.value === figure.value && gold.what.includes(figure.what), figures);
  }
  return { entities, acts, figures, documents };
}

describe('extraction quality on the annotated examples', () => {
  it('stays above its floor (entities F1 ≥ 0.90, acts F1 ≥ 0.85, figures F1 ≥ 0.85)', () => {
    const scores = scoreExamples();
    expect(scores.documents).toBeGreaterThanOrEqual(15);
    const measured = { entities: f1(scores.entities), acts: f1(scores.acts), figures: f1(scores.figures) };
    expect(measured.entities).toBeGreaterThanOrEqual(0.9);
    expect(measured.acts).toBeGreaterThanOrEqual(0.85);
    expect(measured.figures).toBeGreaterThanOrEqual(0.85);
    console.log(`# extraction on examples/gold: ${JSON.stringify(Object.fromEntries(Object.entries(measured).map(([key, value]) => [key, Math.round(value * 1000) / 1000])))}`);
  });
});
