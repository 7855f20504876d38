import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import en from './messages.en.json';
import ru from './messages.ru.json';

/** Interface languages. Every string a person reads lives in messages.<lang>.json, never in code. */
export type Locale = 'en' | 'ru';
export const LOCALES: readonly Locale[] = ['en', 'ru'];

/** A message is a string or, for counts, one string per plural category (Intl.PluralRules). */
type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
export type MessageKey = keyof typeof en;

const catalogs: Record<Locale, Record<string, Message>> = { en, ru };
const STORAGE_KEY = 'chronicle.locale';

function initialLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'ru') return saved;
  } catch {
    // Storage may be disabled; fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export type Params = Record<string, string | number>;

/** Fill {name} placeholders; a count parameter chooses the plural form. */
export function format(locale: Locale, key: MessageKey, params: Params = {}): string {
  const message: Message | undefined = catalogs[locale][key] ?? catalogs.en[key];
  if (message === undefined) return key;
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = typeof params.count === 'number' ? params.count : 0;
    const category = new Intl.PluralRules(locale).select(count);
    text = message[category] ?? message.other ?? key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Params): string;
  /** A date (2019-01-14 or an instant) in the interface language. */
  date(value: string | null, precision?: 'day' | 'month' | 'year'): string;
  number(value: number): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted when storage is disabled; the switch still works for this visit.
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const dayFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    const monthFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    const numberFormat = new Intl.NumberFormat(locale);
    return {
      locale,
      setLocale,
      t: (key, params) => format(locale, key, params),
      date(text, precision = 'day') {
        if (!text) return format(locale, 'common.undated');
        const parsed = new Date(text.length === 7 ? `${text}-01` : text.length === 4 ? `${text}-01-01` : text);
        if (Number.isNaN(parsed.getTime())) return text;
        if (precision === 'year' || text.length === 4) return String(parsed.getUTCFullYear());
        if (precision === 'month' || text.length === 7) return monthFormat.format(parsed);
        return dayFormat.format(parsed);
      },
      number: (value) => numberFormat.format(value),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
