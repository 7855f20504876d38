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
  /** Explicit dates of its units, joined. */
  dated: DateRange | null;
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

function dateScore(unit: EvidenceUnit, cluster: Cluster, sharedPerson: boolean): number {
  if (unit.date && cluster.dated) {
    const apart = daysApart(unit.date, cluster.dated);
    const tight = lengthInDays(unit.date) <= 31 && lengthInDays(cluster.dated) <= 120;
    if (apart === 0) return tight ? 2 : 1;
    if (apart <= 31) return 0.5;
    if (apart <= 120) return -1;
    // Far apart in time: a different incident, unless the same victim ties them (one case over a year).
    return sharedPerson ? -2 : -6;
  }
  const mine = unit.date ?? unit.implied;
  const theirs = cluster.dated ?? cluster.implied;
  if (!mine || !theirs) return 0;
  const apart = daysApart(mine, theirs);
  if (apart === 0) return 1;
  if (apart <= 365) return 0;
  return sharedPerson ? -1 : -3;
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
export function fitScore(unit: EvidenceUnit, cluster: Cluster, personWeight: PersonWeight): number {
  let persons = 0;
  for (const person of unit.persons) if (cluster.persons.has(person)) persons += personWeight(person);
  persons = Math.min(persons, 6);
  const sameDocument = cluster.documents.has(unit.documentId) ? 2 : 0;
  return dateScore(unit, cluster, persons >= 2) + placeScore(unit, cluster) + typeScore(unit, cluster) + persons + sameDocument;
}

function newCluster(): Cluster {
  return { units: [], dated: null, implied: null, places: new Set(), types: new Map(), persons: new Set(), documents: new Set(), keys: new Set() };
}

function add(cluster: Cluster, unit: EvidenceUnit): void {
  cluster.units.push(unit);
  if (unit.date) cluster.dated = cluster.dated ? span(cluster.dated, unit.date) : unit.date;
  else if (unit.implied) cluster.implied = cluster.implied ? span(cluster.implied, unit.implied) : unit.implied;
  for (const place of unit.places.slice(0, 1)) cluster.places.add(place);
  if (unit.type) cluster.types.set(unit.type, (cluster.types.get(unit.type) ?? 0) + 1);
  for (const person of unit.persons) cluster.persons.add(person);
  cluster.documents.add(unit.documentId);
  cluster.keys.add(unit.key);
}

/**
 * Group acts and figures into incidents. Units are taken document by document in publication
 * order; each joins the incident it fits best (time, place, act type, named persons, same
 * document) or opens a new one. An analyst's decisions override the scores: units kept apart never
 * share an incident, units put together always do.
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

  const clusters: Cluster[] = [];
  for (const unit of units) {
    let best: Cluster | null = null;
    let bestScore = JOIN_THRESHOLD;
    for (const cluster of clusters) {
      if (forbidden(unit, cluster)) continue;
      const score = fitScore(unit, cluster, personWeight);
      if (score >= bestScore) {
        best = cluster;
        bestScore = score;
      }
    }
    if (!best) {
      best = newCluster();
      clusters.push(best);
    }
    add(best, unit);
  }

  // Units an analyst put together: join their incidents, unless that would put apart units together.
  for (const [a, b] of constraints.together) {
    const left = clusters.find((cluster) => cluster.keys.has(a));
    const right = clusters.find((cluster) => cluster.keys.has(b));
    if (!left || !right || left === right) continue;
    if (right.units.some((unit) => forbidden(unit, left))) continue;
    for (const unit of right.units) add(left, unit);
    clusters.splice(clusters.indexOf(right), 1);
  }
  return clusters.map((cluster) => cluster.units);
}
