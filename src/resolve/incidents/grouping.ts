import type { ActType } from '../../model/vocabulary.js';
import { placeRelation } from '../place-hierarchy.js';
import { daysApart, lengthInDays, span, type DateRange } from './date-range.js';
import type { EvidenceUnit } from './evidence.js';

/** An analyst's standing decisions, by unit key: these units are one incident / never one incident. */
export interface GroupingConstraints {
  together: readonly (readonly [string, string])[];
  apart: readonly (readonly [string, string])[];
}

interface Cluster {
  units: EvidenceUnit[];
  /** Precise explicit dates of its units (a month or less), joined. */
  dated: DateRange | null;
  /** Loose explicit dates (a year, "late 2018"), joined. */
  loose: DateRange | null;
  /** Implied (publication) ranges of its undated units, joined. */
  implied: DateRange | null;
  places: Set<string>;
  types: Map<ActType, number>;
  persons: Set<string>;
  documents: Set<string>;
  keys: Set<string>;
}

// Acts that are one pattern of events when they share time and place: a purge detains, tortures,
// kills and disappears people; an attack burns and threatens; a case detains and prosecutes.
const FAMILIES: readonly (readonly ActType[])[] = [
  ['detention', 'torture', 'killing', 'abduction', 'collective_punishment', 'coercion', 'displacement'],
  ['attack_on_property', 'threat', 'torture', 'killing'],
  ['detention', 'prosecution', 'coercion', 'restriction_of_movement'],
  ['threat', 'collective_punishment', 'abduction', 'coercion'],
];

const related = (a: ActType, b: ActType) => FAMILIES.some((family) => family.includes(a) && family.includes(b));

/** Score needed to join a unit to an incident rather than open a new one. */
export const JOIN_THRESHOLD = 3;

/** How much sharing a named person says: a name in few documents identifies; one in most (a governor) does not. */
export type PersonWeight = (person: string) => number;

/** A date that pins an event down: a day, a week or a month; a year or "late 2018" does not. */
const TIGHT_DAYS = 92;
const isTight = (range: DateRange) => lengthInDays(range) <= TIGHT_DAYS;

/** Beyond this, even a shared victim does not make one case of two events. */
const CASE_DAYS = 540;

function dateScore(unit: EvidenceUnit, cluster: Cluster, sharedPerson: boolean): number {
  const theirs = cluster.dated ?? cluster.loose;
  const far = sharedPerson && unit.date && theirs && daysApart(unit.date, theirs) <= CASE_DAYS ? -2 : -6;
  if (unit.date && isTight(unit.date)) {
    if (cluster.dated) {
      const apart = daysApart(unit.date, cluster.dated);
      if (apart === 0) return lengthInDays(unit.date) <= 31 ? 2 : 1;
      if (apart <= 31) return 0.5;
      if (apart <= 120) return -1;
      // Far apart in time: a different incident, unless the same victim ties them (one case over a year).
      return far;
    }
    if (cluster.loose) return daysApart(unit.date, cluster.loose) === 0 ? 0.5 : far / 2;
  }
  if (unit.date) {
    // A year or a season: it can only tell incidents apart, hardly join them.
    if (theirs) {
      const apart = daysApart(unit.date, theirs);
      return apart === 0 ? 0.5 : apart <= 60 ? 0 : far / 2;
    }
    // An account with no dates of its own tells of the days before publication: a dated event years
    // earlier is background (the 2009 murder recalled in a 2016 report), not this account.
    if (cluster.implied && daysApart(unit.date, cluster.implied) > 180) return -3;
  }
  // No date in its sentence or paragraph: inside one report that says nothing against any of its
  // accounts (an anniversary piece tells of 2009 without repeating the year in every paragraph).
  return 0;
}

function placeScore(unit: EvidenceUnit, cluster: Cluster): number {
  const here = unit.places[0];
  if (!here || cluster.places.size === 0) return 0;
  let best = -Infinity;
  // Inside one report a second place is often part of the same story (taken in Grozny, found in
  // Ingushetia) or only where someone spoke; across reports a different scene means another incident.
  const apart = cluster.documents.has(unit.documentId) ? -1 : -4;
  for (const place of cluster.places) {
    const relation = placeRelation(here, place);
    best = Math.max(best, relation === 'same' ? 2 : relation === 'within' ? 1.5 : relation === 'unknown' ? 0 : apart);
  }
  return best;
}

function typeScore(unit: EvidenceUnit, cluster: Cluster): number {
  if (!unit.type || cluster.types.size === 0) return 0;
  if (cluster.types.has(unit.type)) return 1;
  for (const type of cluster.types.keys()) if (related(unit.type, type)) return 0.5;
  return -0.5;
}

/** How well a unit fits an incident; ≥ JOIN_THRESHOLD joins. */
function fitScore(unit: EvidenceUnit, cluster: Cluster, personWeight: PersonWeight): number {
  let persons = 0;
  for (const person of unit.persons) if (cluster.persons.has(person)) persons += personWeight(person);
  persons = Math.min(persons, 6);
  const sameDocument = cluster.documents.has(unit.documentId) ? 2 : 0;
  return dateScore(unit, cluster, persons >= 2) + placeScore(unit, cluster) + typeScore(unit, cluster) + persons + sameDocument;
}

function newCluster(): Cluster {
  return { units: [], dated: null, loose: null, implied: null, places: new Set(), types: new Map(), persons: new Set(), documents: new Set(), keys: new Set() };
}

function add(cluster: Cluster, unit: EvidenceUnit): void {
  cluster.units.push(unit);
  if (unit.date && isTight(unit.date)) cluster.dated = cluster.dated ? span(cluster.dated, unit.date) : unit.date;
  else if (unit.date) cluster.loose = cluster.loose ? span(cluster.loose, unit.date) : unit.date;
  else if (unit.implied) cluster.implied = cluster.implied ? span(cluster.implied, unit.implied) : unit.implied;
  for (const place of unit.places.slice(0, 1)) cluster.places.add(place);
  if (unit.type) cluster.types.set(unit.type, (cluster.types.get(unit.type) ?? 0) + 1);
  for (const person of unit.persons) cluster.persons.add(person);
  cluster.documents.add(unit.documentId);
  cluster.keys.add(unit.key);
}

/** The place an account names most: where its acts happened, more often than where someone spoke. */
function mainPlace(cluster: Cluster): string | null {
  const counts = new Map<string, number>();
  for (const unit of cluster.units) if (unit.places[0]) counts.set(unit.places[0], (counts.get(unit.places[0]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** How alike two events (each a document's account of one happening) are; ≥ MERGE_THRESHOLD on average joins. */
function eventScore(a: Cluster, b: Cluster, personWeight: PersonWeight): number {
  let persons = 0;
  for (const person of a.persons) if (b.persons.has(person)) persons += personWeight(person);
  persons = Math.min(persons, 6);
  const aDates = a.dated ?? a.loose;
  const bDates = b.dated ?? b.loose;
  const far = persons >= 2 && aDates && bDates && daysApart(aDates, bDates) <= CASE_DAYS ? -2 : -6;
  let date: number;
  if (a.dated && b.dated) {
    const apart = daysApart(a.dated, b.dated);
    date = apart === 0 ? (lengthInDays(a.dated) <= 62 && lengthInDays(b.dated) <= 62 ? 2 : 1) : apart <= 31 ? 0.5 : apart <= 120 ? -1 : far;
  } else if ((a.dated ?? a.loose) && (b.dated ?? b.loose)) {
    date = daysApart((a.dated ?? a.loose)!, (b.dated ?? b.loose)!) === 0 ? 0.5 : far / 2;
  } else {
    const mine = a.dated ?? a.loose ?? a.implied;
    const theirs = b.dated ?? b.loose ?? b.implied;
    if (!mine || !theirs) date = 0;
    else {
      const apart = daysApart(mine, theirs);
      date = apart === 0 ? 1 : apart <= 365 ? 0 : persons >= 2 ? -1 : -3;
    }
  }
  const here = mainPlace(a);
  const there = mainPlace(b);
  let place = 0;
  if (here && there) {
    const relation = placeRelation(here, there);
    place = relation === 'same' ? 2 : relation === 'within' ? 1.5 : relation === 'unknown' ? 0 : -4;
  }
  let type = 0;
  if (a.types.size > 0 && b.types.size > 0) {
    type = -0.5;
    for (const left of a.types.keys()) {
      if (b.types.has(left)) {
        type = 1;
        break;
      }
      for (const right of b.types.keys()) if (related(left, right)) type = Math.max(type, 0.5);
    }
  }
  // Precise dates that do not meet, and each account names its own people with none in common:
  // two events close in time (two killings in Grozny weeks apart), not one.
  let distinct = 0;
  if (persons === 0 && a.dated && b.dated && daysApart(a.dated, b.dated) > 0) {
    const identifying = (cluster: Cluster) => [...cluster.persons].some((person) => personWeight(person) >= 3);
    if (identifying(a) && identifying(b)) distinct = -1.5;
  }
  return date + place + type + persons + distinct;
}

/** Average score needed to merge two groups of events from different documents. */
export const MERGE_THRESHOLD = 3;

/** Above this many accounts the pair table (n² numbers) would not fit comfortably; grouping goes greedy. */
export const DENSE_LIMIT = 2500;

type Forbidden = (unit: EvidenceUnit, cluster: Cluster) => boolean;

function crossesDocuments(left: Cluster, right: Cluster): boolean {
  for (const document of left.documents) if (right.documents.has(document)) return false;
  return true;
}

function mergeAll(groups: readonly Cluster[][]): Cluster[] {
  return groups.map((members) => {
    const cluster = newCluster();
    for (const member of members) for (const unit of member.units) add(cluster, unit);
    return cluster;
  });
}

/** Average linkage: two groups join while their accounts fit each other well on average. */
function averageLinkage(events: readonly Cluster[], forbidden: Forbidden, personWeight: PersonWeight): Cluster[] {
  const count = events.length;
  const pair = (i: number, j: number) => {
    const left = events[i]!;
    const right = events[j]!;
    if (!crossesDocuments(left, right)) return -Infinity;
    if (left.units.some((unit) => forbidden(unit, right))) return -Infinity;
    return eventScore(left, right, personWeight);
  };
  const sums = Array.from({ length: count }, () => new Float64Array(count));
  for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) sums[i]![j] = sums[j]![i] = pair(i, j);
  const groups = events.map((_, index) => ({ members: [index], alive: true }));
  for (;;) {
    let bestI = -1;
    let bestJ = -1;
    let bestAverage = MERGE_THRESHOLD;
    for (let i = 0; i < count; i++) {
      if (!groups[i]!.alive) continue;
      const row = sums[i]!;
      const size = groups[i]!.members.length;
      for (let j = i + 1; j < count; j++) {
        if (!groups[j]!.alive) continue;
        const average = row[j]! / (size * groups[j]!.members.length);
        if (average >= bestAverage) {
          bestAverage = average;
          bestI = i;
          bestJ = j;
        }
      }
    }
    if (bestI < 0) break;
    groups[bestI]!.members.push(...groups[bestJ]!.members);
    groups[bestJ]!.alive = false;
    for (let k = 0; k < count; k++) {
      if (k === bestI || !groups[k]!.alive) continue;
      sums[bestI]![k] = sums[k]![bestI] = sums[bestI]![k]! + sums[bestJ]![k]!;
    }
  }
  return mergeAll(groups.filter((group) => group.alive).map((group) => group.members.map((index) => events[index]!)));
}

const yearsOf = (cluster: Cluster): number[] => {
  const range = cluster.dated ?? cluster.loose ?? cluster.implied;
  if (!range) return [-1];
  const years: number[] = [];
  for (let year = Number(range.start.slice(0, 4)); year <= Number(range.end.slice(0, 4)) && years.length < 5; year++) years.push(year);
  return years;
};

/**
 * For large stores: each account joins the incident it fits best among those sharing a year with it
 * (accounts with no date meet every incident without one), else opens a new incident. Linear in
 * accounts times the incidents of a year.
 */
function greedyByYear(events: readonly Cluster[], forbidden: Forbidden, personWeight: PersonWeight): Cluster[] {
  const incidents: Cluster[][] = [];
  const profiles: Cluster[] = [];
  const byYear = new Map<number, number[]>();
  for (const event of events) {
    const candidates = new Set<number>();
    for (const year of yearsOf(event)) for (const near of [year - 1, year, year + 1]) for (const index of byYear.get(near) ?? []) candidates.add(index);
    let best = -1;
    let bestScore = MERGE_THRESHOLD;
    for (const index of candidates) {
      const profile = profiles[index]!;
      if (!crossesDocuments(event, profile) || event.units.some((unit) => forbidden(unit, profile))) continue;
      const score = eventScore(event, profile, personWeight);
      if (score >= bestScore) {
        best = index;
        bestScore = score;
      }
    }
    if (best < 0) {
      best = incidents.length;
      incidents.push([]);
      profiles.push(newCluster());
    }
    incidents[best]!.push(event);
    for (const unit of event.units) add(profiles[best]!, unit);
    for (const year of yearsOf(profiles[best]!)) {
      const list = byYear.get(year) ?? [];
      if (!list.includes(best)) list.push(best);
      byYear.set(year, list);
    }
  }
  return mergeAll(incidents);
}

/**
 * Group acts and figures into incidents, in two steps:
 * 1. within each document, each unit joins the account it fits best (time, place, act type,
 *    persons; a report usually tells one story, so the same document weighs in) or opens another;
 * 2. across documents, accounts are merged by average linkage: two groups join when their accounts
 *    fit each other well on average, so one loose link cannot chain unrelated incidents together.
 * An analyst's decisions override the scores: units kept apart never share an incident, units put
 * together always do.
 */
export function groupUnits(units: readonly EvidenceUnit[], constraints: GroupingConstraints = { together: [], apart: [] }, personWeight: PersonWeight = () => 3): EvidenceUnit[][] {
  const apart = new Map<string, Set<string>>();
  for (const [a, b] of constraints.apart) {
    if (!apart.has(a)) apart.set(a, new Set());
    if (!apart.has(b)) apart.set(b, new Set());
    apart.get(a)!.add(b);
    apart.get(b)!.add(a);
  }
  const forbidden = (unit: EvidenceUnit, cluster: Cluster) => {
    const enemies = apart.get(unit.key);
    if (!enemies) return false;
    for (const key of enemies) if (cluster.keys.has(key)) return true;
    return false;
  };

  // 1. Accounts within each document.
  const byDocument = new Map<string, EvidenceUnit[]>();
  for (const unit of units) byDocument.set(unit.documentId, [...(byDocument.get(unit.documentId) ?? []), unit]);
  const events: Cluster[] = [];
  for (const documentUnits of byDocument.values()) {
    const accounts: Cluster[] = [];
    for (const unit of documentUnits) {
      let best: Cluster | null = null;
      let bestScore = JOIN_THRESHOLD;
      for (const account of accounts) {
        if (forbidden(unit, account)) continue;
        const score = fitScore(unit, account, personWeight);
        if (score >= bestScore) {
          best = account;
          bestScore = score;
        }
      }
      if (!best) {
        best = newCluster();
        accounts.push(best);
      }
      add(best, unit);
    }
    events.push(...accounts);
  }

  // 2. Across documents: average linkage where the pair table fits in memory, else a blocked greedy pass.
  const clusters = events.length <= DENSE_LIMIT ? averageLinkage(events, forbidden, personWeight) : greedyByYear(events, forbidden, personWeight);

  // Units an analyst put together: join their incidents, unless that would put apart units together.
  for (const [a, b] of constraints.together) {
    const left = clusters.find((cluster) => cluster.keys.has(a));
    const right = clusters.find((cluster) => cluster.keys.has(b));
    if (!left || !right || left === right) continue;
    if (right.units.some((unit) => forbidden(unit, left))) continue;
    for (const unit of right.units) add(left, unit);
    clusters.splice(clusters.indexOf(right), 1);
  }
  // Keep the input order: incidents appear as their first unit did.
  const order = new Map(units.map((unit, index) => [unit.key, index]));
  return clusters.map((cluster) => cluster.units.sort((a, b) => order.get(a.key)! - order.get(b.key)!)).sort((a, b) => order.get(a[0]!.key)! - order.get(b[0]!.key)!);
}
