import type { PartialDateValue } from '../../src/model/person.js';
import { ApiFailure } from './api.js';

/*
 * Pure helpers of the Persons view: partial dates as a list writes them, refusals in words, and the
 * scale of the estimate's interval bar. Kept apart from the components so test/web can check them.
 */

/** "1971-06" for a date known to the month, "1960" to the year: the form `date()` of i18n reads at that precision. */
export function partialDateText(value: PartialDateValue | null): string | null {
  if (!value) return null;
  const pad = (part: number) => String(part).padStart(2, '0');
  if (value.month === null) return String(value.year).padStart(4, '0');
  if (value.day === null) return `${String(value.year).padStart(4, '0')}-${pad(value.month)}`;
  return `${String(value.year).padStart(4, '0')}-${pad(value.month)}-${pad(value.day)}`;
}

/** The messages a refusal is told with (a subset of i18n's keys; i18n's `t` fits). */
type RefusalKey = 'persons.failed' | 'persons.failed403' | 'persons.failed404' | 'persons.failed409' | 'persons.failedNetwork';

/** A failed change in words: what the server said, and what the status means for the person acting. */
export function refusalText(t: (key: RefusalKey, params: Record<string, string | number>) => string, failure: unknown): string {
  if (!(failure instanceof ApiFailure)) return t('persons.failedNetwork', { message: failure instanceof Error ? failure.message : String(failure) });
  if (failure.status === 403) return t('persons.failed403', { message: failure.message });
  if (failure.status === 404) return t('persons.failed404', { message: failure.message });
  if (failure.status === 409) return t('persons.failed409', { message: failure.message });
  return t('persons.failed', { status: failure.status, message: failure.message });
}

/** Where an interval bar's marks go: positions from 0 to 1 on a scale from 0 to a round top. */
export interface IntervalScale {
  top: number;
  at(value: number): number;
  ticks: number[];
}

/** A scale from zero that holds the observed count, N and the interval's finite limits, with round ticks. */
export function intervalScale(values: readonly (number | null)[]): IntervalScale {
  const finite = values.filter((value): value is number => value !== null && Number.isFinite(value) && value >= 0);
  const highest = Math.max(1, ...finite) * 1.08;
  const magnitude = 10 ** Math.floor(Math.log10(highest));
  const step = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => highest / candidate <= 5) ?? 10 * magnitude;
  const top = Math.ceil(highest / step) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top + step / 2; tick += step) ticks.push(Math.round(tick * 1000) / 1000);
  return { top, at: (value) => Math.min(1, Math.max(0, value / top)), ticks };
}
