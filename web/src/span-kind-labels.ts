import type { SpanKind } from './claims.js';
import type { MessageKey } from './i18n/i18n.js';

/** The message naming each span kind, in the legend, the claim card and the queue. */
export const spanKindLabel: Record<SpanKind, MessageKey> = {
  person: 'kind.person',
  organization: 'kind.organization',
  place: 'kind.place',
  act: 'kind.act',
  figure: 'kind.figure',
  attribution: 'kind.attribution',
  date: 'kind.date',
};
