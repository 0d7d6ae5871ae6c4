/**
 * Resolved times: an honest interval `{start, end}` with a precision, or a relative time that
 * keeps its shape but has no dates when the document has no publication date.
 */
import type { Precision } from '../../model/schema';
import { addDays, monthInterval, weekdayNear, yearMonth } from './calendar';

/** A time expression's value. `start`/`end` are inclusive ISO days; null means open or unknown. */
export interface TimeValue {
  start: string | null;
  end: string | null;
  precision: Precision;
  /** Needed a publication date that the document lacks: left unanchored. */
  relative?: boolean;
}

/** A time expression found in a text. */
export interface FoundTime {
  start: number;
  end: number;
  text: string;
  value: TimeValue;
}

/** A value computed from the publication date, or a relative placeholder when there is none. */
export function anchored(
  pub: string | null,
  precision: Precision,
  make: (pub: string) => { start: string | null; end: string | null },
): TimeValue {
  if (!pub) return { start: null, end: null, precision, relative: true };
  return { ...make(pub), precision };
}

/** A single day `offset` days from publication. */
export function dayFromPub(pub: string | null, offset: number): TimeValue {
  return anchored(pub, 'day', (p) => {
    const d = addDays(p, offset);
    return { start: d, end: d };
  });
}

/** A weekday near publication (see weekdayNear for the directions). */
export function weekdayFromPub(pub: string | null, day: number, direction: 'past' | 'future' | 'recent' | 'upcoming'): TimeValue {
  return anchored(pub, 'day', (p) => {
    const d = weekdayNear(p, day, direction);
    return { start: d, end: d };
  });
}

/**
 * A month named without a year: `past` is the latest such month strictly before the publication
 * month, `future` the next one strictly after, `none` the month of the publication year.
 */
export function monthNear(pub: string | null, month: number, qualifier: 'past' | 'future' | 'none'): TimeValue {
  return anchored(pub, 'month', (p) => {
    const { year, month: pm } = yearMonth(p);
    let y = year;
    if (qualifier === 'past' && month >= pm) y = year - 1;
    if (qualifier === 'future' && month <= pm) y = year + 1;
    return monthInterval(y, month);
  });
}

/** Narrows a month interval to its early (1–10), middle (11–20) or late (21–end) part. */
export function monthPart(value: TimeValue, part: 'early' | 'mid' | 'late'): TimeValue {
  if (!value.start || !value.end) return value;
  const base = value.start.slice(0, 8);
  if (part === 'early') return { start: `${base}01`, end: `${base}10`, precision: 'range' };
  if (part === 'mid') return { start: `${base}11`, end: `${base}20`, precision: 'range' };
  return { start: `${base}21`, end: value.end, precision: 'range' };
}

/** Open towards the future from publication ("مستقبلا", "in the future"). */
export function futureOpen(pub: string | null): TimeValue {
  return anchored(pub, 'range', (p) => ({ start: p, end: null }));
}

/** Open towards the past up to publication ("سابقا", "earlier"). */
export function pastOpen(pub: string | null): TimeValue {
  return anchored(pub, 'range', (p) => ({ start: null, end: p }));
}
