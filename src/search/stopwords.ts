/**
 * Stopwords for search, read from data/stopwords.json (data, not code; validated by a unit test).
 * Dropping them keeps the index small and stops "في" from matching every passage.
 */
import data from './data/stopwords.json';

/** Arabic stopwords after normalisation. */
export const ARABIC_STOPWORDS: ReadonlySet<string> = new Set(data.arabic);
/** Arabic stopwords as written (before letter folds): على, but not the name علي. */
export const ARABIC_STOPWORDS_AS_WRITTEN: ReadonlySet<string> = new Set(data.arabicAsWritten);
/** English stopwords, lower case. */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(data.english);
