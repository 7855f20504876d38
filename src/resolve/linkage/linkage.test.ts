import { describe, it } from 'node:test';
import { expect } from 'expect';
import { nameForms } from '../names/name-forms.js';
import { BLOCKING_RULES, CandidateIndex, candidatePairs, type BlockingRule } from './blocking.js';
import { clusterPairs } from './cluster.js';
import { mapColumns, parsePersonCsv, PersonListError } from './columns.js';
import { compareDates, compareNames, compareRecords, FIELDS, GIVEN, MISSING, withinOneEdit } from './comparisons.js';
import { DateParseError, parseDate } from './dates.js';
import { DEFAULT_LINK_CONFIG, linkRecords, nameDependence, withoutOwnRecords } from './link.js';
import { aggregatePatterns, estimateEm, initialM } from './model.js';
import { Preparer, type PersonRecord } from './record.js';

const surname = (text: string) => nameForms(text, 'surname');
const date = (text: string) => parseDate(text);

describe('name comparison levels', () => {
  it('orders exact, transliteration, stem, diminutive, Jaro–Winkler bands, one edit, phonetic, else; missing is neutral', () => {
    expect(compareNames(surname('Кадыров'), surname('кадыров'))).toBe(0);
    expect(compareNames(surname('Кадыров'), surname('Kadyrov'))).toBe(1);
    expect(compareNames(surname('Кадыров'), surname('Кадырова'))).toBe(2);
    expect(compareNames(surname('Yangulbaev'), surname('Yangulbaeva'))).toBe(2);
    expect(compareNames(surname('Magomadov'), surname('Magomadow'))).toBe(1);
    expect(compareNames(surname('Magomadov'), surname('Magomadav'))).toBe(4);
    expect(compareNames(surname('Batayev'), surname('Batuyev'))).toBe(5);
    expect(compareNames(surname('Dudaev'), surname('Dadaev'))).toBe(6);
    expect(compareNames(surname('Dudaev'), surname('Dodayeff'))).toBe(7);
    expect(compareNames(surname('Kadyrov'), surname('Dudaev'))).toBe(8);
    expect(compareNames(surname('Kadyrov'), null)).toBe(MISSING);
  });

  it('takes a typo early in a name, which Jaro–Winkler scores low, as one edit, across scripts', () => {
    expect(compareNames(surname('Семёнов'), surname('STMENOV'))).toBe(6);
    expect(compareNames(surname('Kulikov'), surname('Kuliiov'))).toBe(6);
    expect(withinOneEdit('semenov', 'stmenov')).toBe(true);
    expect(withinOneEdit('semenov', 'esmenov')).toBe(true);
    expect(withinOneEdit('semenov', 'semmenov')).toBe(true);
    expect(withinOneEdit('semenov', 'smenov')).toBe(true);
    expect(withinOneEdit('semenov', 'esmneov')).toBe(false);
    expect(withinOneEdit('semenov', 'stmenv')).toBe(false);
  });

  it('makes diminutives and nicknames of a given name equivalent, across scripts, but not two full names sharing a short form', () => {
    const given = (text: string) => nameForms(text, 'given');
    const level = (a: string, b: string) => compareNames(given(a), given(b));
    for (const [a, b] of <[string, string][]>[['Bill', 'William'], ['Will', 'Bill'], ['Peggy', 'Margaret'], ['Tom', 'Thomas'], ['Саша', 'Александр'], ['Sasha', 'Александр'], ['Дима', 'Dmitriy'], ['Лёша', 'Алексей']]) expect([a, b, level(a, b)]).toEqual([a, b, 3]);
    expect(level('Al', 'Albert')).toBe(3);
    expect(level('Al', 'Alfred')).toBe(3);
    expect(level('Albert', 'Alfred')).not.toBe(3);
    // An initial is not a short form (J. and Jo fold to one letter).
    expect(level('J.', 'Joseph')).not.toBe(3);
    expect(compareNames(surname('Bill'), surname('William'))).not.toBe(3);
  });
});

describe('dates', () => {
  it('parse the formats lists use, at their precision', () => {
    expect(date('1971-06-24')).toEqual({ year: 1971, month: 6, day: 24 });
    expect(date('19710624')).toEqual({ year: 1971, month: 6, day: 24 });
    expect(date('24.06.1971')).toEqual({ year: 1971, month: 6, day: 24 });
    expect(date('06.1971')).toEqual({ year: 1971, month: 6, day: null });
    expect(date('1971 г.р.')).toEqual({ year: 1971, month: null, day: null });
    expect(date('24 июня 1971')).toEqual({ year: 1971, month: 6, day: 24 });
    expect(date('1504-21-01')).toEqual({ year: 1504, month: 1, day: 21 });
    expect(date('19551192')).toEqual({ year: 1955, month: 11, day: null });
    expect(date('')).toBeNull();
    expect(() => date('soon')).toThrow(DateParseError);
  });

  it('compare as same day / typo / same month / same month, days differ / same year / same year, months differ / within 2 years / year one digit off / conflict', () => {
    const compare = (a: string, b: string) => compareDates(date(a), date(b));
    expect(compare('1971-06-24', '24.06.1971')).toBe(0);
    expect(compare('1971-06-24', '1971-06-25')).toBe(1);
    expect(compare('1971-06-24', '1971-24-06')).toBe(0);
    expect(compare('1971-06-04', '1971-04-06')).toBe(1);
    expect(compare('1971-06-24', '06.1971')).toBe(2);
    expect(compare('1971-06-24', '1971-06-11')).toBe(3);
    expect(compare('1971-06-24', '1971')).toBe(4);
    expect(compare('1971-06', '1971-02')).toBe(5);
    expect(compare('1971-06-24', '1971-02-11')).toBe(5);
    expect(compare('1971-06-24', '1973')).toBe(6);
    expect(compare('1971-06-24', '1981-02-01')).toBe(7);
    expect(compare('1971-06-24', '1985-06-24')).toBe(8);
    expect(compareDates(date('1971'), null)).toBe(MISSING);
  });
});

describe('EM', () => {
  it('recovers m, u and λ of a synthetic two-class mixture', () => {
    // Three binary-ish fields; matches agree with m = (0.9, 0.8, 0.7), non-matches with u = (0.1, 0.2, 0.05).
    const fields = [0, 1, 2].map((index) => ({ name: `f${index}`, levels: ['agree', 'else'], tfLevels: 0 }));
    const m = [0.9, 0.8, 0.7];
    const u = [0.1, 0.2, 0.05];
    let state = 7;
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const count = 20_000;
    const vectors = new Uint8Array(count * 3);
    for (let pair = 0; pair < count; pair++) {
      const match = random() < 0.3;
      for (let f = 0; f < 3; f++) vectors[pair * 3 + f] = random() < (match ? m[f]! : u[f]!) ? 0 : 1;
    }
    const start = [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]];
    const model = estimateEm(aggregatePatterns(vectors, 3), fields, start, { estimateU: true, maxIterations: 500, tolerance: 1e-8, initialLambda: 0.5, initialM: [[0.7, 0.3], [0.7, 0.3], [0.7, 0.3]] });
    expect(model.converged).toBe(true);
    expect(Math.abs(model.lambda - 0.3)).toBeLessThan(0.03);
    for (let f = 0; f < 3; f++) {
      expect(Math.abs(model.m[f]![0]! - m[f]!)).toBeLessThan(0.04);
      expect(Math.abs(model.u[f]![0]! - u[f]!)).toBeLessThan(0.04);
    }
  });

  it('treats missing levels as neutral when aggregating patterns', () => {
    const patterns = aggregatePatterns(new Uint8Array([0, MISSING, 0, MISSING, 1, 2, 0, MISSING, 0]), 3);
    expect(patterns.counts).toEqual([2, 1]);
    expect([...patterns.levels[0]!]).toEqual([0, MISSING, 0]);
  });
});

describe('blocking', () => {
  it('unites blocks and caps large ones with a sorted window', () => {
    const preparer = new Preparer();
    const records = Array.from({ length: 50 }, (_, index) => preparer.prepare({ source: 't', id: String(index), given: 'Ivan', surname: `Ivanov${'abcdefghij'[index % 10]}` }));
    const everyone: BlockingRule = { name: 'all', keys: () => ['one'] };
    expect(candidatePairs(records, [everyone], 100).pairs.length).toBe((50 * 49) / 2);
    const capped = candidatePairs(records, [everyone], 5);
    // Two sort orders, five neighbours either side in each.
    expect(capped.pairs.length).toBeLessThan(2 * 50 * 5 + 1);
    expect(capped.stats.cappedBlocks).toBe(1);
  });

  it('pairs a record without a birth year, in a capped block, with a record of its place through the second sort order', () => {
    const preparer = new Preparer();
    const village = (index: number) => `${'bcdfghjklm'[index % 10]}a${'nprstvwxyz'[Math.floor(index / 10)]}ovo`;
    const records = Array.from({ length: 60 }, (_, index) => preparer.prepare({ source: 't', id: String(index), given: 'Magomed', surname: 'Magomadov', birthDate: { year: 1940 + index, month: null, day: null }, place: village(index) }));
    records.push(preparer.prepare({ source: 't', id: 'x', given: 'Magomed', surname: 'Magomadov', place: village(45) }));
    const sameName = BLOCKING_RULES.filter((rule) => rule.name === 'name-stems');
    const { pairs } = candidatePairs(records, sameName, 20, 5);
    expect(pairs.includes(45 * records.length + 60)).toBe(true);
  });

  it('streams each candidate pair once per record, as the union of the rules would give them', () => {
    const preparer = new Preparer();
    const givens = ['Ivan', 'Иван', 'Ivan', 'Pyotr', 'Пётр', 'Bill', 'William', 'Саша', 'Aleksandr'];
    const records = Array.from({ length: 90 }, (_, index) => preparer.prepare({ source: 't', id: String(index), given: givens[index % givens.length], surname: index % 2 === 0 ? 'Ivanov' : 'Петров', birthDate: { year: 1970 + (index % 4), month: null, day: null } }));
    const expected = new Set<number>();
    for (const rule of BLOCKING_RULES) for (const pair of candidatePairs(records, [rule], 1000).pairs) expected.add(pair);
    const index = new CandidateIndex(records, BLOCKING_RULES, 1000);
    const out = new Int32Array(records.length);
    const streamed: number[] = [];
    for (let a = 0; a < records.length; a++) {
      const count = index.candidatesOf(a, out);
      for (let c = 0; c < count; c++) {
        expect(out[c]!).toBeGreaterThan(a);
        streamed.push(a * records.length + out[c]!);
      }
    }
    expect(streamed.length).toBe(new Set(streamed).size);
    expect(new Set(streamed)).toEqual(expected);
    // Diminutives share a block: William (6) and Bill (14), both Ivanov, born 1972.
    const byDiminutive = candidatePairs(records, BLOCKING_RULES.filter((rule) => rule.name === 'given-equivalent+year'), 1000).pairs;
    expect(byDiminutive.includes(6 * records.length + 14)).toBe(true);
  });

  it('pairs records on one rare name alone, and drops the block once the name is common', () => {
    const preparer = new Preparer();
    const rare = [
      preparer.prepare({ source: 't', id: '1', given: 'Bethell', surname: 'Robinson', birthDate: { year: 1861, month: 1, day: 1 } }),
      preparer.prepare({ source: 't', id: '2', given: 'Bethell', surname: 'Eobinson' }),
    ];
    const rule = BLOCKING_RULES.filter((candidate) => candidate.name === 'name-phonetic');
    expect(candidatePairs(rare, rule, 20).pairs.length).toBe(1);
    const common = Array.from({ length: 30 }, (_, index) => preparer.prepare({ source: 't', id: String(index), given: 'John' }));
    expect(candidatePairs(common, rule, 20).pairs.length).toBe(0);
  });
});

describe('clustering guard', () => {
  // Records 0–1 are one person, 2–3 another; a weak link 1–2 would chain them.
  const n = 4;
  const encode = (a: number, b: number) => a * n + b;
  const options = { threshold: 0, conflictWeight: -6, bridgeMargin: 4, minLinkShare: 0.2, maxConflictsPerLink: 0.34 };

  it('refuses a lone weak bridge between two groups', () => {
    const pairs = new Float64Array([encode(0, 1), encode(2, 3), encode(1, 2)]);
    const { cluster, stats } = clusterPairs(n, pairs, new Float32Array([20, 20, 1]), () => -20, options);
    expect(cluster[0]).toBe(cluster[1]);
    expect(cluster[2]).toBe(cluster[3]);
    expect(cluster[1]).not.toBe(cluster[2]);
    expect(stats.refusedMerges).toBe(1);
  });

  it('refuses a merge that the cross pairs contradict, and allows a well-supported one', () => {
    const conflicted = new Float64Array([encode(0, 1), encode(1, 2), encode(0, 2)]);
    const refused = clusterPairs(n, conflicted, new Float32Array([20, 3, -15]), () => 0, options).cluster;
    expect(refused[2]).not.toBe(refused[0]);
    const supported = new Float64Array([encode(0, 1), encode(2, 3), encode(1, 2), encode(0, 3)]);
    const merged = clusterPairs(n, supported, new Float32Array([20, 20, 5, 6]), () => 0, options).cluster;
    expect(new Set(merged).size).toBe(1);
  });
});

describe('default configuration', () => {
  it('links at posterior 0.3 with namesake-aware scoring, without weak merges, and keeps one person a list', () => {
    expect(DEFAULT_LINK_CONFIG.threshold).toBe(0.3);
    expect(DEFAULT_LINK_CONFIG.namesakePairs).toBeGreaterThan(0);
    expect(DEFAULT_LINK_CONFIG.nameDependence).toBe(true);
    expect(DEFAULT_LINK_CONFIG.namesakeTraining).toBe(true);
    expect(DEFAULT_LINK_CONFIG.weakProbability).toBeUndefined();
    expect(DEFAULT_LINK_CONFIG.weakShare).toBe(0.5);
    expect(DEFAULT_LINK_CONFIG.oneListFactor).toBe(2);
    expect(DEFAULT_LINK_CONFIG.oneListMargin).toBe(8);
    expect(DEFAULT_LINK_CONFIG.conflictProbability).toBe(0.00003);
  });
});

describe('weak merges', () => {
  // 0–1 one person; 2 is a possible match (below the threshold 0) of both 0 and 1; 3 of 0 only.
  const n = 4;
  const encode = (a: number, b: number) => a * n + b;
  const options = { threshold: 0, conflictWeight: -6, bridgeMargin: 4, minLinkShare: 0.2, maxConflictsPerLink: 0.34 };
  const pairs = new Float64Array([encode(0, 1), encode(0, 2), encode(0, 3), encode(1, 2)]);
  const weights = new Float32Array([20, -1, -1.5, -2]);

  it('join a record that every record of a person makes possible, not one that a single record does', () => {
    const off = clusterPairs(n, pairs, weights, () => -20, options);
    expect(new Set(off.cluster).size).toBe(3);
    const { cluster, stats } = clusterPairs(n, pairs, weights, () => -20, { ...options, weakWeight: -3 });
    expect(cluster[2]).toBe(cluster[0]);
    expect(cluster[3]).not.toBe(cluster[0]);
    expect(stats.weakMerges).toBe(1);
    // One cross pair under the weak weight (here scored on demand) keeps them apart.
    const weaker = clusterPairs(n, pairs, new Float32Array([20, -1, -1.5, -4]), () => -20, { ...options, weakWeight: -3 });
    expect(weaker.cluster[2]).not.toBe(weaker.cluster[0]);
    // With a share of one half, one possible pair of two is not enough; two of three are.
    expect(clusterPairs(n, pairs, new Float32Array([20, -1, -1.5, -4]), () => -20, { ...options, weakWeight: -3, weakShare: 0.5 }).cluster[2]).not.toBe(0);
    const three = new Float64Array([encode(0, 1), encode(0, 3), encode(1, 3), encode(0, 2), encode(1, 2)]);
    const partial = clusterPairs(n, three, new Float32Array([20, 20, 20, -1, -2]), () => -4, { ...options, weakWeight: -3, weakShare: 0.5 });
    expect(new Set(partial.cluster).size).toBe(1);
    expect(new Set(clusterPairs(n, three, new Float32Array([20, 20, 20, -1, -2]), () => -4, { ...options, weakWeight: -3 }).cluster).size).toBe(2);
  });
});

describe('one person a list', () => {
  it('keeps two unlinked records of one list apart unless a strong link joins their groups', () => {
    // 0 (list 0) – 1 (list 1) strongly; 2 (list 0) – 1 weakly: 0 and 2 would be one person twice on list 0.
    const n = 3;
    const encode = (a: number, b: number) => a * n + b;
    const options = { threshold: 0, conflictWeight: -6, bridgeMargin: 4, minLinkShare: 0.2, maxConflictsPerLink: 0.34 };
    const pairs = new Float64Array([encode(0, 1), encode(1, 2), encode(0, 2)]);
    const list = new Int32Array([0, 1, 0]);
    const weights = new Float32Array([20, 2, -1]);
    expect(new Set(clusterPairs(n, pairs, weights, () => -20, options).cluster).size).toBe(1);
    const { cluster, stats } = clusterPairs(n, pairs, weights, () => -20, { ...options, list });
    expect(cluster[0]).toBe(cluster[1]);
    expect(cluster[2]).not.toBe(cluster[1]);
    expect(stats.refusedMerges).toBe(1);
    // A link of threshold + bridgeMargin overrules it (a list that does name someone twice).
    expect(new Set(clusterPairs(n, pairs, new Float32Array([20, 5, -1]), () => -20, { ...options, list }).cluster).size).toBe(1);
    // Its own margin, when given, replaces bridgeMargin.
    expect(new Set(clusterPairs(n, pairs, new Float32Array([20, 5, -1]), () => -20, { ...options, list, listMargin: 8 }).cluster).size).toBe(2);
    expect(new Set(clusterPairs(n, pairs, new Float32Array([20, 9, -1]), () => -20, { ...options, list, listMargin: 8 }).cluster).size).toBe(1);
    // So does a link between the two records of the list.
    expect(new Set(clusterPairs(n, pairs, new Float32Array([20, 2, 1]), () => -20, { ...options, list }).cluster).size).toBe(1);
  });
});

describe('namesake guard', () => {
  it('sets apart a record that fits two persons about equally well, and only when asked', () => {
    // 0–1 one person, 2–3 a namesake; 4 is linked to both persons with about the same weight.
    const n = 5;
    const encode = (a: number, b: number) => a * n + b;
    const pairs = new Float64Array([encode(0, 1), encode(0, 4), encode(1, 4), encode(2, 3), encode(2, 4)]);
    const weights = new Float32Array([20, 9, 9, 20, 8.5]);
    const options = { threshold: 0, conflictWeight: -6, bridgeMargin: 4, minLinkShare: 0.2, maxConflictsPerLink: 0.34 };
    const plain = clusterPairs(n, pairs, weights, () => -20, options);
    expect(plain.cluster[4]).toBe(plain.cluster[0]);
    const guarded = clusterPairs(n, pairs, weights, () => -20, { ...options, ambiguityMargin: 2 });
    expect(guarded.stats.ambiguous).toBe(1);
    expect(new Set([guarded.cluster[0], guarded.cluster[2], guarded.cluster[4]]).size).toBe(3);
    expect(guarded.cluster[1]).toBe(guarded.cluster[0]);
    // A clear winner (6 bits apart) is not ambiguous.
    const clear = clusterPairs(n, pairs, new Float32Array([20, 9, 9, 20, 3]), () => -20, { ...options, ambiguityMargin: 2 });
    expect(clear.cluster[4]).toBe(clear.cluster[0]);
  });
});

describe('records', () => {
  it('fill missing name parts from the full name without repeating a part already held', () => {
    const preparer = new Preparer();
    const fred = preparer.prepare({ source: 't', id: '1', given: 'fred', fullName: 'fred' });
    expect(fred.given?.exact).toBe('fred');
    expect(fred.surname).toBeNull();
    const ivan = preparer.prepare({ source: 't', id: '2', given: 'Иван', fullName: 'Иванов Иван Петрович' });
    expect(ivan.surname?.exact).toBe('иванов');
    expect(ivan.patronymic?.exact).toBe('петрович');
  });

  it('take the name from the full name when the name columns hold only titles, honours or ordinals', () => {
    const preparer = new Preparer();
    const temple = preparer.prepare({ source: 't', id: '1', given: 'sir', surname: 'baronet', fullName: 'sir william temple, 1st baronet' });
    expect([temple.given?.exact, temple.surname?.exact]).toEqual(['william', 'temple']);
    const hooker = preparer.prepare({ source: 't', id: '2', given: 'sir', surname: 'hooker', fullName: 'sir william hooker' });
    expect([hooker.given?.exact, hooker.surname?.exact]).toEqual(['william', 'hooker']);
    const abernethy = preparer.prepare({ source: 't', id: '3', given: '19th', surname: 'abernethy', fullName: '19th alex abernethy KCVO' });
    expect([abernethy.given?.exact, abernethy.surname?.exact]).toEqual(['alex', 'abernethy']);
    // "Surname, Given" still reads as such; only a style after the comma is dropped.
    const kadyrov = preparer.prepare({ source: 't', id: '4', fullName: 'Kadyrov, Ramzan' });
    expect([kadyrov.given?.exact, kadyrov.surname?.exact]).toEqual(['ramzan', 'kadyrov']);
  });

  it('compare the list of two records only when the run has records of more than one list', () => {
    const vector = new Uint8Array(FIELDS.length);
    const source = FIELDS.findIndex((field) => field.name === 'source');
    const preparer = new Preparer();
    const [a, b, c] = [['ru', '1'], ['ru', '2'], ['en', '1']].map(([list, id]) => preparer.prepare({ source: list!, id: id!, given: 'Иван', surname: 'Иванов' }));
    compareRecords(a!, b!, vector);
    expect(vector[source]).toBe(1);
    compareRecords(a!, c!, vector);
    expect(vector[source]).toBe(0);
    // One list: the field is missing on every pair, so no training session learns it.
    const single = linkRecords(Array.from({ length: 60 }, (_, id) => ({ source: 'one.csv', id: String(id), given: 'Ivan', surname: `Ivanov${id % 20}`, birthDate: { year: 1950 + (id % 20), month: 1, day: 1 } })));
    expect(single.model.m[source]).toEqual(initialM(FIELDS[source]!.levels.length));
  });

  it('link a record whose given-name column holds a title to the same person written plainly', () => {
    const records: PersonRecord[] = [];
    for (let index = 0; index < 40; index++) {
      records.push({ source: 't', id: `a${index}`, given: `Given${'abcdefghijklmnopqrst'[index % 20]}${'xyz'[index % 3]}`, surname: `Family${index}`, birthDate: { year: 1800 + index, month: 1 + (index % 12), day: 1 + (index % 28) }, place: `Town${index}` });
      records.push({ source: 't', id: `b${index}`, given: `Given${'abcdefghijklmnopqrst'[index % 20]}${'xyz'[index % 3]}`, surname: `Family${index}`, birthDate: { year: 1800 + index, month: 1 + (index % 12), day: 1 + (index % 28) }, place: `Town${index}` });
    }
    records.push({ source: 't', id: 'w1', given: 'william', surname: 'guthrie', fullName: 'william guthrie', birthDate: { year: 1859, month: 10, day: 16 }, place: 'greenock' });
    records.push({ source: 't', id: 'w2', given: 'sir', surname: 'baronet', fullName: 'sir william guthrie, 1st baronet', birthDate: { year: 1859, month: 10, day: 16 }, place: 'greenock' });
    const result = linkRecords(records);
    expect(result.cluster[records.length - 1]).toBe(result.cluster[records.length - 2]);
  });

  it('compare a lone name with whichever part of the other record it matches', () => {
    const preparer = new Preparer();
    const lone = preparer.prepare({ source: 't', id: '1', given: 'Powell' });
    const full = preparer.prepare({ source: 't', id: '2', given: 'Ernest', surname: 'Powell' });
    const vector = new Uint8Array(FIELDS.length);
    compareRecords(lone, full, vector);
    expect(vector[0]).toBe(MISSING);
    expect(vector[1]).toBe(0);
  });

  it('read a middle name of the full name as a possible surname, in comparison and blocking', () => {
    const preparer = new Preparer();
    const fuller = preparer.prepare({ source: 't', id: '1', given: 'gerald', surname: 'burn', fullName: 'gerald maurice burn' });
    const shorter = preparer.prepare({ source: 't', id: '2', given: 'gerald', surname: 'maurice', fullName: 'gerald maurice' });
    const other = preparer.prepare({ source: 't', id: '3', given: 'gerald', surname: 'morris', fullName: 'gerald morris' });
    expect(fuller.middle).toEqual([surname('maurice')!.stem]);
    expect(shorter.middle).toBeUndefined();
    const vector = new Uint8Array(FIELDS.length);
    compareRecords(fuller, shorter, vector);
    expect(vector[1]).toBe(3);
    compareRecords(shorter, fuller, vector);
    expect(vector[1]).toBe(3);
    compareRecords(fuller, other, vector);
    expect(vector[1]).not.toBe(3);
    const stems = BLOCKING_RULES.filter((rule) => rule.name === 'name-stems');
    expect([...candidatePairs([fuller, shorter, other], stems, 20, 10).pairs]).toEqual([0 * 3 + 1]);
  });
});

describe('columns', () => {
  it('maps common English and Russian headers and --map overrides', () => {
    expect(mapColumns(['ID', 'Фамилия', 'Имя', 'Отчество', 'Год рождения', 'Пол', 'Место']).fields).toEqual({ surname: 1, given: 2, patronymic: 3, birth_date: 4, sex: 5, place: 6 });
    expect(mapColumns(['unique_id', 'first_name', 'surname', 'dob', 'city', 'email'])).toEqual({ fields: { given: 1, surname: 2, birth_date: 3, place: 4, email: 5 }, id: 0 });
    expect(mapColumns(['ФИО', 'родился'], { map: ['родился=birth_date'] }).fields).toEqual({ full_name: 0, birth_date: 1 });
    expect(() => mapColumns(['a', 'b'])).toThrow(/no name column/);
    expect(() => mapColumns(['name'], { map: ['x=surname'] })).toThrow(/no column "x"/);
    expect(() => mapColumns(['name'], { map: ['name=shoe_size'] })).toThrow(/unknown field/);
  });

  it('reads a semicolon list, and names the row of a bad date', () => {
    const records = parsePersonCsv('№;ФИО;Дата рождения;Пол\n1;Кадыров Рамзан Ахматович;05.10.1976;м\n', 'list.csv');
    expect(records[0]).toMatchObject({ id: '1', fullName: 'Кадыров Рамзан Ахматович', birthDate: { year: 1976, month: 10, day: 5 }, sex: 'm' });
    expect(() => parsePersonCsv('surname,dob\nKadyrov,yesterday\n', 'x.csv')).toThrow(new PersonListError('row 2, column dob: not a date: "yesterday"'));
    expect(() => parsePersonCsv('', 'x.csv')).toThrow(/empty file/);
    expect(() => parsePersonCsv('surname,dob\n', 'x.csv')).toThrow(/no records/);
  });
});

describe('term frequencies', () => {
  it("count a value's records of other persons only: a name one person holds ten times is rare", () => {
    // 100 records: 10 of one person named A, 50 of many persons named B, 40 with other names.
    const n = 100;
    const shares = FIELDS.map(() => new Float32Array(n));
    for (let index = 0; index < n; index++) shares[GIVEN]![index] = index < 10 ? 0.1 : index < 60 ? 0.5 : 0.01;
    // Each record has 9 other records of its person (λ(n−1) = 9), and matches always agree on the name.
    const m = FIELDS.map((field) => field.levels.map((_, level) => (level === 0 ? 1 : 0)));
    const model = { fields: [], levels: [], m, u: m, uRandom: m, lambda: 9 / 99, iterations: 0, converged: true };
    const adjusted = withoutOwnRecords(shares, model, n)[GIVEN]!;
    expect(adjusted[0]).toBeCloseTo(1 / 99, 5);
    expect(adjusted[20]).toBeCloseTo(40 / 99, 5);
    expect(adjusted[70]).toBeCloseTo(1 / 99, 5);
  });
});

// Two peoples whose given names, surnames, patronymics and places never mix. Within a people every
// combination is equally common (4 given names × 4 surnames × 3 patronymics × 2 places), so most
// records have namesakes of their own people. Each person is on two lists: with a full date, and
// without one.
function twoPeoples(persons: number): PersonRecord[] {
  const peoples = [
    { given: ['Ivan', 'Sergei', 'Pavel', 'Oleg'], surname: ['Ivanov', 'Petrov', 'Sidorov', 'Smirnov'], patronymic: ['Ivanovich', 'Petrovich', 'Olegovich'], place: ['Moskva', 'Tula'] },
    { given: ['Magomed', 'Ruslan', 'Apti', 'Adam'], surname: ['Kadyrov', 'Dudaev', 'Basaev', 'Umarov'], patronymic: ['Musaevich', 'Alievich', 'Adamovich'], place: ['Shali', 'Vedeno'] },
  ];
  const records: PersonRecord[] = [];
  for (let index = 0; index < persons; index++) {
    const people = peoples[index % 2]!;
    const j = index >> 1;
    const person = { given: people.given[j % 4]!, surname: people.surname[(j >> 2) % 4]!, patronymic: people.patronymic[(j >> 4) % 3]!, place: people.place[Math.floor(j / 48) % 2]!, sex: 'm' as const };
    records.push({ source: 'a.csv', id: `a${index}`, ...person, birthDate: { year: 1940 + ((index * 7) % 60), month: 1 + ((index * 5) % 12), day: 1 + ((index * 11) % 28) } });
    records.push({ source: 'b.csv', id: `b${index}`, ...person });
  }
  return records;
}

describe('namesakes', () => {
  it('count two names that go together as commoner than their separate shares say, names that never meet as rarer, and a rare pair of names as independent', () => {
    const preparer = new Preparer();
    const records = twoPeoples(400).map((record) => preparer.prepare(record));
    records.push(preparer.prepare({ source: 'a.csv', id: 'mixed', given: 'Ivan', surname: 'Kadyrov' }));
    records.push(preparer.prepare({ source: 'a.csv', id: 'rare', given: 'Zelimkhan', surname: 'Yandarbiev' }));
    const n = records.length;
    // Shares of each record's given name and surname among all records: either people's names are half the records.
    const shares = FIELDS.map(() => new Float32Array(n));
    for (const [field, key] of [[GIVEN, 'given'], [1, 'surname']] as const) {
      const counts = new Map<string, number>();
      for (const record of records) counts.set(record[key]!.stem, (counts.get(record[key]!.stem) ?? 0) + 1);
      records.forEach((record, index) => (shares[field]![index] = counts.get(record[key]!.stem)! / n));
    }
    const m = FIELDS.map((field) => field.levels.map((_, level) => (level === 0 ? 1 : 0)));
    const model = { fields: [], levels: [], m, u: m, uRandom: m, lambda: 1e-9, iterations: 0, converged: true };
    const dependence = nameDependence(records, shares, model);
    // A pair of one people's names is held by about twice the records independence predicts (log2 2 = 1).
    expect(dependence[0]).toBeGreaterThan(0.8);
    expect(dependence[0]).toBeLessThan(1.2);
    // Ivan Kadyrov is the only record mixing the peoples' names, where independence expects a dozen.
    expect(dependence[n - 2]).toBeLessThan(-2);
    // Zelimkhan Yandarbiev's names are rare apart and together: nothing to correct.
    expect(Math.abs(dependence[n - 1]!)).toBeLessThan(0.1);
  });

  it('weigh the fields of pairs agreeing on both names by u among namesakes, who share patronymic and place more often than random pairs', () => {
    const records = twoPeoples(600);
    const patronymic = FIELDS.findIndex((field) => field.name === 'patronymic');
    const place = FIELDS.findIndex((field) => field.name === 'place');
    const aware = linkRecords(records);
    const uNamesakes = aware.model.uNamesakes!;
    expect(uNamesakes[patronymic]![0]!).toBeGreaterThan(1.5 * aware.model.u[patronymic]![0]!);
    expect(uNamesakes[place]![0]!).toBeGreaterThan(1.5 * aware.model.u[place]![0]!);
    const naive = linkRecords(records, { ...DEFAULT_LINK_CONFIG, namesakePairs: 0, nameDependence: false });
    expect(naive.model.uNamesakes).toBeUndefined();
    // Persons 0 and 192 are namesakes with the same patronymic and place; the second's record without a date.
    const weightOf = (result: ReturnType<typeof linkRecords>, a: number, b: number) => {
      const n = records.length;
      const at = result.pairs.indexOf(a * n + b);
      return at < 0 ? -Infinity : result.weights[at]!;
    };
    const [a, b] = [0, 385];
    expect(records[a]!.surname).toBe(records[b]!.surname);
    expect(records[a]!.given).toBe(records[b]!.given);
    expect(records[a]!.patronymic).toBe(records[b]!.patronymic);
    expect(records[a]!.place).toBe(records[b]!.place);
    expect(weightOf(naive, a, b)).toBeGreaterThan(-Infinity);
    expect(weightOf(aware, a, b)).toBeLessThan(weightOf(naive, a, b));
  });

  it('train on name blocks with namesake u, so that namesakes sharing a patronymic and place count less as matches', () => {
    const records = twoPeoples(600);
    const twice = linkRecords(records);
    const once = linkRecords(records, { ...DEFAULT_LINK_CONFIG, namesakeTraining: false });
    // 600 matching pairs among 1,200 records: λ is 8e-4; random-pair u in name blocks takes far more namesakes for matches.
    expect(twice.model.lambda).toBeLessThan(0.85 * once.model.lambda);
  });
});

describe('linkRecords', () => {
  it('links one person across scripts, standards, gender forms and case, and keeps namesakes apart, even through a vague record', () => {
    const people: PersonRecord[] = [];
    const givens = ['Ахмед', 'Рамзан', 'Руслан', 'Ислам', 'Адам', 'Хасан', 'Муса', 'Иса', 'Апти', 'Шамиль'];
    const surnames = ['Дудаев', 'Умаров', 'Исаев', 'Алиев', 'Мусаев', 'Титиев', 'Гелаев', 'Закаев', 'Басаев', 'Цакаев', 'Юсупов', 'Ахмадов'];
    let id = 0;
    for (const [g, given] of givens.entries()) {
      for (const [s, family] of surnames.entries()) {
        const birth = { year: 1950 + ((g * 7 + s * 3) % 50), month: 1 + ((g + s) % 12), day: 1 + ((g * 5 + s) % 28) };
        people.push({ source: 'ru', id: String(id), given, surname: family, birthDate: birth, sex: 'm' });
        people.push({ source: 'en', id: String(id++), given: given === 'Хасан' ? 'Khasan' : `${given}`, surname: family, fullName: null, birthDate: { ...birth, day: null }, sex: 'm' });
      }
    }
    people.push({ source: 'ru', id: 'k1', fullName: 'Кадыров Рамзан Ахматович', birthDate: { year: 1976, month: 10, day: 5 }, sex: 'm' });
    people.push({ source: 'en', id: 'k2', fullName: 'Ramzan Kadyrow', birthDate: { year: 1976, month: 10, day: 5 } });
    people.push({ source: 'ru', id: 'k3', fullName: 'Кадырова Рамзана Ахматовича', birthDate: { year: 1976, month: null, day: null } });
    people.push({ source: 'ru', id: 'y1', surname: 'Янгулбаева', given: 'Зарема', birthDate: { year: 1960, month: 3, day: 1 }, sex: 'f' });
    people.push({ source: 'en', id: 'y2', surname: 'Yangulbayev', given: 'Zarema', birthDate: { year: 1960, month: 3, day: 1 }, sex: 'f' });
    people.push({ source: 'en', id: 'y3', surname: 'Yangulbaev', given: 'Ibragim', birthDate: { year: 1991, month: 7, day: 9 }, sex: 'm' });
    // Two namesakes (different patronymics and birth years) and a vague record that matches both.
    people.push({ source: 'ru', id: 'i1', surname: 'Иванов', given: 'Константин', patronymic: 'Александрович', birthDate: { year: 1976, month: 2, day: 23 }, sex: 'm', place: 'Шали' });
    people.push({ source: 'ru', id: 'i2', surname: 'Иванов', given: 'Константин', patronymic: 'Васильевич', birthDate: { year: 1998, month: 9, day: 14 }, sex: 'm', place: 'Шали' });
    people.push({ source: 'en', id: 'i3', surname: 'Ivanov', given: 'Konstantin', sex: 'm', place: 'Shali' });
    const result = linkRecords(people);
    const clusterOf = (source: string, recordId: string) => result.cluster[people.findIndex((record) => record.source === source && record.id === recordId)];
    expect(clusterOf('en', 'k2')).toBe(clusterOf('ru', 'k1'));
    expect(clusterOf('ru', 'k3')).toBe(clusterOf('ru', 'k1'));
    expect(clusterOf('en', 'y2')).toBe(clusterOf('ru', 'y1'));
    expect(clusterOf('en', 'y3')).not.toBe(clusterOf('ru', 'y1'));
    expect(clusterOf('ru', 'i2')).not.toBe(clusterOf('ru', 'i1'));
    expect(result.stats.persons).toBeGreaterThanOrEqual(givens.length * surnames.length + 3 + 2);
    expect(result.stats.persons).toBeLessThanOrEqual(givens.length * surnames.length + 3 + 3);
    expect(result.model.fields).toEqual(FIELDS.map((field) => field.name));
  });
});
