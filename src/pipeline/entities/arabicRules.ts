/**
 * Arabic rules for names the gazetteer does not know: organizations from their head nouns
 * (`لجنة الدفاع والأمن`), people from the titles before them, from known given names, and
 * places after place nouns (`محافظة إدلب` → `إدلب`). Titles without a name become title mentions
 * that coreference resolves later.
 */
import type { Context } from './context';
import type { Found, FoundRole } from './found';
import { givenName, nameFrom, nameWord, ruleSpan, verbLike } from './arabicNames';
import { descriptiveName } from './descriptive';
import { bareAdjectiveAfter, bareAdjectiveAfterPlace, definiteStateAfter } from './orgRules';
import { joinable } from './tokens';

/** Words inside a title's complement that need a body, place or definite noun after them. */
const COMPLEMENT_LINKS = new Set(['باسم', 'في', 'لدي', 'الي', 'عن', 'لشوون']);
const PAREN_GAP = /^[\s\u00A0()«»"“”]*$/u;

const OPEN_QUOTE = /[«"“]\s*$/u;
const CLOSE_QUOTE = /^\s*[»"”]/u;

/**
 * `شركة « أمريكان إكسبريس »`، `مؤسسة "فيتش"`: a head noun then a name in quotes; the quoted words are
 * the organization's name (the head only says what kind of body it is). At most five words.
 */
export function findQuotedOrganizations(ctx: Context): void {
  const { tokens, lex } = ctx;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (ctx.cover[i] || !tokens[i]!.arabic || !OPEN_QUOTE.test(tokens[i + 1]!.gap) || /[\r\n]/.test(tokens[i + 1]!.gap)) continue;
    if (!ctx.inSet(i, lex.orgHeads) && !ctx.inSet(i, lex.properHeads)) continue;
    let j = i + 1;
    while (j < tokens.length && j - i <= 5 && (j === i + 1 || joinable(tokens[j]!.gap)) && !ctx.cover[j]) {
      j++;
      if (j < tokens.length && CLOSE_QUOTE.test(tokens[j]!.gap)) break;
    }
    const closed = j === tokens.length ? false : CLOSE_QUOTE.test(tokens[j]!.gap);
    if (!closed || j === i + 1) continue;
    const known = ctx.cover[i + 1];
    if (known) continue;
    ctx.add(ruleSpan(ctx, i + 1, j, 'organization'));
    i = j - 1;
  }
}

/**
 * `عمان - الراية :`، `القاهرة - أ ش أ`: at the start of a line, a known place, a dash, then one to three
 * unknown words closed by a colon or the end of the line name the source (a newspaper or agency).
 */
function datelineSources(ctx: Context): void {
  const { tokens } = ctx;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const place = ctx.cover[i];
    if (!place || place.type !== 'place' || place.tok !== i || (i > 0 && !/[\r\n]/.test(tokens[i]!.gap))) continue;
    const j = place.tokEnd;
    if (j >= tokens.length || !/^\s*[-–—]\s*$/.test(tokens[j]!.gap) || !tokens[j]!.arabic) continue;
    const known = ctx.cover[j];
    if (known) {
      // A known but ambiguous source (`الراية`) is confirmed by its place in the dateline.
      if (known.tok === j && known.type === 'organization') known.confirmed = true;
      continue;
    }
    let k = j + 1;
    while (k < tokens.length && k - j < 3 && joinable(tokens[k]!.gap) && !ctx.cover[k] && tokens[k]!.arabic) k++;
    const after = k < tokens.length ? tokens[k]!.gap : '\n';
    if (!/^\s*:|[\r\n]/.test(after) || ctx.isStop(j) || cueAt(ctx, j)) continue;
    ctx.add(ruleSpan(ctx, j, k, 'organization'));
    i = k - 1;
  }
}

/** Organizations from head nouns followed by their complement. */
export function findOrganizations(ctx: Context): void {
  const { tokens, lex } = ctx;
  datelineSources(ctx);
  for (let i = 0; i < tokens.length; i++) {
    // `اتفاق الطائف`، `معاهدة فرساي`: an agreement named after a place is an event, not the place.
    const place = ctx.cover[i + 1];
    if (ctx.inSet(i, lex.agreementHeads) && place?.tok === i + 1 && place.type === 'place' && joinable(tokens[i + 1]!.gap)) {
      const head = tokens[i]!.forms.find((f) => lex.agreementHeads.has(f.form))!;
      ctx.remove(place);
      ctx.add(ruleSpan(ctx, i, place.tokEnd, 'other', head.shift));
      i = place.tokEnd - 1;
      continue;
    }
    // `فريق الجزيرة`، `منتخب …`: a team noun confirms the known club after it.
    if (ctx.inSet(i, lex.teamHeads) && ctx.cover[i + 1]?.tok === i + 1 && ctx.cover[i + 1]!.type === 'organization') {
      ctx.cover[i + 1]!.confirmed = true;
      continue;
    }
    if (ctx.cover[i] || !tokens[i]!.arabic) continue;
    const t = tokens[i]!;
    const head = t.forms.find((f) => lex.orgHeads.has(f.form) || lex.properHeads.has(f.form));
    if (head) {
      // The head names a known body right after it (`موقع يوتيوب`، `لوكالة رويترز`): the known name wins.
      const definiteOk = lex.orgHeads.has(head.form);
      const properOk = lex.properHeads.has(head.form);
      const next = ctx.cover[i + 1];
      if (next && next.tok === i + 1 && next.type === 'organization' && !lex.subBodies.has(head.form)) {
        // `حركة فتح`، `قوات حزب الله`: the head introduces a known body and confirms an ambiguous name.
        next.confirmed = true;
        continue;
      }
      let j = i + 1;
      let proper = 0;
      while (j < tokens.length && j - i <= 6 && joinable(tokens[j]!.gap)) {
        const c = ctx.cover[j];
        const swallow = c && c.type === 'place' ? definiteOk : lex.subBodies.has(head.form);
        // Not after a preposition (`مستشفى بالأردن` is a hospital in Jordan).
        if (
          c &&
          swallow &&
          j === i + 1 &&
          c.tok === j &&
          c.type !== 'person' &&
          c.source === 'gazetteer' &&
          c.start === tokens[j]!.start
        ) {
          // `جامعة دمشق`، `مفوضية الاتحاد الأفريقي`: the place or body is part of the name.
          ctx.remove(c);
          j = c.tokEnd;
          proper = 2;
          continue;
        }
        if (c && c.type === 'place' && c.source === 'gazetteer' && properOk && proper >= 1 && c.tok === j) {
          // `حركة نداء تونس`: a place closing a party's or company's name belongs to it.
          ctx.remove(c);
          j = c.tokEnd;
          break;
        }
        if (c) break;
        if (cueAt(ctx, j)) break; // `مجلس النقباء الدكتور …`: a title starts the next phrase
        // `بالسماح`، `كالعادة`: a preposition ends the complement; و/ل + article continue it (`والأمن`، `للأمم`).
        // `مديرية للحماية الخاصة`: an indefinite head and `لل` right after it is a description, not a name.
        if (
          definiteOk &&
          proper === 0 &&
          ctx.definite(j) &&
          !ctx.isStop(j) &&
          !/^[بكف]ال/.test(tokens[j]!.norm) &&
          !(j === i + 1 && /^لل/.test(tokens[j]!.norm))
        )
          j++;
        // `مركز الفينيق للدراسات العمالية`: a proper head, a name with the article and what the body is for.
        else if (
          properOk &&
          !definiteOk &&
          j === i + 1 &&
          ctx.definite(j) &&
          !ctx.isStop(j) &&
          !relational(ctx, j) &&
          /^لل/.test(tokens[j + 1]?.norm ?? '') &&
          forComplement(ctx, j + 1) > j + 1
        ) {
          j = forComplement(ctx, j + 1);
          proper = 2;
          break;
        } else if (properOk && proper >= 1 && /^لل/.test(tokens[j]!.norm) && forComplement(ctx, j) > j) {
          // `شركة زين للاتصالات`: what a named company is for belongs to its name.
          j = forComplement(ctx, j);
          break;
        } else if (ctx.nisba(j) && j > i + 1) j++;
        // `مصرف قطر المركزي`: a relational adjective after a place that became part of the name.
        else if (proper >= 1 && relational(ctx, j)) j++;
        else if (
          properOk &&
          j === i + 1 + proper &&
          proper < 2 &&
          nameWord(ctx, j) &&
          !ctx.definite(j) &&
          !tokens[j]!.norm.startsWith('و') &&
          !(proper === 1 && /ة$/.test(tokens[j]!.raw)) &&
          // `مجلة أسبوعية`، `شركة سيارات`: an adjective or a plural noun, not a name.
          !(proper === 0 && /(?:ية|يه|ات)$/.test(tokens[j]!.raw)) &&
          !(proper === 0 && bareAdjectiveAfter(ctx, i, j))
        ) {
          proper++;
          j++;
        } else break;
      }
      if (j > i + 1 && !(proper === 0 && !definiteOk)) {
        const named = descriptiveName(ctx, i, j, head.form, proper);
        if (named) ctx.add(ruleSpan(ctx, named[0], named[1], 'organization'));
        else ctx.add(ruleSpan(ctx, i, j, 'organization', head.shift));
        i = j - 1;
      }
      continue;
    }
    // `البنك التجاري`، `الحزب الشيوعي الصيني`: a definite head and relational adjectives (ending in ي/ية).
    const ahead = t.forms.find((f) => lex.adjectiveHeads.has(f.form) || lex.forHeads.has(f.form));
    if (ahead) {
      let j = i + 1;
      while (j < tokens.length && j - i <= 3 && joinable(tokens[j]!.gap) && !ctx.cover[j] && relational(ctx, j)) j++;
      const k = j > i + 1 ? forComplement(ctx, j) : j;
      // `المجلس التشريعي` alone is a description; `المجلس الوطني للأبحاث` names a body.
      if (lex.forHeads.has(ahead.form) && !lex.adjectiveHeads.has(ahead.form) && k === j) j = i + 1;
      else j = k;
      if (j > i + 1) {
        const nat = ctx.nisba(j - 1);
        // `النادي المكناسي` → `المكناسي`: a descriptive head is left out of the name, as after `نادي`; with only
        // nationality adjectives it is a description (`النادي الإسباني`).
        const from = lex.descriptiveHeads.has(ahead.form) ? i + 1 : i;
        if (from > i && !ctx.tokens.slice(from, j).some((_, k) => !ctx.nisba(from + k))) {
          i = j - 1;
          continue;
        }
        ctx.add({
          ...ruleSpan(ctx, from, j, 'organization', from === i ? ahead.shift : 0),
          ...(nat ? { nationality: nat } : {}),
        });
        i = j - 1;
        continue;
      }
    }
    // `الجيش السوري`، `الحكومة العراقية`: a definite head and a nationality adjective.
    const dhead = t.forms.find((f) => lex.definiteHeads.has(f.form));
    // The adjective agrees with the head (`الحكومة اللبنانية`); `رئيس الحكومة اللبناني` describes the رئيس.
    // Tested in place, not by a named closure: one made at every token cost tsx's `__name` wrapper each time.
    if (
      dhead &&
      !ctx.cover[i + 1] &&
      ctx.nisba(i + 1) &&
      joinable(tokens[i + 1]!.gap) &&
      /ه$/.test(dhead.form) === /ه$/.test(tokens[i + 1]!.norm)
    ) {
      const nat = ctx.nisba(i + 1);
      // `الحكومة الكورية الجنوبية`: the second word of a compound adjective.
      const end = !ctx.cover[i + 2] && joinable(tokens[i + 2]?.gap ?? '\n') && ctx.nisba(i + 2) === nat ? i + 3 : i + 2;
      const f = ruleSpan(ctx, i, end, 'organization', dhead.shift);
      ctx.add({ ...f, ...(nat ? { nationality: nat } : {}) });
      i = end - 1;
    }
  }
}

/**
 * `المعهد الوطني للإحصاء`، `المكتب الوطني للكهرباء والماء الصالح للشرب`: after a definite head and its
 * adjective, `لل` + noun says what the body is for, and is part of its name, with the nouns and adjectives
 * joined to it (`والماء`، `الصالح`). Returns the new end (unchanged when no such complement follows).
 */
function forComplement(ctx: Context, j: number): number {
  const { tokens } = ctx;
  const ok = (k: number) => k < tokens.length && joinable(tokens[k]!.gap) && !ctx.cover[k] && tokens[k]!.arabic && !ctx.isStop(k);
  // `الجمعية العمومية للبنك التجاري`: another body after لل is whose the first one is, not what it is for.
  const body = (k: number) =>
    [ctx.lex.orgHeads, ctx.lex.adjectiveHeads, ctx.lex.forHeads, ctx.lex.definiteHeads].some((h) => ctx.inSet(k, h));
  if (!ok(j) || cueAt(ctx, j) || body(j)) return j;
  // `المرصد السوري لحقوق الإنسان`: ل and a noun in construct with one definite word say the same.
  // Not a verbal noun of purpose (`لتحقيق`، `لإنجاز`، `لمناصرة`) nor a noun with a pronoun (`لمنتخبنا`).
  const noun = tokens[j]!.norm.slice(1);
  const construct =
    /^ل[^ل]../.test(tokens[j]!.norm) &&
    !verbLike(noun) &&
    !/^م.ا..ه$/.test(noun) &&
    !/(?:نا|ها|هم|ه)$/.test(noun) &&
    ok(j + 1) &&
    ctx.definite(j + 1) &&
    !cueAt(ctx, j + 1) &&
    !body(j + 1);
  if (construct) return j + 2;
  if (!/^لل../.test(tokens[j]!.norm)) return j;
  let k = j + 1;
  // A masculine adjective after a feminine or plural noun (`للدراسات العمالية الاقتصادي`) describes something else.
  const feminine = /(?:ات|ه)$/.test(tokens[j]!.norm);
  while (k - j < 5 && ok(k) && /^(?:وال|لل|ال)../.test(tokens[k]!.norm) && !cueAt(ctx, k)) {
    if (feminine && k > j + 1 && /^ال.*ي$/.test(tokens[k]!.norm)) break;
    k++;
  }
  return k;
}

/** A definite relational adjective (`التجاري`، `الشيوعية`), not a function word; nationality adjectives count. */
function relational(ctx: Context, j: number): boolean {
  const t = ctx.tokens[j]!;
  if (!t.arabic || ctx.isStop(j) || !t.norm.startsWith('ال')) return false;
  return !!ctx.nisba(j) || /^ال...*(?:ي|يه)$/.test(t.norm);
}

/**
 * `السفارة السعودية`، `القوات السعودية`: a country whose name is also its nationality adjective, right after
 * a definite noun it agrees with (both feminine), is the adjective, not the place. `إلى السعودية`، `الرئيس
 * السعودية` (no agreement) keep the place.
 */
export function dropPlaceAdjectives(ctx: Context): void {
  const { tokens } = ctx;
  for (const f of [...ctx.found]) {
    if (f.type !== 'place' || f.source !== 'gazetteer' || f.tokEnd - f.tok !== 1) continue;
    const t = tokens[f.tok]!;
    const prev = tokens[f.tok - 1];
    // `12 روسيا`: after 11–99 a counted noun is a singular accusative, `روسيًا` (a Russian), not Russia.
    const n = Number(prev?.norm);
    if (t.arabic && prev && n >= 11 && n <= 99 && /يا$/.test(t.norm) && ctx.lex.nisba.has(t.norm.slice(0, -1))) {
      ctx.remove(f);
      continue;
    }
    if (!t.arabic || !prev?.arabic || !joinable(t.gap) || t.forms.length > 1 || !ctx.definite(f.tok) || !ctx.nisba(f.tok))
      continue;
    if (ctx.cover[f.tok - 1] || ctx.isStop(f.tok - 1) || !ctx.definite(f.tok - 1) || !/ه$/.test(t.norm)) continue;
    if (!/(?:ه|ات)$/.test(prev.bare) || ctx.inSet(f.tok - 1, ctx.lex.placeHeads) || cueAt(ctx, f.tok - 1)) continue;
    ctx.remove(f);
  }
}

/** Place nouns after which a name with the article is still a place: `مدينة الرقة`. */
const CITY_HEADS = new Set(['مدينه', 'بلده', 'قريه', 'مخيم', 'حي', 'محافظه', 'ضاحيه', 'نهر', 'بحيره', 'وادي']);
/** `حلفا الجديدة`: new and old are part of a town's name. */
const TOWN_ADJECTIVES = new Set(['الجديده', 'القديمه']);

/** Places after place nouns: `محافظة إدلب`، `مخيم اليرموك` (the head is not part of the name). */
export function findPlaces(ctx: Context): void {
  const { tokens, lex } = ctx;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (ctx.cover[i] || !ctx.inSet(i, lex.placeHeads) || !joinable(tokens[i + 1]!.gap)) continue;
    const known = ctx.cover[i + 1];
    if (known) {
      // `مدينة صور`: the place noun confirms an ambiguous known name.
      if (known.tok === i + 1 && known.type === 'place') known.confirmed = true;
      continue;
    }
    if (!nameWord(ctx, i + 1) && !(ctx.definite(i + 1) && !ctx.isStop(i + 1) && !ctx.nisba(i + 1))) continue;
    // `نهر القاش`: a definite name is no verb even when its letters fit a verb's pattern (ال + three letters).
    const verb = !ctx.definite(i + 1) && verbLike(tokens[i + 1]!.norm);
    if (/^و/.test(tokens[i + 1]!.norm) || verb || bareAdjectiveAfterPlace(ctx, i, i + 1)) continue;
    if (ctx.definite(i + 1) && !ctx.inSet(i, CITY_HEADS) && !definiteStateAfter(ctx, i, i + 1)) continue;
    let j = i + 2;
    // A second word, bare or with the article: `جسر الشغور`، `رأس العين`.
    const second = j < tokens.length && joinable(tokens[j]!.gap) && !tokens[j]!.norm.startsWith('و') && !ctx.cover[j];
    if (
      second &&
      !ctx.definite(i + 1) &&
      !bareAdjectiveAfterPlace(ctx, i, j) &&
      (nameWord(ctx, j) || (ctx.definite(j) && !ctx.isStop(j) && !ctx.nisba(j)))
    )
      j++;
    else if (second && TOWN_ADJECTIVES.has(tokens[j]!.norm)) j++;
    const f = ruleSpan(ctx, i + 1, j, 'place');
    ctx.add({ ...f, start: tokens[i + 1]!.start });
    i = j - 1;
  }
}

interface Cue {
  from: number;
  to: number;
  classes: string[];
  dual: boolean;
  counterpart: boolean;
  lone: boolean;
  /** Code units of proclitics before the cue's first word (`ووزيرة` → 1; `وزيرة` → 0, not a stripped و). */
  shift: number;
}

/** The longest title cue starting at token i. */
export function cueAt(ctx: Context, i: number): Cue | undefined {
  const t = ctx.tokens[i];
  if (!t || !t.arabic) return undefined;
  for (const f of t.forms) {
    for (const cue of ctx.lex.titles.get(f.form) ?? []) {
      const n = cue.words.length;
      let ok = true;
      for (let k = 1; k < n && ok; k++) {
        const tk = ctx.tokens[i + k];
        ok = !!tk && tk.norm === cue.words[k] && joinable(tk.gap);
      }
      if (ok)
        return {
          from: i,
          to: i + n,
          classes: cue.classes,
          dual: cue.dual,
          counterpart: cue.counterpart,
          lone: cue.lone,
          shift: f.shift,
        };
    }
  }
  return undefined;
}

/** People after titles, title mentions without a name, and roles for the people named. */
export function findTitledPeople(ctx: Context): void {
  const { tokens } = ctx;
  let lastClasses: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const cover = ctx.cover[i];
    if (cover) {
      if (cover.type === 'person' && cover.role) lastClasses = cover.role.classes;
      continue;
    }
    const cue = cueAt(ctx, i);
    if (!cue) {
      nisbaPerson(ctx, i);
      continue;
    }
    const classes = cue.counterpart ? lastClasses : cue.classes;
    // `الإمام الرضا`، `الملك الحسين الثاني`، `الشيخ الخراساني`: a name with the article right after an honorific.
    const lone = cue.lone && ctx.definite(i) ? loneDefinite(ctx, cue.to) : undefined;
    if (lone !== undefined) {
      const t0 = tokens[i]!;
      const start = t0.start + cue.shift;
      const text = ctx.text.slice(start, tokens[cue.to - 1]!.end);
      ctx.add({ ...ruleSpan(ctx, cue.to, lone, 'person'), role: { text, start, end: start + text.length, classes } });
      i = lone - 1;
      continue;
    }
    // Walk the complement: `وزير الدفاع الفرنسي`، `المتحدث باسم الإليزيه`، `رئيس لجنة … في مجلس …`.
    let j = cue.to;
    let of: string | undefined;
    let lastConsumed = cue.to;
    const nationalities: string[] = [];
    while (j < tokens.length && j - cue.to < 12 && PAREN_GAP.test(tokens[j]!.gap) && !/[\r\n]/.test(tokens[j]!.gap)) {
      const c = ctx.cover[j];
      if (c && c.type === 'person') break;
      if (c && c.tok === j) {
        if (c.type === 'organization' && !of) of = c.key;
        const country = c.entry?.country ?? c.nationality;
        if (country) nationalities.push(country);
        j = c.tokEnd;
        lastConsumed = j;
        continue;
      }
      const nat = ctx.nisba(j);
      if (nat) nationalities.push(nat);
      else if (cue.dual && tokens[j]!.norm === 'و') {
        j++;
        continue;
      }
      const link =
        tokens[j]!.forms.some((f) => COMPLEMENT_LINKS.has(f.form)) &&
        (!!ctx.cover[j + 1] || (ctx.definite(j + 1) && !ctx.isStop(j + 1)));
      const noun = ctx.inSet(j, ctx.lex.complements) || ctx.inSet(j, ctx.lex.orgHeads);
      // `الوزير الياس بوصعب`: a given name that looks definite starts the name, it is no complement.
      const givenDefinite = ctx.definite(j) && ctx.lex.given.has(tokens[j]!.norm) && j === cue.to;
      if (!(nat || (ctx.definite(j) && !ctx.isStop(j) && !givenDefinite) || link || noun || cueAt(ctx, j))) break;
      j++;
      if (!link) lastConsumed = j;
    }
    const roleText = {
      start: tokens[i]!.start + cue.shift,
      end: tokens[lastConsumed - 1]!.end,
    };
    const role = (): FoundRole => ({
      text: ctx.text.slice(roleText.start, roleText.end),
      ...roleText,
      ...(of ? { of } : {}),
      classes,
      ...(nationalities.length ? { nationality: nationalities[nationalities.length - 1] } : {}),
    });
    const named = ctx.cover[lastConsumed];
    if (named && named.tok === lastConsumed && named.type === 'person' && joinable(tokens[lastConsumed]!.gap)) {
      // A known person after the title: give the role (and confirm a weak name).
      if (cue.dual) {
        const targets = [named.key];
        const second = ctx.cover[named.tokEnd];
        if (second && second.type === 'person' && tokens[named.tokEnd]!.norm.startsWith('و')) targets.push(second.key);
        ctx.add({ ...titleSpan(ctx, i, cue.to, cue.shift), classes, dual: true, targets });
        for (const f of ctx.found)
          if (targets.includes(f.key) && !f.role) f.role = { ...role(), text: ctx.text.slice(roleText.start, roleText.end) };
        continue;
      }
      named.role ??= role();
      named.confirmed = true;
      if (cue.classes.length || cue.counterpart) lastClasses = classes;
      i = named.tokEnd - 1;
      continue;
    }
    const feminine = /ه$/.test(tokens[i]!.forms[tokens[i]!.forms.length - 1]!.form) && /ة$/.test(tokens[i]!.raw);
    // `الدكتور علي العبوس`: after an honorific, `علي` before a family name with the article is the name, not على.
    // `الإمام علي ورجاله`، `الشيخ علي ،`: so is `علي` alone before the end of the phrase.
    const afterAli = tokens[lastConsumed + 1];
    const ali =
      cue.lone &&
      tokens[lastConsumed]?.raw === 'علي' &&
      ((ctx.definite(lastConsumed + 1) && nameWord(ctx, lastConsumed + 1) && joinable(afterAli!.gap)) ||
        !afterAli ||
        !joinable(afterAli.gap) ||
        /^و/.test(afterAli.norm) ||
        /^\d/.test(afterAli.norm));
    const end =
      !cue.dual && joinable(tokens[lastConsumed]?.gap ?? '\n')
        ? nameFrom(ctx, lastConsumed, 4, feminine, ali)
        : !cue.dual && lastConsumed > cue.from
          ? commaName(ctx, lastConsumed, feminine)
          : undefined;
    // A lone word before a word with the article is a construct (`حرص المملكة`), not a name.
    const single = end !== undefined && end - lastConsumed === 1;
    if (single && ctx.definite(end) && joinable(tokens[end]!.gap) && !givenName(ctx, lastConsumed)) {
      i = lastConsumed - 1;
      continue;
    }
    if (
      end !== undefined &&
      (!single ||
        (cue.lone && loneWord(ctx, lastConsumed)) ||
        (!!ctx.nisba(lastConsumed - 1) && loneWord(ctx, lastConsumed)) ||
        (ctx.counts.get(tokens[lastConsumed]!.norm) ?? 0) >= 2 ||
        givenName(ctx, lastConsumed))
    ) {
      const person = ctx.add({ ...ruleSpan(ctx, lastConsumed, end, 'person'), role: role() });
      if (nationalities.length) person.nationality = nationalities[nationalities.length - 1]!;
      if (cue.classes.length || cue.counterpart) lastClasses = classes;
      i = end - 1;
      continue;
    }
    // A title without a name: `السيناتور الفرنسي`، `الرئيس الفرنسي الجديد`، `الرئيسان`.
    const definite = ctx.definite(i) || cue.dual || /ه$|ها$/.test(tokens[i]!.norm);
    if (!definite || classes.length === 0) continue;
    const prev = tokens[i - 1];
    // `المستشار الرئيس`: a definite title before it describes one person. After an indefinite title in
    // construct (`مستشار الرئيس`، `المتحدث باسم الرئيس`) the bare title is a person of its own.
    if (prev && cueAt(ctx, i - 1) && joinable(tokens[i]!.gap) && ctx.definite(i - 1)) continue;
    // Only the nationality adjectives right after the cue belong to a bare title: `الرئيسين الفرنسي والمصري`.
    let end2 = cue.to;
    const own: string[] = [];
    while (end2 < tokens.length && joinable(tokens[end2]!.gap)) {
      const nat = ctx.nisba(end2);
      if (!nat) break;
      own.push(nat);
      end2++;
    }
    ctx.add({ ...titleSpan(ctx, i, end2, cue.shift), classes, nationalities: own, ...(cue.dual ? { dual: true } : {}) });
    i = end2 - 1;
  }
}

const COMMA = /^\s*[،,]\s*$/u;

/**
 * `السناتور الجمهوري ، ارلن سبيكتر ، اقتراحا`: a name set off by commas right after a title is the title's holder.
 * The name must close with another comma (or the sentence's end) and have two words or more.
 */
function commaName(ctx: Context, j: number, feminine: boolean): number | undefined {
  const t = ctx.tokens[j];
  if (!t || !COMMA.test(t.gap) || ctx.cover[j]) return undefined;
  const end = nameFrom(ctx, j, 4, feminine);
  if (end === undefined || end - j < 2) return undefined;
  const after = ctx.tokens[end];
  return !after || COMMA.test(after.gap) || /^\s*[.:]/.test(after.gap) ? end : undefined;
}

/** Ordinals after a monarch's name: `الحسن الثاني`، `ألفونسو الثالث عشر`. */
const ORDINAL = /^ال(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)$/;

/**
 * The end of a one-word name with the article after an honorific (`الإمام الرضا`), or undefined: a given
 * name with the article, a family name in ي, or a word that recurs; not a stop word (`الراحل`), a
 * nationality adjective, a title or a head noun. An ordinal after it belongs to the name.
 */
function loneDefinite(ctx: Context, j: number): number | undefined {
  const t = ctx.tokens[j];
  if (!t || !t.arabic || ctx.cover[j] || !joinable(t.gap) || t.forms.length > 1 || !/^ال/.test(t.norm) || t.norm.length < 5)
    return undefined;
  if (ctx.isStop(j) || ctx.nisba(j) || ctx.lookup(j, ctx.lex.titles) || ctx.inSet(j, ctx.lex.orgHeads) || ORDINAL.test(t.norm))
    return undefined;
  if (ctx.lex.titleAdjectives.has(t.norm)) return undefined;
  if (ctx.definite(j + 1) && joinable(ctx.tokens[j + 1]!.gap) && !ORDINAL.test(ctx.tokens[j + 1]!.norm)) return undefined;
  if (!(ctx.lex.given.has(t.norm.slice(2)) || /ي$/.test(t.norm) || (ctx.counts.get(t.norm) ?? 0) >= 2)) return undefined;
  const n = ctx.tokens[j + 1];
  if (n && joinable(n.gap) && ORDINAL.test(n.norm)) return j + 2;
  // `الملك الحسين بن طلال`: a lineage continues the name.
  if (n && joinable(n.gap) && /^(?:بن|ابن)$/.test(n.norm)) return nameFrom(ctx, j, 4, false, true) ?? j + 1;
  return j + 1;
}

/** A lone word after an honorific that can be a name: not a clitic phrase (`بقليل`، `فأنجبت`), a verb or `ذكرى`. */
function loneWord(ctx: Context, j: number): boolean {
  const t = ctx.tokens[j]!;
  const next = ctx.cover[j + 1];
  if (next && next.type === 'person' && next.tok === j + 1) return false; // `الدكتور سيد محمد خاتمي`
  return t.norm.length >= 3 && !/^[فبت]/.test(t.norm) && !/ى$/.test(t.raw) && !/اً?$/.test(t.raw);
}

/** `العداء الكيني نديوا ريمي`، `المغربي مبارك بوصوفة`: a singular nationality adjective, then a name. */
function nisbaPerson(ctx: Context, i: number): void {
  const t = ctx.tokens[i]!;
  const nat = ctx.nisba(i);
  if (!nat || !t.forms.some((f) => f.form.startsWith('ال')) || /(?:ون|ين|ان)$/.test(t.norm)) return;
  // `الوزيرة الأميركية طرحت …`، `المقاومة الفلسطينية جنديا`: after a definite noun the adjective describes it.
  const prev = ctx.tokens[i - 1];
  // A preposition on the adjective (`للبرازيلي`) makes it a noun of its own: no adjective takes one.
  const clitic = t.forms.some((f) => f.shift > 0 && f.form.startsWith('ال'));
  if (prev && joinable(t.gap) && ctx.definite(i - 1) && !ctx.isStop(i - 1) && !ctx.cover[i - 1] && !clitic) return;
  let j = i + 1;
  if (ctx.tokens[j] && ['السابق', 'السابقه'].includes(ctx.tokens[j]!.norm)) j++;
  const first = ctx.tokens[j];
  if (!first || !joinable(first.gap) || ctx.cover[j]) return;
  // `الفلسطيني يتهم`: an imperfect verb; a long vowel after its ي/ت is a foreign name (`يانكو`، `تياغو`).
  if (/^[يت]/.test(first.norm) && first.norm.length >= 4 && !ctx.lex.given.has(first.norm) && !/^[يت][اي]/.test(first.raw))
    return;
  // `اللبناني منفذا طلعات`: an accusative participle (مُفعِّلًا) describes the subject, it is not a name.
  if (/^م[^ا]{2,4}ا$/.test(first.raw) && !ctx.lex.given.has(first.norm)) return;
  const end = nameFrom(ctx, j);
  if (end === undefined || (end - j < 2 && (ctx.counts.get(first.norm) ?? 0) < 2 && !loneAfterNisba(ctx, i, j))) return;
  ctx.add({ ...ruleSpan(ctx, j, end, 'person'), nationality: nat });
}

/**
 * `للبرازيلي فريد ،`، `والبرتغالي تياغو في الدقيقة`: a nationality adjective used as a noun ("the Brazilian")
 * then one word closed by punctuation, a number or a function word is a name, though named once. The
 * adjective must stand alone: after a clitic (`لل`، `و`) or a boundary (punctuation, a function word, a
 * verb), not after a noun it could describe; the word must not end like an accusative, a feminine noun or
 * `ى` (`الفلسطيني نفسه`، `الإسرائيلي أمس` are stop words or pronoun forms, refused by the name tests).
 */
function loneAfterNisba(ctx: Context, i: number, j: number): boolean {
  const { tokens } = ctx;
  const t = tokens[i]!;
  const w = tokens[j]!;
  if (w.norm.length < 3 || /(?:[اةى]|\u064B)$/.test(w.raw) || ctx.lex.ambiguousGiven.has(w.norm)) return false;
  // `بفارق 17 نقطة`: a preposition on a noun; a foreign name rarely starts with ب/ل and a consonant.
  if (/^[بل][^اوي]/.test(w.norm) && !ctx.lex.given.has(w.norm)) return false;
  const prev = tokens[i - 1];
  const clitic = t.forms.some((f) => f.shift > 0 && f.form.startsWith('ال'));
  // A word with an object pronoun before it (`سجلهما البرازيلي كلاوديو`) is a verb or a noun the name stands in
  // apposition to (`زميله الفرنسي`): either way the adjective is used as a noun.
  const edge =
    !prev ||
    !joinable(t.gap) ||
    !prev.arabic ||
    ctx.isStop(i - 1) ||
    ctx.inSet(i - 1, ctx.lex.speechVerbs) ||
    /(?:هما|هم|ها|ه)$/.test(prev.raw);
  if (!clitic && !edge) return false;
  const next = tokens[j + 1];
  return (
    !next ||
    !joinable(next.gap) ||
    !next.arabic ||
    /^\d/.test(next.norm) ||
    /^و/.test(next.norm) ||
    (ctx.isStop(j + 1) && next.raw !== 'علي')
  );
}

function titleSpan(ctx: Context, from: number, to: number, shift: number): Found {
  const t = ctx.tokens[from]!;
  return {
    tok: from,
    tokEnd: to,
    start: t.start + shift,
    end: ctx.tokens[to - 1]!.end,
    type: 'person',
    key: '',
    kind: 'title',
    source: 'rule',
  };
}

/** People named without a title but with a known given name: `محمد المومني`، `وعبد الله الثاني`. */
export function findGivenNamePeople(ctx: Context): void {
  // `أحمد المالكي`: an ambiguous known surname after another given name is someone else's family name.
  for (const f of [...ctx.found]) {
    if (!f.weak || f.type !== 'person' || f.tokEnd - f.tok !== 1 || !joinable(ctx.tokens[f.tok]!.gap)) continue;
    if (!ctx.cover[f.tok - 1] && givenName(ctx, f.tok - 1) && !/^و/.test(ctx.tokens[f.tok]!.norm)) ctx.remove(f);
  }
  for (let i = 0; i < ctx.tokens.length; i++) {
    if (ctx.cover[i] || !givenName(ctx, i)) continue;
    const t = ctx.tokens[i]!;
    // `الآن` folds to the name `آلان`: a given name written with the article's bare alef is not read here;
    // `ألكسندر`، `إلياس`، `للوسي` (ل + `لوسي`) are names.
    const gf = t.forms.find((f) => ctx.lex.given.has(f.form))!;
    if (/^ال/.test(gf.form) && /^ال/.test(t.raw.slice(gf.shift))) continue;
    const next = i + 1;
    if (next >= ctx.tokens.length || !joinable(ctx.tokens[next]!.gap)) continue;
    const end = nameFrom(ctx, i, 4, false, true);
    if (end === undefined || end - i < 2) continue;
    // `علي الرغم` is not a name, `سعد الحريري` is: after an ambiguous given name, a word with the
    // article must look like a family name (ending in ي).
    const after = ctx.tokens[i + 1]!;
    if (ctx.inSet(i, ctx.lex.ambiguousGiven) && (ctx.definite(i + 1) ? !/ي$/.test(after.norm) : !nameWord(ctx, i + 1))) continue;
    // `علاقات حسن جوار`: an ambiguous given name after a plural noun is the noun's complement (construct).
    const before = ctx.tokens[i - 1];
    if (ctx.inSet(i, ctx.lex.ambiguousGiven) && before?.arabic && joinable(t.gap) && !ctx.cover[i - 1] && /ات$/.test(before.norm))
      continue;
    ctx.add(ruleSpan(ctx, i, end, 'person', gf.shift));
    i = end - 1;
  }
  lineagePeople(ctx);
  speakerPeople(ctx);
}

/**
 * `وقال فيرغسون إن …`، `وأضاف جان مارك …`: a name right after a past reporting verb. A lone word must
 * recur in the text; nouns for unnamed sources and documents (`مصدر`، `بيان`) and title cues are not names.
 */
function speakerPeople(ctx: Context): void {
  const { tokens, lex } = ctx;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!tokens[i]!.arabic || !ctx.inSet(i, lex.speechVerbs) || !joinable(tokens[i + 1]!.gap)) continue;
    const j = i + 1;
    const w = tokens[j]!;
    // `وقالت رايس`: a reporting verb confirms an ambiguous known person's name after it.
    const known = ctx.cover[j];
    // Not when someone else in the text bears that family name (`أحمد المالكي` … `وقال المالكي`: see dropUnconfirmed).
    if (
      known?.tok === j &&
      known.type === 'person' &&
      known.weak &&
      !ctx.found.some(
        (f) =>
          f.type === 'person' &&
          f.key !== known.key &&
          f.tokEnd - f.tok >= 2 &&
          ctx.tokens[f.tokEnd - 1]!.norm === tokens[j]!.bare,
      )
    )
      known.confirmed = true;
    if (ctx.cover[j] || ctx.definite(j) || cueAt(ctx, j) || ctx.inSet(j, lex.speakerNouns)) continue;
    if (/(?:ا|\u064B)$/.test(w.raw) || /ة$/.test(w.raw) || verbLike(w.norm)) continue;
    const end = nameFrom(ctx, j, 3);
    if (end === undefined) continue;
    if (end - j === 1) {
      // `وقال سلام` after `تمام سلام`: the family name of a person already named links to that person.
      const named = ctx.found.find(
        (f) => f.type === 'person' && f.kind !== 'title' && f.tokEnd - f.tok >= 2 && ctx.tokens[f.tokEnd - 1]!.norm === w.norm,
      );
      if (named)
        ctx.add({ ...ruleSpan(ctx, j, end, 'person'), key: named.key, kind: 'alias', source: named.source, entry: named.entry });
      else if ((ctx.counts.get(w.norm) ?? 0) >= 2) ctx.add(ruleSpan(ctx, j, end, 'person'));
      continue;
    }
    ctx.add(ruleSpan(ctx, j, end, 'person'));
    i = end - 1;
  }
}

/** `شكيب بن موسى`، `سهل بن حنيف`: an unknown name word, then `بن/ابن/بنت` and another name word. */
function lineagePeople(ctx: Context): void {
  const { tokens } = ctx;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const link = tokens[i + 1]!;
    if (ctx.cover[i] || !/^(?:بن|ابن|بنت)$/.test(link.norm) || !joinable(link.gap) || !joinable(tokens[i + 2]!.gap)) continue;
    // `علي بن حسن`: `على` (often written `علي`) is never followed by `بن`, so here it is the name.
    const ali = /^[وف]?علي$/.test(tokens[i]!.raw);
    // `مرمى بن فوستر`: a word in ى before `بن` is a noun unless a known name (`موسى بن نصير`).
    if (/ى$/.test(tokens[i]!.raw) && !ctx.lex.given.has(tokens[i]!.norm)) continue;
    if (ctx.definite(i) || !(nameWord(ctx, i) || ali) || verbLike(tokens[i]!.norm) || (/^و/.test(tokens[i]!.norm) && !ali))
      continue;
    if (ctx.cover[i + 2] ? ctx.cover[i + 2]!.type !== 'person' : !nameWord(ctx, i + 2)) continue;
    const end = nameFrom(ctx, i, 5, false, true);
    if (end === undefined || end < i + 3) continue;
    ctx.add(ruleSpan(ctx, i, end, 'person', ali && /^[وف]/.test(tokens[i]!.raw) ? 1 : 0));
    i = end - 1;
  }
}
