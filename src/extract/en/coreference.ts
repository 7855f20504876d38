import type { GazetteerEntry } from '../gazetteers/gazetteer.js';
import type { Lexicon } from '../gazetteers/lexicon.js';
import { noEvidence, type HeadKind, type KindEvidence } from './kind-evidence.js';
import type { NameCandidate } from './name-candidates.js';

export type EntityKind = 'person' | 'organization' | 'place';

/** Mentions that name one entity within a document. */
export interface EntityCluster {
  id: number;
  kind: EntityKind | null;
  gazetteer: GazetteerEntry | null;
  head: HeadKind;
  mentions: NameCandidate[];
  evidence: KindEvidence;
}

const MIN_EVIDENCE = 2;

/** The kind the summed evidence supports, or null when it supports none well enough to report. */
export function decideKind(evidence: KindEvidence): EntityKind | null {
  const { person, organization, place } = evidence;
  const best = Math.max(person, organization, place);
  if (best < MIN_EVIDENCE) return null;
  if (person === best) return 'person';
  if (organization === best) return 'organization';
  return 'place';
}

function addEvidence(into: KindEvidence, from: KindEvidence): void {
  into.person += from.person;
  into.organization += from.organization;
  into.place += from.place;
}

/** The name with the most words (then the longest), first written: "the fullest name the document gives". */
export function fullestMention(cluster: EntityCluster): NameCandidate {
  let best = cluster.mentions[0]!;
  // A place or organisation the gazetteer knows keeps its usual name when the text uses it (Chechnya, not Chechen Republic).
  if (cluster.gazetteer && cluster.gazetteer.kind !== 'person') {
    const usual = cluster.gazetteer.name.toLowerCase();
    const plain = cluster.mentions.find((mention) => !mention.compound && mention.key === usual);
    if (plain) return plain;
  }
  for (const mention of cluster.mentions) {
    if (mention.compound) continue;
    if (best.compound || mention.words.length > best.words.length || (mention.words.length === best.words.length && mention.key.length > best.key.length)) best = mention;
  }
  return best;
}

/** Initials of the capitalised words: "Human Rights Watch" → "HRW". */
function acronym(words: readonly string[]): string {
  let letters = '';
  for (const word of words) {
    for (const part of word.split(/[-/]/)) {
      const first = part[0];
      if (first && first !== first.toLowerCase()) letters += first;
    }
  }
  return letters;
}

/**
 * Group candidates into entities. Gazetteer aliases of one entry are one entity; other multi-word
 * names are one entity per spelling, and full names sharing first and last word (with or without a
 * patronymic) merge. A single word then joins the person whose surname it is (the most recently
 * named one when several share it), the only person with that given name, or the organisation it
 * abbreviates; otherwise it stands alone. Male and female surname forms are different words, so
 * Yangulbayev and Yangulbayeva stay apart.
 */
export function clusterCandidates(candidates: readonly NameCandidate[], lexicon: Lexicon): EntityCluster[] {
  const clusters: EntityCluster[] = [];
  const newCluster = (gazetteer: GazetteerEntry | null, head: HeadKind): EntityCluster => {
    const cluster: EntityCluster = { id: clusters.length, kind: null, gazetteer, head, mentions: [], evidence: noEvidence() };
    clusters.push(cluster);
    return cluster;
  };
  const byEntry = new Map<number, EntityCluster>();
  const byKey = new Map<string, EntityCluster>();
  const singles: NameCandidate[] = [];
  for (const candidate of candidates) {
    let cluster: EntityCluster | undefined;
    if (candidate.gazetteer) {
      cluster = byEntry.get(candidate.gazetteer.id);
      if (!cluster) { cluster = newCluster(candidate.gazetteer, null); byEntry.set(candidate.gazetteer.id, cluster); }
    } else if (candidate.words.length >= 2) {
      cluster = byKey.get(candidate.key);
      if (!cluster) { cluster = newCluster(null, candidate.head); byKey.set(candidate.key, cluster); }
    } else {
      singles.push(candidate);
      continue;
    }
    cluster.mentions.push(candidate);
    if (!candidate.compound) addEvidence(cluster.evidence, candidate.evidence);
  }
  for (const cluster of clusters) {
    if (cluster.gazetteer) cluster.kind = cluster.gazetteer.kind;
    else if (cluster.head === 'organization' || cluster.head === 'place') cluster.kind = cluster.head;
    else if (cluster.head === 'other') cluster.kind = null;
    else cluster.kind = decideKind(cluster.evidence);
  }

  // Full names: merge "Ramzan Kadyrov" with "Ramzan Akhmatovich Kadyrov", then index surnames and given names.
  const persons = new Map<string, EntityCluster>();
  const bySurname = new Map<string, EntityCluster[]>();
  const byGivenName = new Map<string, EntityCluster[]>();
  for (const cluster of clusters) {
    if (cluster.kind !== 'person') continue;
    const words = fullestMention(cluster).words.map((word) => word.toLowerCase());
    if (words.length >= 2) {
      const key = `${words[0]} ${words[words.length - 1]}`;
      const same = persons.get(key);
      if (same && same !== cluster) {
        same.mentions.push(...cluster.mentions);
        cluster.mentions = [];
        cluster.kind = null;
        continue;
      }
      persons.set(key, cluster);
    }
    for (const mention of cluster.mentions) {
      const lower = mention.words.map((word) => word.toLowerCase());
      const surname = lower[lower.length - 1]!;
      const list = bySurname.get(surname) ?? [];
      if (!list.includes(cluster)) list.push(cluster);
      bySurname.set(surname, list);
      if (lower.length >= 2) {
        const given = byGivenName.get(lower[0]!) ?? [];
        if (!given.includes(cluster)) given.push(cluster);
        byGivenName.set(lower[0]!, given);
      }
    }
  }
  const byAcronym = new Map<string, EntityCluster>();
  for (const cluster of clusters) {
    if (cluster.kind !== 'organization') continue;
    for (const mention of cluster.mentions) if (mention.words.length >= 2) byAcronym.set(acronym(mention.words), cluster);
  }

  // Starts of each person's full-name mentions, sorted, so "named most recently" is a binary search, not a scan.
  const starts = new Map<EntityCluster, number[]>();
  const lastSeen = (cluster: EntityCluster, before: number): number => {
    let sorted = starts.get(cluster);
    if (!sorted) { sorted = cluster.mentions.map((mention) => mention.start).sort((a, b) => a - b); starts.set(cluster, sorted); }
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]! < before) low = middle + 1;
      else high = middle;
    }
    return low > 0 ? sorted[low - 1]! : -1;
  };
  const bySingleKey = new Map<string, EntityCluster>();
  for (const single of singles) {
    const word = single.key;
    let cluster: EntityCluster | undefined;
    const surnameOf = bySurname.get(word);
    if (surnameOf && surnameOf.length > 0) {
      cluster = surnameOf[0];
      if (surnameOf.length > 1) {
        // The person named most recently, else the one named most often.
        let bestSeen = -1;
        for (const option of surnameOf) {
          const seen = lastSeen(option, single.start);
          if (seen > bestSeen) { bestSeen = seen; cluster = option; }
        }
        if (bestSeen < 0) cluster = surnameOf.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
      }
    } else {
      const given = byGivenName.get(word);
      if (given && given.length === 1) cluster = given[0];
      else if (single.words[0]!.length >= 2 && single.words[0] === single.words[0]!.toUpperCase()) cluster = byAcronym.get(single.words[0]!);
    }
    if (!cluster) {
      cluster = bySingleKey.get(word);
      if (!cluster) { cluster = newCluster(null, null); bySingleKey.set(word, cluster); }
    }
    cluster.mentions.push(single);
    if (!single.compound) addEvidence(cluster.evidence, single.evidence);
  }
  // A short name standing for one of several entries ("Memorial") joins the first of them the document names.
  for (const cluster of clusters) {
    const targets = cluster.gazetteer?.refersTo ?? [];
    if (targets.length === 0 || cluster.mentions.length === 0) continue;
    let into: EntityCluster | null = null;
    let firstSeen = Infinity;
    for (const other of clusters) {
      if (other === cluster || !other.gazetteer || !targets.includes(other.gazetteer.name)) continue;
      const seen = Math.min(...other.mentions.map((mention) => mention.start));
      if (seen < firstSeen) { firstSeen = seen; into = other; }
    }
    if (!into) continue;
    into.mentions.push(...cluster.mentions);
    cluster.mentions = [];
  }
  for (const cluster of bySingleKey.values()) {
    const founded = cluster.mentions.some((mention) => !mention.compound);
    const word = cluster.mentions[0]!.key;
    cluster.kind = founded && !lexicon.notNames.has(word) ? decideKind(cluster.evidence) : null;
  }
  return clusters.filter((cluster) => cluster.kind !== null && cluster.mentions.length > 0);
}
