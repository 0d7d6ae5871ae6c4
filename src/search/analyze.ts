/**
 * Text analysis for search, the same for documents and queries, at build time and in the browser:
 * `tokenize` finds words with their UTF-16 offsets in the original text, and an `Analyzer` turns one
 * word into its search forms (normalised, clitics off, light stem). Highlighting re-runs both on the
 * original text, so what is marked is exactly what matched.
 */
import { foldLetters, hasArabic, stripMarks } from './normalize';
import { EMPTY_LEXICON, isArabicWord, stemEnglish, stripArabicPrefixes, stripArabicSuffixes, type Lexicon } from './stem';
import { ARABIC_STOPWORDS, ARABIC_STOPWORDS_AS_WRITTEN, ENGLISH_STOPWORDS } from './stopwords';

/** Bumped whenever analysis changes which terms a word gives (the index must then be rebuilt). */
export const ANALYZER_VERSION = 1;

/** A word in the original text: `text.slice(start, end) === token.text`. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

/**
 * Words: dotted capitals (U.S.), numbers with their decimal or thousands marks (٣٫٥, 1,000), or runs of
 * letters, marks and invisible format characters (ZWNJ, bidi marks, tatweel stay inside a word).
 * Letters and digits are separate words, so `2015م` is found by `2015`.
 */
const TOKEN = /(?:\p{Lu}\.){2,}|\p{N}+(?:[.,٫٬]\p{N}+)*|[\p{L}\p{M}\p{Cf}]+(?:['’][\p{L}\p{M}]+)*/gu;
const EDGE_FORMAT = /^\p{Cf}+|\p{Cf}+$/gu;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/** Splits text into words with offsets into the original (invisible characters at the edges trimmed). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let start = m.index;
    let word = m[0];
    const lead = /^\p{Cf}+/u.exec(word)?.[0].length ?? 0;
    if (lead) {
      start += lead;
      word = word.slice(lead);
    }
    word = word.replace(EDGE_FORMAT, '');
    if (!HAS_WORD_CHAR.test(word)) continue;
    out.push({ start, end: start + word.length, text: word });
  }
  return out;
}

/** The words of a text, without offsets (MiniSearch's `tokenize` option). */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}

/** The search forms of one word: `surface` without clitics (the prefix key), `stem` its light stem. */
export interface WordForms {
  surface: string;
  stem: string;
}

/** Removes accents from Latin letters (Élysée → elysee); Arabic is left to `normalize`. */
function foldLatin(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

const CACHE_LIMIT = 100_000;

/** Turns words into search forms; one instance per lexicon (build: corpus words; browser: the index). */
export class Analyzer {
  /** Forms by word as written: highlighting re-analyses the same words for every hit and keystroke. */
  private readonly cache = new Map<string, readonly WordForms[]>();

  constructor(readonly lexicon: Lexicon = EMPTY_LEXICON) {}

  /**
   * The forms of one word as written, or [] for a stopword or a word without letters or digits.
   * NFKC may expand one character into several words (ﷺ), hence a list. Cached: do not modify.
   */
  forms(raw: string): readonly WordForms[] {
    let forms = this.cache.get(raw);
    if (!forms) {
      // A bound, so that a long session of odd queries cannot grow it without limit.
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      forms = this.analyze(raw);
      this.cache.set(raw, forms);
      this.journal?.push(raw);
    }
    return forms;
  }

  /** Empties the cache (the lexicon learnt words: the sharded index loaded a shard). */
  forget(): void {
    this.cache.clear();
    if (this.journal) this.journal.length = 0;
  }

  /** Words cached since `startJournal()`, or null when not noting them. */
  private journal: string[] | null = null;

  /**
   * Starts noting the words cached from now on (the sharded index: a run that read missing data must
   * forget what it worked out, and only that; see `forgetJournal`).
   */
  startJournal(): void {
    this.journal = [];
  }

  /** Stops noting (what was cached stays). */
  stopJournal(): void {
    this.journal = null;
  }

  /** Forgets the words cached since `startJournal`, and stops noting. */
  forgetJournal(): void {
    for (const w of this.journal ?? []) this.cache.delete(w);
    this.journal = null;
  }

  private analyze(raw: string): WordForms[] {
    const out: WordForms[] = [];
    for (const part of stripMarks(raw).split(' ')) {
      if (!part || ARABIC_STOPWORDS_AS_WRITTEN.has(part)) continue;
      const folded = foldLetters(part);
      const word = hasArabic(folded) ? folded : foldLatin(folded);
      const forms = this.formsOfNormalized(word);
      if (forms) out.push(forms);
    }
    return out;
  }

  /** Forms of a word that is already normalised; null for stopwords and empty words. */
  formsOfNormalized(word: string): WordForms | null {
    if (/^\p{N}/u.test(word)) {
      const n = word.replace(/٫/g, '.').replace(/[,٬]/g, '');
      return { surface: n, stem: n };
    }
    const w = word.replace(/[^\p{L}\p{M}'’]/gu, '');
    if (!w || ARABIC_STOPWORDS.has(w)) return null;
    if (isArabicWord(w)) return this.arabic(w);
    // Accents are folded here too: a word whose Arabic-block symbol (؆) was dropped above kept them.
    const latin = foldLatin(w.replace(/['’]s$/, '').replace(/['’]/g, ''));
    if (!latin || ENGLISH_STOPWORDS.has(latin)) return null;
    if (!/^[a-z]+$/.test(latin) || this.lexicon.isProtected(latin)) return { surface: latin, stem: latin };
    return { surface: latin, stem: stemEnglish(latin) };
  }

  /** Arabic: clitics off, then suffixes, repeated until nothing changes (so stems are fixed points). */
  private arabic(word: string): WordForms {
    const surface = stripArabicPrefixes(word, this.lexicon);
    let stem = stripArabicSuffixes(surface, this.lexicon);
    for (;;) {
      const bare = stripArabicPrefixes(stem, this.lexicon);
      if (bare === stem) break;
      stem = stripArabicSuffixes(bare, this.lexicon);
    }
    return { surface: surface.length >= stem.length ? surface : stem, stem };
  }

  /** The terms a word is indexed under: its surface and its stem (one term when they agree). */
  indexTerms(raw: string): string[] {
    const terms: string[] = [];
    for (const f of this.forms(raw)) {
      if (!terms.includes(f.surface)) terms.push(f.surface);
      if (!terms.includes(f.stem)) terms.push(f.stem);
    }
    return terms;
  }
}
