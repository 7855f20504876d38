import { MAX_LISTS, OverlapTableError, type OverlapTable } from './overlap-table.js';

/*
 * The overlap table of linked persons: a person counts on list A when any of its records came from
 * list A, however many records it has there. Persons on none of the chosen lists are not counted.
 */

/** Build the overlap table of `lists` (in that order) from the lists each person's records came from. */
export function overlapOfPersons(lists: readonly string[], persons: Iterable<Iterable<string>>): OverlapTable {
  if (lists.length > MAX_LISTS) throw new OverlapTableError(`${lists.length} lists: at most ${MAX_LISTS} are supported`);
  if (new Set(lists).size !== lists.length) throw new OverlapTableError('a list is named twice');
  const bit = new Map(lists.map((list, index) => [list, 1 << index]));
  const counts = new Array<number>(2 ** lists.length).fill(0);
  let observed = 0;
  for (const personLists of persons) {
    let mask = 0;
    for (const list of personLists) mask |= bit.get(list) ?? 0;
    if (mask === 0) continue;
    counts[mask]!++;
    observed++;
  }
  return { lists: [...lists], counts, observed };
}
