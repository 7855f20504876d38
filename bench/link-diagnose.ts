import { loadSet, type LabelledSet } from './link.bench.js';
import { candidatePairs, BLOCKING_RULES } from '../src/resolve/linkage/blocking.js';
import { compareRecords, FIELDS } from '../src/resolve/linkage/comparisons.js';
import { DEFAULT_LINK_CONFIG, linkRecords, type LinkConfig } from '../src/resolve/linkage/link.js';
import { Preparer, type PersonRecord } from '../src/resolve/linkage/record.js';
import { victimLists } from './victim-lists.js';

/*
 * `npx tsx bench/link-diagnose.ts SET [examples] [config JSON]` (SET: fake, febrl, historical, victims-10000, …):
 * links one set with the default configuration and sorts the pairs it gets wrong by cause — missed
 * pairs never put in one block, scored below the threshold, or linked but refused by the clustering
 * guard; wrong pairs joined by a direct link or only through a chain — with examples of each.
 */

const [name = 'historical', exampleArg = '8', configArg = '{}'] = process.argv.slice(2);
const config: LinkConfig = { ...DEFAULT_LINK_CONFIG, ...(JSON.parse(configArg) as Partial<LinkConfig>) };
const examples = Number(exampleArg);
let set: LabelledSet;
if (name.startsWith('victims-')) {
  const generated = victimLists({ records: Number(name.slice(8)), seed: 7 });
  set = { name, records: generated.records, truth: generated.truth };
} else set = await loadSet(name, '/work/shared/linkage');
const { records, truth } = set;
const n = records.length;
const result = linkRecords(records, config);
const preparer = new Preparer();
const prepared = records.map((record) => preparer.prepare(record));
const { pairs: candidates } = candidatePairs(prepared, BLOCKING_RULES, config.blockCap, config.sortedWindow);
const isCandidate = (a: number, b: number) => {
  const key = a * n + b;
  let low = 0;
  let high = candidates.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (candidates[middle] === key) return true;
    if (candidates[middle]! < key) low = middle + 1;
    else high = middle - 1;
  }
  return false;
};
const keptWeight = new Map<number, number>();
for (let p = 0; p < result.pairs.length; p++) keptWeight.set(result.pairs[p]!, result.weights[p]!);
const vector = new Uint8Array(FIELDS.length);
const describe = (record: PersonRecord) => [record.given, record.surname, record.patronymic, record.fullName, record.birthDate ? `${record.birthDate.year}-${record.birthDate.month ?? ''}-${record.birthDate.day ?? ''}` : '', record.place, record.sex].map((value) => value ?? '').join(' | ');
const levels = (a: number, b: number) => {
  compareRecords(prepared[a]!, prepared[b]!, vector);
  return FIELDS.map((field, f) => `${field.name}:${vector[f] === 255 ? '-' : vector[f]}`).join(' ');
};

const byTruth = new Map<string, number[]>();
truth.forEach((person, index) => byTruth.set(person, [...(byTruth.get(person) ?? []), index]));
const missed = new Map<string, [number, number][]>();
const add = (cause: string, a: number, b: number) => missed.set(cause, [...(missed.get(cause) ?? []), [a, b]]);
let missedTotal = 0;
for (const members of byTruth.values()) {
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i]!;
      const b = members[j]!;
      if (result.cluster[a] === result.cluster[b]) continue;
      missedTotal++;
      const weight = keptWeight.get(a * n + b);
      if (!isCandidate(a, b)) add('missed: never in one block', a, b);
      else if (weight === undefined) add('missed: candidate, posterior < keep (0.1)', a, b);
      else if (weight < result.thresholdWeight) add('missed: candidate, 0.1 ≤ posterior < threshold', a, b);
      else add('missed: linked, refused by clustering', a, b);
    }
  }
}
const byCluster = new Map<number, number[]>();
result.cluster.forEach((c, index) => byCluster.set(c, [...(byCluster.get(c) ?? []), index]));
let wrongTotal = 0;
for (const members of byCluster.values()) {
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i]!;
      const b = members[j]!;
      if (truth[a] === truth[b]) continue;
      wrongTotal++;
      const weight = keptWeight.get(a * n + b);
      add(weight !== undefined && weight >= result.thresholdWeight ? 'wrong: direct link' : 'wrong: chained', a, b);
    }
  }
}
console.log(`${set.name}: ${n} records, missed ${missedTotal}, wrong ${wrongTotal}, threshold weight ${result.thresholdWeight.toFixed(2)}`);
for (const [cause, list] of [...missed].sort((x, y) => y[1].length - x[1].length)) {
  console.log(`\n## ${cause}: ${list.length} pairs (${((100 * list.length) / (cause.startsWith('missed') ? missedTotal : wrongTotal)).toFixed(1)}%)`);
  const step = Math.max(1, Math.floor(list.length / examples));
  for (let k = 0; k < list.length && k / step < examples; k += step) {
    const [a, b] = list[k]!;
    const weight = keptWeight.get(a * n + b);
    console.log(`  ${describe(records[a]!)}\n  ${describe(records[b]!)}\n    ${levels(a, b)} w=${weight?.toFixed(1) ?? '<keep'}`);
  }
}

console.log(`\nλ ${result.model.lambda.toExponential(2)}; level weights (bits):`);
result.model.fields.forEach((field, f) => console.log(`  ${field}: ${result.model.levels[f]!.map((level, l) => `${level}=${Math.log2(result.model.m[f]![l]! / result.model.u[f]![l]!).toFixed(1)}`).join(', ')}`));
// Missed pairs by what the records lack after preparation.
const lacks = new Map<string, number>();
for (const [cause, list] of missed) {
  if (!cause.startsWith('missed')) continue;
  for (const [a, b] of list) {
    const what = [a, b].map((x) => `${prepared[x]!.given ? 'G' : '-'}${prepared[x]!.surname ? 'S' : '-'}${prepared[x]!.birth ? 'D' : '-'}`).sort().join('+');
    const key = `${cause.slice(8, 20)} ${what}`;
    lacks.set(key, (lacks.get(key) ?? 0) + 1);
  }
}
console.log('\nmissed pairs by cause and what the two records hold (G given, S surname, D birth date):');
for (const [key, count] of [...lacks].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`  ${count}\t${key}`);

// Same list or not, for wrong, missed and correct pairs.
const sameSource = (list: [number, number][]) => list.filter(([a, b]) => records[a]!.source === records[b]!.source).length;
for (const [cause, list] of missed) console.log(`  ${cause}: ${sameSource(list)} of ${list.length} pairs from one list`);
let truePairsSame = 0;
let truePairs = 0;
for (const members of byTruth.values()) for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) { truePairs++; if (records[members[i]!]!.source === records[members[j]!]!.source) truePairsSame++; }
console.log(`  true pairs: ${truePairsSame} of ${truePairs} from one list`);

// Predicted persons that mix true persons: their records, with the true person of each.
if (examples > 0) {
  console.log('\nmixed predicted persons:');
  let shown = 0;
  for (const members of byCluster.values()) {
    const persons = new Set(members.map((index) => truth[index]));
    if (persons.size < 2 || shown++ >= examples) continue;
    console.log(`  --- ${members.length} records, ${persons.size} persons`);
    for (const index of members) console.log(`    ${truth[index]!.padEnd(14)} ${records[index]!.source.padEnd(18)} ${describe(records[index]!)}`);
  }
}

// Calibration: share of true matches among kept pairs, by posterior.
const buckets = [0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 0.95, 0.99, 0.999, 1.01];
const inBucket = buckets.map(() => ({ pairs: 0, true: 0, posterior: 0 }));
for (let p = 0; p < result.pairs.length; p++) {
  const a = Math.floor(result.pairs[p]! / n);
  const b = result.pairs[p]! - a * n;
  const posterior = 1 / (1 + 2 ** -result.weights[p]!);
  const k = buckets.findIndex((limit) => posterior < limit);
  inBucket[k]!.pairs++;
  inBucket[k]!.posterior += posterior;
  if (truth[a] === truth[b]) inBucket[k]!.true++;
}
console.log('\ncalibration (posterior below → kept pairs, mean posterior, share true):');
inBucket.forEach((bucket, k) => bucket.pairs > 0 && console.log(`  < ${buckets[k]}\t${bucket.pairs}\t${(bucket.posterior / bucket.pairs).toFixed(3)}\t${(bucket.true / bucket.pairs).toFixed(3)}`));
