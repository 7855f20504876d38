/** A date known to the day, the month or only the year. */
export interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
}

export class DateParseError extends Error {
  override readonly name = 'DateParseError';
}

const MONTHS: Record<string, number> = {};
const MONTH_WORDS = [
  ['январ', 'jan'], ['феврал', 'feb'], ['март', 'мар', 'mar'], ['апрел', 'apr'], ['мая', 'май', 'may'], ['июн', 'jun'],
  ['июл', 'jul'], ['август', 'aug'], ['сентябр', 'sep'], ['октябр', 'oct'], ['ноябр', 'nov'], ['декабр', 'dec'],
];
MONTH_WORDS.forEach((words, index) => words.forEach((word) => (MONTHS[word] = index + 1)));

function monthOfWord(word: string): number | null {
  const lower = word.toLowerCase();
  for (const [prefix, month] of Object.entries(MONTHS)) if (lower.startsWith(prefix)) return month;
  return null;
}

function make(year: number, month: number | null, day: number | null, text: string): PartialDate {
  // Day and month swapped (1504-21-01): read the other way round when only that makes sense.
  if (month !== null && day !== null && month > 12 && day <= 12) [month, day] = [day, month];
  // A typo that leaves a day or month out of range keeps what is still known (19551192 → 1955-11).
  if (month === 0 || (month !== null && month > 12)) month = null;
  if (day === 0 || month === null || (day !== null && day > 31)) day = null;
  if (year === 0 || year < -9999 || year > 2100) throw new DateParseError(`not a date: "${text}"`);
  return { year, month, day };
}

/**
 * Parse a birth date as lists write it: 1971-06-24, 19710624, 24.06.1971, 24/06/1971, 06.1971,
 * 1971-06, 1971, "1971 г.р.", "24 июня 1971", "June 1971". Empty → null. Anything else throws
 * DateParseError. ISO years may be negative (BC, as historical records write them). Zero month or day means unknown; an impossible day or month (a typo) is dropped.
 */
export function parseDate(input: string): PartialDate | null {
  const text = input.trim().replace(/\s*(?:г\.?\s*р\.?|года|год|г\.?)$/i, '').trim();
  if (text === '' || /^(?:n\/?a|null|none|unknown|неизвестно|-|—|\?)$/i.test(text)) return null;
  let match: RegExpExecArray | null;
  if ((match = /^(-?\d{4})$/.exec(text))) return make(Number(match[1]), null, null, input);
  if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) return make(Number(match[1]), Number(match[2]), Number(match[3]), input);
  if ((match = /^(-?\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[T ].*)?$/.exec(text))) return make(Number(match[1]), Number(match[2]), Number(match[3]), input);
  if ((match = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text))) return make(Number(match[3]), Number(match[2]), Number(match[1]), input);
  if ((match = /^(\d{4})[-./](\d{1,2})$/.exec(text))) return make(Number(match[1]), Number(match[2]), null, input);
  if ((match = /^(\d{1,2})[-./](\d{4})$/.exec(text))) return make(Number(match[2]), Number(match[1]), null, input);
  if ((match = /^(?:(\d{1,2})\s+)?(\p{L}+)\.?,?\s+(\d{4})$/u.exec(text))) {
    const month = monthOfWord(match[2]!);
    if (month !== null) return make(Number(match[3]), month, match[1] ? Number(match[1]) : null, input);
  }
  throw new DateParseError(`not a date: "${input}"`);
}

export function formatDate(date: PartialDate): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.year}${date.month === null ? '' : `-${pad(date.month)}`}${date.day === null ? '' : `-${pad(date.day)}`}`;
}
