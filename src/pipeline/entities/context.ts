/** Shared state of one document's recognition: tokens, what covers each token, the lexicon. */
import { joinable } from './tokens';
import type { Found } from './found';
import type { Lexicon } from './lexicon';
import type { Token } from './tokens';

/**
 * For a map of phrases: every part of a key before one of its spaces (`الكوري` for `الكوري الجنوبي`).
 * A two-word look-up `${a} ${b}` can only hit when `a` is one of them, so the others are never
 * joined and looked up (`nisba` asks for every Arabic word and its neighbours).
 */
const heads = new WeakMap<ReadonlyMap<string, unknown>, Set<string>>();
function headsOf(map: ReadonlyMap<string, unknown>): Set<string> {
  let set = heads.get(map);
  if (!set) {
    set = new Set();
    for (const key of map.keys()) for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) set.add(key.slice(0, i));
    heads.set(map, set);
  }
  return set;
}

/** One document being recognised. */
export class Context {
  /** The span covering each token, if any. */
  readonly cover: (Found | undefined)[];
  readonly found: Found[] = [];
  private countsCache: Map<string, number> | undefined;

  constructor(
    readonly text: string,
    readonly tokens: Token[],
    readonly lex: Lexicon,
  ) {
    this.cover = new Array<Found | undefined>(tokens.length);
  }

  /** How often each word form occurs: a lone unknown word after a title must recur to be a name. */
  get counts(): Map<string, number> {
    if (!this.countsCache) {
      const counts = new Map<string, number>();
      for (const t of this.tokens) for (const f of new Set(t.forms.map((x) => x.form))) counts.set(f, (counts.get(f) ?? 0) + 1);
      this.countsCache = counts;
    }
    return this.countsCache;
  }

  /** Records a span and marks its tokens covered; a name it contains is forgotten (`حمدان بن محمد بن راشد`). */
  add(f: Found): Found {
    for (let k = f.tok; k < f.tokEnd; k++) {
      const inner = this.cover[k];
      if (inner && inner.tok >= f.tok && inner.tokEnd <= f.tokEnd) this.remove(inner);
    }
    this.found.push(f);
    for (let k = f.tok; k < f.tokEnd; k++) this.cover[k] = f;
    return f;
  }

  /** Forgets a span (a longer name swallowed it). */
  remove(f: Found): void {
    const at = this.found.indexOf(f);
    if (at >= 0) this.found.splice(at, 1);
    for (let k = f.tok; k < f.tokEnd; k++) if (this.cover[k] === f) this.cover[k] = undefined;
  }

  /** Is any form of the token in the set? */
  inSet(i: number, set: ReadonlySet<string>): boolean {
    const t = this.tokens[i];
    if (!t) return false;
    // A counted loop, not `.some(callback)`: this is inlined into some fifty of the rules' compiled
    // functions, and V8 compiles an inlined `.some` into a much larger graph than the loop.
    for (let k = 0; k < t.forms.length; k++) if (set.has(t.forms[k]!.form)) return true;
    return false;
  }

  /** The token's form found in the map, if any. */
  lookup<V>(i: number, map: ReadonlyMap<string, V>): V | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    for (const f of t.forms) {
      const v = map.get(f.form);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  isStop(i: number): boolean {
    const t = this.tokens[i];
    if (!t) return true;
    return t.arabic ? this.inSet(i, this.lex.stop) : this.lex.enStop.has(t.norm);
  }

  /** Nationality code if the token is a nationality adjective. */
  nisba(i: number): string | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (!t.arabic) return this.lex.nisba.get(t.norm);
    // Compound adjectives (`الكوري الجنوبي`): both words carry the country.
    const compound = headsOf(this.lex.nisba);
    const next = this.tokens[i + 1];
    if (next?.arabic && joinable(next.gap))
      for (const f of t.forms) {
        const v = compound.has(f.form) ? this.lex.nisba.get(`${f.form} ${next.norm}`) : undefined;
        if (v !== undefined) return v;
      }
    const prev = this.tokens[i - 1];
    if (prev?.arabic && joinable(t.gap))
      for (const f of prev.forms) {
        const v = compound.has(f.form) ? this.lex.nisba.get(`${f.form} ${t.norm}`) : undefined;
        if (v !== undefined) return v;
      }
    return this.lookup(i, this.lex.nisba);
  }

  /** Definite Arabic word (الـ, also after و/ب/ل/ك, or لل). The article is written with a bare alef: `إليود` is not definite. */
  definite(i: number): boolean {
    const t = this.tokens[i];
    if (!t || !t.arabic) return false;
    // A counted loop rather than `.some`, as in `inSet`.
    for (let k = 0; k < t.forms.length; k++) {
      const f = t.forms[k]!;
      if (f.form.startsWith('ال') && f.form.length > 3 && /^(?:ال|ٱل|ل)/.test(t.raw.slice(f.shift))) return true;
    }
    return false;
  }
}
