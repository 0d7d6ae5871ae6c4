/**
 * The one shared module for the search index: MiniSearch options, the bundle format, and the loader.
 * The build (`build.ts`) and the browser both take their options from here; the loader refuses a
 * bundle built with other options or for another corpus (MiniSearch's `loadJS` cannot tell).
 */
import type MiniSearch from 'minisearch';
import type { AsPlainObject, Options } from 'minisearch';
import type { Corpus, EntityType } from '../model/schema';
import { Analyzer, ANALYZER_VERSION, words } from './analyze';
import { queryLexicon } from './lexicon';
import { Postings } from './postings';
import { Searcher } from './searcher';
import { CorpusSource } from './source';
import type { HitKind } from './units';
import { loadIndexSteps } from './loadIndex';
import { mentionUnitsSteps } from './mentions';
import { drain, drainAsync, type Steps } from './steps';
import { collectUnitsSteps, corpusFingerprintSteps } from './units';
import stopwords from './data/stopwords.json';

/** Bumped on any change to the bundle's shape. */
export const SEARCH_BUNDLE_VERSION = 1;

/** Indexed fields: entity names, headlines, sentences, statement speakers and contents. */
export const FIELDS = ['name', 'head', 'text', 'speaker', 'content'] as const;
export type Field = (typeof FIELDS)[number];

/** Field boosts: a match in a name or a headline counts more than one in running text. */
export const BOOST: Record<Field, number> = { name: 3, head: 2, text: 1, speaker: 1.5, content: 1 };

/** One document of the index; only the numeric id is kept (see units.ts). */
export type IndexDoc = { id: number } & Partial<Record<Field, string>>;

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** Everything that decides which terms an index holds. A bundle built otherwise is refused. */
export const OPTIONS_FINGERPRINT = `isnad-search/${SEARCH_BUNDLE_VERSION};analyzer=${ANALYZER_VERSION};fields=${FIELDS.join(',')};stopwords=${hash(JSON.stringify(stopwords))}`;

/** The MiniSearch options, built around an analyzer (build: corpus lexicon; browser: index lexicon). */
export function miniSearchOptions(analyzer: Analyzer): Options<IndexDoc> {
  return {
    idField: 'id',
    fields: [...FIELDS],
    storeFields: [],
    tokenize: words,
    processTerm: (term) => analyzer.indexTerms(term),
    searchOptions: { boost: { ...BOOST } },
  };
}

/** The serialized index, emitted at build time as its own JSON file and fetched lazily. */
export interface SearchBundle {
  format: 'isnad-search';
  version: number;
  /** `OPTIONS_FINGERPRINT` of the build. */
  options: string;
  /** `corpusFingerprint` of the corpus it indexes. */
  corpus: string;
  /** Protected words (names) that occur in the corpus, normalised: the stemmer never cuts them. */
  protected: string[];
  /** MiniSearch's `toJSON()`. */
  index: AsPlainObject;
}

/** Narrowing of a search; every field optional, empty means no filter. */
export interface SearchFilters {
  /** Entity types: entities of other types are left out, and passages found only through them. */
  types?: EntityType[];
  /** Speaker entity id: only statements by that speaker, and passages inside them. */
  speaker?: string | null;
  /** Document id. */
  doc?: string | null;
  /** Earliest date (YYYY-MM-DD): publication date, or for statements the date they were made. */
  from?: string | null;
  /** Latest date (YYYY-MM-DD). */
  to?: string | null;
}

/** One result, located in a document's original text. */
export interface SearchHit {
  kind: HitKind;
  /** Stable key (for lists and test hooks). */
  key: string;
  /** Document id. */
  doc: string;
  /** UTF-16 offsets of the passage, statement or mention in the document's text. */
  start: number;
  end: number;
  score: number;
  /** Matched words, `[start, end)` in the document's text, sorted, not overlapping. */
  highlights: [number, number][];
  /** Entity id (entity hits). */
  entity?: string;
  /** Statement id (statement hits). */
  statement?: string;
  /** How many mentions the entity has within the filters (entity hits). */
  mentions?: number;
  /**
   * For display where the page holds no corpus (the sharded index in the worker): the passage's or
   * statement's text (`start … end` of the document's text), the document's title and language.
   */
  text?: string;
  title?: string;
  lang?: string;
}

/** Results grouped by kind, best first in each group. */
export interface SearchResults {
  query: string;
  entities: SearchHit[];
  statements: SearchHit[];
  passages: SearchHit[];
  /** Number of hits in all groups before any cut. */
  total: number;
  /** With a `limit`: how many hits each group would have without it (up to 20, 50 and 100). */
  counts?: { entities: number; statements: number; passages: number };
}

/** The search engine the page and the CLI use. */
export interface SearchEngine {
  search(query: string, filters?: SearchFilters, options?: SearchOptions): SearchResults;
}

/**
 * A search engine that answers later: the engine in a Web Worker (workerClient.ts). A search
 * overtaken by a newer one before it was answered gives `null`; answers never arrive out of order.
 */
export interface AsyncSearchEngine {
  /**
   * `options.limit`: hits per group wanted (default: all, up to 20 entities, 50 statements, 100
   * passages). The sharded index fetches a document per hit it returns, so a page that shows a few
   * hits per group may ask for those only (the same first hits).
   */
  search(query: string, filters?: SearchFilters, options?: SearchOptions): Promise<SearchResults | null>;
}

/** How much of an answer is wanted. */
export interface SearchOptions {
  /** Hits per group: the first `limit` of each (as in the full answer); `counts` then gives the full sizes. */
  limit?: number;
}

/** Loads a bundle for a corpus at once; throws an Isnad error when it was built otherwise or for other data. */
export function loadSearchEngine(bundle: SearchBundle, corpus: Corpus): SearchEngine {
  return drain(loadSteps(bundle, corpus));
}

/**
 * Loads a bundle in time slices of about 8 ms, giving the page back between them (the browser):
 * at 10,000 documents loading takes seconds of work, which must not freeze typing or scrolling.
 */
export function loadSearchEngineAsync(
  bundle: SearchBundle,
  corpus: Corpus,
  /** Told the length of each slice (the benchmark). */
  onSlice?: (ms: number) => void,
): Promise<SearchEngine> {
  return drainAsync(loadSteps(bundle, corpus), 8, onSlice);
}

function* loadSteps(bundle: SearchBundle, corpus: Corpus): Steps<SearchEngine> {
  if (bundle?.format !== 'isnad-search' || bundle.version !== SEARCH_BUNDLE_VERSION) {
    throw new Error(
      `Isnad: the search index has format ${bundle?.format}/${bundle?.version}; this page reads isnad-search/${SEARCH_BUNDLE_VERSION}. Rebuild the site.`,
    );
  }
  if (bundle.options !== OPTIONS_FINGERPRINT) {
    throw new Error(
      `Isnad: the search index was built with options "${bundle.options}", this page expects "${OPTIONS_FINGERPRINT}". Rebuild the site.`,
    );
  }
  const fingerprint = yield* corpusFingerprintSteps(corpus);
  if (bundle.corpus !== fingerprint) {
    throw new Error(
      `Isnad: the search index belongs to another corpus (${bundle.corpus}, this one is ${fingerprint}). Rebuild the site.`,
    );
  }
  // The query lexicon asks the index whether a word is one of its terms; MiniSearch has no public
  // call for that, so it reads the (stable since v6) radix tree `_index` of the loaded instance.
  const loaded: { index?: MiniSearch<IndexDoc> } = {};
  const hasTerm = (term: string) =>
    (loaded.index as unknown as { _index?: { has(t: string): boolean } })?._index?.has(term) ?? false;
  const units = yield* collectUnitsSteps(corpus);
  const analyzer = new Analyzer(queryLexicon(hasTerm, new Set(bundle.protected)));
  loaded.index = yield* loadIndexSteps<IndexDoc>(bundle.index, miniSearchOptions(analyzer));
  const mentions = yield* mentionUnitsSteps(corpus, units);
  const postings = yield* Postings.steps(loaded.index, units.units.length, units.firstEntity);
  return new Searcher(new CorpusSource(corpus, units, mentions), analyzer).attach(postings);
}
