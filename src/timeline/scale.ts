/**
 * Time for the timeline: the full extent of the items, the default window that fits most of
 * them, the UTC scale (mirrored in right-to-left interfaces), ticks with labels in the interface
 * language, and the window ↔ zoom-transform math that d3-zoom needs. Pure: no runes, no DOM.
 */
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { utcDay, utcMonth, utcYear } from 'd3-time';
import type { TimelineItem } from './items';

export const DAY = 86_400_000;
/** The narrowest window the zoom allows, in days: below it there is nothing finer to show. */
export const MIN_WINDOW_DAYS = 4;

/** A visible time window as ISO days, inclusive (shareable in a link). */
export interface TimeWindow {
  start: string;
  end: string;
}

/** A zoom transform as plain numbers (the shape of d3-zoom's `{k, x}`). */
export interface ZoomTransform {
  k: number;
  x: number;
}

/** Parsed days: parsing a date string is the slow part, and a corpus repeats the same few thousand days. */
const parsedDays = new Map<string, number>();

/** An ISO day (YYYY-MM-DD) as milliseconds at midnight UTC. */
export function dayMs(iso: string): number {
  let ms = parsedDays.get(iso);
  if (ms === undefined) {
    ms = new Date(`${iso}T00:00:00Z`).getTime();
    if (parsedDays.size > 100_000) parsedDays.clear();
    parsedDays.set(iso, ms);
  }
  return ms;
}

/** An ISO day (YYYY-MM-DD) as midnight UTC (a new Date each call: callers may keep it). */
export function parseDay(iso: string): Date {
  return new Date(dayMs(iso));
}

/** A date as its ISO day in UTC. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** True for a well-formed ISO day that is a real date. */
export function isIsoDay(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && isoDay(parseDay(s)) === s;
}

/** The instant an item's mark starts and ends (end exclusive), open bounds left as null. */
export function itemBounds(item: Pick<TimelineItem, 'start' | 'end'>): [Date | null, Date | null] {
  const start = item.start ? parseDay(item.start) : null;
  const end = item.end ? new Date(parseDay(item.end).getTime() + DAY) : null;
  return [start, end];
}

/** Where an item sits on the axis when it must be one instant: its start, else its end. */
function anchor(item: TimelineItem): number {
  const [s, e] = itemBounds(item);
  return (s ?? new Date((e as Date).getTime() - DAY)).getTime();
}

/**
 * The whole period the dated items cover, padded by 4% (at least two days) on each side, or
 * null when nothing is dated.
 */
export function fullDomain(items: readonly TimelineItem[]): [Date, Date] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const it of items) {
    if (it.undated) continue;
    const [s, e] = itemBounds(it);
    const a = s?.getTime() ?? (e as Date).getTime() - DAY;
    const b = e?.getTime() ?? a + DAY;
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  if (!Number.isFinite(lo)) return null;
  const pad = Math.max((hi - lo) * 0.04, 2 * DAY);
  return [new Date(utcDay.floor(new Date(lo - pad)).getTime()), new Date(utcDay.ceil(new Date(hi + pad)).getTime())];
}

/**
 * The window that shows most items at a readable scale: the shortest run of days holding
 * `share` of the dated items (so one far outlier, like a 2015 speech quoted in 2017, does not
 * squash the rest), padded and at least {@link MIN_WINDOW_DAYS} wide, inside the full domain.
 */
export function defaultWindow(items: readonly TimelineItem[], share = 0.8): TimeWindow | null {
  const domain = fullDomain(items);
  if (!domain) return null;
  const times = items
    .filter((it) => !it.undated)
    .map(anchor)
    .sort((a, b) => a - b);
  const need = Math.max(1, Math.ceil(times.length * share));
  let best: [number, number] = [times[0] as number, times[need - 1] as number];
  for (let i = 0; i + need - 1 < times.length; i++) {
    const a = times[i] as number;
    const b = times[i + need - 1] as number;
    if (b - a < best[1] - best[0]) best = [a, b];
  }
  const span = best[1] - best[0] + DAY;
  const pad = Math.max(span * 0.1, 2 * DAY);
  let lo = best[0] - pad;
  let hi = best[0] + span + pad;
  const minSpan = MIN_WINDOW_DAYS * DAY;
  if (hi - lo < minSpan) {
    const mid = (lo + hi) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  return clampWindow({ start: isoDay(utcDay.floor(new Date(lo))), end: isoDay(utcDay.floor(new Date(hi))) }, domain);
}

/** A window kept inside the domain, at least {@link MIN_WINDOW_DAYS} wide when the domain allows. */
export function clampWindow(w: TimeWindow, domain: [Date, Date]): TimeWindow {
  const d0 = domain[0].getTime();
  const d1 = domain[1].getTime() - DAY;
  let a = Math.max(d0, Math.min(parseDay(w.start).getTime(), parseDay(w.end).getTime()));
  let b = Math.min(d1, Math.max(parseDay(w.start).getTime(), parseDay(w.end).getTime()));
  const min = (MIN_WINDOW_DAYS - 1) * DAY;
  if (b - a < min) {
    b = Math.min(d1, a + min);
    a = Math.max(d0, b - min);
  }
  if (b < a) b = a;
  return { start: isoDay(new Date(a)), end: isoDay(new Date(b)) };
}

/** Window days as a half-open instant range [start 00:00, day after end 00:00). */
export function windowDomain(w: TimeWindow): [Date, Date] {
  return [parseDay(w.start), new Date(parseDay(w.end).getTime() + DAY)];
}

/**
 * A UTC time scale over `domain` across `width` pixels. Right-to-left interfaces mirror it, so
 * time runs the way the text reads: earliest on the right in Arabic (see docs/timeline.md).
 */
export function timeScale(domain: [Date, Date], width: number, dir: 'ltr' | 'rtl'): ScaleTime<number, number> {
  return scaleUtc()
    .domain(domain)
    .range(dir === 'rtl' ? [width, 0] : [0, width]);
}

/** The d3-zoom transform that makes `base` (over the full domain) show exactly `[a, b)`. */
export function domainToTransform([a, b]: readonly [Date, Date], base: ScaleTime<number, number>): ZoomTransform {
  const [r0, r1] = base.range() as [number, number];
  const k = Math.abs(r1 - r0) / Math.abs(base(b) - base(a));
  return { k, x: r0 - k * base(a) };
}

/** The instants a zoom transform shows of `base`, earliest first. */
export function transformToDomain(t: ZoomTransform, base: ScaleTime<number, number>): [Date, Date] {
  const [r0, r1] = base.range() as [number, number];
  const a = base.invert((r0 - t.x) / t.k).getTime();
  const b = base.invert((r1 - t.x) / t.k).getTime();
  return [new Date(Math.min(a, b)), new Date(Math.max(a, b))];
}

/** The whole days a (fractional) domain shows, as a shareable window. */
export function domainToWindow([a, b]: readonly [Date, Date]): TimeWindow {
  const lo = Math.round(a.getTime() / DAY) * DAY;
  const hi = Math.max(lo + DAY, Math.round(b.getTime() / DAY) * DAY);
  return { start: isoDay(new Date(lo)), end: isoDay(new Date(hi - DAY)) };
}

/** The d3-zoom transform that makes `base` (over the full domain) show exactly `w`. */
export function windowToTransform(w: TimeWindow, base: ScaleTime<number, number>): ZoomTransform {
  return domainToTransform(windowDomain(w), base);
}

/** The window (whole days) that a zoom transform shows of `base`. */
export function transformToWindow(t: ZoomTransform, base: ScaleTime<number, number>): TimeWindow {
  return domainToWindow(transformToDomain(t, base));
}

/**
 * A domain zoomed by `factor` (> 1 narrows) around `centre`, then slid back inside `full` and
 * kept at least {@link MIN_WINDOW_DAYS} wide.
 */
export function zoomDomain(
  [a, b]: readonly [Date, Date],
  factor: number,
  full: readonly [Date, Date],
  centre = (a.getTime() + b.getTime()) / 2,
): [Date, Date] {
  const span = Math.min(
    full[1].getTime() - full[0].getTime(),
    Math.max(MIN_WINDOW_DAYS * DAY, (b.getTime() - a.getTime()) / factor),
  );
  const share = (centre - a.getTime()) / (b.getTime() - a.getTime() || 1);
  return panDomain([new Date(centre - span * share), new Date(centre - span * share + span)], 0, full);
}

/** A domain moved by `ms` (positive: later), kept inside `full` without changing its width. */
export function panDomain([a, b]: readonly [Date, Date], ms: number, full: readonly [Date, Date]): [Date, Date] {
  const span = b.getTime() - a.getTime();
  const lo = Math.max(full[0].getTime(), Math.min(full[1].getTime() - span, a.getTime() + ms));
  return [new Date(lo), new Date(lo + span)];
}

/** The largest zoom factor: the full domain shown {@link MIN_WINDOW_DAYS} at a time. */
export function maxZoom(domain: [Date, Date]): number {
  return Math.max(1, (domain[1].getTime() - domain[0].getTime()) / (MIN_WINDOW_DAYS * DAY));
}

/** A tick of the time axis. */
export interface Tick {
  /** ISO day of the tick. */
  iso: string;
  x: number;
  label: string;
}

const locale = (lang: 'ar' | 'en') => (lang === 'ar' ? 'ar-EG' : 'en-GB');

/**
 * Ticks for a (zoomed) scale, about one per `spacing` pixels, at whole days at least and at
 * least `inset` pixels from either edge, labelled with `Intl` in the interface language: years, months (with the year at January and the first
 * tick), or days (with the month at the first of the month and the first tick).
 */
export function axisTicks(scale: ScaleTime<number, number>, lang: 'ar' | 'en', spacing = 90, inset = 18): Tick[] {
  const [r0, r1] = scale.range() as [number, number];
  const count = Math.max(2, Math.floor(Math.abs(r1 - r0) / spacing));
  const [d0, d1] = (scale.domain() as [Date, Date]).map((d) => d.getTime()).sort((a, b) => a - b) as [number, number];
  let dates = scale.ticks(count);
  if (dates.length < 2 || (dates[1] as Date).getTime() - (dates[0] as Date).getTime() < DAY) {
    const days = Math.max(1, Math.ceil((d1 - d0) / DAY / count));
    dates = utcDay.every(days)?.range(new Date(d0), new Date(d1 + 1)) ?? [];
  }
  dates = dates.filter((d) => utcDay.floor(d).getTime() === d.getTime());
  const step = dates.length > 1 ? (dates[1] as Date).getTime() - (dates[0] as Date).getTime() : DAY;
  // None so near an edge that its label would be cut.
  const [lo, hi] = [Math.min(r0, r1) + inset, Math.max(r0, r1) - inset];
  dates = dates.filter((d) => scale(d) >= lo && scale(d) <= hi);
  const fmt = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale(lang), { ...o, timeZone: 'UTC' });
  const year = fmt({ year: 'numeric' });
  const monthYear = fmt({ month: 'short', year: 'numeric' });
  const month = fmt({ month: 'short' });
  const dayMonth = fmt({ day: 'numeric', month: 'short' });
  const day = fmt({ day: 'numeric' });
  return dates.map((d, i) => {
    let label: string;
    if (step >= 360 * DAY && utcYear.floor(d).getTime() === d.getTime()) label = year.format(d);
    else if (step >= 28 * DAY) label = i === 0 || d.getUTCMonth() === 0 ? monthYear.format(d) : month.format(d);
    else label = i === 0 || utcMonth.floor(d).getTime() === d.getTime() ? dayMonth.format(d) : day.format(d);
    return { iso: isoDay(d), x: scale(d), label };
  });
}
