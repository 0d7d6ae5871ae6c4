/**
 * Sport-report rules. Clubs named by a prefix and their city: `سسكا موسكو`، `ستيوا بوخارست`، `هرتا برلين`، `أولمبيك ليون`. The
 * prefixes (org-heads.json `clubPrefixes`: CSKA, Spartak, Dynamo, Steaua, Olympique, Sporting…) name sports
 * clubs and little else, so a known city right after one is part of the club's name, not the place (also in
 * English: `CSKA Moscow`, `Steaua Bucharest`). The prefix alone later in the text is that club (`جماهير ستيوا`).
 */
import orgHeads from '../data/org-heads.json';
import { normalize } from '../../search/normalize';
import type { Context } from './context';
import type { Found } from './found';
import { nameWord, ruleSpan, verbLike } from './arabicNames';
import { sportReport } from './orgRules';
import { joinable } from './tokens';

const PREFIXES = new Set(orgHeads.ar.clubPrefixes.map((w) => normalize(w)));
const EN_PREFIXES = new Set(orgHeads.en.clubPrefixes);

export function clubsWithCities(ctx: Context): void {
  const { tokens } = ctx;
  // Prefix form → the one club it named (null: two clubs share it, `سسكا موسكو` and `سسكا صوفيا`).
  const named = new Map<string, Found | null>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (ctx.cover[i] || !joinable(tokens[i + 1]!.gap)) continue;
    const prefix = t.arabic ? t.forms.find((f) => PREFIXES.has(f.form)) : EN_PREFIXES.has(t.raw) ? { shift: 0 } : undefined;
    const city = ctx.cover[i + 1];
    if (!prefix || !city || city.type !== 'place' || city.tok !== i + 1 || city.kind === 'title') continue;
    ctx.remove(city);
    const club = ctx.add(ruleSpan(ctx, i, city.tokEnd, 'organization', prefix.shift));
    const form = t.arabic ? t.forms.find((f) => f.shift === prefix.shift)!.form : t.raw;
    const had = named.get(form);
    named.set(form, had === undefined || had?.key === club.key ? club : null);
    i = city.tokEnd - 1;
  }
  // `جماهير ستيوا`: the prefix alone later in the text is the club it named.
  if (named.size === 0) return;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (ctx.cover[i]) continue;
    const f = t.arabic ? t.forms.find((x) => named.get(x.form)) : named.get(t.raw) ? { form: t.raw, shift: 0 } : undefined;
    const club = f && named.get(f.form);
    if (!f || !club) continue;
    ctx.add({ ...club, tok: i, tokEnd: i + 1, start: t.start + f.shift, end: t.end, kind: 'alias' });
  }
}

/**
 * `وسجل الهدفين ياكوبو إيغبيني ( 27 )`، `وكريم بنزيمة ( 89 )`: in a sport report, one to three name words right before
 * a minute in brackets are the scorer. The words are walked back from the bracket while they can be name words
 * (no article, no pronoun suffix: `داخل المرمى ( 20 )`، `لفريقه ( 70 )` are not names) up to a clear left edge
 * (punctuation, a function word, a word with the article, a nationality adjective, a title or a known name).
 */
export function scorers(ctx: Context): void {
  const { tokens } = ctx;
  if (!sportReport(ctx)) return;
  for (let b = 1; b + 1 < tokens.length; b++) {
    const minute = tokens[b]!;
    if (!/\(\s*$/.test(minute.gap) || !/^\d{1,3}$/.test(minute.raw) || Number(minute.raw) > 130) continue;
    if (!/^\s*\)/.test(tokens[b + 1]?.gap ?? ')')) continue;
    let a = b;
    while (a > 0 && b - a < 3) {
      const k = a - 1;
      const t = tokens[k]!;
      if (ctx.cover[k] || !t.arabic || ctx.definite(k) || !nameWord(ctx, k)) break;
      if (k < b - 1 && !joinable(tokens[k + 1]!.gap)) break;
      a = k;
      if (/^و/.test(t.norm) && !ctx.lex.given.has(t.norm)) break; // `وكريم بنزيمة`: a list item starts here
    }
    if (a === b) continue;
    const first = tokens[a]!;
    const edge = a === 0 ? undefined : tokens[a - 1];
    const clear =
      !edge ||
      !joinable(first.gap) ||
      /^و/.test(first.norm) ||
      ctx.isStop(a - 1) ||
      ctx.definite(a - 1) ||
      !!ctx.nisba(a - 1) ||
      !!ctx.cover[a - 1];
    const bare = first.forms.find((f) => f.shift === 1 && /^و/.test(first.raw));
    const shift = /^و/.test(first.norm) && bare && !ctx.lex.given.has(first.norm) ? bare.shift : 0;
    const head = shift ? bare!.form : first.norm;
    if (!clear || (verbLike(head) && !ctx.lex.given.has(head)) || /ه$/.test(first.raw)) continue;
    ctx.add(ruleSpan(ctx, a, b, 'person', shift));
  }
}
