/**
 * The engine over the sharded index (shards.ts): loads the meta file, then answers each query from
 * the shards it needs, fetching those not loaded yet (shardStore.ts explains how a query learns which).
 * It needs no corpus: hits carry their text, title and language for display.
 */
import { Analyzer } from './analyze';
import {
  OPTIONS_FINGERPRINT,
  type AsyncSearchEngine,
  type SearchFilters,
  type SearchOptions,
  type SearchResults,
} from './engine';
import { queryLexicon } from './lexicon';
import { Searcher } from './searcher';
import type { SearchMeta } from './shards';
import { checkMeta, fetchJson, ShardStore, type FetchJson } from './shardStore';

/** Runs of one query that may each find more to fetch (a word's shard, then its entities, then the hits' documents…). */
const MAX_ROUNDS = 32;

export class ShardedSearch implements AsyncSearchEngine {
  private readonly searcher: Searcher;

  constructor(readonly store: ShardStore) {
    const lexicon = queryLexicon((t) => store.hasTerm(t), new Set(store.meta.protected));
    this.searcher = new Searcher(store, new Analyzer(lexicon)).attach(store.postings);
  }

  /** Searches, fetching the files the query needs first; the answer is the whole index's. */
  async search(query: string, filters: SearchFilters = {}, options: SearchOptions = {}): Promise<SearchResults> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let results: SearchResults | null = null;
      let error: unknown = null;
      this.searcher.startRun();
      try {
        results = this.searcher.search(query, filters, options);
      } catch (e) {
        error = e;
      }
      if (this.store.missing.size === 0) {
        this.searcher.endRun();
        if (error) throw error;
        return results!;
      }
      // Something was read before it was loaded: nothing this run cached may be kept (what earlier
      // runs cached came from loaded data and stays).
      this.searcher.forgetRun();
      await this.store.loadMissing();
    }
    throw new Error(`Isnad: the search for "${query}" still needed files after ${MAX_ROUNDS} rounds`);
  }
}

/** Fetches the meta file and returns the engine (each query fetches what it needs). */
export async function loadShardedSearch(metaUrl: string, fetch: FetchJson = fetchJson): Promise<ShardedSearch> {
  let meta: SearchMeta;
  try {
    meta = (await fetch(metaUrl)) as SearchMeta;
  } catch (e) {
    throw new Error(`Isnad: the search index ${metaUrl} could not be loaded (${e instanceof Error ? e.message : String(e)})`);
  }
  checkMeta(meta, OPTIONS_FINGERPRINT);
  return new ShardedSearch(new ShardStore(meta, metaUrl, fetch));
}
