import type { PreparedRecord } from './record.js';

/** A blocking rule: the keys under which a record is filed; records sharing a key become candidates. */
export interface BlockingRule {
  name: string;
  keys: (record: PreparedRecord) => (string | null)[];
}

const year = (record: PreparedRecord) => record.birth?.year ?? null;
const join = (...parts: (string | number | null | undefined)[]) => (parts.some((part) => part === null || part === undefined || part === '') ? null : parts.join('|'));

/**
 * The rules whose blocks are united. Each tolerates a different error: phonetic surname + birth year
 * (spelling, gender and case forms), phonetic given name + birth year (a surname changed or
 * misspelled beyond phonetics), both name stems in either order (no or wrong birth date, swapped
 * columns), full birth date + initial (names badly garbled), and the strong identifiers.
 */
export const BLOCKING_RULES: readonly BlockingRule[] = [
  { name: 'surname-phonetic+year', keys: (r) => (r.surname?.phonetic ?? []).map((code) => join('s', code, year(r))) },
  { name: 'given-phonetic+year', keys: (r) => (r.given?.phonetic ?? []).map((code) => join('g', code, year(r))) },
  { name: 'name-stems', keys: (r) => [r.given && r.surname ? join('n', ...[r.given.stem, r.surname.stem].sort()) : null] },
  { name: 'birth-date+initial', keys: (r) => [r.birth?.day ? join('d', r.birth.year, r.birth.month, r.birth.day, r.surname?.keys[0]?.[0] ?? r.given?.keys[0]?.[0]) : null] },
  { name: 'birth-date+given-initial', keys: (r) => [r.birth?.day ? join('e', r.birth.year, r.birth.month, r.birth.day, r.given?.keys[0]?.[0]) : null] },
  { name: 'birth-date', keys: (r) => [r.birth?.day ? join('b', r.birth.year, r.birth.month, r.birth.day) : null] },
  { name: 'names-phonetic', keys: (r) => [r.given?.phonetic[0] && r.surname?.phonetic[0] ? join('m', ...[r.given.phonetic[0], r.surname.phonetic[0]].sort()) : null] },
  { name: 'surname-phonetic+given-initial', keys: (r) => (r.surname?.phonetic ?? []).map((code) => join('t', code, r.given?.keys[0]?.[0])) },
  // Diminutives and nicknames (Tom / Thomas, Саша / Александр) share no phonetic code with the full name.
  { name: 'given-equivalent+year', keys: (r) => (r.given?.groups ?? []).map((group) => join('v', group, year(r))) },
  { name: 'given-equivalent+surname-phonetic', keys: (r) => (r.given?.groups ?? []).flatMap((group) => (r.surname?.phonetic ?? []).map((code) => join('w', group, code))) },
  { name: 'id-number', keys: (r) => [join('i', r.idNumber)] },
  { name: 'email', keys: (r) => [join('@', r.email)] },
  { name: 'postcode', keys: (r) => [join('p', r.postcode)] },
  { name: 'place+given-phonetic', keys: (r) => (r.given?.phonetic ?? []).map((code) => join('q', code, r.place)) },
  { name: 'place+surname-phonetic', keys: (r) => (r.surname?.phonetic ?? []).map((code) => join('r', code, r.place)) },
];

export interface BlockingStats {
  candidatePairs: number;
  blocks: number;
  cappedBlocks: number;
}

/**
 * Candidate pairs: the union of every rule's blocks, each pair once (a < b). A block larger than
 * `cap` is not compared all-against-all: its records are sorted by name and date and each is paired
 * with the next `cap` only (a sorted-neighbourhood window), so the work stays near-linear in records.
 * Returns pairs encoded as a * n + b in a sorted Float64Array.
 */
export function candidatePairs(records: readonly PreparedRecord[], rules: readonly BlockingRule[], cap: number): { pairs: Float64Array; stats: BlockingStats } {
  const n = records.length;
  let buffer = new Float64Array(1 << 16);
  let length = 0;
  const push = (a: number, b: number) => {
    if (length === buffer.length) {
      const grown = new Float64Array(buffer.length * 2);
      grown.set(buffer);
      buffer = grown;
    }
    buffer[length++] = a < b ? a * n + b : b * n + a;
  };
  let blockCount = 0;
  let capped = 0;
  const sortKey = (index: number) => {
    const record = records[index]!;
    return `${record.surname?.stem ?? ''}|${record.given?.stem ?? ''}|${record.birth?.year ?? ''}`;
  };
  for (const rule of rules) {
    const blocks = new Map<string, number[]>();
    for (let index = 0; index < n; index++) {
      const keys = rule.keys(records[index]!);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        if (key === null || key === undefined || keys.indexOf(key) < k) continue;
        const block = blocks.get(key);
        if (block) block.push(index);
        else blocks.set(key, [index]);
      }
    }
    for (const members of blocks.values()) {
      if (members.length < 2) continue;
      blockCount++;
      if (members.length <= cap) {
        for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) push(members[i]!, members[j]!);
        continue;
      }
      capped++;
      const keyed = members.map((index) => ({ index, key: sortKey(index) })).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.index - y.index));
      for (let i = 0; i < keyed.length; i++) for (let j = i + 1; j <= i + cap && j < keyed.length; j++) push(keyed[i]!.index, keyed[j]!.index);
    }
  }
  const all = buffer.subarray(0, length).sort();
  let unique = 0;
  for (let index = 0; index < all.length; index++) if (index === 0 || all[index] !== all[index - 1]) all[unique++] = all[index]!;
  return { pairs: all.slice(0, unique), stats: { candidatePairs: unique, blocks: blockCount, cappedBlocks: capped } };
}
