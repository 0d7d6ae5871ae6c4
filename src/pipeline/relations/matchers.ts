/**
 * The rules: one matcher per cue shape. Each gets the sentence, the cue's span and the compiled
 * cue, finds the entities in the slots the shape defines, and emits typed relations with the
 * span that shows them. Words come from the data; only word order lives here.
 */
import type { EntityType } from '../../model/schema';
import { connectorSet, type SentenceContext, type Hit } from './context';
import { RELATION_CUES, wordsPattern, type CompiledCue, type Lang } from './cues';
import { fold, foldWithMap } from './fold';

/** A relation found in one place of the text. */
export interface Found {
  type: string;
  source: string;
  target: string;
  start: number;
  end: number;
}

/** Looks further back than the sentence: earlier people and their titles (for نائبه، مستشار الرئيس). */
export interface Referents {
  /** The nearest person mentioned before `pos`, other than `exclude`. */
  person(pos: number, exclude: string): Hit | undefined;
  /** The nearest person before `pos` whose role or mention contains the folded title. */
  titled(pos: number, title: string, exclude: string): Hit | undefined;
}

export interface Match {
  ctx: SentenceContext;
  cue: CompiledCue;
  /** Span of the cue in the document. */
  start: number;
  end: number;
  emit: (f: Found) => void;
  referents: Referents;
}

const ACTORS: EntityType[] = ['person', 'organization'];
const PARTIES: EntityType[] = ['person', 'organization', 'place'];
const ADDRESSEES: EntityType[] = ['organization', 'person', 'other'];
const TARGETS: EntityType[] = ['organization', 'other', 'person'];

const by = (_lang: Lang) => RELATION_CUES.between;
const PARTS = { ar: RELATION_CUES.parts.ar.map(fold), en: RELATION_CUES.parts.en.map(fold) };
const TITLES = { ar: wordsPattern(RELATION_CUES.titles.ar, 'ar', 'yu'), en: wordsPattern(RELATION_CUES.titles.en, 'en', 'yu') };
const BETWEEN = { ar: wordsPattern(by('ar').ar, 'ar', 'u'), en: wordsPattern(by('en').en, 'en', 'u') };
const DUAL = { ar: wordsPattern(by('ar').dualAr, 'ar', 'u'), en: wordsPattern(by('en').dualEn, 'en', 'u') };

function span(type: string, source: Hit, target: Hit, start: number, end: number): Found {
  return {
    type,
    source: source.entity,
    target: target.entity,
    start: Math.min(start, source.start, target.start),
    end: Math.max(end, source.end, target.end),
  };
}

/** The text after `pos` (up to `chars` code units) folded, with a map back to document offsets. */
function lookAhead(ctx: SentenceContext, pos: number, chars: number): { text: string; at: (i: number) => number } {
  const f = foldWithMap(ctx.text.slice(pos, Math.min(ctx.end, pos + chars)));
  return { text: f.text, at: (i) => pos + f.map[Math.min(i, f.map.length - 1)]! };
}

/** Holder → body: المتحدث باسم X Y، Y, spokesman for X، X spokesman Y، نائبه Y، رئيس لجنة … في X Y. */
export function matchRole(m: Match): void {
  const { ctx, cue, start: cs, end: ce } = m;
  const emit = (type: string, holder: Hit, body: Hit, from = cs, to = ce) => {
    if (holder.entity !== body.entity) m.emit(span(type, holder, body, from, to));
  };

  // A referent from earlier in the text: the evidence is the cue and the holder, not the distance between.
  const emitReferent = (holder: Hit, body: Hit) => {
    if (holder.entity !== body.entity) {
      m.emit({
        type: cue.type,
        source: holder.entity,
        target: body.entity,
        start: Math.min(cs, holder.start),
        end: Math.max(ce, holder.end),
      });
    }
  };

  if (cue.possessive) {
    const holder = ctx.after(ce, 1, ['person']) ?? ctx.before(cs, 2, ['person']);
    const body = holder && m.referents.person(cs, holder.entity);
    if (holder && body) emitReferent(holder, body);
    return;
  }

  // English puts the body first: Town Hall spokesman Jo Bloggs.
  if (cue.lang === 'en' && !/\s(?:to|of|for|in)$/.test(fold(ctx.text.slice(cs, ce)))) {
    const front = ctx.before(cs, 1, cue.body);
    const named = front && ctx.gapWords(front.end, cs, false) >= 0 && ctx.after(ce, 1, ['person'], front.entity);
    if (front && named) {
      emit(cue.type, named, front);
      return;
    }
  }

  // A cue ending in a part noun (رئيس لجنة): the part may itself be an entity inside the cue.
  const cueWords = fold(ctx.text.slice(cs, ce)).trim().split(/\s+/);
  const namesPart = cue.part !== undefined && PARTS[cue.lang].includes(cueWords[cueWords.length - 1]!);
  let type = cue.type;
  let body: Hit | undefined;
  if (namesPart) {
    body = ctx.hits.find((h) => h.start > cs && h.start < ce && h.end > ce && cue.body.includes(h.type));
    if (!body) {
      body = ctx.after(ce, 4, cue.body);
      if (body) type = cue.part!;
    }
  } else {
    // English allows an article before the body (a member of the National Assembly).
    body = ctx.after(ce, cue.lang === 'en' ? Math.max(1, cue.bodyGap) : cue.bodyGap, cue.body);
  }
  let titleEnd = -1;
  let referent = false;
  if (!body && cue.body.includes('person')) {
    // مستشار الرئيس: a bare title for someone introduced earlier.
    const re = TITLES[cue.lang];
    const look = lookAhead(ctx, ce, 40);
    const lead = look.text.search(/\S/);
    re.lastIndex = Math.max(0, lead);
    const t = lead >= 0 ? re.exec(look.text) : null;
    if (t) {
      const titleText = t[0].replace(/^[وفبلك]?(?:ال|ل)?/, '');
      const holder0 = ctx.firstAfter(ce);
      body = m.referents.titled(cs, titleText, holder0?.entity ?? '');
      titleEnd = look.at(t.index + t[0].length);
      referent = true;
    }
  }

  if (body) {
    // Follow the body into the larger bodies it belongs to: لجنة … في مجلس الاتحاد (الدوما).
    let last = titleEnd >= 0 ? { ...body, start: ce, end: titleEnd } : body;
    const extra: Hit[] = [];
    for (;;) {
      const next = ctx.firstAfter(last.end, undefined);
      if (!next || next.type !== 'organization' || ctx.gapWords(last.end, next.start) < 0) break;
      const gap = ctx.gapText(last.end, next.start);
      if (gap !== '' && !['في', 'of', 'of the', 'at', 'in', 'the', 'ب', 'ل', 'لدي'].includes(gap)) break;
      if (next.entity !== body.entity) extra.push(next);
      last = next;
    }
    const holder =
      ctx.after(last.end, titleEnd >= 0 || body.type === 'person' ? 3 : 2, ['person'], body.entity) ??
      ctx.before(cs, 2, ['person'], body.entity);
    if (!holder) return;
    if (referent) emitReferent(holder, body);
    else emit(type, holder, body);
    if (['chair-of', 'deputy-of', 'member-of'].includes(type)) {
      for (const e of extra) emit('member-of', holder, e, cs, last.end);
    }
    return;
  }

  if (cue.lang === 'en') {
    // Town Hall spokesman Jo Bloggs; Jo Bloggs, the Town Hall spokesman.
    const before = ctx.before(cs, 1, cue.body);
    if (!before) return;
    const holder = ctx.after(ce, 1, ['person'], before.entity) ?? ctx.before(before.start, 2, ['person'], before.entity);
    if (holder) emit(cue.type, holder, before);
  }
}

/** Two sides of a talk: اتصال هاتفي بين X وY، X اتصل بـY، المحادثات التي أجراها X وY، X met Y. */
export function matchPair(m: Match): void {
  const { ctx, cue, start: cs, end: ce } = m;
  const and = by(cue.lang).and[cue.lang];
  const withWords = by(cue.lang).with[cue.lang];
  const out = (a: Hit | undefined, b: Hit | undefined) => {
    if (a && b && a.entity !== b.entity) m.emit(span(cue.type, a, b, cs, ce));
    return Boolean(a && b && a.entity !== b.entity);
  };
  const coordinated = (pos: number, gap: number) => {
    const a = ctx.after(pos, gap, PARTIES);
    const b = a && ctx.after(a.end, 1, PARTIES, a.entity);
    return a && b && ctx.connects(a.end, b.start, and) ? [a, b] : undefined;
  };

  // بينهما: the first two people named before the cue; بين X وY: the two named after it.
  const look = lookAhead(ctx, ce, 60);
  const near = (i: number) => (look.text.slice(0, i).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= 5;
  const dual = DUAL[cue.lang].exec(look.text);
  if (dual && near(dual.index)) {
    const people = [...new Map(ctx.hits.filter((h) => h.start < cs && h.type === 'person').map((h) => [h.entity, h])).values()];
    if (out(people[0], people[1])) return;
  }
  const between = BETWEEN[cue.lang].exec(look.text);
  if (between && near(between.index)) {
    const pair = coordinated(look.at(between.index + between[0].length), 0);
    if (pair && out(pair[0], pair[1])) return;
  }
  // X … cue … مع Y  /  X met [German Chancellor] Y  /  اتصالا هاتفيا بالمستشار الألماني Y.
  const startsWithWith = (from: number, to: number) => {
    const first = ctx.gapText(from, to).split(' ')[0] ?? '';
    return (
      connectorSet(withWords).has(first) ||
      withWords.some((w) => w.endsWith('+') && first.startsWith(fold(w.slice(0, -1))) && first.length > 1)
    );
  };
  const after = ctx.after(ce, 3, PARTIES);
  const subject = ctx.before(cs, 2, PARTIES, after?.entity);
  // English titles before a name are capitalised (met German Chancellor Y); other words are not a title.
  const titleGap = (from: number, to: number) =>
    cue.lang === 'en' && /^(?:\s*\p{Lu}[\p{L}.'-]*)*\s*$/u.test(ctx.text.slice(from, to));
  if (subject && after && (ctx.gapWords(ce, after.start) === 0 || startsWithWith(ce, after.start) || titleGap(ce, after.start))) {
    if (out(subject, after)) return;
  }
  // Verb first: التقى X Y، بحث X مع Y.
  if (cue.lang === 'ar') {
    const a = ctx.after(ce, 1, PARTIES);
    const b = a && ctx.after(a.end, 3, PARTIES, a.entity);
    if (a && b && (ctx.gapWords(a.end, b.start) === 0 || startsWithWith(a.end, b.start)) && out(a, b)) return;
  }
  // المحادثات التي أجراها الرئيسان X وY.
  const pair = coordinated(ce, 4);
  if (pair && out(pair[0], pair[1])) return;
  // X and Y met.
  const b = ctx.before(cs, 1, PARTIES);
  const a = b && ctx.before(b.start, 1, PARTIES, b.entity);
  if (a && b && ctx.connects(a.end, b.start, and)) out(a, b);
}

/** Speaker → addressee: X قال لشبكة Y، X من منبر Y، X told Y; verb first: قال [title] X لإذاعة Y. */
export function matchSpeech(m: Match): void {
  const { ctx, cue, start: cs, end: ce } = m;
  if (cue.vso) {
    const speaker = ctx.hits.find((h) => h.start >= ce && h.type === 'person');
    if (!speaker) return;
    const words = ctx.gapWords(ce, speaker.start);
    if (words < 0 || words > 8) return;
    const addressee = ctx.after(speaker.end, 1, ADDRESSEES, speaker.entity);
    if (!addressee) return;
    // The addressee takes the glued preposition ل, on its own first word or on a head noun before it (لإذاعة، لشبكة).
    const gap = fold(ctx.text.slice(speaker.end, addressee.start)).trim();
    const glued =
      gap === 'ل' ||
      (gap.startsWith('ل') && !/\s/.test(gap)) ||
      (gap === '' && fold(ctx.text.slice(addressee.start, addressee.start + 1)) === 'ل');
    if (glued) m.emit(span(cue.type, speaker, addressee, cs, ce));
    return;
  }
  const addressee = ctx.after(ce, 2, ADDRESSEES);
  if (!addressee) return;
  const speaker = ctx.before(cs, 3, ACTORS, addressee.entity) ?? (cue.lang === 'en' ? undefined : ctx.after(ce, 0, ['person']));
  if (speaker && speaker.entity !== addressee.entity) m.emit(span(cue.type, speaker, addressee, cs, ce));
}

/** Source → reporter (quoted by): نقل X عن Y، X نقلا عن Y، Y, quoted by X. */
export function matchRelay(m: Match): void {
  const { ctx, cue, start: cs, end: ce } = m;
  const kinds: EntityType[] = ['organization', 'person', 'other'];
  let reporter: Hit | undefined;
  let source: Hit | undefined;
  if (cue.order === 'cue-reporter-source') {
    reporter = ctx.after(ce, 2, kinds);
    const next = reporter && ctx.after(reporter.end, 1, kinds, reporter.entity);
    if (reporter && next && ctx.connects(reporter.end, next.start, cue.via)) source = next;
    else if (reporter) source = describedSource(ctx, reporter, cue.via);
  } else if (cue.order === 'reporter-cue-source') {
    reporter = ctx.before(cs, 3, kinds);
    source = ctx.after(ce, 1, kinds, reporter?.entity);
  } else {
    source = ctx.before(cs, 3, kinds);
    reporter = ctx.after(ce, 2, kinds, source?.entity);
  }
  if (reporter && source && reporter.entity !== source.entity) m.emit(span(cue.type, source, reporter, cs, ce));
}

const SAYING = /^\s*(?:قوله|قولها|قولهم|قولهما|as saying|saying)(?![\p{L}])/u;

/** نقل X عن [a title] PERSON قوله: the person named after a description, anchored by "قوله". */
function describedSource(ctx: SentenceContext, reporter: Hit, via: readonly string[]): Hit | undefined {
  const look = lookAhead(ctx, reporter.end, 12);
  const v = via.map(fold).find((w) => new RegExp(`^[\\s()]*${w}(?![\\p{L}])`, 'u').test(look.text));
  if (!v) return undefined;
  for (const h of ctx.hits) {
    if (h.start <= reporter.end || h.type !== 'person') continue;
    const words = ctx.gapWords(reporter.end, h.start);
    if (words < 0 || words > 14) return undefined;
    if (SAYING.test(fold(ctx.text.slice(h.end, h.end + 20)))) return h;
  }
  return undefined;
}

/** Agent → target of a campaign: X … ضد تنظيم Y، X … to defeat Y (with a coordinated second agent). */
export function matchAgainst(m: Match): void {
  const { ctx, cue, start: cs, end: ce } = m;
  const target = ctx.after(ce, 1, TARGETS);
  if (!target) return;
  // The agent is the nearest actor before the cue; a place only when no actor is named.
  const earlier = ctx.hits.filter((h) => h.end <= cs && h.entity !== target.entity && ctx.gapWords(h.end, cs) >= 0);
  const agent = earlier.findLast((h) => ACTORS.includes(h.type)) ?? earlier.findLast((h) => h.type === 'place');
  if (!agent) return;
  m.emit(span(cue.type, agent, target, cs, ce));
  const and = by(cue.lang).and[cue.lang];
  const other = ctx.before(agent.start, 1, PARTIES, agent.entity);
  if (other && other.entity !== target.entity && ctx.connects(other.end, agent.start, and)) {
    m.emit(span(cue.type, other, target, cs, ce));
  }
}

/** Organisation → place by a cue: X ومقره في Y، X, based in Y. */
export function matchPlaceCue(m: Match): void {
  const { ctx, start: cs, end: ce } = m;
  const org = ctx.before(cs, 2, ['organization', 'person']);
  const place = ctx.after(ce, 1, ['place']);
  if (org && place) m.emit(span(m.cue.type, org, place, cs, ce));
}

const LOCATED = { ar: RELATION_CUES.located.ar, en: RELATION_CUES.located.en };

/** Place → larger place with no cue but a connector: حلب في شمال سورية، Aleppo, Syria. */
export function matchPlaces(ctx: SentenceContext, lang: Lang, emit: (f: Found) => void): void {
  for (let i = 0; i + 1 < ctx.hits.length; i++) {
    const a = ctx.hits[i]!;
    const b = ctx.hits[i + 1]!;
    if (a.type !== 'place' || b.type !== 'place' || a.entity === b.entity) continue;
    if (!ctx.connects(a.end, b.start, LOCATED[lang])) continue;
    const gap = ctx.text.slice(a.end, b.start);
    if (/^[\s]*[,،][\s]*$/.test(gap)) {
      // A comma joins a place to its country, not the items of a list (Syria, Iraq and Iran).
      const listy = (x: Hit | undefined, y: Hit | undefined) =>
        x !== undefined &&
        y !== undefined &&
        x.type === 'place' &&
        y.type === 'place' &&
        /^\s*[,،]?\s*(?:and|و)?\s*$/u.test(fold(ctx.text.slice(x.end, y.start)));
      if (listy(ctx.hits[i - 1], a) || listy(b, ctx.hits[i + 2])) continue;
    }
    emit({ type: 'located-in', source: a.entity, target: b.entity, start: a.start, end: b.end });
  }
}
