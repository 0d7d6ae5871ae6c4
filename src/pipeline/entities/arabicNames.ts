/**
 * Arabic names the gazetteer does not know, read from their context: a name after a title
 * (`الرئيس الفرنسي إيمانويل ماكرون`), a known given name followed by more name words, and the
 * words that can or cannot belong to a name. Arabic has no capitals, so the tests are negative:
 * not a function word, not a title, not a nationality adjective, not a head noun, not a verb form.
 */
import { normalize } from '../../search/normalize';
import type { Context } from './context';
import type { Found } from './found';
import { joinable } from './tokens';

/** `على` and `إلى` fold to the names `علي`/`الي`: the raw letter decides. */
function foldedFunctionWord(raw: string): boolean {
  return /ى$/.test(raw) && /^(?:[وف]?)(?:على|إلى|الى|لدى|حتى|متى|سوى)$/.test(raw);
}

/**
 * `ديدييه`، `كزافييه`، `تريزيغيه`: French names in -ier/-et end in ييه or غيه, which no Arabic word with a pronoun
 * suffix does (`فيه`، `لديه`، `عينيه` have one ي), so the final ه is no pronoun.
 */
function foreignYeh(raw: string): boolean {
  return /(?:يي|غي)ه$/.test(raw) && raw.length >= 5;
}

/** A definite participle: `الحاصل`، `الرابع` (فاعل), `المختص`، `المحترف` (with م), not ending in ي or ه. */
const PARTICIPLE = /^ال(?:.ا.[^يه]|م[^ا].{1,3}[^يه])$/;

/** Words that link the parts of a lineage name: `بن`، `ابن`، `بنت`، `آل`، `أبو/أبي/أبا`، `ولد`. */
const LINEAGE = /^(?:بن|ابن|بنت|ال|ابو|ابي|ابا|ولد|ايت)$/;

/** Looks like a verb form or a verbal noun (`يحث`، `تهتم`، `تحويل`، `استخدام`، `إبداء`) rather than a name. */
export function verbLike(norm: string): boolean {
  if (/^ي[^او]/.test(norm) && norm.length >= 3 && norm.length <= 5) return true;
  if (/^ت/.test(norm) && norm.length === 4) return true;
  return /^[لب]?(?:ت..ي.|است..ا.|ان..ا.|ا.ت.ا.|ا..ا.)$/.test(norm);
}

/** Could token i be a word of a person's name (any position)? */
export function nameWord(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t || !t.arabic || ctx.cover[i] || t.norm.length < 2) return false;
  if (ctx.isStop(i) || foldedFunctionWord(t.raw) || /^\d/.test(t.norm)) return false;
  if (ctx.nisba(i) || ctx.inSet(i, ctx.lex.orgHeads) || ctx.inSet(i, ctx.lex.properHeads) || ctx.inSet(i, ctx.lex.placeHeads))
    return false;
  // A clitic before the article (`للصحفيين`، `بالقرار`، `والحكومة`): a prepositional phrase, not a name.
  if (/^(?:لل|[وفبك]ال)/.test(t.norm) && t.norm.length > 4) return false;
  if (ctx.lookup(i, ctx.lex.titles)) return false;
  // A pronoun suffix (`اجرائه`، `قوله`، `أكثرهم`): not a name, except known names and `الله`.
  if (/ه$/.test(t.raw) && t.raw.length >= 4 && !ctx.lex.given.has(t.norm) && !/الله$/.test(t.norm) && !foreignYeh(t.raw))
    return false;
  // (`فيهم`، `معهم` have four letters; `ساها` is a name.)
  if (/(?:هم|كم)$/.test(t.raw) && t.raw.length >= 4 && !ctx.lex.given.has(t.norm)) return false;
  if (/(?:هما|ها)$/.test(t.raw) && t.raw.length >= 5 && !ctx.lex.given.has(t.norm)) return false;
  // ل/ب before a feminine noun (`لمدة`، `بضربة`): a prepositional phrase.
  // Maghrebi names in بو (`بوجمعة`) only before a family name in ي (see familyNisbaAfter).
  if (/^[لب]/.test(t.norm) && /ة$/.test(t.raw) && !ctx.lex.given.has(t.norm) && !(/^بو/.test(t.norm) && familyNisbaAfter(ctx, i)))
    return false;
  return true;
}

/**
 * `نزار بركة`، `أحمد لطيفة`: a family name starting with ب/ل and ending in ة looks like a preposition and a
 * noun (`بضربة`، `لمدة`), so it is taken only right after a known given name and before the end of the phrase.
 */
function familyNameInB(ctx: Context, j: number, k: number): boolean {
  const t = ctx.tokens[k]!;
  if (k !== j + 1 || !ctx.lex.given.has(ctx.tokens[j]!.norm) || ctx.cover[k] || ctx.isStop(k)) return false;
  if (!/^[لب][^ا]/.test(t.norm) || !/ة$/.test(t.raw) || t.norm.length < 4) return false;
  const next = ctx.tokens[k + 1];
  return !next || !joinable(next.gap) || ctx.isStop(k + 1) || !next.arabic;
}

/**
 * `محمد علي العظمي`: `علي` (a stop word, since outlets write `على` so) inside a name, after a known given name and
 * before a family name in ي that is no nationality adjective: `أكد محمد على الاتفاق` has no such word.
 */
function middleAli(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k]!;
  const n = ctx.tokens[k + 1];
  if (t.raw !== 'علي' || ctx.cover[k] || !ctx.lex.given.has(ctx.tokens[k - 1]!.norm) || !n || !joinable(n.gap)) return false;
  return /^ال.{2,}ي$/.test(n.norm) && !ctx.nisba(k + 1) && !ctx.cover[k + 1] && nameWord(ctx, k + 1);
}

/** Is token i a known given name (after its clitics)? */
export function givenName(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t || !t.arabic || foldedFunctionWord(t.raw)) return false;
  // A name that is also a common word is read only as the whole word or after و (`وسالم` in a list):
  // `بحميد`، `لأمين`، `فسامح` are a preposition or a conjunction and a noun.
  // A counted loop rather than `.some` (see Context.inSet): this is inlined into many rules.
  for (let k = 0; k < t.forms.length; k++) {
    const f = t.forms[k]!;
    if (
      ctx.lex.given.has(f.form) &&
      (f.shift === 0 || (f.shift === 1 && t.raw[0] === 'و') || !ctx.lex.ambiguousGiven.has(f.form))
    )
      return true;
  }
  return false;
}

/**
 * The end (exclusive) of a name starting at token j, or undefined. The first word is taken
 * whole (no clitic stripping: `ليونيد` starts with ل); a word starting with و ends the name
 * (`ماكرون وميركل`), so does an imperfect verb (`يتفقان`).
 */
export function nameFrom(ctx: Context, j: number, max = 4, feminine = false, firstChecked = false): number | undefined {
  const t = ctx.tokens[j];
  if (!t || (!firstChecked && !firstNameWord(ctx, j, feminine))) return undefined;
  return nameEnd(ctx, j, max);
}

/** Can token j start a name (after a title, a nationality adjective)? */
function firstNameWord(ctx: Context, j: number, feminine: boolean): boolean {
  const t = ctx.tokens[j]!;
  if (!nameWord(ctx, j)) return false;
  const given = ctx.lex.given.has(t.norm);
  // `النجم الأميركي أحرز لقب …`، `أهم`: a past verb or an elative أفعل (hamza, consonants) is no name; nor is a
  // plural participle in construct (`مسؤولو`، `ممثلو`), or an adjective in ية (`مساعدة إنسانية`).
  if (!given && (/^أ[^اويى]{2,3}$/.test(t.raw) || /^م[^اوي].{2,}و$/.test(t.norm) || /ية$/.test(t.raw))) return false;
  // `اللاعب طلب الرحيل`: an unknown three-letter word before a definite word that is no family name in ي is a verb
  // and its object.
  const n = ctx.tokens[j + 1];
  if (!given && t.norm.length === 3 && !LINEAGE.test(t.norm) && n && joinable(n.gap) && ctx.definite(j + 1) && !/ي$/.test(n.norm))
    return false;
  if (ctx.definite(j) && !given) return false;
  if (/^و/.test(t.norm) && !given) return false;
  if (!given && verbLike(t.norm)) return false;
  // `لحقوق الإنسان`، `بقيادة الجيش`: a preposition and a construct, not a name.
  if (!given && /^[لب]/.test(t.norm) && ctx.definite(j + 1) && !(/^بو/.test(t.norm) && familyNisbaAfter(ctx, j))) return false;
  // `صورة`، `قوله`: nouns and verbs with pronouns; a woman's name may end in ة after a feminine title.
  if (/ه$/.test(t.raw) && !given && !foreignYeh(t.raw)) return false;
  if (/ة$/.test(t.raw) && !given && !feminine && !familyNisbaAfter(ctx, j)) return false;
  return true;
}

/**
 * `بوجمعة الرميلي`، `حمادة الصباحي`: a word in ة followed by a masculine definite word in ي is a given name and a
 * family name, since a feminine noun would take a feminine adjective (`الرسمية`) and a noun in construct is rarely
 * such a word. Not a nationality adjective (`الأوروبي`), not after a preposition (`لمدة`، `بضربة`; `بو` is a name's
 * `Abu` in the Maghreb), and the name must end there.
 */
function familyNisbaAfter(ctx: Context, j: number): boolean {
  const n = ctx.tokens[j + 1];
  if (!n || !n.arabic || !joinable(n.gap) || ctx.cover[j + 1] || !/^ال[^ا].{2,}ي$/.test(n.norm) || ctx.nisba(j + 1)) return false;
  if (ctx.isStop(j + 1) || ctx.lex.nisba.has(n.norm) || /^(?:ل|ب[^و])/.test(ctx.tokens[j]!.norm)) return false;
  const after = ctx.tokens[j + 2];
  return !after || !joinable(after.gap) || !after.arabic || ctx.isStop(j + 2) || !nameWord(ctx, j + 2);
}

/** European particles inside a name: `فان`، `فون`، `دي`، `دو`، `دا`، `ديل`، `دير`، `لا`. */
const PARTICLE = /^(?:فان|فون|دي|دو|دا|ديل|دير|لا)$/;

/** After a particle: another particle (`فون دير`) or a name word that is no verb form and has no article. */
function particleThen(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k];
  if (!t || !joinable(t.gap) || !t.arabic) return false;
  if (PARTICLE.test(t.norm)) return particleThen(ctx, k + 1);
  return nameWord(ctx, k) && !ctx.definite(k) && !verbLike(t.norm) && !/^و/.test(t.norm);
}

/** The end (exclusive) of a name whose first word is token j. */
function nameEnd(ctx: Context, j: number, max: number): number | undefined {
  let k = j + 1;
  let words = 1;
  while (k < ctx.tokens.length && words < max && joinable(ctx.tokens[k]!.gap)) {
    const n = ctx.tokens[k]!;
    // Lineage words do not count towards the length: `خليفة بن زايد آل نهيان`, `سعد بن أبي وقاص`.
    if (LINEAGE.test(n.norm) && k + 1 < ctx.tokens.length && joinable(ctx.tokens[k + 1]!.gap)) {
      k++;
      continue;
    }
    // `حنان ترك فتقوم …`: ف and an imperfect after two name words start the next clause.
    // (`في…` starts too many foreign names: `فيلار`، `فيليب`.)
    if (k - j >= 2 && /^فت/.test(n.norm) && verbLike(n.norm.slice(1)) && !ctx.lex.given.has(n.norm)) break;
    // `روبن فان بيرسي`، `أورزولا فون دير لاين`، `فرنانديس دي لافيغا`: a European particle between two name words
    // (`فان` is also `فإن`, a function word, but never between two names); it does not count towards the length.
    // `لا` before an imperfect (`لا يناسبني`) is the negation.
    const negation = n.norm === 'لا' && /^[يتن]/.test(ctx.tokens[k + 1]?.norm ?? '');
    if (PARTICLE.test(n.norm) && k > j && !negation && particleThen(ctx, k + 1)) {
      k++;
      continue;
    }
    // The word after a lineage word or `عبد` is a name whatever it looks like (`بن علي`، `آل ثاني`، `عبد الكريم`).
    const before = ctx.tokens[k - 1]!.norm;
    // A known person after `بن` is the father named inside the son's name: `حمدان بن محمد بن راشد آل مكتوم`.
    const father = ctx.cover[k];
    if (
      /^(?:بن|ابن|بنت)$/.test(before) &&
      k - 1 > j &&
      father?.tok === k &&
      father.type === 'person' &&
      father.kind !== 'title'
    ) {
      k = father.tokEnd;
      break;
    }
    // `أحمد أبو غزة`: a one-word place after a lineage word is part of the name (`أبو` never ends one).
    const place = ctx.cover[k];
    const inName = !place || (place.type === 'place' && place.tok === k && place.tokEnd === k + 1 && LINEAGE.test(before));
    if ((LINEAGE.test(before) || before === 'عبد') && k - 1 > j - 1 && n.arabic && inName && !foldedFunctionWord(n.raw)) {
      k++;
      continue;
    }
    words++;
    if (!nameWord(ctx, k) && !familyNameInB(ctx, j, k) && !middleAli(ctx, k)) break;
    const g = ctx.lex.given.has(n.norm);
    if (
      !g &&
      (verbLike(n.norm) ||
        (/(?:ات|يه)$/.test(n.norm) && n.norm.length >= 6 && !ctx.definite(k) && !foreignYeh(n.raw)) ||
        (k - j >= 2 && /ا$/.test(n.raw)))
    )
      break;
    // After an unknown first word, a word with the article must not look like a common noun (`حرص المملكة`, `أهالي السجناء`).
    if (
      n.norm.startsWith('ال') &&
      !ctx.lex.given.has(ctx.tokens[j]!.norm) &&
      /(?:ه|اء|ات|ون)$/.test(n.norm) &&
      !/الله$/.test(n.norm)
    )
      break;
    if (/^و/.test(n.norm) && !g) break;
    // `بمقر الرئاسة`، `بزمام الأمور`: a preposition and a construct follow the name.
    // Only after two words, and not before a long vowel, which foreign names have (`بيرنز`، `باسكوال`).
    if (!g && k - j >= 2 && /^[لب][^يوا]/.test(n.norm) && ctx.definite(k + 1) && joinable(ctx.tokens[k + 1]!.gap)) break;
    // After two words: `قرينة الرئيس` (a noun in construct), `حملت` (a past verb) follow the name.
    if (!g && k - j >= 2 && ((/ة$/.test(n.raw) && ctx.definite(k + 1)) || /^[^ا]{3}ت$/.test(n.norm))) break;
    // `نقلة نوعية`، `ضربة ركنية`: an indefinite noun and its agreeing adjective follow the name.
    if (
      !g &&
      /ة$/.test(n.raw) &&
      !ctx.definite(k) &&
      /ة$/.test(ctx.tokens[k + 1]?.raw ?? '') &&
      !ctx.definite(k + 1) &&
      joinable(ctx.tokens[k + 1]!.gap)
    )
      break;
    if (
      /^[يت]/.test(n.norm) &&
      n.norm.length >= 4 &&
      !g &&
      k - j >= 1 &&
      /^(?:ي|ت)[^ا]/.test(n.norm) &&
      /(?:ون|ان|ين)$/.test(n.norm)
    )
      break;
    if (/^ي/.test(n.norm) && !g && n.norm.length >= 4 && /^ي[ت]/.test(n.norm)) break;
    if (n.norm.startsWith('ال') && n.norm.length < 5) break;
    // `غونتر غراس الحائز`، `كريستوفر سامبا المحترف`: after two name words, a definite participle describes the
    // person (فاعل: `الحاصل`، `العاشر`; مُفعِل/مُفتعِل: `المختص`), unless it ends in ي like a family name (`المالكي`).
    // An ordinal after a compound given name is a monarch's (`عبد الله الثاني`).
    const monarch = ctx.tokens[k - 2]?.norm === 'عبد' && /^ال(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)$/.test(n.norm);
    if (!g && k - j >= 2 && PARTICIPLE.test(n.norm) && !monarch && !ctx.lex.given.has(n.norm.slice(2))) break;
    // `… آيت باحماد التوقعات`: a definite plural in ات is the verb's object, not a third name word.
    if (!g && k - j >= 2 && /^ال.{3,}ات$/.test(n.norm)) break;
    // `ومنح هنري التقدم`، `ورفض جوزيه الإفصاح`: a verbal noun with the article is the verb's object, not a family name.
    if (!g && n.norm.startsWith('ال') && verbLike(n.norm.slice(2)) && !ctx.lex.given.has(n.norm.slice(2))) break;
    // Nothing follows a family name with the article (`عاطف الطراونة عشية`) but `بن`.
    const prev = ctx.tokens[k - 1]!;
    if (ctx.tokens[k - 2]?.norm === 'ال' && k - 2 > j) break; // `آل نهيان` ends the name
    const compound = ctx.tokens[k - 2]?.norm === 'عبد' || LINEAGE.test(ctx.tokens[k - 2]?.norm ?? '');
    // `بهاء الدين إبراهيم`، `نور الدين زنكي`: `الدين` completes a compound given name, a family name may follow.
    const religion = prev.norm === 'الدين' && k - 2 === j;
    // `محمد عبدالله العبيد الشمري`: one tribal name in ي may follow the family name (not a nationality adjective).
    const tribal =
      n.norm.startsWith('ال') &&
      /ي$/.test(n.norm) &&
      n.norm.length >= 6 &&
      !ctx.nisba(k) &&
      !ctx.lex.titleAdjectives.has(n.norm) &&
      !ctx.tokens[k - 2]?.norm.startsWith('ال') &&
      (ctx.lex.given.has(ctx.tokens[j]!.norm) || k - j >= 3);
    if (
      prev.norm.startsWith('ال') &&
      prev.norm !== 'ال' &&
      k - 1 > j &&
      !compound &&
      !religion &&
      !tribal &&
      !/^(?:بن|ابن)$/.test(n.norm)
    )
      break;
    // An indefinite accusative noun and its adjective (`هجوما عنيفا`) follow the name, not belong to it.
    if (/اً?$/.test(n.raw) && n.raw.length >= 4 && (/ً$/.test(n.raw) || /ا$/.test(ctx.tokens[k + 1]?.raw ?? ''))) break;
    k++;
  }
  // `عبد` never ends a name.
  if (normalize(ctx.tokens[k - 1]!.raw) === 'عبد') return k - j > 1 ? k - 1 : undefined;
  return k;
}

/** Key of an entity found by a rule: type and the normalised words of its span. */
export function ruleKey(text: string, start: number, end: number, type: string): string {
  // `للحكومة السورية`: the mention starts after the preposition's ل, so the article's alif is restored
  // and the name keys as `الحكومة السورية`, the same entity as its other mentions.
  const span = text[start] === 'ل' && text[start - 1] === 'ل' ? `ا${text.slice(start, end)}` : text.slice(start, end);
  return `rule:${type}:${normalize(span)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .join(' ')}`;
}

/**
 * The span a rule found from token `from` to `to` (exclusive), dropping `shift` code units of clitics from
 * the first token; keyed by its words (`ruleKey`). Every rule builds its spans here, so they share one shape.
 */
export function ruleSpan(ctx: Context, from: number, to: number, type: Found['type'], shift = 0): Found {
  const start = ctx.tokens[from]!.start + shift;
  const end = ctx.tokens[to - 1]!.end;
  return { tok: from, tokEnd: to, start, end, type, key: ruleKey(ctx.text, start, end, type), kind: 'name', source: 'rule' };
}
