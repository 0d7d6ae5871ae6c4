/**
 * Query parsing: words and quoted phrases, each word already turned into search forms by the same
 * Analyzer as the documents. The word still being typed (no space after it) is searched as a prefix.
 */
import { tokenize, type Analyzer, type WordForms } from './analyze';

/** One query word, ready for the index. */
export interface QueryWord extends WordForms {
  /** The word as typed. */
  raw: string;
  /** True for the word being typed: its surface is also searched as a prefix. */
  prefix: boolean;
}

/** A parsed query. */
export interface ParsedQuery {
  /** Every non-stopword word, phrases included, in order. */
  words: QueryWord[];
  /** Quoted phrases, as the plain words typed (stopwords kept: the original text is checked). */
  phrases: string[][];
}

const QUOTE = /["“”«»„]/;

/**
 * Parses `"الرئيس الفرنسي" ماكرون` into words and phrases. An unclosed quote runs to the end, so a
 * phrase is already a phrase while it is typed.
 */
export function parseQuery(query: string, analyzer: Analyzer): ParsedQuery {
  const words: QueryWord[] = [];
  const phrases: string[][] = [];
  const parts = query.split(QUOTE);
  const typing = !/[\s"“”«»„]$/u.test(query);
  parts.forEach((part, i) => {
    const tokens = tokenize(part);
    if (i % 2 === 1 && tokens.length > 1) phrases.push(tokens.map((t) => t.text));
    const last = i === parts.length - 1;
    tokens.forEach((t, j) => {
      const prefix = typing && last && j === tokens.length - 1;
      for (const f of analyzer.forms(t.text)) words.push({ ...f, raw: t.text, prefix });
    });
  });
  return { words, phrases };
}
