/**
 * Arabic time expressions → intervals, resolved against the publication date. Vocabulary comes
 * from data/time-words.json; matching is on normalised tokens (statements/tokens.ts), so hamza
 * spellings and Arabic-Indic digits need no special cases.
 */
import words from '../data/time-words.json';
import { matchesAt, normWords, type Token } from '../statements/tokens';
import { addMonths, isoOf, monthInterval, weekInterval, yearInterval, yearMonth } from './calendar';
import {
  anchored,
  dayFromPub,
  futureOpen,
  monthNear,
  monthPart,
  pastOpen,
  weekdayFromPub,
  type FoundTime,
  type TimeValue,
} from './values';

const AR = words.ar;
const one = (w: string) => normWords(w).join(' ');
const set = (list: string[]) => new Set(list.map(one));
const phrases = (list: string[][]) => list.map((p) => p.flatMap(normWords)).sort((a, b) => b.length - a.length);

/** Month names: normalised word sequences → month number, longest first. */
const MONTHS: { words: string[]; month: number }[] = words.months.ar
  .flatMap((names, i) => names.map((n) => ({ words: normWords(n), month: i + 1 })))
  .sort((a, b) => b.words.length - a.words.length);
const WEEKDAYS = new Map(words.weekdays.ar.flatMap((names, day) => names.map((n) => [one(n), day] as const)));
const DAY_WORDS = new Map(Object.entries(AR.dayWords).map(([w, o]) => [one(w), o] as const));
const DAY_PHRASES = AR.dayPhrases
  .map((p) => ({ ...p, words: p.words.flatMap(normWords) }))
  .sort((a, b) => b.words.length - a.words.length);
const PART_OF_DAY = set(AR.partOfDay.filter((w) => !w.includes(' ')));
const NOT_TODAY_BEFORE = set(AR.notToday.before);
const NOT_TODAY_AFTER = set(AR.notToday.after);
const PAST = set(AR.past);
const FUTURE = set(AR.future);
const CURRENT = set(AR.current);
const THIS = set(AR.this);
const UNIT = new Map(Object.entries(AR.units).flatMap(([unit, list]) => list.map((w) => [one(w), unit] as const)));
const DUAL_UNITS = set(AR.dualUnits);
const NUMBERS = new Map(Object.entries(AR.numbers).map(([w, n]) => [one(w), n] as const));
const AGO = set(AR.ago);
const YEAR_WORDS = set(AR.yearWords);
const YEAR_PREPS = set(AR.yearPrepositions);
const MONTH_CONTEXT = set(AR.monthContext);
const MONTH_PART = new Map(Object.entries(AR.monthPart).flatMap(([part, list]) => list.map((w) => [one(w), part] as const)));
const DEADLINE = phrases(AR.deadline);
const FUTURE_OPEN = phrases(AR.futureOpen);
const PAST_OPEN = phrases(AR.pastOpen);
const YOM = one('يوم');

/**
 * A list of phrases indexed by first word, each bucket in the list's order: a token is compared only
 * with the phrases that start with it (the first that matches is the one the whole list would give).
 */
function byFirstWord<T>(list: readonly T[], wordsOf: (p: T) => readonly string[]): (tokens: Token[], i: number) => readonly T[] {
  // An empty phrase would match anywhere: such a list is searched whole.
  if (list.some((p) => wordsOf(p).length === 0)) return () => list;
  const index = new Map<string, T[]>();
  for (const p of list) {
    const first = wordsOf(p)[0]!;
    const bucket = index.get(first);
    if (bucket) bucket.push(p);
    else index.set(first, [p]);
  }
  const none: T[] = [];
  return (tokens, i) => (i >= 0 && i < tokens.length ? (index.get(tokens[i]!.norm) ?? none) : none);
}
const MONTHS_AT = byFirstWord(MONTHS, (m) => m.words);
const DAY_PHRASES_AT = byFirstWord(DAY_PHRASES, (p) => p.words);
const FUTURE_OPEN_AT = byFirstWord(FUTURE_OPEN, (p) => p);
const PAST_OPEN_AT = byFirstWord(PAST_OPEN, (p) => p);

type Unit = 'day' | 'week' | 'month' | 'year';
interface Match {
  len: number;
  value: TimeValue;
}

function qualifierAt(t: Token | undefined): 'past' | 'future' | 'current' | null {
  if (!t) return null;
  if (PAST.has(t.norm)) return 'past';
  if (FUTURE.has(t.norm)) return 'future';
  if (CURRENT.has(t.norm)) return 'current';
  return null;
}

function numberAt(t: Token | undefined): number | null {
  if (!t) return null;
  if (/^\d{1,4}$/.test(t.norm)) return Number(t.norm);
  return NUMBERS.get(t.norm) ?? null;
}

function monthAt(tokens: Token[], i: number): { month: number; len: number } | null {
  for (const m of MONTHS_AT(tokens, i)) if (matchesAt(tokens, i, m.words)) return { month: m.month, len: m.words.length };
  return null;
}

/** A whole unit (week, month, year) shifted from publication: "الأسبوع الماضي" → the week before. */
function unitFromPub(pub: string | null, unit: Unit, shift: number): TimeValue {
  if (unit === 'day') return dayFromPub(pub, shift);
  if (unit === 'week') return anchored(pub, 'range', (p) => weekInterval(p, shift));
  if (unit === 'month')
    return anchored(pub, 'month', (p) => {
      const { year, month } = yearMonth(addMonths(`${p.slice(0, 8)}01`, shift));
      return monthInterval(year, month);
    });
  return anchored(pub, 'year', (p) => yearInterval(yearMonth(p).year + shift));
}

/** `قبل ثلاثة أيام`: the day (or month, year) that many units before publication. */
function agoFromPub(pub: string | null, unit: Unit, n: number): TimeValue {
  if (unit === 'day') return dayFromPub(pub, -n);
  if (unit === 'week') return dayFromPub(pub, -7 * n);
  if (unit === 'month') return anchored(pub, 'month', (p) => monthIntervalOf(addMonths(p, -n)));
  return anchored(pub, 'year', (p) => yearInterval(yearMonth(p).year - n));
}

function monthIntervalOf(iso: string) {
  const { year, month } = yearMonth(iso);
  return monthInterval(year, month);
}

/** A weekday at `i` (with an optional `يوم` before it and a qualifier after it). */
function matchWeekday(tokens: Token[], i: number, pub: string | null): Match | null {
  let k = i;
  if (tokens[k]?.norm === YOM) k++;
  const day = tokens[k] ? WEEKDAYS.get(tokens[k]!.norm) : undefined;
  if (day === undefined) return null;
  if (k === i && tokens[k + 1]?.norm === one('معا')) return null; // الاثنين معا: "both of them"
  const q = qualifierAt(tokens[k + 1]);
  const len = k - i + 1 + (q === 'past' || q === 'future' ? 1 : 0);
  const deadline = DEADLINE.find((d) => matchesAt(tokens, i - d.length, d));
  if (deadline && q !== 'past') {
    const v = weekdayFromPub(pub, day, 'upcoming');
    return { len, value: { ...v, start: pub, precision: pub ? 'range' : 'day' } };
  }
  const direction = q === 'past' ? 'past' : q === 'future' ? 'future' : 'recent';
  return { len, value: weekdayFromPub(pub, day, direction) };
}

/** `12 يوليو/تموز 2018`, `أبريل/نيسان الماضي`, `مطلع أكتوبر الماضي`, `في يناير`. */
function matchDate(tokens: Token[], i: number, pub: string | null): Match | null {
  let k = i;
  const part = MONTH_PART.get(tokens[k]?.norm ?? '') as 'early' | 'mid' | 'late' | undefined;
  if (part && monthAt(tokens, k + 1)) k++;
  const day = numberAt(tokens[k]);
  const hasDay = day !== null && day >= 1 && day <= 31 && /^\d+$/.test(tokens[k]!.norm) && monthAt(tokens, k + 1) !== null;
  if (hasDay) k++;
  const m = monthAt(tokens, k);
  if (!m) return null;
  k += m.len;
  if (tokens[k]?.norm === '/' && monthAt(tokens, k + 1)) k += 1 + monthAt(tokens, k + 1)!.len;
  let year: number | null = null;
  if (tokens[k] && /^\d{4}$/.test(tokens[k]!.norm)) {
    year = Number(tokens[k]!.norm);
    k++;
    if (tokens[k]?.norm === 'م') k++;
  }
  const q = year === null ? qualifierAt(tokens[k]) : null;
  if (q === 'past' || q === 'future') k++;
  // A lone month word must look like a date: "مارس" is also a verb.
  const context = hasDay || year !== null || q !== null || part || k - i > m.len || MONTH_CONTEXT.has(tokens[i - 1]?.norm ?? '');
  if (!context) return null;
  let value: TimeValue;
  if (year !== null) value = hasDay ? dayValue(year, m.month, day!) : { ...monthInterval(year, m.month), precision: 'month' };
  else {
    value = monthNear(pub, m.month, q === 'past' ? 'past' : q === 'future' ? 'future' : 'none');
    if (hasDay && value.start) value = dayValue(Number(value.start.slice(0, 4)), m.month, day!);
    else if (hasDay) value = { ...value, precision: 'day' };
  }
  if (part && !hasDay) value = monthPart(value, part);
  return { len: k - i, value };
}

function dayValue(year: number, month: number, day: number): TimeValue {
  const iso = isoOf(year, month, day);
  return iso ? { start: iso, end: iso, precision: 'day' } : { ...monthInterval(year, month), precision: 'month' };
}

function matchRelative(tokens: Token[], i: number, pub: string | null): Match | null {
  const t = tokens[i];
  if (!t) return null;
  for (const p of DAY_PHRASES_AT(tokens, i)) {
    if (!matchesAt(tokens, i, p.words)) continue;
    if ('unit' in p && p.unit === 'week') return { len: p.words.length, value: unitFromPub(pub, 'week', 0) };
    return withWeekday(tokens, i, p.words.length, dayFromPub(pub, p.offset));
  }
  const offset = DAY_WORDS.get(t.norm);
  if (offset !== undefined) {
    if (offset === 0 && (NOT_TODAY_BEFORE.has(tokens[i - 1]?.norm ?? '') || NOT_TODAY_AFTER.has(tokens[i + 1]?.norm ?? '')))
      return null;
    return withWeekday(tokens, i, 1, dayFromPub(pub, offset));
  }
  // الأسبوع الماضي، الشهر المقبل، العام الجاري، هذا العام
  const unit = UNIT.get(t.norm) as Unit | undefined;
  if (unit && t.norm.startsWith('ال')) {
    const q = qualifierAt(tokens[i + 1]);
    if (q) return { len: 2, value: unitFromPub(pub, unit, q === 'past' ? -1 : q === 'future' ? 1 : 0) };
  }
  if (THIS.has(t.norm)) {
    const u = UNIT.get(tokens[i + 1]?.norm ?? '') as Unit | undefined;
    if (u && tokens[i + 1]!.norm.startsWith('ال')) return { len: 2, value: unitFromPub(pub, u, 0) };
  }
  if (AGO.has(t.norm)) return matchAgo(tokens, i, pub);
  for (const p of FUTURE_OPEN_AT(tokens, i)) if (matchesAt(tokens, i, p)) return { len: p.length, value: futureOpen(pub) };
  for (const p of PAST_OPEN_AT(tokens, i)) if (matchesAt(tokens, i, p)) return { len: p.length, value: pastOpen(pub) };
  return null;
}

/** `أمس الثلاثاء`, `اليوم السبت`: the weekday only confirms the day, so it joins the span. */
function withWeekday(tokens: Token[], i: number, len: number, value: TimeValue): Match {
  return WEEKDAYS.has(tokens[i + len]?.norm ?? '') ? { len: len + 1, value } : { len, value };
}

function matchAgo(tokens: Token[], i: number, pub: string | null): Match | null {
  const a = tokens[i + 1];
  if (!a) return null;
  if (DUAL_UNITS.has(a.norm)) return { len: 2, value: agoFromPub(pub, UNIT.get(a.norm) as Unit, 2) };
  const unit1 = UNIT.get(a.norm) as Unit | undefined;
  if (unit1 && !a.norm.startsWith('ال')) return { len: 2, value: agoFromPub(pub, unit1, 1) };
  const n = numberAt(a);
  const u = UNIT.get(tokens[i + 2]?.norm ?? '') as Unit | undefined;
  if (n !== null && n < 1000 && u) return { len: 3, value: agoFromPub(pub, u, n) };
  return null;
}

/** `في عام 2015`, `العام 2015`, `منذ 2011`. */
function matchYear(tokens: Token[], i: number): Match | null {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if ((YEAR_WORDS.has(t.norm) || YEAR_PREPS.has(t.norm)) && next && /^\d{4}$/.test(next.norm)) {
    const year = Number(next.norm);
    if (year < 1000 || year > 2200) return null;
    const len = tokens[i + 2]?.norm === 'م' ? 3 : 2;
    return { len, value: { ...yearInterval(year), precision: 'year' } };
  }
  return null;
}

/** Finds every Arabic time expression in the tokens. `skip` marks tokens inside names (روسيا اليوم). */
export function findArabicTimes(
  text: string,
  tokens: Token[],
  pub: string | null,
  skip: (t: Token) => boolean = () => false,
): FoundTime[] {
  const out: FoundTime[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.word || skip(tokens[i]!)) continue;
    let m: Match | null = null;
    if (PART_OF_DAY.has(tokens[i]!.norm)) {
      const after = matchRelative(tokens, i + 1, pub) ?? matchWeekday(tokens, i + 1, pub);
      if (after) m = { ...after, len: after.len + 1 };
    }
    if (!m)
      m = matchRelative(tokens, i, pub) ?? matchWeekday(tokens, i, pub) ?? matchDate(tokens, i, pub) ?? matchYear(tokens, i);
    if (!m && tokens[i]!.norm === YOM) {
      const date = matchDate(tokens, i + 1, pub);
      if (date) m = { ...date, len: date.len + 1 };
    }
    if (!m) continue;
    const first = tokens[i]!;
    const last = tokens[i + m.len - 1]!;
    out.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), value: m.value });
    i += m.len - 1;
  }
  return out;
}
