import { BLOCKING_RULES, CandidateIndex, type BlockingStats } from './blocking.js';
import { clusterPairs, type ClusterStats } from './cluster.js';
import { ComparisonCache, compareRecords, FIELDS, GIVEN, MISSING, SOURCE_LEVELS, SURNAME } from './comparisons.js';
import { estimateEm, initialM, levelWeight, PatternCounter, uFromRandomPairs, weightOfProbability, type FsModel, type Patterns } from './model.js';
import { Preparer, type PersonRecord, type PreparedRecord } from './record.js';
import { seededRandom } from '../seeded-random.js';

/** The one configuration linkage runs with (docs/ARCHITECTURE.md, "Resolve"). */
export interface LinkConfig {
  /** Largest block compared all-against-all; larger ones are sorted two ways and each record is paired with its neighbours in both orders. */
  blockCap: number;
  /** Neighbours on either side, in each sort order, that a record of a capped block is paired with. */
  sortedWindow: number;
  /** Random pairs drawn to measure u. */
  randomPairs: number;
  /** Re-estimate u by EM on the candidate pairs, or keep u from random pairs. */
  estimateU: boolean;
  /** Posterior probability of a match at which a pair becomes a link. */
  threshold: number;
  /** Posterior below which a pair counts as a conflict in the clustering guard. */
  conflictProbability: number;
  /** Extra bits a lone link needs to bridge two groups (clustering guard). */
  bridgeMargin: number;
  /** Conflicts allowed across a merge, per link across it (clustering guard). */
  maxConflictsPerLink: number;
  /** Share of cross pairs that must be links for two groups to merge (clustering guard). */
  minLinkShare: number;
  /** Bits within which a record's links into two persons make it ambiguous, so it stands alone (namesake guard; undefined: off). */
  ambiguityMargin?: number;
  /** Posterior at or above which every pair across two groups must be for them to merge without a link (complete linkage below the threshold; undefined: off). */
  weakProbability?: number;
  /** When the learnt "same list" field says lists seldom name a person twice (m below u by this factor), merges that put two unlinked records of one list in one person need a strong link (clustering guard; undefined: off). */
  oneListFactor?: number;
  /** Bits above the threshold a link needs to put two unlinked records of one list in one person (one-list guard). */
  oneListMargin: number;
  /** Pairs across two groups such a weak merge needs at least. */
  weakMinSupport: number;
  /** Share of the pairs across two groups that must reach weakProbability for a weak merge. */
  weakShare: number;
  /** Fields whose worst level (dates > 2 years apart, patronymics that differ) makes a pair a conflict in the clustering guard. */
  hardConflictFields: string[];
  /** Bits above the threshold at which a pair's other evidence overrules a hard conflict (a typo in a date beside a matching document number). */
  hardConflictOverrule: number;
  /** Largest term-frequency adjustment, in bits, either way. */
  tfClamp: number;
  /** Posterior at or above which a scored pair is kept in the result (possible links for review); clustering rescores the rest when it needs them. */
  keepProbability: number;
  /** Candidate pairs a training session compares at most (an even sample of them beyond that). */
  trainingPairs: number;
  /** Train m on name blocks again with namesake u instead of random-pair u, and measure namesake u again with that m. */
  namesakeTraining: boolean;
  /** Correct the term-frequency adjustment of pairs agreeing on both names for how often the two names go together (see nameDependence). */
  nameDependence: boolean;
  /** Pairs of records sharing both name stems drawn to estimate u among namesakes (0: namesakes are scored with random-pair u). */
  namesakePairs: number;
  /** Name-blocked training uses names that at most this many records are expected to share by chance (see rareNamePairs). */
  trainingNamesakes: number;
  seed: number;
}

export const DEFAULT_LINK_CONFIG: LinkConfig = {
  blockCap: 20,
  sortedWindow: 10,
  randomPairs: 200_000,
  estimateU: true,
  threshold: 0.3,
  conflictProbability: 0.00003,
  bridgeMargin: 4,
  minLinkShare: 0.1,
  weakMinSupport: 2,
  oneListFactor: 2,
  oneListMargin: 8,
  weakShare: 0.5,
  maxConflictsPerLink: 0.34,
  hardConflictFields: ['birth', 'patronymic'],
  hardConflictOverrule: 0,
  tfClamp: 6,
  trainingNamesakes: 1,
  namesakePairs: 200_000,
  nameDependence: true,
  namesakeTraining: true,
  keepProbability: 0.1,
  trainingPairs: 2_000_000,
  seed: 1969,
};

/** Optional observers of a run (the benchmark prints stage times of long runs as they finish). */
export interface LinkHooks {
  onStage?: (stage: keyof LinkStats['milliseconds'], milliseconds: number) => void;
}

export interface LinkStats {
  records: number;
  blocking: BlockingStats;
  clustering: ClusterStats;
  persons: number;
  milliseconds: { prepare: number; blocking: number; compare: number; estimate: number; score: number; cluster: number };
}

export interface LinkResult {
  /** Person number of each record (0…persons−1, in order of first record). */
  cluster: Int32Array;
  model: FsModel;
  /** Threshold as a match weight (bits). */
  thresholdWeight: number;
  stats: LinkStats;
  /**
   * The scored pairs kept (a * n + b, ascending) and their match weights: every link and every possible
   * link down to a posterior of `keepProbability`. Other candidate pairs are scored and dropped.
   */
  pairs: Float64Array;
  weights: Float32Array;
}

/**
 * For each term-frequency field, the share of records holding each record's value (0 when the record
 * has none): per record, so scoring reads a number instead of looking a string up.
 */
function termFrequencies(records: readonly PreparedRecord[]): Float32Array[] {
  return FIELDS.map((field) => {
    const shares = new Float32Array(records.length);
    if (!field.tfValue || field.tfLevels === 0) return shares;
    const counts = new Map<string, number>();
    let total = 0;
    for (const record of records) {
      const value = field.tfValue(record);
      if (value === null) continue;
      counts.set(value, (counts.get(value) ?? 0) + 1);
      total++;
    }
    records.forEach((record, index) => {
      const value = field.tfValue!(record);
      if (value !== null) shares[index] = counts.get(value)! / total;
    });
    return shares;
  });
}

/**
 * Term frequencies as the chance that a record of another person holds the value. A value's count
 * includes the record itself and the other records of its own person: on a list where each person
 * has ten records, a name held by one person counts ten, and its agreement looked as common as that
 * of a name shared by ten persons. The expected number of a record's own-person records holding its
 * value, λ(n−1) · (share of records with the field) · m(agree), comes off the count (at least one
 * other record is left).
 */
export function withoutOwnRecords(tf: Float32Array[], model: FsModel, n: number): Float32Array[] {
  return FIELDS.map((field, f) => {
    const shares = tf[f]!;
    if (field.tfLevels === 0 || n < 3) return shares;
    let present = 0;
    for (let index = 0; index < n; index++) if (shares[index]! > 0) present++;
    if (present < 3) return shares;
    const agree = model.m[f]!.slice(0, field.tfLevels).reduce((sum, value) => sum + value, 0);
    const own = model.lambda * (n - 1) * (present / n) * agree;
    const adjusted = new Float32Array(n);
    for (let index = 0; index < n; index++) {
      const share = shares[index]!;
      if (share > 0) adjusted[index] = Math.max(1, share * present - 1 - own) / (present - 1);
    }
    return adjusted;
  });
}

/**
 * Training sessions (after Splink's practice): EM runs on pairs blocked by one kind of evidence, with
 * u fixed from random pairs, and estimates m only for the fields that blocking did not select on —
 * there, non-matches inside the block differ as randomly as any two records, so the fixed u holds.
 * Birth date / document / e-mail blocks train the names and the rest; name blocks train the dates and
 * the rest. A field no session trains keeps the default starting m.
 *
 * λ, the prior probability that two records drawn at random are the same person, comes from the
 * sessions too: a session's EM finds λ_s · |pairs_s| matches inside its blocks; dividing by the share
 * of all matches its blocks can catch (the chance that a matching pair has the blocking values
 * present and agreeing, from the trained m) estimates the number of matching pairs overall. The
 * sessions' estimates are combined by geometric mean and divided by n(n−1)/2.
 */
const TRAINING_SESSIONS: { name: string; rules: string[]; excludes: string[]; rareNames?: boolean }[] = [
  { name: 'by birth date, document or e-mail', rules: ['birth-date', 'id-number', 'email'], excludes: ['birth', 'idNumber', 'email'] },
  { name: 'by name stems', rules: ['name-stems'], excludes: ['given', 'surname'], rareNames: true },
];

/**
 * Whether a record's name is rare enough for name-blocked training: the records expected to share
 * both its stems by chance, n · f(given) · f(surname), are at most `namesakes`. Inside a block of a
 * common name (Магомед Магомадов, Ivan Ivanov) most pairs are namesakes, and namesakes of one people
 * share patronymics, places and sex far more often than random pairs do; EM with u from random pairs
 * then counts them as matches and learns that a birth-date conflict is common among matches. The
 * limit is in records, so it tightens as the list grows.
 */
function rareNames(prepared: readonly PreparedRecord[], tf: Float32Array[], namesakes: number): Uint8Array {
  const n = prepared.length;
  const expected: number[] = [];
  const named: number[] = [];
  for (let index = 0; index < n; index++) {
    if (prepared[index]!.given === null || prepared[index]!.surname === null) continue;
    named.push(index);
    expected.push(n * tf[GIVEN]![index]! * tf[SURNAME]![index]!);
  }
  // On a long list of common names few names stay under the limit: raise it just enough that the
  // rarest TRAINING_RECORDS names train (rather than falling back to every name, namesakes and all).
  const floor = Math.min(named.length, TRAINING_RECORDS);
  const limit = floor === 0 ? namesakes : Math.max(namesakes, Float64Array.from(expected).sort()[floor - 1]!);
  const rare = new Uint8Array(n);
  named.forEach((index, k) => (rare[index] = expected[k]! <= limit ? 1 : 0));
  return rare;
}

// Records with rare names that name-blocked training needs at least.
const TRAINING_RECORDS = 2_000;

/** Share of matching pairs that a session's blocks can catch, from the trained m and how often the blocking values are present. */
function sessionRecall(session: number, prepared: readonly PreparedRecord[], m: number[][], rare: Uint8Array): number {
  const share = (has: (record: PreparedRecord, index: number) => boolean) => prepared.reduce((count, record, index) => count + (has(record, index) ? 1 : 0), 0) / Math.max(1, prepared.length);
  if (session === 0) {
    // m of "same day" is conditional on both dates being present (at any precision).
    const dated = share((record) => record.birth !== null);
    return dated * dated * m[3]![0]!;
  }
  const named = share((record) => record.given !== null && record.surname !== null);
  // Only pairs whose first record has a rare name were trained on; a pair of one person mostly shares the name.
  const rareShare = share((record, index) => rare[index] === 1 && record.given !== null && record.surname !== null) / Math.max(1e-9, named);
  const agree = (row: number[]) => row[0]! + row[1]! + row[2]!;
  return named * named * rareShare * agree(m[0]!) * agree(m[1]!);
}

/** One training session's pairs, compared: level patterns with counts, and how many pairs the blocks hold. */
interface SessionPairs {
  session: number;
  excluded: number[];
  patterns: Patterns;
  present: Int32Array;
  total: number;
}

/** Compare each training session's pairs (at most trainingPairs of them) into level patterns; EM then runs on patterns alone. */
function trainingPairs(prepared: readonly PreparedRecord[], config: LinkConfig, rare: Uint8Array, cache: ComparisonCache): SessionPairs[] {
  const F = FIELDS.length;
  const n = prepared.length;
  const out = new Int32Array(n);
  const vector = new Uint8Array(F);
  const sessions: SessionPairs[] = [];
  for (const [index, session] of TRAINING_SESSIONS.entries()) {
    const rules = BLOCKING_RULES.filter((rule) => session.rules.includes(rule.name));
    const excluded = session.excludes.map((name) => FIELDS.findIndex((field) => field.name === name));
    const candidates = new CandidateIndex(prepared, rules, config.blockCap, config.sortedWindow);
    const trains = (a: number) => !session.rareNames || rare[a] === 1;
    // Count first, then compare every k-th pair so EM sees at most trainingPairs of them.
    let total = 0;
    for (let a = 0; a < n; a++) if (trains(a)) total += candidates.candidatesOf(a, out);
    if (total < 10) continue;
    const stride = Math.max(1, Math.ceil(total / config.trainingPairs));
    const counter = new PatternCounter(F);
    let seen = 0;
    for (let a = 0; a < n; a++) {
      if (!trains(a)) continue;
      const count = candidates.candidatesOf(a, out);
      for (let c = 0; c < count; c++) {
        if (seen++ % stride !== 0) continue;
        compareRecords(prepared[a]!, prepared[out[c]!]!, vector, 0, cache);
        for (const f of excluded) vector[f] = MISSING;
        counter.add(vector);
      }
    }
    sessions.push({ session: index, excluded, patterns: counter.patterns(), present: counter.present, total });
  }
  return sessions;
}

/** m and λ from the training sessions' pairs by EM, with u fixed: random-pair u, or in name blocks namesake u when given. */
function trainModel(prepared: readonly PreparedRecord[], sessions: readonly SessionPairs[], rare: Uint8Array, uRandom: number[][], uNamesakes?: number[][]): FsModel {
  const F = FIELDS.length;
  const n = prepared.length;
  const mSums = FIELDS.map((field) => new Array<number>(field.levels.length).fill(0));
  const sessionsPerField = new Array<number>(F).fill(0);
  let iterations = 0;
  let converged = true;
  const found: { session: number; matches: number }[] = [];
  for (const { session, excluded, patterns, present, total } of sessions) {
    // Inside name blocks the pairs of different persons are namesakes: their u is the namesakes' (when known).
    const sessionU = TRAINING_SESSIONS[session]!.rareNames && uNamesakes ? uNamesakes : uRandom;
    const sessionModel = estimateEm(patterns, FIELDS, sessionU, { estimateU: false, maxIterations: 200, tolerance: 1e-6, initialLambda: 0.5 });
    iterations += sessionModel.iterations;
    found.push({ session, matches: sessionModel.lambda * total });
    converged &&= sessionModel.converged;
    for (let f = 0; f < F; f++) {
      if (excluded.includes(f) || present[f]! < 10) continue;
      sessionsPerField[f]!++;
      sessionModel.m[f]!.forEach((value, level) => (mSums[f]![level]! += value));
    }
  }
  const m = FIELDS.map((field, f) => (sessionsPerField[f]! > 0 ? mSums[f]!.map((value) => value / sessionsPerField[f]!) : initialM(field.levels.length)));
  const estimates = found.map(({ session, matches }) => matches / Math.max(1e-3, sessionRecall(session, prepared, m, rare))).filter((value) => value > 0);
  const allPairs = (n * (n - 1)) / 2;
  // Without a usable session, assume each record has one other record of the same person.
  const matches = estimates.length > 0 ? Math.exp(estimates.reduce((sum, value) => sum + Math.log(value), 0) / estimates.length) : n / 2;
  const lambda = Math.min(0.5, Math.max(1 / allPairs, matches / Math.max(1, allPairs)));
  return { fields: FIELDS.map((field) => field.name), levels: FIELDS.map((field) => [...field.levels]), m, u: uRandom, uRandom, lambda, iterations, converged };
}

// Pseudo-records of the independence expectation in nameDependence: a name pair held by a few
// records says little about how names go together.
const DEPENDENCE_PRIOR_RECORDS = 2;

/**
 * How much more often other persons' records hold both of a record's name stems than the two
 * separate term frequencies say, as log2 of the ratio (per record, 0 without both names). The
 * term-frequency adjustment takes a given name and a surname as independent, but a people's given
 * names go with its surnames (Магомед with Чеченские surnames, Сергей with Russian ones), so two
 * records sharing both are commoner than the product of the shares. The count of the pair of stems
 * loses the record itself and its expected own-person records (as in withoutOwnRecords) and is
 * set against the count independence predicts from the (own-person-free) shares; both get
 * DEPENDENCE_PRIOR_RECORDS pseudo-records, so rare pairs stay near independence.
 */
export function nameDependence(prepared: readonly PreparedRecord[], shares: Float32Array[], model: FsModel): Float32Array {
  const n = prepared.length;
  const keys = prepared.map((record) => (record.given === null || record.surname === null ? null : [record.given.stem, record.surname.stem].sort().join('\u0000')));
  const counts = new Map<string, number>();
  let present = 0;
  for (const key of keys) {
    if (key === null) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    present++;
  }
  const dependence = new Float32Array(n);
  if (present < 3) return dependence;
  const agree = (f: number) => model.m[f]!.slice(0, FIELDS[f]!.tfLevels).reduce((sum, value) => sum + value, 0);
  const own = model.lambda * (n - 1) * (present / n) * agree(GIVEN) * agree(SURNAME);
  keys.forEach((key, index) => {
    if (key === null) return;
    const observed = Math.max(0, counts.get(key)! - 1 - own);
    const expected = (present - 1) * shares[GIVEN]![index]! * shares[SURNAME]![index]!;
    dependence[index] = Math.log2((observed + DEPENDENCE_PRIOR_RECORDS) / (expected + DEPENDENCE_PRIOR_RECORDS));
  });
  return dependence;
}

// Weight, in pairs, of random-pair u as a prior on namesake u: where few namesake pairs differ (a
// short list, a rare level), their u stays near the random pairs' u.
const NAMESAKE_PRIOR_PAIRS = 1_000;

/**
 * u of the fields other than the names among pairs that agree on both names. Fellegi–Sunter takes
 * the fields of a non-matching pair as independent, but they are not: namesakes are mostly of one
 * people, and share its patronymics, villages and (through the given name) sex far more often than
 * two records drawn at random do. Scored with random-pair u, two namesakes who also share a
 * patronymic and a place look like one person, and the more namesakes a list holds, the more such
 * wrong links it makes. So u is also measured where it is used: pairs drawn at random among the
 * records sharing both name stems (each such pair equally likely). Some of these pairs are matches;
 * EM with m held at the trained values separates them, estimating u (and the share of matches) only.
 * The estimate is shrunk towards random-pair u by NAMESAKE_PRIOR_PAIRS pseudo-pairs. Undefined when
 * fewer than that many namesake pairs exist.
 */
function namesakeU(prepared: readonly PreparedRecord[], model: FsModel, pairCount: number, random: () => number, cache: ComparisonCache): number[][] | undefined {
  const groups = new Map<string, number[]>();
  prepared.forEach((record, index) => {
    if (record.given === null || record.surname === null) return;
    const key = [record.given.stem, record.surname.stem].sort().join('\u0000');
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  const members = [...groups.values()].filter((group) => group.length > 1);
  const cumulative = new Float64Array(members.length);
  let total = 0;
  members.forEach((group, g) => (cumulative[g] = total += (group.length * (group.length - 1)) / 2));
  if (total < NAMESAKE_PRIOR_PAIRS || pairCount <= 0) return undefined;
  const F = FIELDS.length;
  const counter = new PatternCounter(F);
  const vector = new Uint8Array(F);
  const draws = Math.min(pairCount, total);
  for (let s = 0; s < draws; s++) {
    const target = random() * total;
    let low = 0;
    let high = members.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    const group = members[low]!;
    const x = Math.floor(random() * group.length);
    let y = Math.floor(random() * (group.length - 1));
    if (y >= x) y++;
    compareRecords(prepared[group[x]!]!, prepared[group[y]!]!, vector, 0, cache);
    vector[GIVEN] = MISSING;
    vector[SURNAME] = MISSING;
    counter.add(vector);
  }
  const fitted = estimateEm(counter.patterns(), FIELDS, model.u, { estimateU: true, estimateM: false, initialM: model.m, maxIterations: 200, tolerance: 1e-6, initialLambda: 0.1 });
  const differing = counter.total * (1 - fitted.lambda);
  return FIELDS.map((_, f) => {
    if (f === GIVEN || f === SURNAME || counter.present[f]! < 10) return [...model.u[f]!];
    const share = (differing * counter.present[f]!) / counter.total;
    return fitted.u[f]!.map((value, level) => (share * value + NAMESAKE_PRIOR_PAIRS * model.u[f]![level]!) / (share + NAMESAKE_PRIOR_PAIRS));
  });
}

/**
 * Link person records: prepare names, block, estimate m, u and λ, stream every candidate pair through
 * comparison and scoring (with term-frequency adjustment) keeping only the pairs worth keeping, and
 * cluster the links into persons.
 */
export function linkRecords(records: readonly PersonRecord[], config: LinkConfig = DEFAULT_LINK_CONFIG, hooks: LinkHooks = {}): LinkResult {
  const n = records.length;
  const time = { prepare: 0, blocking: 0, compare: 0, estimate: 0, score: 0, cluster: 0 };
  let started = performance.now();
  const lap = (key: keyof typeof time) => {
    const now = performance.now();
    time[key] = Math.round(now - started);
    started = now;
    hooks.onStage?.(key, time[key]);
  };
  const preparer = new Preparer();
  const prepared = records.map((record) => preparer.prepare(record));
  // With one list only, "same list" says nothing: leave the field out.
  if (preparer.sourceCount < 2) for (const record of prepared) record.source = null;
  lap('prepare');

  const candidates = new CandidateIndex(prepared, BLOCKING_RULES, config.blockCap, config.sortedWindow);
  lap('blocking');

  const F = FIELDS.length;
  const cache = new ComparisonCache();
  const random = seededRandom(config.seed);
  const sampleCount = n < 2 ? 0 : Math.min(config.randomPairs, (n * (n - 1)) / 2);
  const sample = new Uint8Array(sampleCount * F);
  for (let s = 0; s < sampleCount; s++) {
    const a = Math.floor(random() * n);
    let b = Math.floor(random() * (n - 1));
    if (b >= a) b++;
    compareRecords(prepared[a]!, prepared[b]!, sample, s * F, cache);
  }
  lap('compare');

  const uRandom = uFromRandomPairs(sample, FIELDS);
  const tf = termFrequencies(prepared);
  const rare = rareNames(prepared, tf, config.trainingNamesakes);
  const sessions = trainingPairs(prepared, config, rare, cache);
  let model = trainModel(prepared, sessions, rare, uRandom);
  model.uNamesakes = namesakeU(prepared, model, config.namesakePairs, random, cache);
  if (model.uNamesakes && config.namesakeTraining) {
    model = trainModel(prepared, sessions, rare, uRandom, model.uNamesakes);
    model.uNamesakes = namesakeU(prepared, model, config.namesakePairs, random, cache);
  }
  const scoringTf = withoutOwnRecords(tf, model, n);
  const dependence = config.nameDependence ? nameDependence(prepared, scoringTf, model) : undefined;
  lap('estimate');

  const levelWeights = FIELDS.map((field, f) => field.levels.map((_, level) => levelWeight(model, f, level)));
  // Pairs agreeing on both names (stems or better) weigh the other fields by namesake u.
  const uNamesakes = model.uNamesakes;
  const namesakeWeights = uNamesakes ? FIELDS.map((field, f) => field.levels.map((_, level) => Math.log2(model.m[f]![level]! / uNamesakes[f]![level]!))) : levelWeights;
  // Random-pair chance of agreeing on a tf field's levels 0…tfLevels−1: what an average value would give.
  const agreeChance = FIELDS.map((field, f) => uRandom[f]!.slice(0, field.tfLevels).reduce((sum, value) => sum + value, 0));
  const prior = Math.log2(model.lambda / (1 - model.lambda));
  /** Match weight of a pair from its comparison vector (at `offset` in `levels`), with term-frequency adjustment. */
  const weightOf = (a: number, b: number, levels: Uint8Array, offset: number) => {
    let weight = prior;
    const namesakes = levels[offset + GIVEN]! <= 2 && levels[offset + SURNAME]! <= 2;
    const weights = namesakes ? namesakeWeights : levelWeights;
    for (let f = 0; f < F; f++) {
      const level = levels[offset + f]!;
      if (level === MISSING) continue;
      weight += weights[f]![level]!;
      if (level < FIELDS[f]!.tfLevels) {
        const share = Math.max(scoringTf[f]![a]!, scoringTf[f]![b]!);
        if (share > 0) weight += Math.max(-config.tfClamp, Math.min(config.tfClamp, Math.log2(agreeChance[f]! / share)));
      }
    }
    // Both names agree: their two adjustments assumed independence; correct by the pair's dependence.
    if (dependence && levels[offset + GIVEN]! < FIELDS[GIVEN]!.tfLevels && levels[offset + SURNAME]! < FIELDS[SURNAME]!.tfLevels) weight -= Math.max(-config.tfClamp, Math.min(config.tfClamp, Math.max(dependence[a]!, dependence[b]!)));
    return weight;
  };
  // For the clustering guard, birth dates more than two years apart, or two different patronymics,
  // make a pair a conflict whatever the other fields say: namesakes agree on every name field at
  // once, which inflates their weight beyond what conditional independence assumes.
  const conflictWeight = weightOfProbability(config.conflictProbability);
  const hard = config.hardConflictFields.map((name) => {
    const field = FIELDS.findIndex((candidate) => candidate.name === name);
    return { field, level: FIELDS[field]!.levels.length - 1 };
  });
  const overrule = weightOfProbability(config.threshold) + config.hardConflictOverrule;
  const guarded = (weight: number, levels: Uint8Array, offset: number) => (weight < overrule && hard.some(({ field, level }) => levels[offset + field] === level) ? Math.min(weight, conflictWeight - 1) : weight);
  const scratch = new Uint8Array(F);
  const scorePair = (a: number, b: number) => {
    compareRecords(prepared[a]!, prepared[b]!, scratch, 0, cache);
    return guarded(weightOf(a, b, scratch, 0), scratch, 0);
  };

  // Every candidate pair is compared and scored as it comes; only those at or above keepWeight are
  // kept (links, and possible links for review). Clustering scores any other pair it needs again.
  const keepWeight = Math.min(weightOfProbability(config.threshold), weightOfProbability(config.keepProbability));
  const kept = new KeptPairs();
  const out = new Int32Array(n);
  let candidatePairCount = 0;
  for (let a = 0; a < n; a++) {
    const count = candidates.candidatesOf(a, out);
    candidatePairCount += count;
    for (let c = 0; c < count; c++) {
      const b = out[c]!;
      compareRecords(prepared[a]!, prepared[b]!, scratch, 0, cache);
      const weight = weightOf(a, b, scratch, 0);
      if (weight >= keepWeight) kept.push(a * n + b, weight, guarded(weight, scratch, 0));
    }
  }
  const { pairs, weights, guardWeights } = kept.sorted();
  lap('score');

  const thresholdWeight = weightOfProbability(config.threshold);
  const source = FIELDS.findIndex((field) => field.name === 'source');
  const sameListLevel = SOURCE_LEVELS.indexOf('same list');
  const oneList = config.oneListFactor !== undefined && preparer.sourceCount > 1 && model.m[source]![sameListLevel]! * config.oneListFactor < model.u[source]![sameListLevel]!;
  const list = oneList ? Int32Array.from(prepared, (record) => record.source ?? -1) : undefined;
  const { cluster, stats: clustering } = clusterPairs(n, pairs, weights, scorePair, { threshold: thresholdWeight, conflictWeight, bridgeMargin: config.bridgeMargin, minLinkShare: config.minLinkShare, maxConflictsPerLink: config.maxConflictsPerLink, ambiguityMargin: config.ambiguityMargin, weakWeight: config.weakProbability === undefined ? undefined : weightOfProbability(config.weakProbability), weakMinSupport: config.weakMinSupport, list, listMargin: config.oneListMargin, weakShare: config.weakShare }, guardWeights);
  lap('cluster');
  let persons = 0;
  for (let index = 0; index < n; index++) persons = Math.max(persons, cluster[index]! + 1);
  const blocking = { ...candidates.stats, candidatePairs: candidatePairCount };
  return { cluster, model, thresholdWeight, pairs, weights, stats: { records: n, blocking, clustering, persons, milliseconds: time } };
}

/** Scored pairs kept for clustering, in growable typed arrays. */
class KeptPairs {
  private pairs = new Float64Array(1024);
  private weights = new Float32Array(1024);
  private guards = new Float32Array(1024);
  private length = 0;

  push(pair: number, weight: number, guard: number): void {
    if (this.length === this.pairs.length) {
      const grow = <T extends Float64Array | Float32Array>(array: T, make: (size: number) => T) => {
        const grown = make(array.length * 2);
        grown.set(array);
        return grown;
      };
      this.pairs = grow(this.pairs, (size) => new Float64Array(size));
      this.weights = grow(this.weights, (size) => new Float32Array(size));
      this.guards = grow(this.guards, (size) => new Float32Array(size));
    }
    this.pairs[this.length] = pair;
    this.weights[this.length] = weight;
    this.guards[this.length++] = guard;
  }

  /** The pairs in ascending order (a * n + b), with their weights and guard weights. */
  sorted(): { pairs: Float64Array; weights: Float32Array; guardWeights: Float32Array } {
    const order = Array.from({ length: this.length }, (_, index) => index).sort((x, y) => this.pairs[x]! - this.pairs[y]!);
    return {
      pairs: Float64Array.from(order, (index) => this.pairs[index]!),
      weights: Float32Array.from(order, (index) => this.weights[index]!),
      guardWeights: Float32Array.from(order, (index) => this.guards[index]!),
    };
  }
}
