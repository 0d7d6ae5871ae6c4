/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so that no time zone can move a day.
 * Weeks run Monday to Sunday (ISO 8601) when a whole week is meant ("last week").
 */

/** Parses an ISO date to a UTC Date at midnight. */
export function toDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** Formats a UTC date as `YYYY-MM-DD` (years before 1000 padded). */
export function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Builds an ISO date from parts; returns null for impossible days (31 April). */
export function isoOf(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return toIso(d);
}

/** `addDays('2017-01-28', -2)` → `2017-01-26`. */
export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** Adds whole months, clamping the day to the target month's length (31 March − 1 month → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const d = toDate(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = lastDayOfMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return toIso(target);
}

/** Number of days in a month (1-12). */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day of the week, 0 = Sunday. */
export function weekday(iso: string): number {
  return toDate(iso).getUTCDay();
}

/** Year and month (1-12) of a date. */
export function yearMonth(iso: string): { year: number; month: number } {
  const d = toDate(iso);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** The whole month as an interval. */
export function monthInterval(year: number, month: number): { start: string; end: string } {
  return { start: isoOf(year, month, 1)!, end: isoOf(year, month, lastDayOfMonth(year, month))! };
}

/** The whole year as an interval. */
export function yearInterval(year: number): { start: string; end: string } {
  return { start: `${String(year).padStart(4, '0')}-01-01`, end: `${String(year).padStart(4, '0')}-12-31` };
}

/** Monday-to-Sunday week containing `iso`, shifted by `weeks`. */
export function weekInterval(iso: string, weeks: number): { start: string; end: string } {
  const monday = addDays(iso, -((weekday(iso) + 6) % 7) + 7 * weeks);
  return { start: monday, end: addDays(monday, 6) };
}

/**
 * The date of a weekday relative to `iso`. `direction`:
 * `past` strictly before ("last Thursday"), `future` strictly after ("next Thursday"),
 * `recent` on or before (a bare weekday in a news report), `upcoming` on or after (a deadline).
 */
export function weekdayNear(iso: string, day: number, direction: 'past' | 'future' | 'recent' | 'upcoming'): string {
  const today = weekday(iso);
  const back = (today - day + 7) % 7;
  const ahead = (day - today + 7) % 7;
  if (direction === 'past') return addDays(iso, -(back === 0 ? 7 : back));
  if (direction === 'future') return addDays(iso, ahead === 0 ? 7 : ahead);
  if (direction === 'recent') return addDays(iso, -back);
  return addDays(iso, ahead);
}
