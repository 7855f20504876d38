/**
 * Lines of evidence: a claim counts once per original source. "The LGBT Network told The Telegraph"
 * in The Telegraph and "according to The Telegraph" in a blog are one line: the blog's claim traces
 * to The Telegraph, whose own claim traces to the LGBT Network.
 */

const TITLE_WORDS = /^(the|a|an)\s+/;

/** A source's name for comparison: lower case, no leading article, no punctuation. */
export function sourceKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(TITLE_WORDS, '');
}

/** Two names of one source: equal, or the shorter (two words or more) is a run of the longer's words. */
export function sameSource(a: string, b: string): boolean {
  const left = sourceKey(a);
  const right = sourceKey(b);
  if (left === right) return true;
  const [short, long] = left.length < right.length ? [left, right] : [right, left];
  return short.includes(' ') && ` ${long} `.includes(` ${short} `);
}

export interface SourcedClaim {
  /** Who the document credits the claim to, if anyone. */
  attributedTo: string | null;
  /** The outlet or organisation that published the document (null when unknown: then the document itself). */
  publisher: string | null;
  documentId: string;
}

/**
 * The original sources of each claim. A claim credited to someone is theirs; an uncredited one
 * is its publisher's. When the source is itself a publisher in the set, its own claims' origins are
 * followed (cycle-safe), so re-reporting chains collapse to their first witness.
 */
/**
 * Whether an attribution names someone ("Novaya Gazeta", "Igor Kochetkov") rather than describes
 * them ("activists", "the paper", "officials"): a description cannot be told apart from the
 * publisher's other sources, so it counts as the publisher's own line.
 */
export function isNamedSource(name: string): boolean {
  return /^(?:the\s+)?\p{Lu}/u.test(name.trim()) && !/^the\s+\p{Ll}/u.test(name.trim());
}

export function originsOf(claims: readonly SourcedClaim[]): string[][] {
  const named = (claim: SourcedClaim) => (claim.attributedTo && isNamedSource(claim.attributedTo) ? claim.attributedTo : null);
  const direct = claims.map((claim) => named(claim) ?? claim.publisher ?? `document ${claim.documentId}`);
  const publishers = new Map<string, number[]>();
  claims.forEach((claim, index) => {
    if (!claim.publisher) return;
    const key = sourceKey(claim.publisher);
    publishers.set(key, [...(publishers.get(key) ?? []), index]);
  });
  const publisherOf = (name: string): number[] | undefined => {
    for (const [key, indexes] of publishers) if (sameSource(key, name)) return indexes;
    return undefined;
  };
  const resolve = (index: number, seen: Set<number>): string[] => {
    const source = direct[index]!;
    const claim = claims[index]!;
    // Credited to another publisher of the set: follow what that publisher's own claims rest on.
    const credited = named(claim);
    if (credited && (!claim.publisher || !sameSource(credited, claim.publisher))) {
      const theirs = publisherOf(credited)?.filter((other) => !seen.has(other));
      if (theirs && theirs.length > 0) {
        const next = new Set(seen).add(index);
        return [...new Set(theirs.flatMap((other) => resolve(other, next)))];
      }
    }
    return [source];
  };
  // Names of one source spelled differently collapse to the first spelling seen.
  const canonical: string[] = [];
  const canonicalOf = (name: string) => {
    const found = canonical.find((known) => sameSource(known, name));
    if (found) return found;
    canonical.push(name);
    return name;
  };
  return claims.map((_, index) => [...new Set(resolve(index, new Set([index])).map(canonicalOf))]);
}
