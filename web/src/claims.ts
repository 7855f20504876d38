import type { ClaimView } from '../../src/model/api.js';

// Pure helpers (no React, no DOM), unit-tested in test/web/claims.test.ts.

/**
 * What a highlighted span is, for colour, underline style and legend: mentions split by what they
 * name; acts, figures, attributions and dates by claim kind.
 */
export type SpanKind = 'person' | 'organization' | 'place' | 'act' | 'figure' | 'attribution' | 'date';
export const SPAN_KINDS: readonly SpanKind[] = ['person', 'organization', 'place', 'act', 'figure', 'attribution', 'date'];

export function spanKindOf(claim: Pick<ClaimView, 'kind' | 'property'>): SpanKind {
  if (claim.kind !== 'mention') return claim.kind;
  if (claim.property === 'place') return 'place';
  if (claim.property === 'person') return 'person';
  return 'organization';
}

/** A stretch of text and the claims covering it (innermost first). */
export interface Segment {
  start: number;
  end: number;
  claims: ClaimView[];
}

/**
 * Cut the text at every span boundary: overlapping and nested spans (a name inside an act's
 * sentence) then need no tree, and each piece knows every claim that covers it.
 */
export function segmentText(length: number, claims: readonly ClaimView[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  const usable = claims.filter((claim) => claim.start < claim.end && claim.end <= length);
  for (const claim of usable) {
    cuts.add(claim.start);
    cuts.add(claim.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...usable].sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let open: ClaimView[] = [];
  let next = 0;
  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index] as number;
    const end = points[index + 1] as number;
    open = open.filter((claim) => claim.end > start);
    while (next < byStart.length && (byStart[next] as ClaimView).start <= start) {
      const claim = byStart[next] as ClaimView;
      if (claim.end > start) open.push(claim);
      next += 1;
    }
    const covering = [...open].sort((a, b) => a.end - a.start - (b.end - b.start));
    const last = segments[segments.length - 1];
    if (covering.length === 0 && last && last.claims.length === 0) last.end = end;
    else segments.push({ start, end, claims: covering });
  }
  return segments;
}

/** A figure value as a phrase in the interface language: "at least 40", "30–40". */
export function figurePhrase(value: unknown, boundLabel: (bound: string) => string, number: (n: number) => string): string {
  if (!value || typeof value !== 'object') return '';
  const figure = value as { value?: unknown; max?: unknown; bound?: unknown };
  if (typeof figure.value !== 'number') return '';
  if (figure.bound === 'range' && typeof figure.max === 'number') return `${number(figure.value)}–${number(figure.max)}`;
  if (figure.bound === 'exact' || typeof figure.bound !== 'string') return number(figure.value);
  return `${boundLabel(figure.bound)} ${number(figure.value)}`;
}
