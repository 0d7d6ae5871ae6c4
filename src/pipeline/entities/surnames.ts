/**
 * Repeated names: later mentions of a person named once (`الخليدي` after `نجيب الخليدي`, `Carlton`
 * after `Michael Carlton`), found by the words of the names the text gives in full.
 *
 * Written as small functions over one `Surnames` record rather than one function with closures: V8
 * optimises each on its own, so when a rare document sends a new object shape through one step, only
 * that step is compiled again (one function with five closures was recompiled whole, 8–11 times a
 * cold run of 1,000 documents, the costliest compile unit of the pipeline).
 */
import type { Context } from './context';
import type { Found } from './found';
import { joinable } from './tokens';

/** Countries whose names put the family name first (written so in English news too). */
const EAST_ASIAN = new Set(['CN', 'TW', 'HK', 'MO', 'KR', 'KP', 'VN']);

/** Words that link the parts of a lineage name: never a family name on their own. */
const LINEAGE = /^(?:بن|ابن|بنت|ال|ابو|ابي|ابا|ولد|ايت)$/;

/** `Mr.`, `Ms.`, `Dr.`: the honorific says the capitalised word after it is a family name. */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr)\.?$/;

/**
 * Surname → the people named in full who bear it. Two people sharing a family name (`رنا القاسمي`،
 * `هشام القاسمي`, two Kims) stay two: a bare mention goes to the bearer named most recently before it.
 * A word inside a name (`رسول`، `جمعة`) shared by two people is no family name: it is left alone.
 */
class Surnames {
  readonly bearers = new Map<string, Found[]>();
  readonly inner = new Set<string>();
  /** `surname key` pairs followed only after a speech verb (definite surnames of untitled people). */
  readonly titledOnly = new Set<string>();

  bear(s: string, f: Found, family = true): void {
    const list = this.bearers.get(s) ?? [];
    if (!list.some((b) => b.key === f.key)) list.push(f);
    this.bearers.set(s, list);
    if (!family) this.inner.add(s);
  }

  /** The key a bare `s` at offset `at` refers to, if any. */
  keyAt(ctx: Context, s: string, at: number): string | undefined {
    const list = this.bearers.get(s);
    if (!list || (list.length > 1 && this.inner.has(s))) return undefined;
    if (list.length === 1) return list[0]!.key;
    // The bearer mentioned last before `at`, by any of its mentions (`كيم يونغ أون` … `كيم يونج أون` … `كيم`).
    const keys = new Set(list.map((b) => b.key));
    let best: Found | undefined;
    for (const f of ctx.found)
      if (keys.has(f.key) && f.kind !== 'title' && f.start < at && (!best || f.start > best.start)) best = f;
    return (best ?? list[0])!.key;
  }
}

/** Any later word of a full name that is not a given name: `فقي` of `موسى فقي محمد`. */
function surnameWords(ctx: Context, f: Found): string[] {
  const out: string[] = [];
  for (let k = f.tok + 1; k < f.tokEnd; k++) {
    const w = ctx.tokens[k]!;
    if (
      w.norm.length >= 3 &&
      !ctx.isStop(k) &&
      !ctx.lex.given.has(w.norm) &&
      !ctx.lex.enGiven.has(w.raw) &&
      !LINEAGE.test(w.norm)
    )
      out.push(w.norm);
  }
  return out;
}

/** One written word, though maybe several tokens (`D'Amato`). */
function oneWord(ctx: Context, f: Found): boolean {
  for (let k = f.tok + 1; k < f.tokEnd; k++) if (/\s/.test(ctx.tokens[k]!.gap)) return false;
  return true;
}

/** The last written word of a span, its tokens' normalised forms joined by spaces. */
function lastWord(ctx: Context, f: Found): string {
  let k = f.tok;
  for (let j = f.tokEnd - 1; j > f.tok; j--)
    if (/\s/.test(ctx.tokens[j]!.gap)) {
      k = j;
      break;
    }
  return normsOf(ctx, k, f.tokEnd);
}

/** The normalised forms of tokens [from, to). */
function normList(ctx: Context, from: number, to: number): string[] {
  const out: string[] = [];
  for (let k = from; k < to; k++) out.push(ctx.tokens[k]!.norm);
  return out;
}

/** The normalised forms of tokens [from, to), joined by spaces. */
function normsOf(ctx: Context, from: number, to: number): string {
  let out = ctx.tokens[from]!.norm;
  for (let k = from + 1; k < to; k++) out += ` ${ctx.tokens[k]!.norm}`;
  return out;
}

/** The surnames of rule-found people named in full, of gazetteer people named in full, and East Asian family names. */
function collectSurnames(ctx: Context, people: readonly Found[], full: readonly Found[]): Surnames {
  const s = new Surnames();
  for (const f of full) {
    for (const w of surnameWords(ctx, f)) {
      // A definite word (`الغاز`) is a common noun too often: follow it only for people titled in the text.
      if (w.startsWith('ال') && !f.role) s.titledOnly.add(`${w} ${f.key}`);
      s.bear(w, f, w === ctx.tokens[f.tokEnd - 1]!.norm);
    }
  }
  // Gazetteer people named in full in the text: their last word alone (`المالكي` after `نوري المالكي`),
  // when it is not a given name, a function word or the word after `آل` (`ثاني`).
  for (const f of people) {
    if (f.source !== 'gazetteer' || f.tokEnd - f.tok < 2) continue;
    const k = f.tokEnd - 1;
    const w = ctx.tokens[k]!;
    if (
      !(w.arabic || w.cap) ||
      w.norm.length < 3 ||
      ctx.isStop(k) ||
      ctx.lex.given.has(w.norm) ||
      ctx.lex.enGiven.has(w.raw) ||
      ctx.tokens[k - 1]!.norm === 'ال'
    )
      continue;
    s.bear(w.norm, f);
    // `كيم جونغ أون`: an East Asian name's first word is the family name.
    const first = ctx.tokens[f.tok]!;
    if (f.entry?.country && EAST_ASIAN.has(f.entry.country) && f.tokEnd - f.tok <= 3 && first.norm.length >= 2)
      s.bear(first.norm, f);
  }
  for (const f of full) {
    if (f.tokEnd - f.tok > 2 && !ctx.tokens[f.tokEnd - 1]!.arabic) s.bear(lastWord(ctx, f), f);
    // `Kim Gye-gwan`, `Song Min-soon`: a hyphenated given name after the first word is East Asian
    // order, so the first word is the family name that later mentions use alone.
    // `Chinese foreign ministry spokesman Shen Guofang` … `Shen`: the text says the person is East Asian.
    const nat = f.role?.nationality ?? f.nationality;
    const eastAsian = !!nat && EAST_ASIAN.has(nat) && f.tokEnd - f.tok <= 3;
    if (eastAsian || (!ctx.tokens[f.tok]!.arabic && hyphenatedGiven(ctx, f))) s.bear(ctx.tokens[f.tok]!.norm, f);
  }
  return s;
}

/** A lower-case part joined by a hyphen after the second word (`Gye-gwan`). */
function hyphenatedGiven(ctx: Context, f: Found): boolean {
  for (let k = f.tok + 2; k < f.tokEnd; k++) {
    const t = ctx.tokens[k]!;
    if (t.gap === '-' && /^[a-z]/.test(t.raw)) return true;
  }
  return false;
}

/**
 * Single-word names (people, or words a rule typed as place or body) that are someone's surname:
 * `Vacco` after `Dennis Vacco`; `D'Amato` (one word, two tokens) after `Alfonse D'Amato`.
 */
function remapSurnames(ctx: Context, s: Surnames, remap: Map<string, string>): void {
  for (const f of ctx.found.filter((x) => x.source === 'rule' && x.kind !== 'title' && oneWord(ctx, x))) {
    let target: string | undefined;
    if (f.tokEnd - f.tok > 1) target = s.keyAt(ctx, normsOf(ctx, f.tok, f.tokEnd), f.start);
    else {
      const form = ctx.tokens[f.tok]!.forms.find((x) => s.bearers.has(x.form));
      target = s.keyAt(ctx, form ? form.form : '', f.start);
    }
    if (target && target !== f.key && (f.type === 'person' || !ctx.tokens[f.tok]!.arabic)) {
      f.type = 'person';
      remap.set(f.key, target);
      f.key = target;
      f.kind = 'alias';
    }
  }
}

/**
 * A name to look for again: its span and its words. The words are read once, into one shape, so the
 * token loop does not read the spans themselves, which come in many hidden classes (each rule builds
 * its own) and made V8 compile the loop again whenever a new one arrived.
 */
interface RuleName {
  p: Found;
  words: string[];
}

/** Does the name recur at token `i` (every word, in words nothing else claimed)? */
function recursAt(ctx: Context, name: RuleName, i: number): boolean {
  const words = name.words;
  for (let k = 0; k < words.length; k++) {
    const tk = ctx.tokens[i + k];
    const want = words[k]!;
    if (!tk || ctx.cover[i + k]) return false;
    if (k === 0 ? !tk.forms.some((f) => f.form === want) : !(tk.norm === want && joinable(tk.gap))) return false;
  }
  return true;
}

/** A mention at token `i` of a person named in full, or of a surname's bearer; undefined when there is none. */
function repeatAt(ctx: Context, s: Surnames, names: readonly RuleName[], i: number): Found | undefined {
  const t = ctx.tokens[i]!;
  for (const name of names) {
    if (!recursAt(ctx, name, i)) continue;
    const n = name.words.length;
    const form = t.forms.find((f) => f.form === name.words[0])!;
    // The copy drops the role: the title was said where the person was named, not here.
    const { role: _, ...rest } = name.p;
    return { ...rest, tok: i, tokEnd: i + n, start: t.start + form.shift, end: ctx.tokens[i + n - 1]!.end, kind: 'name' };
  }
  const afterSpeech = i > 0 && joinable(t.gap) && ctx.inSet(i - 1, ctx.lex.speechVerbs);
  for (const form of t.forms) {
    if (!s.bearers.has(form.form)) continue;
    const key = s.keyAt(ctx, form.form, t.start);
    if (!key || !(afterSpeech || !s.titledOnly.has(`${form.form} ${key}`))) continue;
    return { tok: i, tokEnd: i + 1, start: t.start + form.shift, end: t.end, type: 'person', key, kind: 'alias', source: 'rule' };
  }
  return undefined;
}

/** Finds repeated full names and surnames of rule-found people; returns key remaps (surname-only → full). */
export function propagateNames(ctx: Context): Map<string, string> {
  const remap = new Map<string, string>();
  const people = ctx.found.filter((f) => f.type === 'person' && f.kind !== 'title');
  const full = people.filter((f) => f.tokEnd - f.tok >= 2 && f.source === 'rule');
  const s = collectSurnames(ctx, people, full);
  remapSurnames(ctx, s, remap);
  // Repeats of rule names and surnames in words nothing else claimed. One-word names are too often
  // wrong to repeat, except English names after an honorific (`Mr. Haddad` … `Haddad said`).
  const names: RuleName[] = [];
  for (const p of full) names.push({ p, words: normList(ctx, p.tok, p.tokEnd) });
  for (const p of people)
    if (p.source === 'rule' && p.tokEnd - p.tok === 1 && !ctx.tokens[p.tok]!.arabic && HONORIFIC.test(p.role?.text ?? ''))
      names.push({ p, words: normList(ctx, p.tok, p.tokEnd) });
  for (let i = 0; i < ctx.tokens.length; i++) {
    if (ctx.cover[i]) continue;
    const t = ctx.tokens[i]!;
    if (!t.arabic && !t.cap) continue;
    const hit = repeatAt(ctx, s, names, i);
    if (hit) {
      ctx.add(hit);
      i = hit.tokEnd - 1;
    }
  }
  return remap;
}
