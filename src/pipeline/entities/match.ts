/**
 * Gazetteer matching: at each word, look up the names that start with it (or with it minus its
 * clitics), keep the longest that the following words complete. Cost: one map look-up per word
 * form plus a short comparison per candidate name.
 */
import type { NameIndex } from './gazetteer';
import type { Found } from './found';
import { joinable, type Token } from './tokens';

/** What a name word asks of the text's capitals: 2 all capitals (`US`), 1 a capital (`Bush`), 0 nothing. */
const caseKinds = new Map<string, number>();
function caseKind(rawName: string): number {
  let kind = caseKinds.get(rawName);
  if (kind === undefined) {
    kind = /^\p{Lu}[\p{Lu}\d]+$/u.test(rawName) ? 2 : /^\p{Lu}/u.test(rawName) ? 1 : 0;
    caseKinds.set(rawName, kind);
  }
  return kind;
}

/** Does the text's spelling fit an English name's capitals (`Bush`, not `bush`; `US`, not `us`)? */
function caseFits(rawName: string, token: Token): boolean {
  const kind = caseKind(rawName);
  return kind === 2 ? token.upper : kind === 1 ? token.cap : true;
}

/** Longest gazetteer name starting at token i, if any. */
export function matchAt(tokens: readonly Token[], i: number, index: NameIndex, covered?: readonly boolean[]): Found | undefined {
  const t = tokens[i]!;
  let best: Found | undefined;
  for (const f of t.forms) {
    const names = index.get(f.form);
    if (!names) continue;
    for (const name of names) {
      const n = name.words.length;
      if (best && best.tokEnd - best.tok >= n) break;
      if (i + n > tokens.length || name.latin === t.arabic) continue;
      // The words first (most candidates fail on the second word), then the capitals.
      let ok = true;
      for (let k = 1; k < n && ok; k++) {
        const tk = tokens[i + k]!;
        if (tk.norm !== name.words[k] || !joinable(tk.gap) || covered?.[i + k]) ok = false;
      }
      for (let k = 0; k < n && ok && name.latin; k++) if (!caseFits(name.rawWords[k]!, tokens[i + k]!)) ok = false;
      if (!ok) continue;
      const e = name.entry;
      best = {
        tok: i,
        tokEnd: i + n,
        start: t.start + f.shift,
        end: tokens[i + n - 1]!.end,
        type: e.type,
        key: e.id,
        kind: name.label ? 'name' : 'alias',
        source: 'gazetteer',
        entry: e,
        // Always both fields, undefined when they do not apply, rather than spread only when they do:
        // one hidden class for every gazetteer match instead of four, the commonest spans the rules read
        // (every reader tests them for truth).
        weak: name.weak ? true : undefined,
        nationality: e.country && e.type === 'person' ? e.country : undefined,
      };
      break;
    }
  }
  return best;
}

/** Every gazetteer match in the tokens, left to right, longest first, never overlapping. */
export function matchGazetteer(tokens: readonly Token[], index: NameIndex): Found[] {
  const out: Found[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = matchAt(tokens, i, index);
    if (!m) continue;
    out.push(m);
    i = m.tokEnd - 1;
  }
  return out;
}
