/**
 * Arabic names read from what follows them: an apposition (`سبيكتر، رئيس لجنة الشؤون القضائية`،
 * `فايزة أبو النجا وزيرة التعاون الدولي`) or an age in brackets (`كانافارو (32 عاما)`). The name is
 * walked back from the cue to a clear left edge (punctuation, a line start, a function word, a
 * reporting verb, a known entity or a title); an unknown word at the edge could be a verb or a noun
 * of the sentence, so the reading is dropped rather than guessed.
 */
import type { Context } from './context';
import type { FoundRole } from './found';
import { nameWord, ruleSpan, verbLike } from './arabicNames';
import { cueAt } from './arabicRules';
import { joinable } from './tokens';

const COMMA = /^\s*[،,]\s*$/u;
const AGE = /^\s*\(\s*$/u;
const AGE_WORDS = new Set(['عاما', 'عام', 'سنه', 'عاماً']);

/** Does an apposition or an age start at token i? Returns the role span for a title, or true for an age. */
function cueAfter(ctx: Context, i: number, known = false): { from: number; to: number; classes: string[] } | 'age' | undefined {
  const t = ctx.tokens[i];
  if (!t) return undefined;
  if (AGE.test(t.gap) && /^\d{1,3}$/.test(t.norm) && AGE_WORDS.has(ctx.tokens[i + 1]?.norm ?? '')) return 'age';
  if (!t.arabic || !(COMMA.test(t.gap) || joinable(t.gap))) return undefined;
  const cue = cueAt(ctx, i);
  if (!cue || cue.counterpart || cue.dual || cue.lone || cue.classes.length === 0) return undefined;
  // `أصبح مستشارا لوزير الثقافة`، `شيئا ورئيس الوزراء`: a title after a clitic is not in apposition.
  if (!ctx.lex.titles.has(t.norm)) return undefined;
  // Without a comma only an indefinite title in construct: `X وزير الخارجية`, not `X الرئيس`; after a person
  // already read, a definite title with its complement too (`سعد الحديثي المتحدث باسم المكتب`).
  if (!COMMA.test(t.gap) && ctx.definite(i) && !known) return undefined;
  // The title needs its complement: a definite word, a known body or place, or a nationality adjective.
  const c = cue.to;
  const next = ctx.tokens[c];
  if (!next || !joinable(next.gap)) return undefined;
  const covered = ctx.cover[c];
  // After a person already read, a head noun (`مكتب …`) or `باسم` + body also completes it.
  const body = (k: number) =>
    (ctx.cover[k]?.tok === k && ctx.cover[k]!.type !== 'person') || ctx.inSet(k, ctx.lex.orgHeads) || ctx.definite(k);
  const link = known && (ctx.inSet(c, ctx.lex.orgHeads) || (next.norm === 'باسم' && body(c + 1)));
  if (!(covered?.tok === c && covered.type !== 'person') && !ctx.definite(c) && !ctx.nisba(c) && !link) return undefined;
  if (ctx.isStop(c)) return undefined;
  return { from: i, to: cue.to, classes: cue.classes };
}

/** Is token k a clear left edge for a name that starts at k + 1? */
function leftEdge(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k];
  if (!t || !t.arabic) return true;
  const c = ctx.cover[k];
  if (c) return c.type !== 'person' || c.kind === 'title';
  // A word with the article ends a construct before the name (`حضر الاجتماع X`): names do not start with it.
  return (
    ctx.isStop(k) || ctx.definite(k) || ctx.inSet(k, ctx.lex.speechVerbs) || !!cueAt(ctx, k) || ctx.inSet(k, ctx.lex.speakerNouns)
  );
}

/** People named right before an apposition or an age. */
export function appositionPeople(ctx: Context): void {
  const { tokens } = ctx;
  for (let i = 1; i < tokens.length; i++) {
    const named = ctx.cover[i - 1];
    const at = ctx.cover[i];
    if (at && at.tok === i && at.type === 'person' && (at.kind !== 'title' || !named)) continue;
    const cue = cueAfter(ctx, i, !!named && named.type === 'person' && named.kind === 'name');
    if (!cue) continue;
    // `سعد الحديثي، المتحدث باسم …`: a person already read gets the role of the apposition after them.
    if (named && named.type === 'person' && named.kind === 'name' && named.tokEnd === i && !named.role && cue !== 'age') {
      const roleEnd = tokens[cue.to]!.end;
      const start = tokens[cue.from]!.start;
      named.role = { text: ctx.text.slice(start, roleEnd), start, end: roleEnd, classes: cue.classes };
      // The apposition is the role, not another mention of the person.
      if (at?.kind === 'title') ctx.remove(at);
    }
    if (named) continue;
    // Walk back over at most three name words; the gap before the first one, or the word before it, is the edge.
    let k = i - 1;
    let first: number | undefined;
    while (k >= 0 && i - k <= 3) {
      const t = tokens[k]!;
      if (ctx.cover[k] || !nameWord(ctx, k) || verbLike(t.norm) || /(?:ين|ون|ات)$/.test(t.norm)) break;
      // `مستشارا`، `مسؤولاً`: an accusative participle, not a foreign name in ا (`إيزيما`).
      if ((/ً$/.test(t.raw) || /^م.*ا$/.test(t.raw)) && !ctx.lex.given.has(t.norm)) break;
      // A word with the article inside the name only after a known given name (`محمد المالكي`).
      if (ctx.definite(k) && !ctx.lex.given.has(tokens[k - 1]?.norm ?? '')) break;
      // A sentence start is no edge: Arabic sentences often open with a verb (`حضر اللقاء …`).
      if ((!joinable(t.gap) && !/[.؟?!:]\s*$/u.test(t.gap) && !/[\r\n]/.test(t.gap)) || leftEdge(ctx, k - 1)) {
        first = k;
        break;
      }
      k--;
    }
    if (first === undefined) continue;
    const t = tokens[first]!;
    // The first word: not a definite or feminine common noun, not a word with و (`وأضاف`) unless a name follows it.
    const given = ctx.lex.given.has(t.norm);
    if (!given && (ctx.definite(first) || /ة$/.test(t.raw) || /^و/.test(t.norm) || /ً$|^م.*ا$/.test(t.raw))) continue;
    // Short and أفعل/مفعل words are past verbs and verbal nouns as often as names (`قام`، `أصبح`، `مقتل`).
    if (!given && (t.norm.length < 4 || /^[ام]...$/.test(t.norm))) continue;
    // One word alone must recur or be a given name (`سبيكتر … سبيكتر`).
    if (first === i - 1 && !given && (ctx.counts.get(t.norm) ?? 0) < 2) continue;
    const f = ruleSpan(ctx, first, i, 'person');
    if (cue !== 'age') {
      const roleEnd = tokens[cue.to]!.end;
      const text = ctx.text.slice(tokens[cue.from]!.start, roleEnd);
      const role: FoundRole = { text, start: tokens[cue.from]!.start, end: roleEnd, classes: cue.classes };
      f.role = role;
    }
    ctx.add(f);
  }
}
