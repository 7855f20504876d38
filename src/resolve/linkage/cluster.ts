// Cross pairs scored on demand per merge attempt, at most.
const MAX_CROSS_SCORES = 2_000;

/** Options of the chaining guard (see clusterPairs). */
export interface ClusterOptions {
  /** Pairs at or above this weight are links. */
  threshold: number;
  /** A pair below this weight is a conflict: evidence that two records are different persons. */
  conflictWeight: number;
  /** Extra weight a lone link must carry to join two groups of two or more records. */
  bridgeMargin: number;
  /** Conflicts allowed across a merge, per link across it. */
  maxConflictsPerLink: number;
  /** Share of all record pairs across two groups that must be links for the groups to merge. */
  minLinkShare: number;
  /**
   * A record whose links into another person are within this many bits of its strongest link into
   * its own person is ambiguous between namesakes and is set apart as a person of its own (off when
   * undefined). See clusterPairs.
   */
  ambiguityMargin?: number;
  /** Weight at or above which every pair across two groups must be for a weak merge (off when undefined). */
  weakWeight?: number;
  /**
   * List of each record (−1: unknown). When given, lists are taken to name a person once: a merge
   * that would put two records of one list in one person, without a link between them, needs a
   * link of threshold + listMargin (and a weak merge is refused).
   */
  list?: Int32Array;
  /** Extra weight a link needs to put two unlinked records of one list in one person (default bridgeMargin). */
  listMargin?: number;
  /** Pairs across two groups a weak merge needs at least (default 2). */
  weakMinSupport?: number;
  /** Share of the pairs across two groups that must be at least weakWeight for a weak merge (default 1: all). */
  weakShare?: number;
}

export interface ClusterStats {
  links: number;
  merges: number;
  refusedMerges: number;
  /** Groups merged by complete linkage below the threshold. */
  weakMerges: number;
  /** Records set apart because they fit two persons about equally well. */
  ambiguous: number;
}

/**
 * Persons from scored pairs: links are taken strongest first and merge the groups of their two
 * records (single linkage), but a merge is refused when it would chain unlike records together:
 *  - when the pairs across the two groups hold more than maxConflictsPerLink conflicts
 *    (weight < conflictWeight) per link, or fewer links than minLinkShare of all cross pairs, and
 *  - when both groups already have two or more records and only one link joins them, unless that
 *    link is at least threshold + bridgeMargin strong.
 * Cross pairs that blocking never paired are scored on demand with `scorePair` (a < b), so a group
 * is judged on all its records, not only on those that happened to share a block.
 * `pairs` are encoded a * n + b (a < b), `weights` beside them; `guardWeights` (default: the weights)
 * are what the guard reads, so a caller can mark pairs as conflicts whatever their weight.
 */
export function clusterPairs(n: number, pairs: Float64Array, weights: Float32Array, scorePair: (a: number, b: number) => number, options: ClusterOptions, guardWeights: Float32Array = weights): { cluster: Int32Array; stats: ClusterStats } {
  // Adjacency of every scored pair, for the cross-group checks.
  const degree = new Int32Array(n + 1);
  for (let p = 0; p < pairs.length; p++) {
    const a = Math.floor(pairs[p]! / n);
    const b = pairs[p]! - a * n;
    degree[a + 1]!++;
    degree[b + 1]!++;
  }
  for (let index = 0; index < n; index++) degree[index + 1]! += degree[index]!;
  const neighbours = new Int32Array(pairs.length * 2);
  const neighbourWeights = new Float32Array(pairs.length * 2);
  const neighbourPair = new Int32Array(pairs.length * 2);
  const fill = degree.slice(0, n);
  for (let p = 0; p < pairs.length; p++) {
    const a = Math.floor(pairs[p]! / n);
    const b = pairs[p]! - a * n;
    neighbours[fill[a]!] = b;
    neighbourPair[fill[a]!] = p;
    neighbourWeights[fill[a]!++] = guardWeights[p]!;
    neighbours[fill[b]!] = a;
    neighbourPair[fill[b]!] = p;
    neighbourWeights[fill[b]!++] = guardWeights[p]!;
  }

  const parent = new Int32Array(n);
  for (let index = 0; index < n; index++) parent[index] = index;
  const members: number[][] = Array.from({ length: n }, (_, index) => [index]);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };

  const scored = new Set<number>();
  const links: number[] = [];
  for (let p = 0; p < pairs.length; p++) if (weights[p]! >= options.threshold) links.push(p);
  links.sort((x, y) => weights[y]! - weights[x]!);
  const stats: ClusterStats = { links: links.length, merges: 0, refusedMerges: 0, weakMerges: 0, ambiguous: 0 };
  for (const p of links) {
    const groups = groupsOfPair(p);
    if (!groups) continue;
    const [ra, rb] = groups;
    const small = members[rb]!;
    const large = members[ra]!;
    if (large.length > 1) {
      const { positive, conflict, sameList } = crossPairs(small, ra, options.threshold);
      const bridging = (small.length > 1 && positive < 2 && weights[p]! < options.threshold + options.bridgeMargin) || (sameList > 0 && weights[p]! < options.threshold + (options.listMargin ?? options.bridgeMargin));
      if (conflict > options.maxConflictsPerLink * positive || bridging || positive < options.minLinkShare * small.length * large.length) {
        stats.refusedMerges++;
        continue;
      }
    }
    union(ra, rb);
    stats.merges++;
  }
  // Weak merges (complete linkage below the threshold): two groups that no link joins merge when at
  // least weakShare of the pairs across them (and at least weakMinSupport pairs) reach weakWeight,
  // none is a conflict, and no list would then name the person twice.
  // A record that is a possible match of each of several records of one person is that person's
  // more surely than any one pair says; a possible match of one record only stays apart.
  if (options.weakWeight !== undefined) {
    const minSupport = options.weakMinSupport ?? 2;
    const share = options.weakShare ?? 1;
    const weak: number[] = [];
    for (let p = 0; p < pairs.length; p++) if (weights[p]! < options.threshold && weights[p]! >= options.weakWeight) weak.push(p);
    weak.sort((x, y) => weights[y]! - weights[x]!);
    for (const p of weak) {
      const groups = groupsOfPair(p);
      if (!groups) continue;
      const [ra, rb] = groups;
      const total = members[ra]!.length * members[rb]!.length;
      if (total < minSupport) continue;
      const { positive, conflict, sameList } = crossPairs(members[rb]!, ra, options.weakWeight);
      if (conflict > 0 || sameList > 0 || positive < minSupport || positive < share * total) continue;
      union(ra, rb);
      stats.weakMerges++;
    }
  }
  /** The groups of pair p's two records, the larger first; null when they are already one group. */
  function groupsOfPair(p: number): [number, number] | null {
    const a = Math.floor(pairs[p]! / n);
    const ra = find(a);
    const rb = find(pairs[p]! - a * n);
    if (ra === rb) return null;
    return members[ra]!.length < members[rb]!.length ? [rb, ra] : [ra, rb];
  }
  /** Pairs across group `root` and the records `small`: at or above `level`, and conflicts. */
  function crossPairs(small: readonly number[], root: number, level: number): { positive: number; conflict: number; sameList: number } {
    const large = members[root]!;
    const list = options.list;
    let positive = 0;
    let conflict = 0;
    let sameList = 0;
    let evaluated = 0;
    let x = 0;
    const count = (weight: number, y: number) => {
      if (weight >= level) positive++;
      else if (weight < options.conflictWeight) conflict++;
      if (list !== undefined && weight < options.threshold && list[x]! >= 0 && list[x] === list[y]) sameList++;
    };
    for (x of small) {
      // Scored pairs first; then every other cross pair is scored now (blocking kept them apart,
      // which does not make them agree), up to a bound so a huge group cannot stall clustering.
      scored.clear();
      for (let k = degree[x]!; k < degree[x + 1]!; k++) {
        if (find(neighbours[k]!) !== root) continue;
        scored.add(neighbours[k]!);
        count(neighbourWeights[k]!, neighbours[k]!);
      }
      for (const y of large) {
        if (evaluated >= MAX_CROSS_SCORES) break;
        if (scored.has(y)) continue;
        evaluated++;
        count(scorePair(Math.min(x, y), Math.max(x, y)), y);
      }
    }
    return { positive, conflict, sameList };
  }
  function union(ra: number, rb: number): void {
    parent[rb] = ra;
    for (const x of members[rb]!) members[ra]!.push(x);
    members[rb] = [];
  }
  // Namesake guard: a record linked into two persons about equally strongly (a "Магомед Магомадов"
  // with no date beside two Магомед Магомадовs born decades apart) could be either; putting it with
  // one is a coin toss that is wrong half the time, so it stands alone.
  const alone = new Uint8Array(n);
  if (options.ambiguityMargin !== undefined) {
    const strongest = new Map<number, number>();
    for (let x = 0; x < n; x++) {
      const own = find(x);
      if (members[own]!.length < 2 || degree[x + 1]! - degree[x]! < 2) continue;
      strongest.clear();
      for (let k = degree[x]!; k < degree[x + 1]!; k++) {
        const weight = weights[neighbourPair[k]!]!;
        if (weight < options.threshold) continue;
        const root = find(neighbours[k]!);
        strongest.set(root, Math.max(strongest.get(root) ?? -Infinity, weight));
      }
      const inside = strongest.get(own);
      if (inside === undefined) continue;
      for (const [root, weight] of strongest) {
        if (root !== own && weight >= inside - options.ambiguityMargin) {
          alone[x] = 1;
          stats.ambiguous++;
          break;
        }
      }
    }
  }
  // Number the persons in order of their first record.
  const cluster = new Int32Array(n).fill(-1);
  const numberOfRoot = new Map<number, number>();
  for (let index = 0; index < n; index++) {
    const root = alone[index] ? n + index : find(index);
    let number = numberOfRoot.get(root);
    if (number === undefined) {
      number = numberOfRoot.size;
      numberOfRoot.set(root, number);
    }
    cluster[index] = number;
  }
  return { cluster, stats };
}
