import { analyze } from '../../extract/analyzed-text.js';
import type { Claim, FigureValue } from '../../model/claim.js';
import type { ActType, FigureCategory } from '../../model/vocabulary.js';
import { placeDepth } from '../place-hierarchy.js';
import { rangeBefore, rangeOfDate, type DateRange } from './date-range.js';

/** One document with its live claims (not rejected, not orphaned), as incidents read it. */
export interface EvidenceDocument {
  id: string;
  sha256: string;
  origin: string;
  title: string | null;
  publishedAt: string | null;
  /** The outlet or organisation the document comes from. */
  sourceName: string | null;
  text: string;
  claims: readonly Claim[];
  attributions: ReadonlyMap<string, { attributedTo: string; via: string[] }>;
}

/** An act or a figure with the context that decides which incident it belongs to. */
export interface EvidenceUnit {
  /** Document, kind and span: stable when extraction runs again, so analyst decisions can name it. */
  key: string;
  claimId: string;
  kind: 'act' | 'figure';
  documentId: string;
  /** The act, or for a figure the act it counts (null when no act fits, e.g. "wounded"). */
  type: ActType | null;
  start: number;
  end: number;
  quote: string;
  /** Canonical places of its sentence, else of its paragraph, else the document's main place; most specific first. */
  places: string[];
  /** Canonical persons named in its sentence. */
  persons: string[];
  /** The date its sentence or paragraph gives, if any. */
  date: DateRange | null;
  /** Where no date is given: the weeks before publication. */
  implied: DateRange | null;
  attributedTo: string | null;
  via: string[];
  figure: FigureValue | null;
  /** Order of the unit in its document. */
  position: number;
}

const ACT_OF_FIGURE: Record<FigureCategory, ActType | null> = {
  killed: 'killing',
  detained: 'detention',
  tortured: 'torture',
  abducted: 'abduction',
  disappeared: 'abduction',
  displaced: 'displacement',
  threatened: 'threat',
  wounded: null,
};

/** How far back an undated report is taken to reach. */
const IMPLIED_DAYS = 120;

interface Context {
  start: number;
  end: number;
}

const within = (claim: Claim, context: Context) => claim.span.start >= context.start && claim.span.end <= context.end;

function mostSpecificFirst(places: Iterable<string>): string[] {
  return [...new Set(places)].sort((a, b) => placeDepth(b) - placeDepth(a) || a.localeCompare(b));
}

/** The acts and figures of a document, each with the places, persons and date around it. */
export function evidenceUnits(document: EvidenceDocument): EvidenceUnit[] {
  const sentences = analyze(document.text).sentences;
  const paragraphs: Context[] = [];
  let offset = 0;
  for (const paragraph of document.text.split('\n')) {
    paragraphs.push({ start: offset, end: offset + paragraph.length });
    offset += paragraph.length + 1;
  }
  const mentions = document.claims.filter((claim) => claim.kind === 'mention');
  const places = mentions.filter((claim) => claim.property === 'place');
  const persons = mentions.filter((claim) => claim.property === 'person');
  const dates = document.claims.filter((claim) => claim.kind === 'date' && (claim.value as { value: string | null }).value);
  // The document's main place: the most often named, the more specific on a tie.
  const counts = new Map<string, number>();
  for (const place of places) {
    const name = (place.value as { canonical: string }).canonical;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const mainPlace = [...counts].sort((a, b) => b[1] - a[1] || placeDepth(b[0]) - placeDepth(a[0]))[0]?.[0];
  const implied = document.publishedAt ? rangeBefore(document.publishedAt, IMPLIED_DAYS) : null;

  const contextOf = (claim: Claim, contexts: readonly Context[]): Context | null => {
    let low = 0;
    let high = contexts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const context = contexts[middle]!;
      if (claim.span.start < context.start) high = middle - 1;
      else if (claim.span.start > context.end) low = middle + 1;
      else return context;
    }
    return null;
  };
  const placesIn = (context: Context | null) => (context ? places.filter((place) => within(place, context)).map((place) => (place.value as { canonical: string }).canonical) : []);
  // The date a unit's context gives: in its sentence any; in its paragraph the nearest before it
  // ("the 2017 purge. At that time the paper reported…"), else the first after it.
  const dateIn = (context: Context | null, at: number): DateRange | null => {
    if (!context) return null;
    let before: DateRange | null = null;
    let after: DateRange | null = null;
    for (const date of dates) {
      if (!within(date, context)) continue;
      const value = date.value as { value: string; precision: string };
      const range = rangeOfDate(value.value, value.precision);
      if (!range) continue;
      if (date.span.start <= at) before = range;
      else if (!after) after = range;
    }
    return before ?? after;
  };

  const units: EvidenceUnit[] = [];
  const events = document.claims.filter((claim) => claim.kind === 'act' || claim.kind === 'figure').sort((a, b) => a.span.start - b.span.start);
  const acts = events.filter((claim) => claim.kind === 'act');
  events.forEach((claim, position) => {
    const sentence = contextOf(claim, sentences);
    const paragraph = contextOf(claim, paragraphs);
    let type: ActType | null;
    let figure: FigureValue | null = null;
    if (claim.kind === 'act') type = claim.property as ActType;
    else {
      figure = claim.value as FigureValue;
      // A figure counts the victims of the act its sentence reports, else the act its category names.
      const sameSentence = sentence ? acts.find((act) => within(act, sentence)) : undefined;
      type = ACT_OF_FIGURE[figure.category] ?? (sameSentence ? (sameSentence.property as ActType) : null);
    }
    const sentencePlaces = placesIn(sentence);
    const nearPlaces = sentencePlaces.length > 0 ? sentencePlaces : placesIn(paragraph);
    const attribution = claim.attributionId ? document.attributions.get(claim.attributionId) : undefined;
    units.push({
      key: `${document.id}:${claim.kind}:${claim.span.start}:${claim.span.end}`,
      claimId: claim.id,
      kind: claim.kind as 'act' | 'figure',
      documentId: document.id,
      type,
      start: claim.span.start,
      end: claim.span.end,
      quote: claim.span.quote,
      places: mostSpecificFirst(nearPlaces.length > 0 ? nearPlaces : mainPlace ? [mainPlace] : []),
      persons: sentence ? [...new Set(persons.filter((person) => within(person, sentence)).map((person) => (person.value as { canonical: string }).canonical))] : [],
      date: dateIn(sentence, claim.span.start) ?? dateIn(paragraph, claim.span.start),
      implied,
      attributedTo: attribution?.attributedTo ?? null,
      via: attribution?.via ?? [],
      figure,
      position,
    });
  });
  return units;
}
