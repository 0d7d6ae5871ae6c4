/**
 * The two lexicons the stemmer consults (see stem.ts), built from the same data so that documents
 * and queries are cut alike:
 *  - at build time from the corpus (every word seen) and the names (gazetteer and entities);
 *  - in the browser from the index's own terms and the protected names shipped in the bundle.
 */
import type { Corpus } from '../model/schema';
import { tokenize } from './analyze';
import { foldLetters, hasArabic, stripMarks } from './normalize';
import type { Lexicon } from './stem';
import { ARABIC_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords';

const ARTICLE = /^(?:وال|فال|بال|كال|لل|ال)(?=...)/;

/** A word as the stemmer sees it before any cut: marks off, letters folded. */
export function plainWord(raw: string): string {
  return foldLetters(stripMarks(raw));
}

/**
 * The protected words of a list of names: every word of a person's name, every one-word name, and
 * the words of longer names that do not carry the article (in البيت الأبيض or الجمهورية العربية
 * السورية the article words are common nouns and adjectives, which must still be stemmed).
 * Article-bearing words are stored without the article, as the stemmer always removes it; words under
 * three letters and stopwords are never protected.
 */
export function protectedWords(names: Iterable<string>, personNames: Iterable<string> = []): Set<string> {
  const out = new Set<string>();
  const add = (raw: string) => {
    const w = plainWord(raw).replace(ARTICLE, '');
    if ([...w].length < 3 || ARABIC_STOPWORDS.has(w) || ENGLISH_STOPWORDS.has(w)) return;
    if (hasArabic(w) || /^[a-z]+$/.test(w)) out.add(w);
  };
  for (const name of personNames) for (const t of tokenize(name)) add(t.text);
  for (const name of names) {
    const tokens = tokenize(name);
    for (const t of tokens) if (tokens.length === 1 || !ARTICLE.test(plainWord(t.text))) add(t.text);
  }
  return out;
}

/** Every word of the corpus (and its form without the article): the words known on their own. */
export function corpusVocabulary(corpus: Corpus): Set<string> {
  const out = new Set<string>();
  for (const doc of corpus.documents) {
    for (const t of tokenize(doc.text)) {
      const w = plainWord(t.text);
      out.add(w);
      if (ARTICLE.test(w)) out.add(w.replace(ARTICLE, ''));
    }
  }
  return out;
}

/** The build-time lexicon: known = seen in the corpus, protected = names. */
export function buildLexicon(vocabulary: ReadonlySet<string>, protectedSet: ReadonlySet<string>): Lexicon {
  return {
    isProtected: (w) => protectedSet.has(w),
    isKnown: (w) => vocabulary.has(w),
  };
}

/** The browser lexicon: known = a term of the index; a word that is itself a term keeps its letters. */
export function queryLexicon(hasTerm: (term: string) => boolean, protectedSet: ReadonlySet<string>): Lexicon {
  return {
    isProtected: (w) => protectedSet.has(w),
    isKnown: (w) => hasTerm(w),
    isWhole: (w) => hasTerm(w),
  };
}
