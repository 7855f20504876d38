import { z } from 'zod';
import equivalentsData from './given-name-equivalents.json' with { type: 'json' };
import { latinKey } from './latin-key.js';
import { givenStem } from './stems.js';
import { hasCyrillic, transliterations } from './transliterate.js';

/*
 * Diminutives and nicknames of given names (Bill / William, Peggy / Margaret, Саша / Александр,
 * Sasha / Alexander), from given-name-equivalents.json. Forms are indexed by the given-name stem of
 * every romanisation, the same stem record linkage computes, so Саша, Sasha and Sacha all find the
 * group of Александр. Two names are equivalent when they share a group; a short form in several
 * groups (Al: Albert, Alfred) is equivalent to each of them, which does not make Albert Alfred.
 */

const schema = z.object({ $comment: z.string().optional(), groups: z.array(z.array(z.string().min(1)).min(2)) });
const data = schema.parse(equivalentsData);

function stemsOf(name: string): string[] {
  const spellings = hasCyrillic(name) ? [...transliterations(name).values()] : [name];
  const stems = new Set<string>();
  for (const spelling of spellings) {
    const key = latinKey(spelling);
    if (key) stems.add(givenStem(key));
  }
  return [...stems];
}

const GROUPS_OF_STEM = new Map<string, number[]>();
data.groups.forEach((group, index) => {
  for (const name of group) {
    for (const stem of stemsOf(name)) {
      // One letter is an initial, not a name (Jo and Joe fold to "e").
      if (stem.length < 2) continue;
      const groups = GROUPS_OF_STEM.get(stem);
      if (!groups) GROUPS_OF_STEM.set(stem, [index]);
      else if (!groups.includes(index)) groups.push(index);
    }
  }
});

const NONE: readonly number[] = Object.freeze([]);

/** Equivalence groups of a given name, from the given-name stems of its latin keys; empty when it is in no group. */
export function givenNameGroups(keys: readonly string[]): readonly number[] {
  let found: number[] | null = null;
  for (const key of keys) {
    const stem = givenStem(key);
    if (stem.length < 2) continue;
    const groups = GROUPS_OF_STEM.get(stem);
    if (!groups) continue;
    if (found === null) found = [...groups];
    else for (const group of groups) if (!found.includes(group)) found.push(group);
  }
  return found ?? NONE;
}

/** The formal name of a group (its first form), for explanations. */
export function groupName(group: number): string | undefined {
  return data.groups[group]?.[0];
}

/** Do two group lists share a group? */
export function shareGroup(a: readonly number[], b: readonly number[]): boolean {
  for (const group of a) if (b.includes(group)) return true;
  return false;
}
