/**
 * Word tokens with offsets into the original text, their normalised form and the forms left
 * after stripping attached clitics (و ف ب ل ك, and لل → ال), so that `وماكرون` can match `ماكرون`
 * while the mention span still starts after the clitic.
 */
import { normCached } from '../statements/tokens';

/** A word of the document, with its span in the original text. */
export interface Token {
  start: number;
  end: number;
  raw: string;
  /** Normalised (see src/search/normalize.ts). */
  norm: string;
  /** Clitic-stripped forms, longest first: the form and how many original code units it drops. */
  forms: { form: string; shift: number }[];
  /** The shortest clitic-stripped form (keeps ال): for lexicon look-ups. */
  bare: string;
  arabic: boolean;
  /** Latin word starting with a capital letter. */
  cap: boolean;
  /** Latin word in capitals only (acronym or shouted headline). */
  upper: boolean;
  /** The characters between the previous token and this one. */
  gap: string;
  /** Index of the sentence holding it. */
  sentence: number;
  /** First token of its sentence. */
  first: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ARABIC = /[\u0600-\u06FF]/;
/** Tatweel and Arabic marks (harakat, Quranic signs): they ride on the letter before them. */
const isMark = (ch: string) => {
  const c = ch.charCodeAt(0);
  return c === 0x640 || c === 0x670 || (c >= 0x610 && c <= 0x61a) || (c >= 0x64b && c <= 0x65f);
};

/** Original code units taken by the first `letters` letters of `raw`, with the marks that follow them. */
function originalShift(raw: string, letters: number): number {
  let i = 0;
  let seen = 0;
  while (i < raw.length && seen < letters) {
    if (!isMark(raw[i]!)) seen++;
    i++;
  }
  while (i < raw.length && isMark(raw[i]!)) i++;
  return i;
}

/** Forms of an Arabic word without its proclitics: `وللبيت` → `وللبيت`, `للبيت`→…, `البيت`. */
export function cliticForms(norm: string): { form: string; letters: number }[] {
  const out = [{ form: norm, letters: 0 }];
  let rest = norm;
  let letters = 0;
  if (/^[وف]/.test(rest) && rest.length >= 3) {
    rest = rest.slice(1);
    letters = 1;
    out.push({ form: rest, letters });
  }
  if (rest.startsWith('لل') && rest.length >= 4) {
    out.push({ form: `ا${rest.slice(1)}`, letters: letters + 1 });
  } else if (/^[بلك]/.test(rest) && rest.length >= 3) {
    out.push({ form: rest.slice(1), letters: letters + 1 });
  }
  return out;
}

/** What a word is, independent of where it stands: cached, since news reuses its words. */
type WordInfo = Pick<Token, 'norm' | 'forms' | 'bare' | 'arabic' | 'cap' | 'upper'>;

const WORD_CACHE = new Map<string, WordInfo>();
const WORD_CACHE_LIMIT = 200_000;

function analyse(raw: string): WordInfo {
  const hit = WORD_CACHE.get(raw);
  if (hit) return hit;
  // The statements stage's memory of normalised words: a word new to the build is normalised once, not once per stage.
  const norm = normCached(raw);
  const arabic = ARABIC.test(raw);
  // Pushed into a literal, not made by `.map()`: a mapped array's hidden class depends on whether V8
  // had compiled the `.map` call yet, so every reader of `forms` met a new one mid-run and was
  // compiled again. Literal arrays of objects all share one.
  const forms: Token['forms'] = [];
  if (arabic) for (const f of cliticForms(norm)) forms.push({ form: f.form, shift: originalShift(raw, f.letters) });
  else forms.push({ form: norm, shift: 0 });
  const info: WordInfo = {
    norm,
    forms,
    bare: forms[forms.length - 1]!.form,
    arabic,
    // `[\p{Lu}]`, not `\p{Lu}`: esbuild rewrites the latter as a `new RegExp` built at every call.
    cap: !arabic && /^[\p{Lu}]/u.test(raw),
    upper: !arabic && raw.length > 1 && /^[\p{Lu}][\p{Lu}\d]*$/u.test(raw),
  };
  if (WORD_CACHE.size >= WORD_CACHE_LIMIT) WORD_CACHE.clear();
  WORD_CACHE.set(raw, info);
  return info;
}

/** Splits a text into word tokens, each tagged with its sentence. */
export function tokenize(text: string, sentences: readonly { start: number; end: number }[]): Token[] {
  const tokens: Token[] = [];
  let si = 0;
  let prevEnd = 0;
  let prevSentence = -1;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const raw = m[0];
    while (si < sentences.length - 1 && start >= sentences[si]!.end) si++;
    tokens.push({
      start,
      end: start + raw.length,
      raw,
      ...analyse(raw),
      gap: text.slice(prevEnd, start),
      sentence: si,
      first: si !== prevSentence,
    });
    prevSentence = si;
    prevEnd = start + raw.length;
  }
  return tokens;
}

/** Can two tokens belong to one name: only spaces (or a dot/hyphen/apostrophe inside) between them? */
export function joinable(gap: string): boolean {
  if (gap === ' ') return true; // nearly every gap: spared two regular expressions
  return /^(?:[\s\u00A0\u200B-\u200F]*|[.\-'’]|\.\s|-\s?|\s-\s?)$/u.test(gap) && !/[\r\n]/.test(gap);
}
