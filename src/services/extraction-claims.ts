import { EXTRACT_VERSION } from '../extract/extract.js';
import type { Extraction } from '../extract/extraction.js';
import type { NewClaim, ProposedClaims } from '../store/claim.repository.js';

/**
 * Every item of an extraction as a proposed claim on its span. Figures that are not counts of
 * victims ("other") are not claims. Acts and figures keep the attribution their sentence carries.
 */
export function proposedClaimsOf(extraction: Extraction): ProposedClaims {
  const { text } = extraction;
  const quote = (start: number, end: number) => text.slice(start, end);
  const claims: NewClaim[] = [];
  for (const mention of extraction.mentions) {
    claims.push({ kind: 'mention', property: mention.kind, value: { canonical: mention.canonical }, start: mention.start, end: mention.end, quote: quote(mention.start, mention.end), attributionKey: null });
  }
  for (const act of extraction.acts) {
    claims.push({ kind: 'act', property: act.type, value: { type: act.type, flags: act.flags }, start: act.start, end: act.end, quote: quote(act.start, act.end), attributionKey: act.attribution });
  }
  for (const figure of extraction.figures) {
    if (figure.what === 'other') continue;
    claims.push({
      kind: 'figure',
      property: figure.what,
      value: { category: figure.what, value: figure.value, max: figure.max, bound: figure.bound },
      start: figure.start,
      end: figure.end,
      quote: quote(figure.start, figure.end),
      attributionKey: figure.attribution,
    });
  }
  extraction.attributions.forEach((attribution, index) => {
    claims.push({ kind: 'attribution', property: 'attributed_to', value: { source: attribution.source, via: attribution.via }, start: attribution.start, end: attribution.end, quote: quote(attribution.start, attribution.end), attributionKey: index });
  });
  for (const date of extraction.dates) {
    claims.push({ kind: 'date', property: 'date', value: { value: date.value, precision: date.precision, relative: date.relative }, start: date.start, end: date.end, quote: quote(date.start, date.end), attributionKey: null });
  }
  const attributions = extraction.attributions.map((attribution, key) => ({ key, start: attribution.start, end: attribution.end, quote: quote(attribution.start, attribution.end), attributedTo: attribution.source, via: attribution.via }));
  return { producedBy: EXTRACT_VERSION, attributions, claims };
}
