/**
 * The page's side of the search worker (workerProtocol.ts): tells the worker where the sharded index's
 * meta file is (nothing else: the worker fetches what queries need and needs no corpus), then turns searches into numbered messages, one in flight at a time. A search asked while
 * another is in flight waits; a newer one replaces it (the replaced one gives `null`), so a fast typist
 * never queues work for words already gone. A reply for an older search never overwrites a newer one:
 * once search n is answered, an answer to a search before n gives `null`.
 */
import type { AsyncSearchEngine, SearchFilters, SearchOptions, SearchResults } from './engine';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerPort {
  postMessage(message: WorkerRequest): void;
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

/** A search asked of the worker, until it is answered. */
interface Asked {
  id: number;
  query: string;
  filters: SearchFilters;
  limit?: number;
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
  /** The worker's time for the last answered search, shards fetched included (the benchmark). */
  lastEngineMs = 0;
  /** Files the worker fetched for the last answered search (the benchmark). */
  lastFiles = 0;
  private sent = 0;
  private answered = 0;
  private inFlight: Asked | null = null;
  private next: Asked | null = null;

  constructor(private readonly worker: WorkerPort) {}

  search(query: string, filters: SearchFilters = {}, options: SearchOptions = {}): Promise<SearchResults | null> {
    const id = ++this.sent;
    return new Promise((resolve, reject) => {
      this.next?.resolve(null);
      this.next = { id, query, filters, ...(options.limit ? { limit: options.limit } : {}), resolve, reject };
      this.send();
    });
  }

  private send(): void {
    if (this.inFlight || !this.next) return;
    const asked = (this.inFlight = this.next);
    this.next = null;
    this.worker.postMessage({
      type: 'search',
      id: asked.id,
      query: asked.query,
      filters: asked.filters,
      ...(asked.limit ? { limit: asked.limit } : {}),
    });
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
      this.lastFiles = reply.files ?? 0;
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
 * Starts the engine in a worker, given the absolute URL of the sharded index's meta file. Resolves
 * when the worker has loaded the meta file; rejects when the worker cannot start or the file cannot
 * be loaded.
 */
export async function startSearchWorker(
  index: { metaUrl: string },
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
    worker.postMessage({ type: 'load', metaUrl: index.metaUrl });
    await ready;
  } catch (e) {
    worker.terminate();
    throw e;
  }
  return search;
}
