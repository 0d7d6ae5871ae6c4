/**
 * An item's date in words, as precise as the text allows and no more: "28 January 2017",
 * "January 2017", "2015", "26–28 January 2017", "reported on 28 January 2017", "before …",
 * or a plain admission that there is no date. Pure apart from `Intl`.
 */
import type { I18n } from '../app/i18n.svelte';
import type { TimelineItem } from './items';
import { parseDay } from './scale';

type Words = Pick<I18n, 't' | 'lang'>;

const locale = (lang: 'ar' | 'en') => (lang === 'ar' ? 'ar-EG' : 'en-GB');

function fmt(lang: 'ar' | 'en', options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale(lang), { ...options, timeZone: 'UTC' });
}

/** One ISO day at a precision: the day, its month, or its year. */
export function formatDay(iso: string, precision: 'day' | 'month' | 'year', lang: 'ar' | 'en'): string {
  const d = parseDay(iso);
  if (precision === 'year') return fmt(lang, { year: 'numeric' }).format(d);
  if (precision === 'month') return fmt(lang, { month: 'long', year: 'numeric' }).format(d);
  return fmt(lang, { dateStyle: 'long' }).format(d);
}

/** The item's date in the interface language, saying how it is known. */
export function formatItemDate(
  item: Pick<TimelineItem, 'start' | 'end' | 'precision' | 'reported' | 'undated'> & { expr?: string | null },
  i18n: Words,
): string {
  const { t, lang } = i18n;
  const { start, end, precision } = item;
  if (item.undated) {
    if (item.expr) return t('timeline.date.relative', { expr: item.expr });
    return t('timeline.date.unknown');
  }
  if (start === null) return t('timeline.date.before', { date: formatDay(end as string, 'day', lang) });
  if (end === null) return t('timeline.date.after', { date: formatDay(start, 'day', lang) });
  let text: string;
  if (precision === 'year') text = formatDay(start, 'year', lang);
  else if (precision === 'month') text = formatDay(start, 'month', lang);
  else if (start === end) text = formatDay(start, 'day', lang);
  else text = fmt(lang, { dateStyle: 'long' }).formatRange(parseDay(start), parseDay(end));
  return item.reported ? t('timeline.date.reported', { date: text }) : text;
}
