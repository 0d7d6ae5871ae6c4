/**
 * Descriptive head nouns (`صحيفة`، `قناة`، `نادي`، and `شركة`، `وكالة` before a proper name) say what kind of
 * body a name is; like place nouns before a place (`مدينة الرقة`), they are left out of the name's span:
 * `صحيفة الأهرام القاهرية` → `الأهرام`، `شركة موتورولا` → `موتورولا` (the ANERcorp convention too).
 */
import type { Context } from './context';

/**
 * After a descriptive head (`صحيفة الأهرام القاهرية`، `نادي أندرليخت البلجيكي`، `شركة موتورولا`) the name is the
 * words after the head without a trailing nationality adjective; a definite complement is one word (`صحيفة القدس`).
 * Returns the name's token range, or undefined to keep the head in the name.
 */
export function descriptiveName(ctx: Context, i: number, j: number, head: string, proper: number): [number, number] | undefined {
  const media = ctx.lex.descriptiveHeads.has(head);
  if (!media && !(proper > 0 && ctx.lex.descriptiveProperHeads.has(head))) return undefined;
  let end = j;
  while (end > i + 2 && ctx.nisba(end - 1)) end--;
  if (proper === 0) end = i + 2;
  const first = ctx.tokens[i + 1]!;
  return ctx.nisba(i + 1) || ctx.isStop(i + 1) || /^لل/.test(first.norm) ? undefined : [i + 1, end];
}

/**
 * Known bodies matched with their descriptive head (`صحيفة الأهرام`، `قناة روسيا اليوم`، `شركة أبل` in the
 * gazetteer): the mention starts after the head; the entity and its label stay the same.
 */
export function trimDescriptiveHeads(ctx: Context): void {
  for (const f of ctx.found) {
    if (f.type !== 'organization' || f.source !== 'gazetteer' || f.tokEnd - f.tok < 2 || f.kind === 'title') continue;
    const head = ctx.tokens[f.tok]!;
    const form = head.forms.find((x) => ctx.lex.descriptiveHeads.has(x.form) || ctx.lex.descriptiveProperHeads.has(x.form));
    if (!form) continue;
    if (!ctx.lex.descriptiveHeads.has(form.form) && (ctx.definite(f.tok + 1) || !ctx.tokens[f.tok + 1]!.arabic)) continue;
    ctx.cover[f.tok] = undefined;
    f.tok++;
    f.start = ctx.tokens[f.tok]!.start;
  }
}
