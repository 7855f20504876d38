import type { AnalyzedText, Token } from '../analyzed-text.js';
import type { DatePrecision, ExtractedDate } from '../extraction.js';
import { WordSet } from './cue-pattern.js';
import { datesLexicon } from './lexicon.js';

/** A calendar day as numbers; months 1–12. */
interface Day {
  year: number;
  month: number;
  day: number;
}

interface Found {
  first: number;
  end: number;
  value: string | null;
  precision: DatePrecision;
  relative: boolean;
}

const { months, weekdays, seasons } = datesLexicon;
const monthOf = (token: Token | undefined): number | undefined =>
  token && token.kind === 'word' && token.text[0] !== token.text[0]!.toLowerCase() && Object.hasOwn(months, token.lower) ? months[token.lower] : undefined;
const weekdayOf = (token: Token | undefined): number | undefined =>
  token && token.kind === 'word' && Object.hasOwn(weekdays, token.lower) ? weekdays[token.lower] : undefined;
const seasonOf = (token: Token | undefined): number | undefined => (token && Object.hasOwn(seasons, token.lower) ? seasons[token.lower] : undefined);

const relatives = datesLexicon.relative.map((entry) => ({ ...entry, words: entry.words.split(' ') })).sort((a, b) => b.words.length - a.words.length);
const approximators = datesLexicon.approximators.map((words) => words.split(' ')).sort((a, b) => b.length - a.length);
const yearLeads = new WordSet(['in', 'since', 'by', 'until', 'till', 'of', 'during', 'from', 'before', 'after', 'throughout', 'between', 'and', 'to', 'early', 'late', 'mid', 'spring', 'summer', 'autumn', 'fall', 'winter']);

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (day: Day) => `${day.year}-${pad(day.month)}-${pad(day.day)}`;
const yearMonth = (year: number, month: number) => `${year}-${pad(month)}`;

function yearOf(token: Token | undefined): number | undefined {
  if (!token || token.kind !== 'number' || !/^\d{4}$/.test(token.text)) return undefined;
  const year = Number(token.text);
  return year >= 1800 && year <= 2100 ? year : undefined;
}

function dayOf(token: Token | undefined): number | undefined {
  if (!token || token.kind !== 'number' || !/^\d{1,2}$/.test(token.text)) return undefined;
  const day = Number(token.text);
  return day >= 1 && day <= 31 ? day : undefined;
}

function parsePublished(publishedAt: string | null): Day | null {
  const match = publishedAt ? /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt) : null;
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

function addDays(day: Day, days: number): Day {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const weekdayOfDay = (day: Day) => new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();

/** A month (and day) without a year: the latest such date not after publication. */
function inferYear(published: Day | null, month: number, day = 1): number | null {
  if (!published) return null;
  return month > published.month || (month === published.month && day > published.day) ? published.year - 1 : published.year;
}

/** "on Monday": the latest such weekday on or before the published date (a same-day report says "on Monday" too). */
function resolveWeekday(published: Day | null, weekday: number): string | null {
  if (!published) return null;
  const back = (weekdayOfDay(published) - weekday + 7) % 7;
  return iso(addDays(published, -back));
}

function resolveRelative(published: Day | null, unit: string, offset: number): { value: string | null; precision: DatePrecision } {
  if (!published) return { value: null, precision: unit === 'day' ? 'day' : unit === 'month' ? 'month' : unit === 'year' ? 'year' : 'approximate' };
  switch (unit) {
    case 'day':
      return { value: iso(addDays(published, offset)), precision: 'day' };
    case 'week':
      return { value: iso(addDays(published, offset * 7)), precision: 'approximate' };
    case 'weekend': {
      const saturday = resolveWeekday(addDays(published, offset === 0 ? 6 : -1), 6);
      return { value: saturday, precision: 'approximate' };
    }
    case 'month': {
      const index = published.year * 12 + (published.month - 1) + offset;
      return { value: yearMonth(Math.floor(index / 12), (index % 12) + 1), precision: 'month' };
    }
    case 'year':
      return { value: String(published.year + offset), precision: 'year' };
    default:
      return { value: iso(published), precision: 'approximate' };
  }
}

const startsWith = (tokens: readonly Token[], index: number, words: readonly string[]) =>
  words.every((word, k) => tokens[index + k]?.lower === word);

/** One date expression starting at `i`, or null. */
function readDate(tokens: readonly Token[], i: number, published: Day | null): Found | null {
  const token = tokens[i]!;

  // 2017-04-14
  if (yearOf(token) !== undefined && tokens[i + 1]?.text === '-' && tokens[i + 3]?.text === '-') {
    const month = Number(tokens[i + 2]?.text);
    const day = dayOf(tokens[i + 4]);
    const glued = tokens[i + 4] && tokens[i + 4]!.start === tokens[i + 3]!.end && tokens[i + 1]!.start === token.end;
    if (glued && day !== undefined && month >= 1 && month <= 12) return { first: i, end: i + 5, value: iso({ year: yearOf(token)!, month, day }), precision: 'day', relative: false };
  }

  // 14 April 2017, 14 April
  const leadDay = dayOf(token);
  if (leadDay !== undefined && monthOf(tokens[i + 1]) !== undefined) {
    const month = monthOf(tokens[i + 1])!;
    let end = i + 2;
    if (tokens[end]?.text === '.') end++;
    if (tokens[end]?.text === ',') end++;
    const year = yearOf(tokens[end]);
    if (year !== undefined) return { first: i, end: end + 1, value: iso({ year, month, day: leadDay }), precision: 'day', relative: false };
    const inferred = inferYear(published, month, leadDay);
    return { first: i, end: i + 2, value: inferred === null ? null : iso({ year: inferred, month, day: leadDay }), precision: 'day', relative: inferred !== null };
  }

  // April 14, 2017 / April 14 / April 2017 / in April
  const month = monthOf(token);
  if (month !== undefined) {
    let next = i + 1;
    if (tokens[next]?.text === '.' && tokens[next]!.start === token.end) next++;
    const day = dayOf(tokens[next]);
    if (day !== undefined) {
      let end = next + 1;
      if (/^(st|nd|rd|th)$/.test(tokens[end]?.lower ?? '') && tokens[end]!.start === tokens[next]!.end) end++;
      let yearIndex = end;
      if (tokens[yearIndex]?.text === ',') yearIndex++;
      const year = yearOf(tokens[yearIndex]);
      if (year !== undefined) return { first: i, end: yearIndex + 1, value: iso({ year, month, day }), precision: 'day', relative: false };
      const inferred = inferYear(published, month, day);
      return { first: i, end, value: inferred === null ? null : iso({ year: inferred, month, day }), precision: 'day', relative: inferred !== null };
    }
    const year = yearOf(tokens[next]);
    if (year !== undefined) return { first: i, end: next + 1, value: yearMonth(year, month), precision: 'month', relative: false };
    // A bare month name only after a preposition ("in March"): "May" and "March" are also words.
    if (yearLeads.has(tokens[i - 1]) || tokens[i - 1]?.lower === 'last' || tokens[i - 1]?.lower === 'this') {
      const inferred = inferYear(published, month);
      return { first: i, end: i + 1, value: inferred === null ? null : yearMonth(inferred, month), precision: 'month', relative: true };
    }
    return null;
  }

  // Yesterday, last month, earlier this year, over the weekend
  for (const entry of relatives) {
    if (!startsWith(tokens, i, entry.words)) continue;
    const { value, precision } = resolveRelative(published, entry.unit, entry.offset);
    return { first: i, end: i + entry.words.length, value, precision, relative: true };
  }

  // (on) Monday
  const weekday = weekdayOf(token);
  if (weekday !== undefined && token.text[0] !== token.text[0]!.toLowerCase()) {
    return { first: i, end: i + 1, value: resolveWeekday(published, weekday), precision: 'day', relative: true };
  }

  // in 2017, since 2015
  const year = yearOf(token);
  if (year !== undefined && yearLeads.has(tokens[i - 1])) return { first: i, end: i + 1, value: String(year), precision: 'year', relative: false };
  // the 2017 purge, its 2019 report: a year naming which event is meant
  if (year !== undefined && /^(the|its|their|this|that)$/.test(tokens[i - 1]?.lower ?? '') && tokens[i + 1]?.kind === 'word' && tokens[i + 1]!.text === tokens[i + 1]!.lower) {
    return { first: i, end: i + 1, value: String(year), precision: 'year', relative: false };
  }

  // spring 2017
  const season = seasonOf(token);
  if (season !== undefined && yearOf(tokens[i + 1]) !== undefined) {
    return { first: i, end: i + 2, value: yearMonth(yearOf(tokens[i + 1])!, season), precision: 'approximate', relative: false };
  }
  return null;
}

/** "early 2017", "late March", "the end of December": an approximator before a date widens it. */
function approximatorBefore(tokens: readonly Token[], first: number): number | null {
  for (const words of approximators) {
    const start = first - words.length;
    if (start >= 0 && startsWith(tokens, start, words)) return start;
  }
  // "mid-March" is one token.
  return null;
}

/** Absolute and relative dates, resolved against the published date (YYYY-MM-DD) when given. */
export function extractDates(analyzed: AnalyzedText, publishedAt: string | null): ExtractedDate[] {
  const published = parsePublished(publishedAt);
  const dates: ExtractedDate[] = [];
  const { text } = analyzed;
  for (const sentence of analyzed.sentences) {
    const { tokens } = sentence;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.kind === 'punct') continue;
      let found: Found | null;
      // "mid-March", "mid-2017"
      if (/^mid[-‐‑]/.test(token.lower)) {
        const rest = token.lower.slice(4);
        const month = Object.hasOwn(months, rest) ? months[rest]! : undefined;
        if (month !== undefined) {
          const year = yearOf(tokens[i + 1]) ?? inferYear(published, month);
          found = { first: i, end: yearOf(tokens[i + 1]) ? i + 2 : i + 1, value: year === null ? null : yearMonth(year, month), precision: 'approximate', relative: !yearOf(tokens[i + 1]) };
        } else found = null;
      } else if (token.lower === 'mid' && tokens[i + 1]?.text === '-' && yearOf(tokens[i + 2]) !== undefined) {
        found = { first: i, end: i + 3, value: String(yearOf(tokens[i + 2])), precision: 'approximate', relative: false };
      } else {
        found = readDate(tokens, i, published);
      }
      if (!found) continue;
      const approximateStart = approximatorBefore(tokens, found.first);
      let first = found.first;
      let precision = found.precision;
      let value = found.value;
      if (approximateStart !== null) {
        first = approximateStart;
        precision = 'approximate';
        // "late 2018" is its last months, "early 2018" its first: narrow a year to the month around which it is meant.
        const lead = tokens[approximateStart]!.lower;
        if (value !== null && /^\d{4}$/.test(value)) {
          if (lead === 'early' || ((lead === 'the' || lead === 'beginning' || lead === 'start') && /beginning|start/.test(tokens.slice(approximateStart, found.first).map((word) => word.lower).join(' ')))) value = `${value}-02`;
          else if (lead === 'late' || /\bend\b/.test(tokens.slice(approximateStart, found.first).map((word) => word.lower).join(' '))) value = `${value}-11`;
          else if (lead === 'mid' || /middle/.test(tokens.slice(approximateStart, found.first).map((word) => word.lower).join(' '))) value = `${value}-06`;
        }
      }
      const start = tokens[first]!.start;
      const end = tokens[found.end - 1]!.end;
      dates.push({ text: text.slice(start, end), start, end, value, precision, relative: found.relative });
      i = found.end - 1;
    }
  }
  return dates;
}
