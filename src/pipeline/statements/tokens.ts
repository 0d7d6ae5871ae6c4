/**
 * Word tokens with offsets and a normalised form: the unit every rule of the statements and
 * time stages matches on. Matching folded tokens (src/search/normalize.ts) instead of raw
 * text means one spelling in a data file covers أ/ا/إ, ى/ي, ة/ه, harakat and Arabic-Indic digits.
 */
import { normalize } from '../../search/normalize';

/** One token of the text: a run of letters, a run of digits, or a single mark. */
export interface Token {
  /** Position in the token list. */
  i: number;
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  /** Normalised (see normalize.ts). */
  norm: string;
  /** Letters or digits (not punctuation). */
  word: boolean;
}

/** Normalised forms of words seen so far: news text repeats its words, and normalising is the hot path. */
const NORM_CACHE = new Map<string, string>();
const NORM_CACHE_MAX = 100_000;

/** `normalize(raw)`, remembered: for words and names that come back document after document. */
export function normCached(raw: string): string {
  let n = NORM_CACHE.get(raw);
  if (n === undefined) {
    n = normalize(raw);
    if (NORM_CACHE.size >= NORM_CACHE_MAX) NORM_CACHE.clear();
    NORM_CACHE.set(raw, n);
  }
  return n;
}

// Letters (with marks and tatweel), digits, or any other visible character; format controls are skipped.
const TOKEN = /[\p{L}\p{M}]+|\p{N}+|[^\s\p{Cf}]/gu;

/** Tokenises `text[start, end)`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const raw = m[0];
    const norm = normCached(raw);
    if (norm.length === 0) continue;
    out.push({
      i: out.length,
      start: start + m.index,
      end: start + m.index + raw.length,
      text: raw,
      norm,
      word: /[\p{L}\p{N}]/u.test(raw),
    });
  }
  return out;
}

/** Normalises every word of a phrase from a data file, as tokens would be. */
export function normWords(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}

/** Does the token sequence at `i` spell `words` (normalised)? */
export function matchesAt(tokens: Token[], i: number, words: readonly string[]): boolean {
  if (i < 0 || i + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) if (tokens[i + k]!.norm !== words[k]) return false;
  return true;
}

/** The token's form without a leading conjunction و or ف (`وأضاف` → `اضاف`), or null if it has none. */
export function withoutConjunction(norm: string): string | null {
  return norm.length >= 3 && (norm[0] === 'و' || norm[0] === 'ف') ? norm.slice(1) : null;
}
