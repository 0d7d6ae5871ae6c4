/**
 * English rules for names the gazetteer does not know: runs of capitalised words, typed by their
 * head noun (`Defense Ministry`, `Ministry of Defense` → organization; `Hudson River` → place), by
 * a title before them (`President`, `spokesman`) or a known given name (person). A run may begin
 * with a nationality adjective and a title (`French President X`): both are peeled off and kept
 * as the person's role.
 */
import type { Context } from './context';
import type { Found } from './found';
import { ruleSpan } from './arabicNames';
import { joinable } from './tokens';
import { placeFirst } from './orgRules';

const CONNECTORS = new Set(['of', 'the', 'for', 'de', 'al', 'bin', 'von', 'van', 'der', 'la', 'le', 'du', 'da', 'el', 'on']);
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'from', 'to', 'into', 'at', 'visit', 'visited']);
const SPEECH = new Set(['said', 'says', 'told', 'added', 'asked', 'stated', 'declared', 'warned', 'wrote']);
/** Last words of names of events, laws and days: typed `other`, never people. */
const EVENT_HEADS = new Set([
  'Summit',
  'Talks',
  'Forum',
  'Act',
  'Day',
  'War',
  'Games',
  'Cup',
  'Olympics',
  'Treaty',
  'Accord',
  'Accords',
  'Agreement',
  'Festival',
  'Prize',
  'Award',
]);

/** Common nouns right after a name that type it: `the Daily Nation newspaper`, `the Escondida mine`. */
const ORG_NOUNS = new Set([
  'newspaper',
  'agency',
  'group',
  'party',
  'company',
  'firm',
  'bank',
  'militia',
  'movement',
  'network',
  'channel',
  'daily',
  'broadcaster',
  'organisation',
  'organization',
  'council',
  'committee',
  'ministry',
  'union',
  'airline',
  'magazine',
  'website',
  'television',
  'radio',
  'order',
  'tribe',
  'clan',
  'charity',
  'club',
  'team',
]);
/** Common nouns for bodies that name one right after them (besides ORG_NOUNS): `carmaker Toyota`. */
const ORG_BEFORE = new Set([
  'carmaker',
  'automaker',
  'insurer',
  'lender',
  'retailer',
  'operator',
  'carrier',
  'giant',
  'maker',
  'producer',
  'club',
  'side',
  'outlet',
  'publisher',
  'daily',
  'weekly',
  'watchdog',
  'regulator',
]);
/** Place nouns that name a place after `of`: `the town of Lodwar`. */
const PLACE_OF = new Set([
  'town',
  'city',
  'village',
  'province',
  'region',
  'district',
  'state',
  'port',
  'island',
  'county',
  'governorate',
  'capital',
  'outskirts',
  'suburb',
]);
const PLACE_NOUNS = new Set([
  'mine',
  'camp',
  'camps',
  'river',
  'city',
  'province',
  'region',
  'district',
  'airport',
  'port',
  'valley',
  'village',
  'town',
  'island',
  'border',
  'crossing',
  'field',
  'state',
]);

/** Is this sentence shouting (a headline in capitals)? Then only the gazetteer is trusted. */
function shouting(ctx: Context, i: number): boolean {
  const s = ctx.tokens[i]!.sentence;
  let upper = 0;
  let all = 0;
  for (let k = i; k >= 0 && ctx.tokens[k]!.sentence === s; k--) {
    if (/\p{L}{2}/u.test(ctx.tokens[k]!.raw)) {
      all++;
      if (ctx.tokens[k]!.upper) upper++;
    }
  }
  for (let k = i + 1; k < ctx.tokens.length && ctx.tokens[k]!.sentence === s; k++) {
    if (/\p{L}{2}/u.test(ctx.tokens[k]!.raw)) {
      all++;
      if (ctx.tokens[k]!.upper) upper++;
    }
  }
  return all > 2 && upper / all > 0.6;
}

/**
 * The words of tokens [from, to) as written. Pushed into a literal rather than mapped from a slice:
 * an array made by `.map()` gets another hidden class once V8 has compiled the caller, and the
 * readers of `words` were compiled again each time one arrived.
 */
function rawWords(ctx: Context, from: number, to: number): string[] {
  const words: string[] = [];
  for (let k = from; k < to; k++) words.push(ctx.tokens[k]!.raw);
  return words;
}

/** The English title cue (`Prime Minister`, `spokesman`) ending right before token i, if any. */
function titleBefore(ctx: Context, i: number): { from: number; classes: string[] } | undefined {
  for (let len = 3; len >= 1; len--) {
    const from = i - len;
    if (from < 0) continue;
    const words = rawWords(ctx, from, i);
    const cues = ctx.lex.titles.get(words[0]!);
    const cue = cues?.find((c) => c.words.length === len && c.words.every((w, k) => w === words[k]));
    if (cue) return { from, classes: cue.classes };
  }
  return undefined;
}

/** Widens a role back over the body or nationality right before it: `State Department spokesman`. */
function roleStart(ctx: Context, from: number): { from: number; of?: string; nationality?: string } {
  const prev = ctx.cover[from - 1];
  if (prev && prev.type === 'organization' && joinable(ctx.tokens[from]!.gap))
    return { from: prev.tok, of: prev.key, ...(prev.entry?.country ? { nationality: prev.entry.country } : {}) };
  const p = ctx.tokens[from - 1];
  if (p && !ctx.cover[from - 1] && p.cap && ctx.lex.nisba.has(p.norm) && joinable(ctx.tokens[from]!.gap))
    return { from: from - 1, nationality: ctx.lex.nisba.get(p.norm)! };
  return { from };
}

const INNER_LINKS = new Set(['and', 'to', '&']);

/** English weekday and month names from ICU: `the Act on Monday` does not join `Monday` to the name. */
const CALENDAR = new Set([
  ...Array.from({ length: 7 }, (_, d) =>
    new Date(Date.UTC(2024, 0, 7 + d)).toLocaleDateString('en', { weekday: 'long', timeZone: 'UTC' }),
  ),
  ...Array.from({ length: 12 }, (_, m) =>
    new Date(Date.UTC(2024, m, 15)).toLocaleDateString('en', { month: 'long', timeZone: 'UTC' }),
  ),
]);

/** Does the capitalised run starting at token k (connectors allowed) end in a body's or a law's head noun? */
function bodyRunEnds(ctx: Context, k: number): boolean {
  const { tokens, lex } = ctx;
  for (let m = k; m < tokens.length && m - k < 8 && (m === k || joinable(tokens[m]!.gap)) && !ctx.cover[m]; m++) {
    if (tokens[m]!.sentence !== tokens[k]!.sentence) break;
    const w = tokens[m]!.raw;
    if (tokens[m]!.cap && (lex.enOrgHeads.has(w) || EVENT_HEADS.has(w))) return true;
    if (!tokens[m]!.cap && !CONNECTORS.has(w)) break;
  }
  return false;
}

/** The nationality adjective before a lowercase title right before token `from` (`Chinese foreign ministry spokesman`). */
function lowercaseTitleNationality(ctx: Context, from: number): string | undefined {
  const { tokens, lex } = ctx;
  const title = tokens[from - 1];
  if (!title || title.cap || !lex.titles.has(title.raw) || !joinable(tokens[from]!.gap)) return undefined;
  for (let k = from - 2; k >= 0 && from - k <= 5; k--) {
    const t = tokens[k]!;
    if (!joinable(tokens[k + 1]!.gap) || t.sentence !== tokens[from]!.sentence) return undefined;
    const nat = lex.nisba.get(t.norm);
    if (nat) return nat;
    if (t.cap || lex.enStop.has(t.norm)) return undefined;
  }
  return undefined;
}

/** The end (exclusive) of the run of capitalised words from token `i`, with connectors inside. */
function runEnd(ctx: Context, i: number): number {
  const { tokens, lex } = ctx;
  const sentence = tokens[i]!.sentence;
  let j = i + 1;
  while (j < tokens.length && joinable(tokens[j]!.gap) && !ctx.cover[j] && tokens[j]!.sentence === sentence) {
    const n = tokens[j]!;
    if (n.cap && !/^\d/.test(n.raw)) j++;
    // `Min-soon`, `Teng-hui`, `People's Republic`: lowercase parts glued by a hyphen or apostrophe.
    else if (/^[-'’]$/.test(n.gap) && (n.raw !== 's' || tokens[j + 1]?.cap)) j++;
    // `National Abortion and Reproductive Rights Action League`: `and`/`to` inside a body's or a law's name.
    // Not after a complete body name: `Tarvik Inc and Oldmoor Ltd` are two companies.
    else if (INNER_LINKS.has(n.raw) && tokens[j + 1]?.cap && !lex.enOrgHeads.has(tokens[j - 1]!.raw) && bodyRunEnds(ctx, j + 1))
      j++;
    else if (
      CONNECTORS.has(n.raw) &&
      j + 1 < tokens.length &&
      tokens[j + 1]!.cap &&
      !CALENDAR.has(tokens[j + 1]!.raw) &&
      joinable(tokens[j + 1]!.gap) &&
      !ctx.cover[j + 1]
    )
      j += 2;
    else break;
  }
  return j;
}

/** What the front of a run says about the name after it: where the name starts and the role before it. */
interface Front {
  from: number;
  classes: string[];
  nationality: string | undefined;
  /** First token of the role (nationality adjective or title), or -1. */
  roleFrom: number;
}

/** Peels sentence-initial function words, nationality adjectives and titles off the front of the run [i, j). */
function peelFront(ctx: Context, i: number, j: number): Front {
  const { tokens, lex } = ctx;
  const front: Front = { from: i, classes: [], nationality: undefined, roleFrom: -1 };
  for (;;) {
    const from = front.from;
    if (from >= j) break;
    const w = tokens[from]!;
    // `the town of New Halfa`: `New` starts a place's name inside a sentence.
    if (lex.enStop.has(w.norm) && !(placeFirst(w.raw) && !w.first && from + 1 < j)) front.from++;
    // `Shares of Orion Corp`: a sentence's first word and `of` are no part of a name unless the word heads a body.
    else if (
      w.first &&
      tokens[from + 1]?.raw === 'of' &&
      !lex.enOfHeads.has(w.raw) &&
      !lex.enOrgHeads.has(w.raw) &&
      !ctx.cover[from + 2]
    )
      front.from += 2;
    // `European Central Bank`: the adjective of a supranational body belongs to its institutions' names.
    else if (lex.nisba.get(w.norm) === 'EU' && tokens.slice(from + 1, j).some((x) => lex.enOrgHeads.has(x.raw))) break;
    // `Indian Ocean`, `Arabian Sea`: an adjective before a lone place noun is the place's name, not a nationality.
    else if (lex.nisba.has(w.norm) && j - from === 2 && lex.enPlaceHeads.has(tokens[from + 1]!.raw)) break;
    else if (lex.nisba.has(w.norm)) {
      front.nationality = lex.nisba.get(w.norm);
      if (front.roleFrom < 0) front.roleFrom = from;
      front.from++;
    } else if (lex.titles.has(w.raw)) {
      const cue = lex.titles.get(w.raw)!.find((c) => c.words.every((x, k) => tokens[from + k]?.raw === x));
      if (!cue) break;
      front.classes.push(...cue.classes);
      if (front.roleFrom < 0) front.roleFrom = from;
      front.from += cue.words.length;
    } else break;
  }
  // A title inside the run (`Mining Minister Aurora Williams`): the name follows it, the rest is the role.
  for (let k = j - 1; k > front.from; k--) {
    const cue = lex.titles
      .get(tokens[k]!.raw)
      ?.find((c) => c.words.every((x, m) => tokens[k + m]?.raw === x) && k + c.words.length < j);
    if (cue) {
      if (front.roleFrom < 0) front.roleFrom = front.from;
      front.classes.push(...cue.classes);
      front.from = k + cue.words.length;
      break;
    }
  }
  return front;
}

/** The type of the name `words` at tokens [from, j), from its words and its neighbours; undefined when it is none. */
function runType(ctx: Context, from: number, j: number, words: readonly string[], person: boolean): Found['type'] | undefined {
  const { tokens, lex } = ctx;
  const next = tokens[j];
  const prev = tokens[from - 1];
  const after = next && joinable(next.gap) ? next.norm : '';
  if (words.length > 1 && EVENT_HEADS.has(words[words.length - 1]!)) return 'other';
  if (words.length > 1 && (words.some((w) => lex.enOrgHeads.has(w)) || (lex.enOfHeads.has(words[0]!) && words.includes('of'))))
    return 'organization';
  if (words.length > 1 && lex.enPlaceHeads.has(words[words.length - 1]!)) return 'place';
  // `Mount Kenya`, `Lake Chad`, `Jebel Marra`: a landform word first.
  if (words.length > 1 && placeFirst(words[0]!)) return 'place';
  if (!person && ORG_NOUNS.has(after)) return 'organization';
  // `the shipping company Maersk`, `broadcaster ZDF`: a common noun for a body right before the name.
  if (!person && prev && joinable(tokens[from]!.gap) && (ORG_NOUNS.has(prev.norm) || ORG_BEFORE.has(prev.norm)))
    return 'organization';
  if (!person && PLACE_NOUNS.has(after)) return 'place';
  // `the town of Lodwar`, `the province of Helmand`: a place noun and `of` before the name.
  if (!person && prev?.norm === 'of' && PLACE_OF.has(tokens[from - 2]?.norm ?? '')) return 'place';
  if (!person && words.length > 1 && tokens.slice(from, j).some((w) => w.upper)) return 'organization';
  if (!person && words.length > 1 && prev && prev.norm === 'at') return 'organization';
  if (!person && words.length > 1 && prev && (prev.norm === 'in' || prev.norm === 'near')) return 'place';
  if (words.length === 1 && lex.nisba.has(words[0]!.toLowerCase())) return undefined;
  if (person) return 'person';
  if (words.length >= 2 && words.length <= 4) return 'person';
  if (next && SPEECH.has(next.norm)) return 'person';
  if (prev && PLACE_PREPOSITIONS.has(prev.norm) && !tokens[from]!.first) return 'place';
  return undefined;
}

/** Finds English people, organizations and places from capitalised runs. */
export function findEnglishNames(ctx: Context): void {
  const { tokens, lex } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (ctx.cover[i] || t.arabic || !t.cap || /^\d/.test(t.raw)) continue;
    if (shouting(ctx, i)) continue;
    let j = runEnd(ctx, i);
    const front = peelFront(ctx, i, j);
    let { from, nationality, roleFrom } = front;
    const { classes } = front;
    while (j > from && (CONNECTORS.has(tokens[j - 1]!.raw) || (j - from > 1 && lex.nisba.has(tokens[j - 1]!.norm)))) j--;
    // A sentence-initial participle (`Noting`, `Asked`) is not part of a name; a given name (`Ahmed`, `Khaled`) is.
    if (
      from < j &&
      tokens[from]!.first &&
      /(?:ing|ed)$/.test(tokens[from]!.raw) &&
      !lex.enGiven.has(tokens[from]!.raw) &&
      j - from > 1
    )
      from++;
    if (from >= j) {
      i = j - 1;
      continue;
    }
    const words = rawWords(ctx, from, j);
    const before = titleBefore(ctx, from);
    let of: string | undefined;
    if (before && roleFrom < 0) {
      const widened = roleStart(ctx, before.from);
      roleFrom = widened.from;
      of = widened.of;
      nationality ??= widened.nationality;
      classes.push(...before.classes);
    }
    const next = tokens[j];
    const person = classes.length > 0 || roleFrom >= 0 || lex.enGiven.has(words[0]!);
    let type = runType(ctx, from, j, words, person);
    // `assistant Secretary of State for African Affairs`: a portfolio, not a person.
    if (type === 'person' && lex.enPortfolios.has(words[words.length - 1]!)) type = undefined;
    // `French African policy`: one word after a nationality adjective, then a common noun, is an adjective.
    if (
      type === 'person' &&
      words.length === 1 &&
      classes.length === 0 &&
      next &&
      joinable(next.gap) &&
      /^[a-z]/.test(next.raw) &&
      !SPEECH.has(next.norm)
    )
      type = undefined;
    if (!type || (words.length === 1 && tokens[from]!.first && roleFrom < 0)) {
      i = j - 1;
      continue;
    }
    // `Kenya Wildlife Service`: a known place in front of a body's name belongs to it.
    const before2 = ctx.cover[from - 1];
    if (
      type === 'organization' &&
      before2 &&
      before2.type === 'place' &&
      before2.tokEnd === from &&
      joinable(tokens[from]!.gap)
    ) {
      ctx.remove(before2);
      from = before2.tok;
    }
    const found = ruleSpan(ctx, from, j, type);
    if (type === 'person' && roleFrom >= 0) {
      const rs = tokens[roleFrom]!.start;
      const re = tokens[from - 1]!.end;
      found.role = {
        text: ctx.text.slice(rs, re),
        start: rs,
        end: re,
        classes,
        ...(of ? { of } : {}),
        ...(nationality ? { nationality } : {}),
      };
      if (nationality) found.nationality = nationality;
    }
    // `Chinese foreign ministry spokesman Liu Jianchao`: lowercase title words after a nationality adjective.
    if (type === 'person' && !found.nationality) {
      const nat = lowercaseTitleNationality(ctx, from);
      if (nat) found.nationality = nat;
    }
    ctx.add(found);
    i = j - 1;
  }
}

/** Gives known people the English title right before them (`Secretary of State Mike Pompeo`). */
export function englishRoles(ctx: Context): void {
  for (const f of ctx.found) {
    if (f.type !== 'person' || f.role || f.kind === 'title' || ctx.tokens[f.tok]!.arabic) continue;
    let from = f.tok;
    const before = titleBefore(ctx, from);
    if (!before) {
      appositiveRole(ctx, f);
      continue;
    }
    const widened = roleStart(ctx, before.from);
    from = widened.from;
    const rs = ctx.tokens[from]!.start;
    const re = ctx.tokens[f.tok - 1]!.end;
    f.role = {
      text: ctx.text.slice(rs, re),
      start: rs,
      end: re,
      classes: before.classes,
      ...(widened.of ? { of: widened.of } : {}),
      ...(widened.nationality ? { nationality: widened.nationality } : {}),
    };
    f.confirmed = true;
  }
}

const DEPUTY = new Set(['assistant', 'deputy', 'vice', 'Assistant', 'Deputy', 'Vice']);

/**
 * `Dana Perino, the White House spokeswoman, said`: a role between commas right after the name.
 * The phrase must hold a title cue and close with a comma or a full stop within ten words.
 */
function appositiveRole(ctx: Context, f: Found): void {
  const { tokens, lex } = ctx;
  const first = tokens[f.tokEnd];
  if (!first || first.arabic || !/^,\s+$/.test(first.gap)) return;
  let k = f.tokEnd;
  if (/^(?:the|a|an)$/.test(first.norm)) k++;
  const start = k;
  let classes: string[] | undefined;
  let of: string | undefined;
  let nationality: string | undefined;
  for (; k < tokens.length && k - start < 10; k++) {
    const t = tokens[k]!;
    if (k > start && !joinable(t.gap)) break;
    if (t.arabic || ctx.cover[k]?.type === 'person') return;
    const c = ctx.cover[k];
    if (c?.type === 'organization') of ??= c.key;
    nationality ??= lex.nisba.get(t.norm) ?? (c?.type === 'place' ? c.entry?.country : undefined);
    const cue = classes ? undefined : lex.titles.get(t.raw)?.find((x) => x.words.every((w, m) => tokens[k + m]?.raw === w));
    if (cue) classes = tokens.slice(start, k).some((w) => DEPUTY.has(w.raw)) ? ['deputy'] : cue.classes;
  }
  const close = tokens[k];
  if (!classes || k === start || (close && !/^\s*[,.;]/.test(close.gap))) return;
  const rs = tokens[start]!.start;
  const re = tokens[k - 1]!.end;
  f.role = {
    text: ctx.text.slice(rs, re),
    start: rs,
    end: re,
    classes,
    ...(of ? { of } : {}),
    ...(nationality ? { nationality } : {}),
  };
}

/** `the Russian president`, `the spokesman`: a title without a name, for coreference to resolve. */
export function englishTitles(ctx: Context): void {
  const { tokens, lex } = ctx;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.norm !== 'the' || ctx.cover[i + 1]?.type === 'organization') continue;
    let j = i + 1;
    const nationalities: string[] = [];
    while (j < tokens.length && joinable(tokens[j]!.gap)) {
      const place = ctx.cover[j];
      if (place && place.type === 'place' && place.entry?.country) {
        nationalities.push(place.entry.country);
        j = place.tokEnd;
      } else if (!ctx.cover[j] && tokens[j]!.cap && lex.nisba.has(tokens[j]!.norm)) {
        nationalities.push(lex.nisba.get(tokens[j]!.norm)!);
        j++;
      } else break;
    }
    const t = tokens[j];
    if (!t || ctx.cover[j] || t.cap || !joinable(t.gap)) continue;
    const cue = lex.titles.get(t.raw)?.find((c) => c.words.every((w, k) => tokens[j + k]?.raw === w));
    if (!cue || cue.classes.length === 0) continue;
    const end = j + cue.words.length;
    if (tokens[end]?.cap && joinable(tokens[end]!.gap)) continue; // a name follows: `the president Mobutu`
    const from = nationalities.length ? i + 1 : j;
    ctx.add({
      tok: from,
      tokEnd: end,
      start: tokens[from]!.start,
      end: tokens[end - 1]!.end,
      type: 'person',
      key: '',
      kind: 'title',
      source: 'rule',
      classes: cue.classes,
      nationalities,
    });
    i = end - 1;
  }
}
