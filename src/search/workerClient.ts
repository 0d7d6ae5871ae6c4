/**
 * The page's side of the search worker (workerProtocol.ts): hands the worker the corpus and where the
 * index is, then turns searches into numbered messages, one in flight at a time. A search asked while
 * another is in flight waits; a newer one replaces it (the replaced one gives `null`), so a fast typist
 * never queues work for words already gone. A reply for an older search never overwrites a newer one:
 * once search n is answered, an answer to a search before n gives `null`.
 */
import type { Corpus } from '../model/schema';
import type { AsyncSearchEngine, SearchBundle, SearchFilters, SearchResults } from './engine';
import { yieldToPage } from './steps';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerPort {
  postMessage(message: WorkerRequest): void;
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

/** Characters of document text per slice of the corpus: copying one slice takes a few milliseconds. */
const SLICE_CHARS = 200_000;

/** A search asked of the worker, until it is answered. */
interface Asked {
  id: number;
  query: string;
  filters: SearchFilters;
  resolve: (r: SearchResults | null) => void;
  reject: (e: Error) => void;
}

/** The module worker of the main build (Vite bundles searchWorker.ts into a file of its own). */
export function spawnSearchWorker(): WorkerPort {
  return new Worker(new URL('./searchWorker.ts', import.meta.url), {
    type: 'module',
    name: 'isnad-search',
  }) as unknown as WorkerPort;
}

export class WorkerSearch implements AsyncSearchEngine {
  /** The engine's own time for the last answered search, inside the worker (the benchmark). */
  lastEngineMs = 0;
  private sent = 0;
  private answered = 0;
  private inFlight: Asked | null = null;
  private next: Asked | null = null;

  constructor(private readonly worker: WorkerPort) {}

  search(query: string, filters: SearchFilters = {}): Promise<SearchResults | null> {
    const id = ++this.sent;
    return new Promise((resolve, reject) => {
      this.next?.resolve(null);
      this.next = { id, query, filters, resolve, reject };
      this.send();
    });
  }

  private send(): void {
    if (this.inFlight || !this.next) return;
    const asked = (this.inFlight = this.next);
    this.next = null;
    this.worker.postMessage({ type: 'search', id: asked.id, query: asked.query, filters: asked.filters });
  }

  /** Handles a reply to a search (loading replies are handled by `startSearchWorker`). */
  receive(reply: WorkerReply): void {
    if (reply.type === 'ready' || reply.id === null || reply.id !== this.inFlight?.id) return;
    const asked = this.inFlight;
    this.inFlight = null;
    if (reply.type === 'error') asked.reject(new Error(reply.message));
    else if (reply.type === 'skipped' || reply.id < this.answered) asked.resolve(null);
    else {
      this.answered = reply.id;
      this.lastEngineMs = reply.ms;
      asked.resolve(reply.results);
    }
    this.send();
  }

  /** Fails every search still waiting (the worker died). */
  fail(error: Error): void {
    for (const asked of [this.inFlight, this.next]) asked?.reject(error);
    this.inFlight = this.next = null;
  }

  terminate(): void {
    this.fail(new Error('Isnad: the search worker was stopped'));
    this.worker.terminate();
  }
}

/**
 * Starts the engine in a worker: the corpus goes over in slices (yielding to the page between
 * them), then the index's URL (the worker fetches and parses it) or the bundle itself. Resolves when
 * the engine is loaded; rejects when the worker cannot start or the index cannot be loaded.
 */
export async function startSearchWorker(
  corpus: Corpus,
  index: { bundleUrl: string } | { bundle: SearchBundle },
  worker: WorkerPort = spawnSearchWorker(),
): Promise<WorkerSearch> {
  const search = new WorkerSearch(worker);
  const ready = new Promise<void>((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      if (data.type === 'ready') resolve();
      else if (data.type === 'error' && data.id === null) reject(new Error(data.message));
      else search.receive(data);
    };
    worker.onerror = (event) => {
      const error = new Error(`Isnad: the search worker failed${event.message ? `: ${event.message}` : ''}`);
      reject(error);
      search.fail(error);
    };
  });
  try {
    let slice: Corpus['documents'] = [];
    let chars = 0;
    for (const d of corpus.documents) {
      slice.push(d);
      chars += d.text.length;
      if (chars >= SLICE_CHARS) {
        worker.postMessage({ type: 'documents', documents: slice });
        slice = [];
        chars = 0;
        await yieldToPage();
      }
    }
    if (slice.length) worker.postMessage({ type: 'documents', documents: slice });
    worker.postMessage({ type: 'load', corpus: { ...corpus, documents: [] }, ...index });
    await ready;
  } catch (e) {
    worker.terminate();
    throw e;
  }
  return search;
}
