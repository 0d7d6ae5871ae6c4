/**
 * Time stage helpers: find the time expressions of a text and resolve them against the
 * document's publication date, as honest intervals with a precision. Arabic uses the rules in
 * time/arabic.ts; English uses chrono-node (time/english.ts), only on English text.
 * Without a publication date, relative expressions stay relative (`relative: true`, no dates).
 */
import type { When } from '../model/schema';
import { hasArabic } from '../search/normalize';
import { tokenize, type Token } from './statements/tokens';
import { findArabicTimes } from './time/arabic';
import { findEnglishTimes } from './time/english';
import type { FoundTime, TimeValue } from './time/values';

export type { FoundTime, TimeValue } from './time/values';

/**
 * Finds and resolves every time expression in `text[span.start, span.end)`.
 * `skip` tells the Arabic rules which tokens belong to names (`روسيا اليوم` is an outlet, not today);
 * `tokens`, when given, are the span's tokens already cut (`tokenize(text, span.start, span.end)`).
 */
export function resolveTimes(
  text: string,
  span: { start: number; end: number },
  pubDate: string | null,
  lang: string,
  skip?: (t: Token) => boolean,
  tokens?: Token[],
): FoundTime[] {
  if (lang === 'ar' || (lang !== 'en' && hasArabic(text.slice(span.start, span.end)))) {
    return findArabicTimes(text, tokens ?? tokenize(text, span.start, span.end), pubDate, skip);
  }
  return findEnglishTimes(text, span.start, span.end, pubDate);
}

/**
 * Resolves one time expression: `resolveRelativeDate('يوم الخميس الماضي', '2017-01-28')` →
 * `{start: '2017-01-26', end: '2017-01-26', precision: 'day'}`. Null when nothing is recognised.
 */
export function resolveRelativeDate(expr: string, pubDate: string | null, lang?: string): TimeValue | null {
  const found = resolveTimes(expr, { start: 0, end: expr.length }, pubDate, lang ?? (hasArabic(expr) ? 'ar' : 'en'));
  if (found.length === 0) return null;
  return found.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a)).value;
}

/** The `when` of a statement or event from a found time, or "reported on" the publication date. */
export function whenOf(found: FoundTime | null, pubDate: string | null): When {
  if (!found) {
    return pubDate
      ? { start: pubDate, end: pubDate, precision: 'day', reported: true }
      : { start: null, end: null, precision: 'unknown', reported: true, relative: true };
  }
  const { start, end, precision, relative } = found.value;
  return {
    start,
    end,
    precision,
    expr: { start: found.start, end: found.end, text: found.text },
    ...(relative ? { relative: true } : {}),
  };
}
