/**
 * Light stemming for search: Arabic clitics and suffixes, English plurals, -ing and -ed.
 *
 * Input words are already normalised (see normalize.ts: أ إ آ → ا, ة → ه, ى → ي …). The Arabic rules
 * follow Lucene's light10 in spirit, with two guards that keep names whole:
 *  - a `Lexicon` says which words are protected (names: never cut) and which are known words (a lone
 *    clitic و ف ب ك ل is only stripped when what remains is a known word);
 *  - every cut leaves at least three letters.
 * Every function runs to a fixed point (each step shortens the word, so it ends), so stemming a stem changes nothing (idempotent).
 */

/** What the stemmer may ask about words; the build and the browser answer from their own data. */
export interface Lexicon {
  /** A name (or a word inside a name) that must never be cut into. */
  isProtected(word: string): boolean;
  /** A word seen on its own, so a clitic in front of it can be split off safely. */
  isKnown(word: string): boolean;
  /** A word known to carry no lone clitic (in the browser: a term of the index). Defaults to `isProtected`. */
  isWhole?(word: string): boolean;
}

/** A lexicon that knows nothing: only article-bearing prefixes and suffixes are stripped. */
export const EMPTY_LEXICON: Lexicon = { isProtected: () => false, isKnown: () => false };

/** Clitic + article prefixes, longest first: always a prefix when followed by ≥3 letters. */
const ARTICLE_PREFIXES = ['وبال', 'وكال', 'فبال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
/** Conjunctions that may stand before a preposition clitic (وب، فل …). */
const CONJUNCTIONS = new Set(['و', 'ف']);
/** Preposition clitics. */
const PREPOSITIONS = new Set(['ب', 'ك', 'ل']);
/** Suffixes after folding (ة→ه, so ية→يه), longest first. */
const ARABIC_SUFFIXES = ['يه', 'ها', 'ان', 'ات', 'ون', 'ين', 'ه', 'ي'];
const MIN_STEM = 3;
const ARABIC_WORD = /^[\u0621-\u064A\u0671-\u06D3]+$/u;

/** True when a word is written in Arabic letters only (after normalisation). */
export function isArabicWord(word: string): boolean {
  return ARABIC_WORD.test(word);
}

/** One step of prefix stripping, or null when nothing may be stripped. */
function stripOnePrefix(word: string, lex: Lexicon): string | null {
  // The article goes even before names (الكرملين, والكرملين → كرملين): the lexicon lists names
  // without it, so both spellings meet on the same term.
  for (const p of ARTICLE_PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= MIN_STEM) return word.slice(p.length);
  }
  const first = word[0] ?? '';
  if (!CONJUNCTIONS.has(first) && !PREPOSITIONS.has(first)) return null;
  // Asked only of words that start with a clitic letter: in the browser each question may need a shard of the index.
  if (lex.isProtected(word) || lex.isWhole?.(word)) return null;
  // A lone preposition is the riskiest cut (كتاب, بشار): it needs a longer remainder.
  const rest = word.slice(1);
  const minRest = CONJUNCTIONS.has(first) ? MIN_STEM : MIN_STEM + 1;
  if (rest.length >= minRest && (lex.isKnown(rest) || lex.isProtected(rest))) return rest;
  const second = word[1] ?? '';
  if (CONJUNCTIONS.has(first) && PREPOSITIONS.has(second)) {
    const rest2 = word.slice(2);
    if (rest2.length >= MIN_STEM + 1 && (lex.isKnown(rest2) || lex.isProtected(rest2))) return rest2;
  }
  return null;
}

/**
 * Removes Arabic clitics: `stripArabicPrefixes('والمكالمه')` → `مكالمه`. The article always goes (when
 * three letters remain); a lone و ف ب ك ل only when the word is not protected and the remainder is known.
 */
export function stripArabicPrefixes(word: string, lex: Lexicon = EMPTY_LEXICON): string {
  let w = word;
  for (;;) {
    const next = stripOnePrefix(w, lex);
    if (next === null) break;
    w = next;
  }
  return w;
}

/** Removes common Arabic suffixes: `stripArabicSuffixes('مكالمه')` → `مكالم`; never below 3 letters. */
export function stripArabicSuffixes(word: string, lex: Lexicon = EMPTY_LEXICON): string {
  let w = word;
  for (;;) {
    if (lex.isProtected(w)) break;
    const suffix = ARABIC_SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= MIN_STEM);
    if (!suffix) break;
    w = w.slice(0, -suffix.length);
  }
  return w;
}

const VOWEL = /[aeiouy]/;

/** One pass of English suffix stripping. */
function stemEnglishOnce(word: string): string {
  let w = word;
  if (w.length < 4) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    if (stem.length < 3 || !VOWEL.test(stem)) continue;
    // stopped → stop, but calling → call and adding → add (Porter's exceptions, plus d).
    w = /([bgmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem;
    break;
  }
  // hope/hoped/hoping all end as "hop": a final e goes whenever three letters remain.
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/**
 * A deliberately small English stemmer (no dependency): plurals, -ing, -ed, a final e, possessive 's.
 * `stemEnglish('meetings')` → `meet`, `stemEnglish('agreed')` → `agr` (as does `agree`). Runs to a
 * fixed point, so it is idempotent. Words under 4 letters stay as they are.
 */
export function stemEnglish(word: string): string {
  let w = word.replace(/['’]s$/, '').replace(/['’]/g, '');
  for (;;) {
    const next = stemEnglishOnce(w);
    if (next === w) break;
    w = next;
  }
  return w;
}
