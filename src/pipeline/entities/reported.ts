/**
 * `ونقلت الصحيفة عن بالاك قوله إن …`: the words between `عن` and `قوله/قولها` ("from X his saying") name the
 * person quoted, a frame agency copy uses for almost every quotation. One to three name words (the name tests
 * of arabicNames.ts: no unnamed source such as `مصدر`, no title, no body's head noun); a title or a known
 * name there is read by the other rules. English has the same frame: `quoted Kenyon as saying`.
 */
import { nameFrom, ruleSpan } from './arabicNames';
import type { Context } from './context';
import { joinable } from './tokens';

const SAYING = /^(?:قوله|قولها)$/;

export function quotedFromPeople(ctx: Context): void {
  const { tokens } = ctx;
  quotedAsSaying(ctx);
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.raw !== 'عن' && tokens[i]!.raw !== 'وعن') continue;
    const j = i + 1;
    const w = tokens[j]!;
    if (ctx.cover[j] || !w.arabic || !joinable(w.gap) || ctx.inSet(j, ctx.lex.speakerNouns)) continue;
    const end = nameFrom(ctx, j, 3);
    const say = end === undefined ? undefined : tokens[end];
    if (end === undefined || !say || !joinable(say.gap) || !SAYING.test(say.norm)) continue;
    ctx.add(ruleSpan(ctx, j, end, 'person'));
    i = end - 1;
  }
}

/** `quoted Kenyon as saying`: one to three capitalised words between `quoted` and `as saying`. */
function quotedAsSaying(ctx: Context): void {
  const { tokens } = ctx;
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (tokens[i]!.raw !== 'quoted') continue;
    let end = i + 1;
    while (end < tokens.length && end - i <= 3 && tokens[end]!.cap && !ctx.cover[end] && joinable(tokens[end]!.gap)) end++;
    if (end === i + 1 || tokens[end]?.raw !== 'as' || tokens[end + 1]?.raw !== 'saying') continue;
    ctx.add(ruleSpan(ctx, i + 1, end, 'person'));
    i = end;
  }
}
