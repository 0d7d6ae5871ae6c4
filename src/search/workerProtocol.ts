/**
 * The search worker's side of the conversation, written as a plain message handler so that Vitest can
 * drive it without a Worker (searchWorker.ts only wires it to `self`). The page sends the corpus in
 * slices, then where the index is; the worker loads the engine and answers searches with the hits
 * (ids, offsets, highlight ranges, scores): the page draws snippets from its own copy of the corpus.
 *
 * A search is run as soon as it arrives (the client keeps one in flight, so none pile up here). Before
 * the engine is loaded only the newest search waits: one that arrives then replaces the one waiting,
 * which is answered `skipped`.
 */
import type { Corpus, IsnadDocument } from '../model/schema';
import { loadSearchEngine, type SearchBundle, type SearchEngine, type SearchFilters, type SearchResults } from './engine';

/** Page → worker. */
export type WorkerRequest =
  /** Part of the corpus's documents, in order (sent in slices so no one copy blocks the page long). */
  | { type: 'documents'; documents: IsnadDocument[] }
  /** The rest of the corpus (its `documents` empty) and the index: a URL to fetch, or the bundle itself. */
  | { type: 'load'; corpus: Corpus; bundleUrl?: string; bundle?: SearchBundle }
  | { type: 'search'; id: number; query: string; filters: SearchFilters };

/** Worker → page. */
export type WorkerReply =
  | { type: 'ready'; ms: number }
  /** `id` null: loading failed. */
  | { type: 'error'; id: number | null; message: string }
  /** `ms`: the engine's own time for the search, inside the worker. */
  | { type: 'results'; id: number; results: SearchResults; ms: number }
  /** A newer search arrived before the engine was loaded. */
  | { type: 'skipped'; id: number };

export interface WorkerHandlerOptions {
  /** Fetches and parses the bundle (default: `fetch(url)` then `.json()`). */
  fetchBundle?: (url: string) => Promise<SearchBundle>;
  /** Loads the engine (default: `loadSearchEngine`, at once: in a worker nothing waits on the slices). */
  load?: (bundle: SearchBundle, corpus: Corpus) => Promise<SearchEngine> | SearchEngine;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Returns the handler of the worker's incoming messages; `post` sends a reply to the page. */
export function createSearchWorkerHandler(post: (reply: WorkerReply) => void, options: WorkerHandlerOptions = {}) {
  const fetchBundle =
    options.fetchBundle ??
    (async (url: string) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`Isnad: the search index ${url} answered ${response.status}`);
      return (await response.json()) as SearchBundle;
    });
  const load = options.load ?? loadSearchEngine;
  const documents: IsnadDocument[] = [];
  let engine: SearchEngine | null = null;
  let failed = false;
  let waiting: Extract<WorkerRequest, { type: 'search' }> | null = null;

  const run = (request: Extract<WorkerRequest, { type: 'search' }>, engine: SearchEngine) => {
    try {
      const t0 = performance.now();
      const results = engine.search(request.query, request.filters);
      post({ type: 'results', id: request.id, results, ms: performance.now() - t0 });
    } catch (e) {
      post({ type: 'error', id: request.id, message: message(e) });
    }
  };

  return async function handle(request: WorkerRequest): Promise<void> {
    switch (request.type) {
      case 'documents':
        for (const d of request.documents) documents.push(d);
        return;
      case 'load':
        try {
          const t0 = performance.now();
          const bundle = request.bundle ?? (request.bundleUrl ? await fetchBundle(request.bundleUrl) : null);
          if (!bundle) throw new Error('Isnad: the search worker was given no index');
          const corpus: Corpus = { ...request.corpus, documents: [...request.corpus.documents, ...documents] };
          documents.length = 0;
          engine = await load(bundle, corpus);
          post({ type: 'ready', ms: performance.now() - t0 });
          if (waiting) run(waiting, engine);
          waiting = null;
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
