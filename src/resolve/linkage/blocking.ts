import type { PreparedRecord } from './record.js';

/** A blocking rule: the keys under which a record is filed; records sharing a key become candidates. */
export interface BlockingRule {
  name: string;
  keys: (record: PreparedRecord) => (string | null)[];
  /**
   * Blocks with more records than this are dropped rather than windowed: for keys that pair
   * records well only while the value is rare (one name on its own, without a birth year).
   */
  maxBlock?: number;
}

const year = (record: PreparedRecord) => record.birth?.year ?? null;
const nameCodes = (record: PreparedRecord) => [...(record.given?.phonetic ?? []), ...(record.surname?.phonetic ?? [])];
const join = (...parts: (string | number | null | undefined)[]) => (parts.some((part) => part === null || part === undefined || part === '') ? null : parts.join('|'));

// Largest block of a rule that pairs records only while its value is rare.
const RARE_NAME_BLOCK = 20;

/**
 * The rules whose blocks are united. Each tolerates a different error: phonetic given name or
 * surname + birth year (spelling, gender and case forms; a surname changed or misspelled beyond
 * phonetics; a lone name in either column), both name stems in either order (no or wrong birth date, swapped
 * columns), full birth date + initial (names badly garbled), and the strong identifiers.
 */
export const BLOCKING_RULES: readonly BlockingRule[] = [
  // Given and surname codes share one key space, so a lone name ("Powell" in the first-name column)
  // meets the surname of a fuller record of the same person.
  { name: 'name-phonetic+year', keys: (r) => nameCodes(r).map((code) => join('s', code, year(r))) },
  // Middle names stand in for the surname too: another list may end the name there.
  { name: 'name-stems', keys: (r) => (r.given ? [r.surname?.stem, ...(r.middle ?? [])].map((stem) => (stem ? join('n', ...[r.given!.stem, stem].sort()) : null)) : [null]) },
  { name: 'birth-date+initial', keys: (r) => [r.birth?.day ? join('d', r.birth.year, r.birth.month, r.birth.day, r.surname?.keys[0]?.[0] ?? r.given?.keys[0]?.[0]) : null] },
  { name: 'birth-date+given-initial', keys: (r) => [r.birth?.day ? join('e', r.birth.year, r.birth.month, r.birth.day, r.given?.keys[0]?.[0]) : null] },
  { name: 'birth-date', keys: (r) => [r.birth?.day ? join('b', r.birth.year, r.birth.month, r.birth.day) : null] },
  { name: 'names-phonetic', keys: (r) => [r.given?.phonetic[0] && r.surname?.phonetic[0] ? join('m', ...[r.given.phonetic[0], r.surname.phonetic[0]].sort()) : null] },
  { name: 'surname-phonetic+given-initial', keys: (r) => (r.surname?.phonetic ?? []).map((code) => join('t', code, r.given?.keys[0]?.[0])) },
  // Diminutives and nicknames (Tom / Thomas, Саша / Александр) share no phonetic code with the full name.
  { name: 'given-equivalent+year', keys: (r) => (r.given?.groups ?? []).map((group) => join('v', group, year(r))) },
  { name: 'given-equivalent+surname-phonetic', keys: (r) => (r.given?.groups ?? []).flatMap((group) => (r.surname?.phonetic ?? []).map((code) => join('w', group, code))) },
  // A name on its own, for records too weak to meet their person through the other keys (no birth
  // year, a nickname or a typo in the other name part); only while the name is rare.
  { name: 'name-phonetic', keys: (r) => [...nameCodes(r).map((code) => join('o', code)), join('r', r.given?.stem), join('r', r.surname?.stem)], maxBlock: RARE_NAME_BLOCK },
  { name: 'id-number', keys: (r) => [join('i', r.idNumber)] },
  { name: 'email', keys: (r) => [join('@', r.email)] },
  { name: 'postcode', keys: (r) => [join('p', r.postcode)] },
  { name: 'place+name-phonetic', keys: (r) => nameCodes(r).map((code) => join('q', code, r.place)) },
];

export interface BlockingStats {
  candidatePairs: number;
  blocks: number;
  cappedBlocks: number;
}

/** One rule's blocks in compact form: block members, and for each record the blocks it sits in. */
interface RuleBlocks {
  /** Members of block k are members[start[k]…start[k+1]); a capped block's members are in sorted-window order. */
  start: Int32Array;
  members: Int32Array;
  /** The same, with capped blocks in the second sort order (by place and patronymic). */
  members2: Int32Array;
  recordPlace2: Int32Array;
  capped: Uint8Array;
  /** Blocks of record i (and its place in each) are recordBlock/recordPlace[recordStart[i]…recordStart[i+1]). */
  recordStart: Int32Array;
  recordBlock: Int32Array;
  recordPlace: Int32Array;
}

/**
 * The candidate pairs of a list under a set of blocking rules, without materialising them: each
 * rule's blocks are kept as typed arrays (blocks of one record are dropped, since they pair nothing),
 * and the pairs of one record are produced on demand and de-duplicated across rules with a marker
 * array. Memory is a few integers per record and rule, whatever the number of pairs, which is what
 * lets a million records be linked in a few gigabytes.
 *
 * A block larger than `cap` is not compared all-against-all: its records are sorted two ways (by name
 * and birth year; by place, patronymic and birth year) and each is paired with the `window` records
 * on either side in each order (sorted-neighbourhood windows), so the work stays near-linear in
 * records.
 */
export class CandidateIndex {
  readonly stats: BlockingStats = { candidatePairs: 0, blocks: 0, cappedBlocks: 0 };
  private readonly rules: RuleBlocks[] = [];
  private readonly seen: Int32Array;

  private readonly window: number;

  constructor(records: readonly PreparedRecord[], rules: readonly BlockingRule[], private readonly cap: number, window = cap) {
    this.window = window;
    const n = records.length;
    this.seen = new Int32Array(n).fill(-1);
    // Two sort orders for capped blocks: by name and birth year, and by place, patronymic and year.
    // In one order a record lacking the sort field (no birth year) sorts to the block's start, away
    // from its person; the other order still brings it beside records of the same place or father.
    const sortKeys: (string[] | null)[] = [null, null];
    const makeKey = [
      (record: PreparedRecord) => `${record.surname?.stem ?? ''}|${record.given?.stem ?? ''}|${record.birth?.year ?? ''}`,
      (record: PreparedRecord) => `${record.place ?? ''}|${record.patronymic?.stem ?? ''}|${record.birth?.year ?? ''}`,
    ];
    const sortKey = (order: number, index: number) => {
      const keys = (sortKeys[order] ??= new Array<string>(n));
      let key = keys[index];
      if (key === undefined) key = keys[index] = makeKey[order]!(records[index]!);
      return key;
    };
    for (const rule of rules) {
      // Pass 1: block ids and sizes.
      const idOfKey = new Map<string, number>();
      let entryRecord = new Int32Array(Math.max(16, n));
      let entryBlock = new Int32Array(Math.max(16, n));
      let entries = 0;
      for (let index = 0; index < n; index++) {
        const keys = rule.keys(records[index]!);
        for (let k = 0; k < keys.length; k++) {
          const key = keys[k];
          if (key === null || key === undefined || keys.indexOf(key) < k) continue;
          let id = idOfKey.get(key);
          if (id === undefined) idOfKey.set(key, (id = idOfKey.size));
          if (entries === entryRecord.length) {
            const grownRecord = new Int32Array(entries * 2);
            grownRecord.set(entryRecord);
            entryRecord = grownRecord;
            const grownBlock = new Int32Array(entries * 2);
            grownBlock.set(entryBlock);
            entryBlock = grownBlock;
          }
          entryRecord[entries] = index;
          entryBlock[entries++] = id;
        }
      }
      const size = new Int32Array(idOfKey.size);
      idOfKey.clear();
      for (let e = 0; e < entries; e++) size[entryBlock[e]!]!++;
      // Renumber the blocks of two or more records; the rest pair nothing.
      const kept = new Int32Array(size.length).fill(-1);
      let blocks = 0;
      const largest = rule.maxBlock ?? Infinity;
      for (let k = 0; k < size.length; k++) if (size[k]! >= 2 && size[k]! <= largest) kept[k] = blocks++;
      const start = new Int32Array(blocks + 1);
      for (let k = 0; k < size.length; k++) if (kept[k]! >= 0) start[kept[k]! + 1] = size[k]!;
      for (let k = 0; k < blocks; k++) start[k + 1]! += start[k]!;
      const members = new Int32Array(start[blocks]!);
      const fill = start.slice(0, blocks);
      const recordCount = new Int32Array(n + 1);
      for (let e = 0; e < entries; e++) {
        const block = kept[entryBlock[e]!]!;
        if (block < 0) continue;
        members[fill[block]!++] = entryRecord[e]!;
        recordCount[entryRecord[e]! + 1]!++;
      }
      const capped = new Uint8Array(blocks);
      const members2 = members.slice();
      for (let k = 0; k < blocks; k++) {
        const length = start[k + 1]! - start[k]!;
        if (length <= cap) continue;
        capped[k] = 1;
        this.stats.cappedBlocks++;
        for (const [order, target] of [members, members2].entries()) {
          const sorted = Array.from(target.subarray(start[k]!, start[k + 1]!)).sort((x, y) => {
            const a = sortKey(order, x);
            const b = sortKey(order, y);
            return a < b ? -1 : a > b ? 1 : x - y;
          });
          target.set(sorted, start[k]!);
        }
      }
      this.stats.blocks += blocks;
      for (let index = 0; index < n; index++) recordCount[index + 1]! += recordCount[index]!;
      const recordBlock = new Int32Array(recordCount[n]!);
      const recordPlace = new Int32Array(recordCount[n]!);
      const recordPlace2 = new Int32Array(recordCount[n]!);
      const recordFill = recordCount.slice(0, n);
      for (let k = 0; k < blocks; k++) {
        for (let place = start[k]!; place < start[k + 1]!; place++) {
          const record = members[place]!;
          recordBlock[recordFill[record]!] = k;
          recordPlace[recordFill[record]!++] = place;
        }
      }
      // Place of each record in the second order (a record sits once in a block, so its entries for
      // block k are found by block number).
      const where = new Map<number, number>();
      for (let k = 0; k < blocks; k++) {
        if (!capped[k]) continue;
        where.clear();
        for (let place = start[k]!; place < start[k + 1]!; place++) where.set(members2[place]!, place);
        for (let place = start[k]!; place < start[k + 1]!; place++) {
          const record = members[place]!;
          for (let r = recordCount[record]!; r < recordCount[record + 1]!; r++) if (recordBlock[r] === k) recordPlace2[r] = where.get(record)!;
        }
      }
      this.rules.push({ start, members, members2, capped, recordStart: recordCount, recordBlock, recordPlace, recordPlace2 });
    }
  }

  /**
   * The candidates b > a of record a, each once, written to `out` (which must hold n entries);
   * returns how many. Calls for different records may come in any order.
   */
  candidatesOf(a: number, out: Int32Array): number {
    const seen = this.seen;
    let count = 0;
    for (const rule of this.rules) {
      for (let r = rule.recordStart[a]!; r < rule.recordStart[a + 1]!; r++) {
        const block = rule.recordBlock[r]!;
        const from = rule.start[block]!;
        const to = rule.start[block + 1]!;
        if (rule.capped[block]) {
          const first = rule.start[block]!;
          const last = rule.start[block + 1]!;
          for (const [members, place] of [[rule.members, rule.recordPlace[r]!], [rule.members2, rule.recordPlace2[r]!]] as const) {
            for (let at = Math.max(first, place - this.window); at < Math.min(last, place + this.window + 1); at++) {
              const b = members[at]!;
              if (b <= a || seen[b] === a) continue;
              seen[b] = a;
              out[count++] = b;
            }
          }
          continue;
        }
        for (let place = from; place < to; place++) {
          const b = rule.members[place]!;
          if (b <= a || seen[b] === a) continue;
          seen[b] = a;
          out[count++] = b;
        }
      }
    }
    return count;
  }
}

/**
 * Candidate pairs as a sorted Float64Array of a * n + b (a < b): the union of every rule's blocks,
 * each pair once (see CandidateIndex). For small lists and tests; linkage streams the pairs instead.
 */
export function candidatePairs(records: readonly PreparedRecord[], rules: readonly BlockingRule[], cap: number, window = cap): { pairs: Float64Array; stats: BlockingStats } {
  const n = records.length;
  const index = new CandidateIndex(records, rules, cap, window);
  const out = new Int32Array(n);
  let buffer = new Float64Array(1024);
  let length = 0;
  for (let a = 0; a < n; a++) {
    const count = index.candidatesOf(a, out);
    if (length + count > buffer.length) {
      const grown = new Float64Array(Math.max(buffer.length * 2, length + count));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    for (let c = 0; c < count; c++) buffer[length++] = a * n + out[c]!;
  }
  const pairs = buffer.slice(0, length).sort();
  return { pairs, stats: { ...index.stats, candidatePairs: length } };
}
