/**
 * Media named without their head noun. A correspondent or a channel word confirms the ambiguous short
 * name of a known body right after it (`مراسل الجزيرة`، `فضائية الجزيرة`: org-heads.json `mediaCues`),
 * and a known place alone in closed quotes is the newspaper or channel the gazetteer names after it
 * (`قال لـ « الشرق الأوسط »` is the paper, since the gazetteer knows `صحيفة الشرق الأوسط`): nobody
 * quotes a region's name, outlets quote their own and each other's.
 */
import orgHeads from '../data/org-heads.json';
import { normalize } from '../../search/normalize';
import type { Context } from './context';
import type { NameIndex } from './gazetteer';
import { joinable } from './tokens';

const MEDIA_CUES = new Set(orgHeads.ar.mediaCues.map((w) => normalize(w)));
const OPEN_QUOTE = /[«"“]\s*$/u;
const CLOSE_QUOTE = /^\s*[»"”]/u;

export function mediaNames(ctx: Context, index: NameIndex): void {
  const { tokens } = ctx;
  const heads = [...ctx.lex.descriptiveHeads];
  for (const f of [...ctx.found]) {
    if (f.source !== 'gazetteer' || f.kind === 'title') continue;
    const prev = f.tok - 1;
    if (f.type === 'organization' && f.weak && prev >= 0 && joinable(tokens[f.tok]!.gap) && ctx.inSet(prev, MEDIA_CUES)) {
      f.confirmed = true;
      continue;
    }
    if (f.type !== 'place' || !OPEN_QUOTE.test(tokens[f.tok]!.gap) || !CLOSE_QUOTE.test(tokens[f.tokEnd]?.gap ?? '')) continue;
    if (f.start !== tokens[f.tok]!.start) continue;
    const words = tokens.slice(f.tok, f.tokEnd).map((t) => t.norm);
    let body;
    for (const h of heads)
      for (const name of index.get(h) ?? [])
        if (
          name.entry.type === 'organization' &&
          name.words.length === words.length + 1 &&
          name.words.slice(1).every((w, k) => w === words[k])
        )
          body ??= name.entry;
    if (!body) continue;
    f.type = 'organization';
    f.key = body.id;
    f.entry = body;
    f.kind = 'alias';
  }
}
