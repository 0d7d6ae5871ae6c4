/**
 * The search worker's side of the conversation, written as a plain message handler so that Vitest can
 * drive it without a Worker (searchWorker.ts only wires it to `self`). The page sends the URL of the
 * sharded index's meta file; the worker fetches it, then for each search the shards the query needs
 * (shardStore.ts), and answers with the hits: ids, offsets, highlight ranges, scores, and the text,
 * title and language to draw them with. It never needs the page's corpus.
 *
 * A search is run as soon as it arrives (the client keeps one in flight, so none pile up here). Before
 * the meta file is loaded only the newest search waits: one that arrives then replaces the one
 * waiting, which is answered `skipped`.
 */
import type { AsyncSearchEngine, SearchFilters, SearchResults } from './engine';
import { loadShardedSearch } from './shardedEngine';
import { fetchJson, type FetchJson } from './shardStore';

/** Page → worker. */
export type WorkerRequest = LoadRequest | SearchRequest;

/** Where the sharded index's meta file is (absolute URL); the other files are found from it. */
export interface LoadRequest {
  type: 'load';
  metaUrl: string;
}

/** A search; `limit`: hits per group wanted (default: all). */
export interface SearchRequest {
  type: 'search';
  id: number;
  query: string;
  filters: SearchFilters;
  limit?: number;
}

/** Worker → page. */
export type WorkerReply =
  | { type: 'ready'; ms: number }
  /** `id` null: loading failed. */
  | { type: 'error'; id: number | null; message: string }
  /** `ms`: the worker's time for the search, shards fetched included; `files`: files it fetched for it. */
  | { type: 'results'; id: number; results: SearchResults; ms: number; files?: number }
  /** A newer search arrived before the engine was loaded. */
  | { type: 'skipped'; id: number };

export interface WorkerHandlerOptions {
  /** Fetches and parses a JSON file (default: `fetch(url)` then `.json()`). */
  fetchJson?: FetchJson;
  /** Loads the engine (default: `loadShardedSearch`). */
  load?: (metaUrl: string, fetch: FetchJson) => Promise<AsyncSearchEngine>;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Returns the handler of the worker's incoming messages; `post` sends a reply to the page. */
export function createSearchWorkerHandler(post: (reply: WorkerReply) => void, options: WorkerHandlerOptions = {}) {
  const fetch = options.fetchJson ?? fetchJson;
  const load = options.load ?? loadShardedSearch;
  let engine: AsyncSearchEngine | null = null;
  let failed = false;
  let waiting: Extract<WorkerRequest, { type: 'search' }> | null = null;

  const run = async (request: Extract<WorkerRequest, { type: 'search' }>, engine: AsyncSearchEngine) => {
    try {
      const t0 = performance.now();
      const fetched = (engine as { store?: { fetched: string[] } }).store?.fetched;
      const before = fetched?.length ?? 0;
      const results = await engine.search(request.query, request.filters, request.limit ? { limit: request.limit } : {});
      if (!results) return post({ type: 'skipped', id: request.id });
      post({
        type: 'results',
        id: request.id,
        results,
        ms: performance.now() - t0,
        ...(fetched ? { files: fetched.length - before } : {}),
      });
    } catch (e) {
      post({ type: 'error', id: request.id, message: message(e) });
    }
  };

  return async function handle(request: WorkerRequest): Promise<void> {
    switch (request.type) {
      case 'load':
        try {
          const t0 = performance.now();
          if (!request.metaUrl) throw new Error('Isnad: the search worker was given no index');
          engine = await load(request.metaUrl, fetch);
          post({ type: 'ready', ms: performance.now() - t0 });
          const first = waiting;
          waiting = null;
          if (first) await run(first, engine);
        } catch (e) {
          failed = true;
          post({ type: 'error', id: null, message: message(e) });
          if (waiting) post({ type: 'error', id: waiting.id, message: message(e) });
          waiting = null;
        }
        return;
      case 'search':
        if (failed) {
          post({ type: 'error', id: request.id, message: 'Isnad: the search index could not be loaded' });
          return;
        }
        if (engine) return run(request, engine);
        if (waiting) post({ type: 'skipped', id: waiting.id });
        waiting = request;
        return;
    }
  };
}
