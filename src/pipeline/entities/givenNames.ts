/**
 * People no title marks: a known given name alone (data/given-names*.json: `قال إبراهيم`، `لوسي` after
 * `لوسي يعقوب`), names in a list after a person (`سلوى الخطيب ورامز عيسى`), and names after a noun that takes
 * a person (`قضية رائف بدوي`). Given names that are also common words (`أمين`، `سامح`) need a second cue.
 */
import type { Context } from './context';
import type { Found } from './found';
import { givenName, nameFrom, ruleKey, ruleSpan, verbLike } from './arabicNames';
import { joinable } from './tokens';
import personNouns from '../data/person-nouns.json';
import { normalize } from '../../search/normalize';

/** Given names that only start a longer name: `عبد`، `أبو` are never a name alone. */
const NEVER_ALONE = /^(?:عبد|ابو|ابي|ابا|بن|ابن)$/;

/** Words that continue a name: lineage words, foreign particles (`فان`، `دي`), ordinals (`الأول`). */
const CONTINUES =
  /^(?:بن|ابن|بنت|ابو|ابي|ابا|ولد|عبد|فان|فون|دي|دو|دا|ديل|لا|ال(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر))$/;

/** The given-name form of token i (its clitics stripped), if it is an unambiguous known given name. */
function plainGiven(ctx: Context, i: number): { form: string; shift: number } | undefined {
  const t = ctx.tokens[i];
  if (!t || !t.arabic || !givenName(ctx, i)) return undefined;
  const f = t.forms.find((x) => ctx.lex.given.has(x.form));
  if (!f || ctx.lex.ambiguousGiven.has(f.form) || NEVER_ALONE.test(f.form) || f.form.length < 3) return undefined;
  // `الآن` is `آلان` and `اليأس` is `إلياس` once folded: a name written with the article's bare alef is not
  // read alone (`ألبرت`، `إلياس` with a hamza are).
  if (f.form.startsWith('ال') && t.raw.slice(f.shift).startsWith('ال')) return undefined;
  return f;
}

/**
 * Nothing around a lone given name may continue it: the next word ends the phrase (punctuation, a function
 * word, a word with و, a foreign word), and the word before is no noun in construct (`بوابة فاطمة`،
 * `كامب ديفيد`, `عن عمر`): the start of a sentence, punctuation, a function word, a reporting verb, a verb in
 * the imperfect (`لا يجد مايكل`; not a verbal noun in ت: `تاريخ إبراهيم`), a person,
 * or a proclitic on the name itself (`لإبراهيم`، `وإيمرسون`).
 */
function loneEdges(ctx: Context, i: number, shift: number): boolean {
  const { tokens } = ctx;
  const t = tokens[i]!;
  const next = tokens[i + 1];
  const nextOk = !next || !joinable(next.gap) || !next.arabic || ctx.isStop(i + 1) || /^و/.test(next.norm);
  // `علي` is `على` in some outlets but a name after a given name; particles and ordinals continue a name.
  if (!nextOk || (next && joinable(next.gap) && (next.raw === 'علي' || CONTINUES.test(next.norm)))) return false;
  const prev = tokens[i - 1];
  // `أبي زيد`، `مبارك مصطفى`: the end of a longer name the rules did not read.
  if (prev && joinable(t.gap) && !ctx.cover[i - 1] && (CONTINUES.test(prev.norm) || givenName(ctx, i - 1))) return false;
  const before = ctx.cover[i - 1];
  return (
    shift > 0 ||
    !prev ||
    !joinable(t.gap) ||
    !prev.arabic ||
    ctx.isStop(i - 1) ||
    ctx.inSet(i - 1, ctx.lex.speechVerbs) ||
    (verbLike(prev.norm) && /^[وف]?ي/.test(prev.norm)) ||
    (!!before && before.type === 'person')
  );
}

/**
 * A given name right after a person's name the rules read, with nothing between (`عثمان الطيب حمدان`:
 * Osman, son of al-Tayeb, son of Hamdan), is the name's next link, not a second person: the name is
 * read one word longer, and its other mentions follow it. A known person's name is left as it is.
 */
function extendsName(ctx: Context, i: number, shift: number): boolean {
  const t = ctx.tokens[i]!;
  const f = ctx.cover[i - 1];
  if (!f || f.type !== 'person' || f.kind === 'title' || f.tokEnd !== i || shift > 0 || !joinable(t.gap)) return false;
  if (f.source !== 'rule' || f.kind !== 'name') return true;
  const key = ruleKey(ctx.text, f.start, t.end, 'person');
  for (const x of ctx.found) if (x !== f && x.key === f.key) x.key = key;
  ctx.add({ ...f, tokEnd: i + 1, end: t.end, key });
  return true;
}

/**
 * A known given name alone: the first name of a person named in full in the text (`نزار قباني` … `نزار`)
 * when only one such person is named, else a person of its own when it is not ambiguous, not a nationality
 * adjective (`تركي`) and not inside a construct (`شارع محمد`، covered by the place and body rules first).
 */
export function loneGivenNames(ctx: Context): void {
  const { tokens } = ctx;
  const firstNames = new Map<string, Found | null>();
  for (const f of ctx.found) {
    if (f.type !== 'person' || f.kind === 'title' || f.tokEnd - f.tok < 2) continue;
    const first = tokens[f.tok]!;
    if (!first.arabic) continue;
    const had = firstNames.get(first.norm);
    firstNames.set(first.norm, had === undefined || had?.key === f.key ? f : null);
  }
  // A lone given name another rule already read (`وقالت ميسون`) is that person too.
  for (const f of ctx.found) {
    if (f.type !== 'person' || f.source !== 'rule' || f.kind !== 'name' || f.tokEnd - f.tok !== 1) continue;
    const g = plainGiven(ctx, f.tok);
    const bearer = g && firstNames.get(g.form);
    if (!bearer || bearer.key === f.key) continue;
    const old = f.key;
    for (const x of ctx.found)
      if (x.key === old) {
        x.key = bearer.key;
        x.kind = 'alias';
        x.source = bearer.source;
        if (bearer.entry) x.entry = bearer.entry;
      }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (ctx.cover[i]) continue;
    const g = plainGiven(ctx, i);
    if (!g) continue;
    const bearer = firstNames.get(g.form);
    if (bearer === null || !loneEdges(ctx, i, g.shift)) continue;
    if (ctx.nisba(i)) continue;
    const t = tokens[i]!;
    if (extendsName(ctx, i, g.shift)) continue;
    const start = t.start + g.shift;
    const base = { tok: i, tokEnd: i + 1, start, end: t.end, type: 'person' as const };
    if (bearer)
      ctx.add({
        ...base,
        key: bearer.key,
        kind: 'alias',
        source: bearer.source,
        ...(bearer.entry ? { entry: bearer.entry } : {}),
      });
    else ctx.add({ ...base, key: ruleKey(ctx.text, start, t.end, 'person'), kind: 'name', source: 'rule' });
  }
}

/**
 * `… سلوى الخطيب ورامز عيسى`، `بوفون وغانلوكا زامبروتا`: right after a person, a word with و and one or two more
 * name words, closed by punctuation, a function word or the next item with و, is the next person of the list.
 * The first word must look like a name once و is stripped (no article, no verb form, no title or reporting verb),
 * and a word with the article is read only after a known given name or as the third word (`وجارالله سليم الجارالله`).
 */
export function listPeople(ctx: Context): void {
  const { tokens } = ctx;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const before = ctx.cover[i - 1];
    const t = tokens[i]!;
    if (!before || before.type !== 'person' || before.kind === 'title' || before.tokEnd !== i || ctx.cover[i]) continue;
    if (!t.arabic || !joinable(t.gap) || !/^و/.test(t.norm) || !joinable(tokens[i + 1]!.gap)) continue;
    const f = t.forms.find((x) => x.shift === 1);
    if (!f || f.form.length < 3 || f.form.startsWith('ال') || verbLike(f.form) || (/[ةه]$/.test(f.form) && !/الله$/.test(f.form)))
      continue;
    if (ctx.lex.stop.has(f.form) || ctx.lex.titles.has(f.form) || ctx.lex.speechVerbs.has(f.form) || ctx.lex.orgHeads.has(f.form))
      continue;
    if (ctx.lex.nisba.has(f.form) || ctx.lex.placeHeads.has(f.form) || ctx.lex.speakerNouns.has(f.form)) continue;
    // `وعطاالله منير العطاالله`: the given-name rule read the rest (`منير العطاالله`) alone; the item is the whole.
    const rest = ctx.cover[i + 1];
    const after1 = rest && rest.tok === i + 1 && rest.type === 'person' && rest.source === 'rule' && rest.kind === 'name';
    if (after1 && rest.tokEnd - rest.tok > 2) continue;
    const end = after1 ? rest.tokEnd : nameFrom(ctx, i, 3, false, true);
    if (end === undefined || end - i < 2) continue;
    const given = ctx.lex.given.has(f.form);
    // `وسيطا أوروبيا`، `ومهن محترمة`، `ومواقفنا قريبة`: accusatives, a noun and its adjective, a pronoun suffix.
    const words = tokens.slice(i, end);
    if (
      !given &&
      words.some(
        (w, k) =>
          (ctx.definite(i + k) && !(k === 2 && end - i === 3)) ||
          /(?:[اة]|\u064B)$/.test(w.raw) ||
          (k === 0 && /(?:نا|ها|هم)$/.test(w.norm)),
      )
    )
      continue;
    const after = tokens[end];
    if (after && joinable(after.gap) && after.arabic && !ctx.isStop(end) && !/^و/.test(after.norm)) continue;
    ctx.add(ruleSpan(ctx, i, end, 'person', f.shift));
    i = end - 1;
  }
}

/** Nouns whose complement is a person (data/person-nouns.json: `قضية`، `اغتيال`، `زوجة`). */
const PERSON_NOUNS = new Set(personNouns.ar.map((w) => normalize(w)));

/** `قضية رائف بدوي`، `اغتيال رفيق الحريري`: after a noun that takes a person, two or three name words closed by a boundary. */
export function complementPeople(ctx: Context): void {
  const { tokens } = ctx;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!tokens[i]!.arabic || !ctx.inSet(i, PERSON_NOUNS) || ctx.cover[i + 1] || !joinable(tokens[i + 1]!.gap)) continue;
    const j = i + 1;
    const w = tokens[j]!;
    if (ctx.definite(j) || /^و/.test(w.norm) || verbLike(w.norm) || /(?:[اةه]|\u064B)$/.test(w.raw)) continue;
    const end = nameFrom(ctx, j, 3);
    if (end === undefined || end - j < 2) continue;
    const words = tokens.slice(j, end);
    if (words.some((x, k) => /(?:[اة]|\u064B)$/.test(x.raw) || (ctx.definite(j + k) && !/ي$/.test(x.norm)))) continue;
    const after = tokens[end];
    if (after && joinable(after.gap) && after.arabic && !ctx.isStop(end) && !/^و/.test(after.norm)) continue;
    ctx.add(ruleSpan(ctx, j, end, 'person'));
    i = end - 1;
  }
}
