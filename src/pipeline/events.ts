/**
 * Events: what the statements are about (a phone call, an earlier call, a speech at the UN in
 * 2015, a meeting planned for later, an order to be signed by Saturday), as timeline items
 * apart from the statements. A trigger word from data/event-words.json, dated by the nearest
 * time expression of its clause, with the entities named around it as participants. The same
 * event mentioned again (same kind, same dates) is merged into one.
 */
import type { IsnadEvent, Statement, When } from '../model/schema';
import words from './data/event-words.json';
import { stableId } from './statements/ids';
import type { MentionIndex } from './statements/mentions';
import { TokenCache } from './statements/tokenCache';
import { normWords, withoutConjunction, type Token } from './statements/tokens';
import { whenOf, type FoundTime } from './time';
import { addDays } from './time/calendar';
import type { EntityDocument } from './types';

const AFTER = 16;
const PAST_WORDS = /ماض|منصرم|امس|أمس|سابق|last|past|yesterday|ago|قبل/i;
const BEFORE = 6;
/** Participants are named close to the trigger; the date may come later in the clause. */
const NEAR = 8;

type Lang = 'ar' | 'en';
const TRIGGERS: Record<Lang, { kind: string; words: string[] }[]> = { ar: [], en: [] };
for (const [kind, t] of Object.entries(words.kinds)) {
  for (const lang of ['ar', 'en'] as const) for (const p of t[lang]) TRIGGERS[lang].push({ kind, words: normWords(p) });
}
for (const lang of ['ar', 'en'] as const) TRIGGERS[lang].sort((a, b) => b.words.length - a.words.length);
const FUTURE = { ar: new Set(words.future.ar.flatMap(normWords)), en: new Set(words.future.en) };
const DUAL = { ar: new Set(words.dual.ar.flatMap(normWords)), en: new Set(words.dual.en) };
// "بعد انتخاب … قبل توليه": an event placed only relative to other events.
const ANCHORS = { ar: new Set(normWords('بعد قبل عقب إثر سبق')), en: new Set(['after', 'before', 'previously', 'earlier']) };

/** Triggers by their first word, so each token costs one lookup per form it may take. */
const BY_FIRST: Record<Lang, Map<string, { kind: string; words: string[] }[]>> = { ar: new Map(), en: new Map() };
for (const lang of ['ar', 'en'] as const) {
  for (const t of TRIGGERS[lang]) {
    const list = BY_FIRST[lang].get(t.words[0]!) ?? [];
    list.push(t);
    BY_FIRST[lang].set(t.words[0]!, list);
  }
}

/** Triggers a token's form can start, bare or with a clitic on the first word (واتصال، بالاتصال، للقاء). */
const STARTS: Record<Lang, Map<string, { kind: string; words: string[] }[]>> = { ar: new Map(), en: new Map() };
const STARTS_MAX = 50_000;

function startsOf(norm: string, lang: Lang): { kind: string; words: string[] }[] {
  let list = STARTS[lang].get(norm);
  if (!list) {
    const forms = lang === 'ar' ? [norm, withoutConjunction(norm), /^[بل]/.test(norm) ? norm.slice(1) : null] : [norm];
    list = forms.flatMap((form) => (form && BY_FIRST[lang].get(form)) || []);
    if (STARTS[lang].size >= STARTS_MAX) STARTS[lang].clear();
    STARTS[lang].set(norm, list);
  }
  return list;
}

function triggerAt(tokens: Token[], i: number, lang: Lang): { kind: string; len: number } | null {
  const tok = tokens[i];
  if (!tok || !tok.word) return null;
  for (const t of startsOf(tok.norm, lang)) {
    if (t.words.every((w, k) => k === 0 || tokens[i + k]?.norm === w)) return { kind: t.kind, len: t.words.length };
  }
  return null;
}

interface Found {
  kind: string;
  start: number;
  end: number;
  label: string;
  participants: string[];
  when: When;
  future: boolean;
}

function whenNear(times: FoundTime[], from: number, to: number, triggerStart: number): FoundTime | null {
  // The clause after the trigger dates it first ("اجتماع سيعقد … الأسبوع المقبل"); a time just before it comes next.
  const after = times.filter((t) => t.start >= triggerStart && t.end <= to);
  if (after.length > 0) return after[0]!;
  const before = times.filter((t) => t.start >= from && t.end <= triggerStart);
  return before[before.length - 1] ?? null;
}

/** Finds events and links each statement to the events inside its span (`cache`: the statements stage's tokens). */
export function extractEvents(
  doc: EntityDocument,
  statements: Statement[],
  times: FoundTime[],
  mentions: MentionIndex,
  cache = new TokenCache(doc),
): IsnadEvent[] {
  const lang: Lang = doc.meta.lang === 'en' ? 'en' : 'ar';
  const pub = doc.meta.date;
  const found: Found[] = [];
  const publisher = doc.meta.outlet ? mentions.byName(doc.meta.outlet) : null;
  doc.sentences.forEach((s, index) => {
    if (doc.blocks[s.block]?.kind !== 'paragraph') return;
    const tokens = cache.sentence(index);
    for (let i = 0; i < tokens.length; i++) {
      const trig = triggerAt(tokens, i, lang);
      if (!trig) continue;
      // "المحادثات … عبر الهاتف", "talks by telephone": the call is the event.
      if (
        trig.kind === 'meeting' &&
        tokens.slice(i + 1, i + 8).some((_, n) => triggerAt(tokens, i + 1 + n, lang)?.kind === 'call')
      )
        continue;
      const from = tokens[Math.max(0, i - BEFORE)]!.start;
      const last = tokens[Math.min(tokens.length - 1, i + trig.len - 1 + AFTER)]!;
      const start = tokens[i]!.start;
      const end = tokens[i + trig.len - 1]!.end;
      const window = tokens.slice(Math.max(0, i - BEFORE), i + trig.len + AFTER);
      const time = whenNear(times, from, last.end, start);
      let when = time ? whenOf(time, pub) : whenOf(null, pub);
      if (!time && window.some((t) => ANCHORS[lang].has(t.norm))) {
        when = { start: null, end: pub, precision: 'range', ...(pub ? {} : { relative: true }) };
      }
      const future: boolean =
        (when.start !== null && pub !== null && when.start > pub) ||
        (when.end === null && when.start !== null) ||
        window.some((t) => FUTURE[lang].has(t.norm) || FUTURE[lang].has(withoutConjunction(t.norm) ?? '')) ||
        (lang === 'ar' && window.some((t, n) => t.norm === 'قد' && /^[يت]/.test(window[n + 1]?.norm ?? '')));
      const near = tokens[Math.min(tokens.length - 1, i + trig.len + NEAR)]!.end;
      const named = mentions.within(from, near).filter((m) => m.type !== 'place' && m.entity !== publisher);
      const persons = named.filter((m) => m.type === 'person');
      // "قمة مقررة … يوم الجمعة": a planned event on a bare weekday is the coming one.
      if (future && time && pub && when.start && when.start < pub && when.precision === 'day' && !PAST_WORDS.test(time.text)) {
        const shifted = addDays(when.start, 7);
        when = { ...when, start: shifted, end: shifted };
      }
      let participants = [...new Set((persons.length > 0 ? persons : named).map((m) => m.entity))];
      if (participants.length < 2 && window.some((t) => DUAL[lang].has(t.norm))) {
        const pair = statements.find((st) => st.speakers && st.speakers.length === 2)?.speakers;
        if (pair) participants = [...new Set([...participants, ...pair])];
      }
      const words = tokens.slice(i, i + trig.len + 6).filter((t) => t.word);
      const label = doc.text.slice(start, words[words.length - 1]?.end ?? end);
      found.push({ kind: trig.kind, start, end, label, participants, when, future });
      i += trig.len - 1;
    }
  });
  return merge(doc, found, statements);
}

function sameTime(a: When, b: When): boolean {
  return a.start === b.start && a.end === b.end;
}

function merge(doc: EntityDocument, found: Found[], statements: Statement[]): IsnadEvent[] {
  const events: IsnadEvent[] = [];
  const spans: { start: number; end: number; id: string }[] = [];
  const used = new Set<string>();
  for (const f of found) {
    const same = events.find(
      (e) =>
        e.kind === f.kind &&
        sameTime(e.when, f.when) &&
        e.future === f.future &&
        (e.participants.length === 0 || f.participants.length === 0 || f.participants.some((p) => e.participants.includes(p))),
    );
    if (same) {
      if (same.participants.length < 2) same.participants = [...new Set([...same.participants, ...f.participants])];
      if (same.when.reported && !f.when.reported) same.when = f.when;
      spans.push({ start: f.start, end: f.end, id: same.id });
      continue;
    }
    const id = stableId(`${doc.id}:ev`, `${f.kind}|${f.when.start}|${f.when.end}|${f.label}`, used);
    events.push({
      id,
      kind: f.kind,
      label: f.label,
      start: f.start,
      end: f.end,
      participants: f.participants,
      when: f.when,
      future: f.future,
      trigger: { start: f.start, end: f.end, text: doc.text.slice(f.start, f.end) },
    });
    spans.push({ start: f.start, end: f.end, id });
  }
  for (const st of statements) {
    const ids = [...new Set(spans.filter((s) => s.start >= st.start && s.end <= st.end).map((s) => s.id))];
    if (ids.length > 0) st.events = ids;
  }
  return events;
}
