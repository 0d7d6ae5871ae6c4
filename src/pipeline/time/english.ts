/**
 * English time expressions through chrono-node, with the corrections news text needs: a bare
 * weekday means the latest one on or before publication ("Mobutu's city fell Wednesday"), a
 * deadline ("by Saturday") the next one; "last week" is a whole week, "next month" a month.
 */
import * as chrono from 'chrono-node';
import words from '../data/time-words.json';
import { monthInterval, toIso, weekInterval, yearInterval, yearMonth } from './calendar';
import { anchored, monthNear, weekdayFromPub, type FoundTime, type TimeValue } from './values';

const FUTURE_CUE = new RegExp(`\\b(?:${words.en.futureCue.join('|')})\\s+(?:\\w+\\s+){0,2}$`, 'i');
const YEAR =
  /\b(?:in|since|by|during|until|of|from|early|late|mid-?)\s+((?:1[5-9]|20)\d\d)\b(?!\s*(?:people|troops|dollars|\w+s\b))/gi;

const CASUAL = /\b(?:yesterday|today|tonight|tomorrow|ago|last|next|this|coming)\b/i;

function shiftOf(expr: string): number {
  if (/\b(?:last|past|previous)\b/i.test(expr)) return -1;
  if (/\b(?:next|coming)\b/i.test(expr)) return 1;
  return 0;
}

function valueOf(r: chrono.ParsedResult, pub: string | null, before: string): TimeValue | null {
  const c = r.start;
  const known = {
    day: c.isCertain('day') ? c.get('day')! : undefined,
    month: c.isCertain('month') ? c.get('month')! : undefined,
    year: c.isCertain('year') ? c.get('year')! : undefined,
    weekday: c.isCertain('weekday') ? c.get('weekday')! : undefined,
  };
  const expr = r.text;
  const unit = /\bweek\b/i.test(expr) ? 'week' : /\bmonth\b/i.test(expr) ? 'month' : /\byear\b/i.test(expr) ? 'year' : null;
  if (unit && !/\bago\b/i.test(expr)) {
    const shift = shiftOf(expr);
    if (unit === 'week') return anchored(pub, 'range', (p) => weekInterval(p, shift));
    if (unit === 'month') return anchored(pub, 'month', (p) => monthOf(p, shift));
    return anchored(pub, 'year', (p) => yearInterval(yearMonth(p).year + shift));
  }
  // "yesterday", "three days ago" without a publication date: nothing to count from.
  if (
    !pub &&
    (r.tags().has('result/relativeDate') || [...r.tags()].some((t) => t.startsWith('casualReference')) || CASUAL.test(expr))
  ) {
    return { start: null, end: null, precision: 'day', relative: true };
  }
  if (known.day !== undefined && known.month !== undefined) {
    if (known.year === undefined && !pub) return { start: null, end: null, precision: 'day', relative: true };
    const start = toIso(r.start.date());
    const end = r.end ? toIso(r.end.date()) : start;
    return { start, end, precision: end === start ? 'day' : 'range' };
  }
  if (known.month !== undefined) {
    if (known.year !== undefined) return { ...monthInterval(known.year, known.month), precision: 'month' };
    const shift = shiftOf(expr);
    return monthNear(pub, known.month, shift < 0 ? 'past' : shift > 0 ? 'future' : 'none');
  }
  if (known.weekday !== undefined) {
    const shift = shiftOf(expr);
    const direction = shift < 0 ? 'past' : shift > 0 ? 'future' : FUTURE_CUE.test(before) ? 'upcoming' : 'recent';
    return weekdayFromPub(pub, known.weekday, direction);
  }
  if (known.day !== undefined || r.tags().has('result/relativeDate')) {
    if (!pub) return { start: null, end: null, precision: 'day', relative: true };
    const d = toIso(r.start.date());
    return { start: d, end: d, precision: 'day' };
  }
  if (known.year !== undefined) return { ...yearInterval(known.year), precision: 'year' };
  return null;
}

function monthOf(pub: string, shift: number): { start: string; end: string } {
  const { year, month } = yearMonth(pub);
  const m0 = year * 12 + (month - 1) + shift;
  return monthInterval(Math.floor(m0 / 12), (m0 % 12) + 1);
}

/**
 * The same characters as a string stored two bytes a character. V8 compiles a regular expression
 * once per kind of subject, one-byte (Latin-1 only) or two-byte, and chrono's long case-insensitive
 * patterns cost about three times as much to compile for one-byte text: the first parse took 150 ms
 * of CPU on one-byte paragraphs and 55 ms on the same paragraphs stored two-byte (matching then
 * costs within 5% of the same). A paragraph of a document with a curly quote or a dash anywhere is
 * two-byte already; giving chrono two-byte text always, it compiles its patterns once, the cheaper
 * way. Only the storage changes, never the characters, so the results are the same.
 */
function twoByte(s: string): string {
  return `${s}\u0100`.slice(0, -1);
}

/** Finds English time expressions in `text[start, end)`. Casual words need `pub`; absolute dates do not. */
export function findEnglishTimes(text: string, start: number, end: number, pub: string | null): FoundTime[] {
  const slice = text.slice(start, end);
  const instant = pub ? new Date(`${pub}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: FoundTime[] = [];
  for (const r of chrono.parse(twoByte(slice), { instant, timezone: 0 }, { forwardDate: false })) {
    const value = valueOf(r, pub, slice.slice(Math.max(0, r.index - 30), r.index));
    if (!value) continue;
    const s = start + r.index;
    out.push({ start: s, end: s + r.text.length, text: r.text, value });
  }
  for (const m of slice.matchAll(YEAR)) {
    const s = start + m.index + m[0].length - m[1]!.length;
    if (out.some((t) => t.start <= s && t.end > s)) continue;
    const year = Number(m[1]);
    out.push({ start: s, end: s + 4, text: m[1]!, value: { ...yearInterval(year), precision: 'year' } });
  }
  return out.sort((a, b) => a.start - b.start);
}
