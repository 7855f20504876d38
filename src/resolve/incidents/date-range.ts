/** A stretch of days an event may have happened in, as ISO dates (inclusive). */
export interface DateRange {
  start: string;
  end: string;
}

const DAY = 86_400_000;

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const time = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * The days a date claim covers: "2017-04-14" one day, "2017-04" the month, "2017" the year;
 * `approximate` widens it by a month on each side. Null when the value is not a date.
 */
export function rangeOfDate(value: string | null, precision: string): DateRange | null {
  if (!value) return null;
  let range: DateRange | null = null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  const year = /^(\d{4})$/.exec(value);
  if (day && !Number.isNaN(time(value))) range = { start: value, end: value };
  else if (month) {
    const first = Date.UTC(Number(month[1]), Number(month[2]) - 1, 1);
    const last = Date.UTC(Number(month[1]), Number(month[2]), 0);
    if (!Number.isNaN(first)) range = { start: iso(first), end: iso(last) };
  } else if (year) range = { start: `${year[1]}-01-01`, end: `${year[1]}-12-31` };
  if (range && precision === 'approximate') range = { start: iso(time(range.start) - 30 * DAY), end: iso(time(range.end) + 30 * DAY) };
  return range;
}

/** Days between two ranges: 0 when they overlap. */
export function daysApart(a: DateRange, b: DateRange): number {
  if (a.end < b.start) return Math.round((time(b.start) - time(a.end)) / DAY);
  if (b.end < a.start) return Math.round((time(a.start) - time(b.end)) / DAY);
  return 0;
}

/** The smallest range holding both. */
export function span(a: DateRange, b: DateRange): DateRange {
  return { start: a.start < b.start ? a.start : b.start, end: a.end > b.end ? a.end : b.end };
}

/** Days a range covers. */
export function lengthInDays(range: DateRange): number {
  return Math.round((time(range.end) - time(range.start)) / DAY) + 1;
}

/** The range a report published on `published` most likely speaks of, when it gives no date: the preceding weeks. */
export function rangeBefore(published: string, days: number): DateRange {
  const end = time(published.slice(0, 10));
  return { start: iso(end - days * DAY), end: iso(end) };
}
