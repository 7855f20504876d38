import type { ActFlags, ActType, FigureBound, FigureCategory } from '../model/index.js';

/**
 * What extraction finds in one text, as offsets into that text (JavaScript string indices,
 * end exclusive). Documents, ids and review state are added when claims are stored.
 * The JSON printed by `chronicle extract --json` is this object (see ../shared/eval/README.md).
 */
export interface Extraction {
  text: string;
  language: string | null;
  mentions: ExtractedMention[];
  acts: ExtractedAct[];
  figures: ExtractedFigure[];
  attributions: ExtractedAttribution[];
  dates: ExtractedDate[];
}

export type ExtractedMentionKind = 'person' | 'organization' | 'place' | 'group';

/** A span naming an entity; `canonical` is the fullest name the document gives that entity. */
export interface ExtractedMention {
  kind: ExtractedMentionKind;
  text: string;
  start: number;
  end: number;
  canonical: string;
}

/** A violation cue ("were detained", "the arrest of") with how the text presents it. */
export interface ExtractedAct {
  type: ActType;
  text: string;
  start: number;
  end: number;
  flags: ActFlags;
  /** Index into `attributions` of the statement this act is credited to, if any. */
  attribution: number | null;
}

/** A count of victims: "at least 40 detained" is {what: detained, value: 40, bound: at_least}. */
export interface ExtractedFigure {
  what: FigureCategory | 'other';
  value: number;
  max: number | null;
  bound: FigureBound;
  text: string;
  start: number;
  end: number;
  attribution: number | null;
}

/** "according to activists", "Kochetkov told The Telegraph": who a statement is credited to. */
export interface ExtractedAttribution {
  /** The source as named (resolved to a mention's canonical name when one covers it). */
  source: string;
  /** Span of the attribution cue including the source's name. */
  text: string;
  start: number;
  end: number;
  /** Intermediaries from nearest to farthest: "X told The Telegraph" seen in a blog is via The Telegraph. */
  via: string[];
  /** Span of the statement the attribution covers (usually its sentence). */
  coversStart: number;
  coversEnd: number;
}

export type DatePrecision = 'day' | 'month' | 'year' | 'approximate';

/** A date expression resolved, when it can be, against the document's published date. */
export interface ExtractedDate {
  text: string;
  start: number;
  end: number;
  /** ISO 8601 calendar date, year-month or year ("2017-04-01", "2017-04", "2017"); null when unresolvable. */
  value: string | null;
  precision: DatePrecision;
  /** True for "on Monday", "last month": resolved against the published date. */
  relative: boolean;
}

export const NO_FLAGS: ActFlags = Object.freeze({ alleged: false, denied: false, hypothetical: false, negated: false });
