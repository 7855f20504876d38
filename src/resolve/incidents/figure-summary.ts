import type { FigureBound } from '../../model/vocabulary.js';

/** One figure as a sourced claim, the way an incident shows it. */
export interface FigureClaim {
  claimId: string;
  what: string;
  value: number;
  max: number | null;
  bound: FigureBound;
  documentId: string;
  start: number;
  end: number;
  quote: string;
  attributedTo: string | null;
  /** The source the figure traces back to (see source-independence.ts). */
  origins: string[];
  status: string;
}

export interface FigureSummary {
  what: string;
  claims: FigureClaim[];
  /** The least and the most any claim allows (`high` null: open-ended, "at least 6"). */
  low: number;
  high: number | null;
  /** Claims give different numbers. */
  differ: boolean;
  /** At least two claims cannot both be true ("exactly 2" and "at least 6"). */
  conflict: boolean;
  /** Distinct original sources behind the claims. */
  independentSources: number;
}

/** The values a claim allows: "at least 6" is [6, ∞), "about 40" is [30, 50]. */
export function allowedRange(claim: { value: number; max: number | null; bound: FigureBound }): [number, number] {
  const { value } = claim;
  switch (claim.bound) {
    case 'exact':
      return [value, value];
    case 'at_least':
      return [value, Infinity];
    case 'more_than':
      return [Math.floor(value) + 1, Infinity];
    case 'about':
      return [Math.floor(value * 0.75), Math.ceil(value * 1.25)];
    case 'at_most':
      return [0, value];
    case 'range':
      return [value, claim.max ?? value];
    default:
      return [value, value];
  }
}

/** Summarise the claims of one category of one incident: range, disagreement, conflict, independent sources. */
export function summarizeFigures(what: string, claims: FigureClaim[]): FigureSummary {
  const ranges = claims.map(allowedRange);
  const low = Math.min(...claims.map((claim) => claim.value));
  const highs = claims.map((claim) => (claim.bound === 'at_least' || claim.bound === 'more_than' ? Infinity : (claim.max ?? claim.value)));
  const high = Math.max(...highs);
  let conflict = false;
  for (let i = 0; i < ranges.length && !conflict; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      const [a0, a1] = ranges[i]!;
      const [b0, b1] = ranges[j]!;
      if (Math.max(a0, b0) > Math.min(a1, b1)) {
        conflict = true;
        break;
      }
    }
  }
  const differ = new Set(claims.map((claim) => `${claim.value}/${claim.max}/${claim.bound}`)).size > 1;
  const origins = new Set(claims.flatMap((claim) => claim.origins));
  return { what, claims, low, high: Number.isFinite(high) ? high : null, differ, conflict, independentSources: origins.size };
}
