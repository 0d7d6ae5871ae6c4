/**
 * Rules for organizations and places that the head-noun rules of arabicRules.ts and the capitalised runs of
 * englishRules.ts do not cover (docs/entities.md, "Organizations and places round"): club short names in sport
 * reports (`تعادل الهلال مع المريخ`), places of worship (`مسجد النيلين`), bodies named after people (`جامعة الملك فهد`،
 * `مجموعة بن لادن`), mountains named with their head (`جبل مرة`), armed branches (`القوات المسلحة الأردنية`), quoted
 * names over known ones, generic phrases and idioms that are no names (`مجلس الإدارة`، `مسقط رأس`، `انهيار مالي`),
 * acronyms in brackets, and in English `University of <known place>`, `Lake Chad`, `Red Crescent Society` and a company
 * named without its `Group`/`Corp` later on. Word lists live in data/org-heads.json.
 */
import orgHeads from '../data/org-heads.json';
import { normalize } from '../../search/normalize';
import type { Context } from './context';
import type { Found } from './found';
import type { GazetteerEntry } from './gazetteer';
import { nameFrom, nameWord, ruleKey, ruleSpan, verbLike } from './arabicNames';
import { joinable } from './tokens';

const norms = (l: string[]) => new Set(l.map((w) => normalize(w)));
const WORSHIP = norms(orgHeads.ar.worship);
const LANDFORMS = norms(orgHeads.ar.landforms);
const SPORT = norms(orgHeads.ar.sport);
const NO_BARE_ADJECTIVE = norms(orgHeads.ar.noBareAdjective);
const BARE_PLACE_HEADS = norms(orgHeads.ar.barePlaceHeads);
/** General area nouns (`منطقة، قضاء، ولاية`): stricter about the word after them. */
const AREA = norms(orgHeads.ar.areaHeads);
/** `ولاية` is also a term of office. */
const TERM = norms(orgHeads.ar.termHeads);
const TERM_COMPLEMENTS = norms(orgHeads.ar.termComplements);
const IDIOMS = orgHeads.ar.idioms.map((p) => normalize(p).split(' '));
const ARMED_ADJECTIVES = norms(orgHeads.ar.armedAdjectives);
const NAMED_AFTER = norms(orgHeads.ar.namedAfterPeople);
const NAMED_AFTER_KNOWN = norms(orgHeads.ar.namedAfterKnown);
const BODY_ADJECTIVES = norms(orgHeads.ar.bodyAdjectives);
const ADJECTIVE_PLACES = norms(orgHeads.ar.adjectivePlaces);
const PLACE_CONSTRUCTS = norms(orgHeads.ar.placeConstructs);
const GENERIC = new Set(orgHeads.ar.generic.map((p) => `rule:organization:${normalize(p)}`));
/** English first words that make a run a place: `Mount Kenya`, `Lake Chad`, `Jebel Marra`. */
const PLACE_FIRST = new Set(orgHeads.en.placeFirst);
/** Is the word a landform or `New`/`Port` that starts a place's name (also in a dateline's capitals: `PORT SUDAN`)? */
export const placeFirst = (w: string) =>
  PLACE_FIRST.has(w) || (/^\p{Lu}+$/u.test(w) && PLACE_FIRST.has(w[0] + w.slice(1).toLowerCase()));
const CORPORATE = new Set(orgHeads.en.corporate);
const EXTENDING = new Set(orgHeads.en.extendingHeads);
/** Sport words a report must hold (tokens) before a club's short name is read alone. */
const SPORT_MIN = 3;

/**
 * `مستشفى ميداني`، `مستشفى جامعي`: after these heads an indefinite word in ي is an adjective, not a name
 * (arabicRules' proper-name branch asks this before reading a bare word as the body's name).
 */
export function bareAdjectiveAfter(ctx: Context, head: number, j: number): boolean {
  return ctx.inSet(head, NO_BARE_ADJECTIVE) && /ي$/.test(ctx.tokens[j]!.raw) && !ctx.definite(j);
}

/**
 * Four-letter shapes of Arabic verbal nouns and colour adjectives that follow `منطقة` as common words: فعال (`نزاع`،
 * `صراع`)، فعول (`نفوذ`)، تفعل (`توتر`)، فعلاء (`خضراء`). Names of that shape are lost (`سنار`), a price paid for precision.
 */
const nounShape = (norm: string) => (norm.length === 4 && /^(?:..[او].|ت...)$/.test(norm)) || /^...اء$/.test(norm);

/**
 * `منطقة حدودية`، `نهر موسمي`: after a general place noun a word in ة, ي or ات is an adjective or a plural, not a
 * place's name (`منطقة تاسيكمالايا` is one). Asked for the first word after the head (j = head + 1) and the second.
 */
export function bareAdjectiveAfterPlace(ctx: Context, head: number, j: number): boolean {
  if (!ctx.inSet(head, BARE_PLACE_HEADS)) return false;
  const t = ctx.tokens[j]!;
  // `وادي عربة`: a name in ة after a river or valley noun; `منطقة عازلة` is an adjective.
  if (/(?:ية|ي|ات)$/.test(t.raw) || (ctx.inSet(head, AREA) && /ة$/.test(t.raw))) return true;
  // `منطقة جذب`، `منطقة قصف`: a short word after `منطقة` is a common noun in construct (a verbal noun), not a name.
  // `ولاية صالح` "Saleh's term": a given name after `ولاية` (also a term of office) is a person's.
  return (
    ctx.inSet(head, AREA) &&
    (j === head + 1
      ? t.norm.length < 4 || nounShape(t.norm) || (ctx.inSet(head, TERM) && ctx.lex.given.has(t.norm))
      : ctx.definite(j) || /^[تي]/.test(t.norm))
  );
}

/**
 * `ولاية القيروان`: after `ولاية` a word with the article names a state, unless it says whose term or guardianship it is:
 * a title (`ولاية الرئيس`), a body's head (`ولاية المحكمة`), a place noun, or `العهد، الفقيه…` (`ولاية العهد`).
 */
export function definiteStateAfter(ctx: Context, head: number, j: number): boolean {
  if (!ctx.inSet(head, TERM) || !ctx.definite(j)) return false;
  const w = ctx.tokens[j]!.norm;
  const bare = w.slice(2);
  if (TERM_COMPLEMENTS.has(w) || ctx.lookup(j, ctx.lex.titles) || ctx.isStop(j) || ctx.nisba(j)) return false;
  const { lex } = ctx;
  return ![lex.orgHeads, lex.properHeads, lex.placeHeads, lex.definiteHeads, lex.adjectiveHeads].some(
    (h) => h.has(bare) || h.has(w),
  );
}

/**
 * `مسجد النيلين`، `كنيسة القيامة`، `مسجد فنسبري بارك`: the name after a place-of-worship noun is a body (as
 * ANERcorp tags it), without the head, like a newspaper after `صحيفة`. A definite head (`المسجد الأقصى`) is
 * followed by an adjective, not a name; a title after the head starts a person (`مسجد الإمام …`), left alone. One
 * bare word must recur in the text (`مسجد كبير` is an adjective).
 */
export function findWorshipPlaces(ctx: Context): void {
  const { tokens, lex } = ctx;
  // `مسجد الحي`، `مسجد الجامعة`: a place noun or a body's head with the article says whose mosque it is.
  const owner = (w: string) => /^ال/.test(w) && [lex.placeHeads, lex.orgHeads, lex.properHeads].some((h) => h.has(w.slice(2)));
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (ctx.cover[i] || !tokens[i]!.arabic || !ctx.inSet(i, WORSHIP) || ctx.definite(i)) continue;
    const j = i + 1;
    if (!joinable(tokens[j]!.gap) || ctx.cover[j] || ctx.lookup(j, ctx.lex.titles)) continue;
    let end = j;
    if (ctx.definite(j) && !ctx.isStop(j) && !ctx.nisba(j) && !/^[بكف]ال|^لل/.test(tokens[j]!.norm) && !owner(tokens[j]!.norm))
      end = j + 1;
    else if (nameWord(ctx, j) && !verbLike(tokens[j]!.norm) && !/^و/.test(tokens[j]!.norm)) {
      end = j + 1;
      const n = tokens[end];
      if (n && joinable(n.gap) && nameWord(ctx, end) && !/^و/.test(n.norm) && !verbLike(n.norm) && !/(?:ة|ي|ين)$/.test(n.raw))
        end++;
      // `مسجد كبير`، `مسجد رائع`: one bare word is an adjective unless it recurs as a name (`مسجد هوبان` … `هوبان`).
      if (end === j + 1 && (ctx.counts.get(tokens[j]!.bare) ?? 0) < 2) continue;
    }
    if (end === j) continue;
    ctx.add(ruleSpan(ctx, j, end, 'organization'));
    i = end - 1;
  }
}

/**
 * `جبل مرة`، `جبال النوبة`، `جبل طارق`: a mountain is named with its head (the name alone is often a common
 * word: `مرة` "once"). The name is a word with the article or a bare name word that is no adjective (`جبل جليدي`).
 */
export function findLandforms(ctx: Context): void {
  const { tokens } = ctx;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (ctx.cover[i] || !tokens[i]!.arabic || !ctx.inSet(i, LANDFORMS) || ctx.definite(i)) continue;
    // `أبو جبل`: a family name, not a mountain.
    if (i > 0 && /^(?:ابو|ابي|ابا)$/.test(tokens[i - 1]!.norm) && joinable(tokens[i]!.gap)) continue;
    const j = i + 1;
    if (!joinable(tokens[j]!.gap) || ctx.cover[j]) continue;
    const t = tokens[j]!;
    // `جبال النفايات`: a plural noun after the head is a figure of speech, not a name.
    const definiteName =
      ctx.definite(j) && !ctx.isStop(j) && !ctx.nisba(j) && !/^[بكف]ال|^لل/.test(t.norm) && !/ات$/.test(t.norm);
    const bareName = nameWord(ctx, j) && !verbLike(t.norm) && !/^و/.test(t.norm) && !/(?:ي|ية|ات)$/.test(t.raw);
    if (!definiteName && !bareName) continue;
    const head = tokens[i]!.forms.find((f) => LANDFORMS.has(f.form))!;
    ctx.add(ruleSpan(ctx, i, j + 1, 'place', head.shift));
    i = j;
  }
}

/** Is the text a sport report? Counted on the words' clitic-free forms (`بهدفين`، `والمدرب`). */
export function sportReport(ctx: Context): boolean {
  let n = 0;
  for (let i = 0; i < ctx.tokens.length && n < SPORT_MIN; i++) if (ctx.tokens[i]!.arabic && ctx.inSet(i, SPORT)) n++;
  return n >= SPORT_MIN;
}

/** A club: one of its Arabic names starts with `نادي`/`فريق`/`النادي` (`نادي الهلال`، `النادي الأهلي`). */
const isClub = (e: GazetteerEntry | undefined) => !!e && e.ar.some((n) => /^(?:نادي|النادي|فريق)\s/.test(n));

/**
 * `تعادل الهلال مع المريخ`: in a sport report a club's ambiguous short name (`الهلال` "the crescent", `العربي`)
 * names the club, unless it follows a definite noun it describes (`الاتحاد العربي`، `العالم العربي`). Elsewhere
 * it is dropped at once, before the head-noun rules, so that it does not cut a body's name (`المكتب العربي
 * للتعاون`), unless a team noun stands before it (`فريق العربي`) or the club is named in full in the text.
 */
export function weakClubs(ctx: Context): void {
  const clubs = ctx.found.filter((f) => f.weak && isClub(f.entry));
  if (clubs.length === 0) return;
  const sport = sportReport(ctx);
  const named = new Set(ctx.found.filter((f) => !f.weak).map((f) => f.key));
  for (const f of clubs) {
    const prev = f.tok - 1;
    const joined = prev >= 0 && ctx.tokens[prev]!.arabic && joinable(ctx.tokens[f.tok]!.gap) && !ctx.cover[prev];
    if (joined && ctx.inSet(prev, ctx.lex.teamHeads)) continue;
    // `للأهلي` after a definite noun is a complement (`الجهاز الفني للأهلي`), not an adjective.
    const describes = joined && ctx.definite(prev) && !ctx.isStop(prev) && f.start === ctx.tokens[f.tok]!.start;
    if (sport && !describes) f.confirmed = true;
    else if (!named.has(f.key) || describes) ctx.remove(f);
  }
}

const ACRONYM = /^[A-Z][A-Z0-9&.-]{1,7}$/;

/**
 * `مركز الدراسات العلمية والثقافية (ICSS)`، `International Telecommunication Union (ITU)`: an acronym in
 * brackets right after a body is another name of it; later uses of the acronym are mentions too.
 */
export function acronymAliases(ctx: Context): void {
  const { tokens } = ctx;
  const aliases = new Map<string, Found>();
  for (const f of [...ctx.found]) {
    if (f.type !== 'organization' || f.kind === 'title') continue;
    const k = f.tokEnd;
    const t = tokens[k];
    if (!t || ctx.cover[k] || !ACRONYM.test(t.raw) || !/\(\s*$/.test(t.gap) || !/^\s*\)/.test(tokens[k + 1]?.gap ?? ')'))
      continue;
    const a = ctx.add({
      ...ruleSpan(ctx, k, k + 1, 'organization'),
      key: f.key,
      kind: 'alias',
      source: f.source,
      entry: f.entry,
    });
    aliases.set(t.raw, a);
  }
  if (aliases.size === 0) return;
  for (let i = 0; i < tokens.length; i++) {
    const first = aliases.get(tokens[i]!.raw);
    const c = ctx.cover[i];
    if (!first || c === first) continue;
    // `A spokesman for the NWA said`: a one-word rule name read before the acronym was known gives way.
    if (c && c.source === 'rule' && c.kind === 'name' && c.tok === i && c.tokEnd === i + 1) ctx.remove(c);
    else if (c) continue;
    ctx.add({
      ...ruleSpan(ctx, i, i + 1, 'organization'),
      key: first.key,
      kind: 'alias',
      source: first.source,
      entry: first.entry,
    });
  }
}

/**
 * English names the gazetteer would cut short, undone before the capitalised runs are read:
 * `University of Khartoum` (a known place after `<body head> of` belongs to the body), `Lake Chad` (after a landform
 * word) and `Sudanese Red Crescent Society` (a known body followed by a body head such as `Society` or `Foundation`
 * is part of a longer name).
 */
export function englishBodyNames(ctx: Context): void {
  const { tokens, lex } = ctx;
  for (const f of [...ctx.found]) {
    const t = tokens[f.tok]!;
    if (t.arabic || f.kind === 'title') continue;
    if (
      f.type === 'place' &&
      f.source === 'gazetteer' &&
      tokens[f.tok - 1]?.raw === 'of' &&
      lex.enOfHeads.has(tokens[f.tok - 2]?.raw ?? '') &&
      !ctx.cover[f.tok - 2] &&
      joinable(t.gap) &&
      joinable(tokens[f.tok - 1]!.gap)
    )
      ctx.remove(f);
    // `Lake Chad`, `Mount Kenya`: a landform word before a known place makes a longer name.
    else if (
      f.type === 'place' &&
      f.source === 'gazetteer' &&
      placeFirst(tokens[f.tok - 1]?.raw ?? '') &&
      !ctx.cover[f.tok - 1] &&
      joinable(t.gap)
    )
      ctx.remove(f);
    else if (f.type === 'organization' && f.source === 'gazetteer') {
      const n = tokens[f.tokEnd];
      if (n && !n.arabic && n.cap && EXTENDING.has(n.raw) && joinable(n.gap) && !ctx.cover[f.tokEnd]) ctx.remove(f);
    }
  }
}

/**
 * `Zain Group` … `Zain`: a company named by a rule with a corporate word at the end (`Group`, `Corp`, `Inc`) is
 * later called by the words before it; those capitalised words elsewhere are mentions of the same company.
 */
export function corporateShortNames(ctx: Context): void {
  const { tokens } = ctx;
  for (const f of [...ctx.found]) {
    if (f.type !== 'organization' || f.source !== 'rule' || f.kind !== 'name' || f.tokEnd - f.tok < 2) continue;
    if (tokens[f.tok]!.arabic || !CORPORATE.has(tokens[f.tokEnd - 1]!.raw)) continue;
    const words = tokens.slice(f.tok, f.tokEnd - 1).map((t) => t.raw);
    if (!words.every((w) => /^\p{Lu}/u.test(w)) || words.some((w) => ctx.lex.enStop.has(w.toLowerCase()))) continue;
    for (let i = 0; i + words.length <= tokens.length; i++) {
      if (i === f.tok) continue;
      let ok = true;
      for (let k = 0; k < words.length && ok; k++)
        ok = tokens[i + k]!.raw === words[k] && !ctx.cover[i + k] && (k === 0 || joinable(tokens[i + k]!.gap));
      if (!ok) continue;
      const after = tokens[i + words.length];
      if (after && after.cap && joinable(after.gap)) continue; // `Zain Sudan`: a longer name of its own
      ctx.add({ ...ruleSpan(ctx, i, i + words.length, 'organization'), key: f.key, kind: 'alias' });
    }
  }
}

/**
 * `مسقط رأس والده` "his father's birthplace": a phrase that starts with a known place's name but is not the place;
 * `انهيار مالي`، `فائض مالي` "financial": a place named like a relational adjective, right after an indefinite noun
 * that does not take a country in construct (`شمال مالي`، `جمهورية مالي` keep the place).
 */
export function dropPlaceIdioms(ctx: Context): void {
  const { tokens } = ctx;
  for (const f of [...ctx.found]) {
    if (f.type !== 'place' || f.source !== 'gazetteer') continue;
    const t = tokens[f.tok]!;
    const prev = tokens[f.tok - 1];
    if (
      f.tokEnd - f.tok === 1 &&
      ADJECTIVE_PLACES.has(t.norm) &&
      f.start === t.start &&
      prev?.arabic &&
      joinable(t.gap) &&
      !ctx.cover[f.tok - 1] &&
      !ctx.definite(f.tok - 1) &&
      !ctx.isStop(f.tok - 1) &&
      !ctx.inSet(f.tok - 1, PLACE_CONSTRUCTS)
    ) {
      ctx.remove(f);
      continue;
    }
    const at = (k: number) => ctx.tokens[f.tok + k];
    const idiom = IDIOMS.some((w) => w.every((x, k) => at(k)?.bare === x && (k === 0 || joinable(at(k)!.gap))));
    if (idiom) ctx.remove(f);
  }
}

/**
 * `القوات المسلحة الأردنية`، `القوات الجوية المصرية`: a definite armed-force head, an adjective naming the branch
 * and a nationality adjective name a body (an editor would link them); a branch without a nationality
 * (`القوات المسلحة`) stays a description.
 */
export function findArmedBranches(ctx: Context): void {
  const { tokens, lex } = ctx;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (ctx.cover[i] || !tokens[i]!.arabic || !ctx.inSet(i, lex.definiteHeads) || !ctx.definite(i)) continue;
    if (ctx.cover[i + 1] || ctx.cover[i + 2] || !joinable(tokens[i + 1]!.gap) || !joinable(tokens[i + 2]!.gap)) continue;
    if (!ARMED_ADJECTIVES.has(tokens[i + 1]!.norm)) continue;
    const nat = ctx.nisba(i + 2);
    if (!nat) continue;
    const head = tokens[i]!.forms.find((f) => lex.definiteHeads.has(f.form))!;
    const end = ctx.nisba(i + 3) === nat && !ctx.cover[i + 3] && joinable(tokens[i + 3]?.gap ?? '\n') ? i + 4 : i + 3;
    ctx.add({ ...ruleSpan(ctx, i, end, 'organization', head.shift), nationality: nat });
    i = end - 1;
  }
}

/** `مجلس الإدارة` "the board", `شبكة الإنترنت`, `حركة الطائرات` "air traffic": built like a body's name, naming none. */
export function dropGenericBodies(ctx: Context): void {
  for (const f of [...ctx.found]) {
    if (f.type !== 'organization' || f.source !== 'rule') continue;
    // `سلطة الحكومة الاتحادية`، `مجلس الإدارة الجديد`: the generic phrase and relational adjectives after it.
    let end = f.tokEnd;
    while (end - f.tok > 2 && /^ال...*(?:ي|يه)$/.test(ctx.tokens[end - 1]!.norm)) end--;
    const key = end === f.tokEnd ? f.key : ruleKey(ctx.text, f.start, ctx.tokens[end - 1]!.end, 'organization');
    // `الجهاز الفني للفريق الأهلي`: a generic phrase and what it belongs to (`لل…`) is still no body's name.
    let of = f.tok + 2;
    while (of < f.tokEnd && !/^لل/.test(ctx.tokens[of]!.norm)) of++;
    const owned = of < f.tokEnd && GENERIC.has(ruleKey(ctx.text, f.start, ctx.tokens[of - 1]!.end, 'organization'));
    if (GENERIC.has(key) || owned) ctx.remove(f);
  }
}

const OPEN_QUOTE = /[«"“]\s*$/u;
const CLOSE_QUOTE = /^\s*[»"”]/u;

/**
 * `صحيفة " الشرق الأوسط "`، `جمعية " كاريكاتير إيران "`، `شركة « إل جي إلكترونيكس »`: a head noun then a name in
 * closed quotes names a body even when a known place or shorter body is inside the quotes; the known names
 * give way (a known body that fills the quotes, `شركة « أبل »`, stays). Runs before findQuotedOrganizations.
 */
export function quotedNamesOverKnown(ctx: Context): void {
  const { tokens, lex } = ctx;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const t = tokens[i]!;
    if (ctx.cover[i] || !t.arabic || !OPEN_QUOTE.test(tokens[i + 1]!.gap) || /[\r\n]/.test(tokens[i + 1]!.gap)) continue;
    if (!ctx.inSet(i, lex.orgHeads) && !ctx.inSet(i, lex.properHeads)) continue;
    let j = i + 2;
    while (j < tokens.length && j - i <= 5 && !CLOSE_QUOTE.test(tokens[j]!.gap) && joinable(tokens[j]!.gap)) j++;
    if (j >= tokens.length || !CLOSE_QUOTE.test(tokens[j]!.gap)) continue;
    const inside = new Set<Found>();
    for (let k = i + 1; k < j; k++) if (ctx.cover[k]) inside.add(ctx.cover[k]!);
    if (inside.size === 0) continue; // findQuotedOrganizations reads it
    const known = [...inside];
    if (known.some((f) => f.tok < i + 1 || f.tokEnd > j || f.kind === 'title')) continue;
    if (known.length === 1 && known[0]!.tok === i + 1 && known[0]!.tokEnd === j && known[0]!.type === 'organization') continue;
    for (const f of known) ctx.remove(f);
    ctx.add(ruleSpan(ctx, i + 1, j, 'organization'));
    i = j - 1;
  }
}

/**
 * `جامعة الملك فهد`، `مستشفى الملك خالد الجامعي`، `مؤسسة الشيخ زايد`: a head noun, an honorific and a person's name
 * (known or read like one) name a body after the person; a relational adjective after the name belongs to it.
 * Runs before findOrganizations, which would stop at the title, and before the titled-people rule.
 */
export function bodiesNamedAfterPeople(ctx: Context): void {
  const { tokens, lex } = ctx;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (ctx.cover[i] || !tokens[i]!.arabic || ctx.definite(i)) continue;
    if (!ctx.inSet(i, NAMED_AFTER) && !ctx.inSet(i, NAMED_AFTER_KNOWN)) continue;
    const title = tokens[i + 1]!;
    // `مجموعة بن لادن`، `مؤسسة محمد بن راشد`: a known person right after the head.
    const person = ctx.cover[i + 1];
    if (person && person.type === 'person' && person.tok === i + 1 && person.kind !== 'title' && joinable(title.gap)) {
      if (!ctx.inSet(i, NAMED_AFTER_KNOWN) || person.start !== title.start) continue;
      const h = tokens[i]!.forms.find((f) => NAMED_AFTER_KNOWN.has(f.form))!;
      let e = person.tokEnd;
      // `مجموعة بن لادن السعودية`: a nationality adjective after the name (`السعودية` is also the country's name).
      const after = ctx.cover[e];
      if (
        ctx.nisba(e) &&
        joinable(tokens[e]?.gap ?? '\n') &&
        (!after || (after.type === 'place' && after.tokEnd - after.tok === 1))
      ) {
        if (after) ctx.remove(after);
        e++;
      }
      ctx.remove(person);
      ctx.add(ruleSpan(ctx, i, e, 'organization', h.shift));
      i = e - 1;
      continue;
    }
    if (!joinable(title.gap) || ctx.cover[i + 1] || !ctx.definite(i + 1)) continue;
    const cues = lex.titles.get(title.norm);
    if (!ctx.inSet(i, NAMED_AFTER) || !cues?.some((c) => c.lone && c.words.length === 1)) continue;
    const j = i + 2;
    if (!joinable(tokens[j]!.gap)) continue;
    const known = ctx.cover[j];
    let end: number | undefined;
    if (known) end = known.type === 'person' && known.tok === j ? known.tokEnd : undefined;
    else end = nameFrom(ctx, j, 4, false, lex.given.has(tokens[j]!.norm));
    if (end === undefined) continue;
    const adj = tokens[end];
    if (adj && joinable(adj.gap) && !ctx.cover[end] && /^ال...+(?:ي|يه)$/.test(adj.norm) && !ctx.nisba(end) && !ctx.isStop(end))
      end++;
    // `جامعة الملك فهد للبترول والمعادن`: what the body is for.
    if (/^لل../.test(tokens[end]?.norm ?? '') && joinable(tokens[end]!.gap) && !ctx.cover[end]) {
      end++;
      while (
        end < tokens.length &&
        end - i < 10 &&
        joinable(tokens[end]!.gap) &&
        !ctx.cover[end] &&
        /^(?:وال|ال|لل)../.test(tokens[end]!.norm)
      )
        end++;
    }
    if (known) ctx.remove(known);
    const head = tokens[i]!.forms.find((f) => NAMED_AFTER.has(f.form))!;
    ctx.add(ruleSpan(ctx, i, end, 'organization', head.shift));
    i = end - 1;
  }
}

/**
 * `حي الزمالك`، `منطقة الجزيرة`: a place noun before a known body's name (a club or outlet named after the place)
 * names the place. Runs before findPlaces, which then leaves the span alone.
 */
export function placesOverBodies(ctx: Context): void {
  const { tokens, lex } = ctx;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (ctx.cover[i] || !tokens[i]!.arabic || !ctx.inSet(i, lex.placeHeads) || ctx.definite(i)) continue;
    const f = ctx.cover[i + 1];
    if (!f || f.type !== 'organization' || f.source !== 'gazetteer' || f.tok !== i + 1 || !joinable(tokens[i + 1]!.gap)) continue;
    if (f.start !== tokens[i + 1]!.start || f.kind === 'title') continue;
    ctx.remove(f);
    ctx.add(ruleSpan(ctx, f.tok, f.tokEnd, 'place'));
    i = f.tokEnd - 1;
  }
}

/**
 * `مجلس الأمن القومي السعودي`: a known body's name followed by an adjective such as `القومي`، `الوطني`، `الأعلى` names
 * another body (not the UN Security Council); the adjective and a nationality adjective after it join the name.
 */
export function extendKnownBodies(ctx: Context): void {
  const { tokens } = ctx;
  for (const f of [...ctx.found]) {
    if (f.type !== 'organization' || f.source !== 'gazetteer' || f.tokEnd - f.tok < 2 || !tokens[f.tok]!.arabic) continue;
    const k = f.tokEnd;
    const t = tokens[k];
    if (!t || ctx.cover[k] || !joinable(t.gap) || !BODY_ADJECTIVES.has(t.norm)) continue;
    let end = k + 1;
    if (ctx.nisba(end) && !ctx.cover[end] && joinable(tokens[end]?.gap ?? '\n')) end++;
    const from = f.tok;
    const shift = f.start - tokens[from]!.start;
    ctx.remove(f);
    ctx.add(ruleSpan(ctx, from, end, 'organization', shift));
  }
}

/**
 * `شركة ABB السويسرية`، `مجموعة MBC`، `منظمة ACLED`: an Arabic head noun followed by a name in Latin letters (one to
 * three capitalised words or acronyms) names a body; the Latin words are its name, like a quoted name after the head.
 */
export function latinNamesAfterHeads(ctx: Context): void {
  const { tokens, lex } = ctx;
  const latinName = (k: number) => {
    const t = tokens[k];
    return !!t && !t.arabic && (t.cap || t.upper) && !ctx.cover[k] && !/^\d/.test(t.raw);
  };
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (ctx.cover[i] || !tokens[i]!.arabic || !joinable(tokens[i + 1]!.gap) || !latinName(i + 1)) continue;
    if (!ctx.inSet(i, lex.orgHeads) && !ctx.inSet(i, lex.properHeads)) continue;
    let j = i + 2;
    while (j < tokens.length && j - i <= 3 && joinable(tokens[j]!.gap) && latinName(j)) j++;
    ctx.add(ruleSpan(ctx, i + 1, j, 'organization'));
    i = j - 1;
  }
}
