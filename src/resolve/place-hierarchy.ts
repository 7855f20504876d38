import { z } from 'zod';
import hierarchyData from './place-hierarchy.json' with { type: 'json' };

const PlaceHierarchyFile = z.object({ parents: z.record(z.string().min(1), z.string().min(1)) });

const parents = new Map(Object.entries(PlaceHierarchyFile.parse(hierarchyData).parents).map(([child, parent]) => [child.toLowerCase(), parent]));

// A place names its own parent chain; a cycle in the data would make that endless, so refuse it at load.
for (const start of parents.keys()) {
  const seen = new Set<string>([start]);
  for (let place = parents.get(start); place; place = parents.get(place.toLowerCase())) {
    if (seen.has(place.toLowerCase())) throw new Error(`place-hierarchy.json: ${start} lies within itself`);
    seen.add(place.toLowerCase());
  }
}

/** The places that contain `place`, nearest first: Grozny → [Chechnya, North Caucasus, Russia]. */
export function ancestorsOf(place: string): string[] {
  const chain: string[] = [];
  for (let parent = parents.get(place.toLowerCase()); parent; parent = parents.get(parent.toLowerCase())) chain.push(parent);
  return chain;
}

/** How two scenes relate: the same place, one inside the other, or apart (or unknown to the hierarchy). */
export function placeRelation(a: string, b: string): 'same' | 'within' | 'apart' | 'unknown' {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  if (left === right) return 'same';
  const leftUp = ancestorsOf(a).map((place) => place.toLowerCase());
  const rightUp = ancestorsOf(b).map((place) => place.toLowerCase());
  if (leftUp.includes(right) || rightUp.includes(left)) return 'within';
  if (leftUp.length === 0 && rightUp.length === 0 && !parents.has(left) && !parents.has(right)) return 'unknown';
  return 'apart';
}

/** How deep a place sits (Russia 1, Chechnya 3, Grozny 4): deeper is more specific. */
export function placeDepth(place: string): number {
  return ancestorsOf(place).length + 1;
}
