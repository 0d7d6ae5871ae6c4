/**
 * Interface language: one dictionary per language, `t(key, vars)` for strings, `Intl` for
 * numbers and dates. Shared through context; components never hard-code a string.
 */
import { getContext, setContext } from 'svelte';
import { ar } from './i18n/ar';
import { en, type Dictionary, type MessageKey } from './i18n/en';

export type UiLang = 'ar' | 'en';
export const UI_LANGS: readonly UiLang[] = ['ar', 'en'];
const DICTIONARIES: Record<UiLang, Dictionary> = { ar, en };
const KEY = Symbol('isnad-i18n');

/** Fills `{name}` placeholders; unknown placeholders stay visible so mistakes show. */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The language a browser prefers among ours (Arabic when any Arabic locale comes first). */
export function preferredLang(languages: readonly string[] = []): UiLang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'ar' || base === 'en') return base;
  }
  return 'en';
}

// Formatters are made once per locale and options: making one costs far more than formatting (a
// search's count, the timeline's labels and bins called them by the hundred per keystroke).
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f;
}
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  return f;
}

export class I18n {
  lang = $state<UiLang>('en');

  constructor(lang: UiLang = 'en') {
    this.lang = lang;
  }

  /** Text direction of the interface. */
  get dir(): 'rtl' | 'ltr' {
    return this.lang === 'ar' ? 'rtl' : 'ltr';
  }

  /** A translated string with `{placeholders}` filled; numbers are formatted for the language. */
  t = (key: MessageKey, vars: Record<string, string | number> = {}): string => {
    const formatted: Record<string, string> = {};
    for (const [k, v] of Object.entries(vars)) formatted[k] = typeof v === 'number' ? this.number(v) : v;
    return format(DICTIONARIES[this.lang][key], formatted);
  };

  /** A number in the interface language's digits and grouping. */
  number = (n: number): string => numberFormat(this.lang === 'ar' ? 'ar-EG' : 'en-GB').format(n);

  /** An ISO date (YYYY-MM-DD) as a readable date, computed in UTC so it never shifts a day. */
  date = (iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string => {
    const d = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return iso;
    return dateFormat(this.lang === 'ar' ? 'ar-EG' : 'en-GB', options).format(d);
  };
}

/** Provides the interface language to the component tree (App does this once). */
export function provideI18n(i18n: I18n): I18n {
  return setContext(KEY, i18n);
}

/** The interface language provided by an ancestor. */
export function useI18n(): I18n {
  const i = getContext<I18n | undefined>(KEY);
  if (!i) throw new Error('Isnad: useI18n() called outside <App>');
  return i;
}
