/**
 * A stand-in for the app's search index while src/search/ is being written: MiniSearch over the
 * corpus passages (headline and paragraphs), with the project's own normalisation, built once in
 * Node and loaded in the page with the same options (as STYLE.md asks of the real one).
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { Corpus } from '../src/model/schema';
import { normalize } from '../src/search/normalize';

export interface Passage {
  id: string;
  doc: string;
  text: string;
}

/** Index options, shared by the build (Node) and the page (browser). */
export const INDEX_OPTIONS: Options<Passage> = {
  fields: ['text'],
  storeFields: ['doc'],
  processTerm: (term) => normalize(term) || null,
};

/** As you type: the last word is a prefix; words of 5 letters or more may be one edit off. */
export const QUERY_OPTIONS: SearchOptions = {
  prefix: (_term, i, terms) => i === terms.length - 1,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  combineWith: 'AND',
};

/** The passages of a corpus: every headline and paragraph block. */
export function passagesOf(corpus: Corpus): Passage[] {
  return corpus.documents.flatMap((d) =>
    d.blocks
      .filter((b) => b.kind === 'title' || b.kind === 'paragraph')
      .map((b) => ({ id: `${d.id}#${b.id}`, doc: d.id, text: d.text.slice(b.start, b.end) })),
  );
}

/** Builds the index and returns its JSON. */
export function buildSearchIndex(corpus: Corpus): { json: string; passages: number; ms: number } {
  const t0 = performance.now();
  const passages = passagesOf(corpus);
  const ms = new MiniSearch<Passage>(INDEX_OPTIONS);
  ms.addAll(passages);
  const json = JSON.stringify(ms);
  return { json, passages: passages.length, ms: performance.now() - t0 };
}
