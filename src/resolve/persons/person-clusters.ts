import type { PersonDecision } from '../../model/person.js';

/*
 * Persons from a linkage run plus analysts' decisions. Decisions are replayed in the order they were
 * made on top of the run's clusters, so the latest word on a record wins:
 * - confirm(a, b): the persons of a and b become one;
 * - split(r): r leaves its person and stands alone, until a later confirm joins it to someone.
 * A split is therefore never undone by a re-run (linkage only proposes; the replay detaches r again),
 * and a confirmed pair is always together unless a later split took one of them out.
 */

/**
 * Apply decisions to a clustering. `recordIds[i]` has cluster `cluster[i]`; decisions naming records
 * that are not there (removed since) are skipped. `together` lists groups of record ids joined before
 * any decision (persons the entity index already joined across documents), so analysts' decisions
 * override them too. Returns the groups as lists of record indexes, in order of their first record,
 * and how many decisions applied.
 */
export function applyPersonDecisions(recordIds: readonly string[], cluster: ArrayLike<number>, decisions: readonly PersonDecision[], together: readonly (readonly string[])[] = []): { groups: number[][]; applied: number } {
  const indexOf = new Map(recordIds.map((id, index) => [id, index]));
  const label = Int32Array.from({ length: recordIds.length }, (_, index) => cluster[index]!);
  const members = new Map<number, Set<number>>();
  let nextLabel = 0;
  for (let index = 0; index < label.length; index++) {
    let set = members.get(label[index]!);
    if (!set) members.set(label[index]!, (set = new Set()));
    set.add(index);
    nextLabel = Math.max(nextLabel, label[index]! + 1);
  }
  const join = (a: number, b: number) => {
    let keep = label[a]!;
    let other = label[b]!;
    if (keep === other) return;
    // Relabel the smaller group: replaying many decisions stays near-linear.
    if (members.get(keep)!.size < members.get(other)!.size) [keep, other] = [other, keep];
    const into = members.get(keep)!;
    for (const index of members.get(other)!) {
      label[index] = keep;
      into.add(index);
    }
    members.delete(other);
  };
  for (const group of together) {
    const indexes = group.flatMap((id) => indexOf.get(id) ?? []);
    for (const index of indexes.slice(1)) join(indexes[0]!, index);
  }
  let applied = 0;
  for (const decision of decisions) {
    if (decision.kind === 'confirm') {
      const a = indexOf.get(decision.records[0]);
      const b = indexOf.get(decision.records[1]);
      if (a === undefined || b === undefined) continue;
      applied++;
      join(a, b);
    } else {
      const r = indexOf.get(decision.record);
      if (r === undefined) continue;
      applied++;
      const from = members.get(label[r]!)!;
      if (from.size === 1) continue;
      from.delete(r);
      label[r] = nextLabel;
      members.set(nextLabel++, new Set([r]));
    }
  }
  const groups = [...members.values()].map((set) => [...set].sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
  return { groups, applied };
}

/**
 * Person ids that survive re-runs: each new group, largest first, takes the id of the earlier person
 * it shares most records with (if no larger group took it); others get a new id.
 */
export function carryOverPersonIds(groups: readonly (readonly string[])[], previous: ReadonlyMap<string, string>, newId: () => string): Map<string, string> {
  const order = groups.map((_, index) => index).sort((x, y) => groups[y]!.length - groups[x]!.length || x - y);
  const taken = new Set<string>();
  const assigned = new Map<string, string>();
  for (const index of order) {
    const shared = new Map<string, number>();
    for (const recordId of groups[index]!) {
      const id = previous.get(recordId);
      if (id !== undefined && !taken.has(id)) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    let best: string | null = null;
    for (const [id, count] of shared) if (best === null || count > shared.get(best)! || (count === shared.get(best)! && id < best)) best = id;
    const personId = best ?? newId();
    taken.add(personId);
    for (const recordId of groups[index]!) assigned.set(recordId, personId);
  }
  return assigned;
}
