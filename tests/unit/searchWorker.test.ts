// The search worker's protocol (src/search/workerProtocol.ts, workerClient.ts), run in-process: the
// worker's message handler is called directly, and a fake Worker carries messages between the two.
import { describe, expect, it } from 'vitest';
import { buildSearchBundle } from '../../src/search/build';
import { loadSearchEngine, type SearchEngine } from '../../src/search/engine';
import { startSearchWorker, WorkerSearch, type WorkerPort } from '../../src/search/workerClient';
import { createSearchWorkerHandler, type WorkerReply, type WorkerRequest } from '../../src/search/workerProtocol';
import { engineFor } from '../../scripts/score-search';

const { corpus } = engineFor('tests/fixtures/articles/search');
const bundle = buildSearchBundle(corpus, []);
const direct = loadSearchEngine(bundle, corpus);

/** A handler whose deferred runs wait in a queue until `flush`. */
function harness(options: Parameters<typeof createSearchWorkerHandler>[1] = {}) {
  const replies: WorkerReply[] = [];
  const queue: (() => void)[] = [];
  const handle = createSearchWorkerHandler((r) => replies.push(r), { later: (f) => queue.push(f), ...options });
  const flush = () => {
    while (queue.length) queue.shift()!();
  };
  const load = async (extra: Partial<Extract<WorkerRequest, { type: 'load' }>> = { bundle }) => {
    const half = Math.ceil(corpus.documents.length / 2);
    await handle({ type: 'documents', documents: corpus.documents.slice(0, half) });
    await handle({ type: 'documents', documents: corpus.documents.slice(half) });
    await handle({ type: 'load', corpus: { ...corpus, documents: [] }, ...extra });
  };
  return { replies, handle, flush, load };
}

const search = (id: number, query: string): WorkerRequest => ({ type: 'search', id, query, filters: {} });

describe('the worker handler', () => {
  it('rebuilds the corpus from its slices and answers as the engine on the page does', async () => {
    const h = harness();
    await h.load();
    expect(h.replies[0]?.type).toBe('ready');
    await h.handle({ type: 'search', id: 1, query: 'المكالمات', filters: { doc: corpus.documents[0]!.id } });
    h.flush();
    const reply = h.replies[1];
    expect(reply?.type).toBe('results');
    if (reply?.type !== 'results') return;
    expect(reply.id).toBe(1);
    expect(reply.results).toEqual(direct.search('المكالمات', { doc: corpus.documents[0]!.id }));
    expect(reply.results.passages.length).toBeGreaterThan(0);
  });

  it('fetches the index from its URL', async () => {
    const asked: string[] = [];
    const h = harness({ fetchBundle: async (url) => (asked.push(url), structuredClone(bundle)) });
    await h.load({ bundleUrl: 'assets/search-abc.json' });
    expect(asked).toEqual(['assets/search-abc.json']);
    expect(h.replies.map((r) => r.type)).toEqual(['ready']);
  });

  it('runs only the newest of the searches waiting, and says which were skipped', async () => {
    const h = harness();
    await h.load();
    for (const [id, q] of [
      [1, 'م'],
      [2, 'مك'],
      [3, 'مكا'],
    ] as const)
      await h.handle(search(id, q));
    h.flush();
    expect(h.replies.slice(1).map((r) => [r.type, 'id' in r ? r.id : null])).toEqual([
      ['skipped', 1],
      ['skipped', 2],
      ['results', 3],
    ]);
    const last = h.replies[3];
    expect(last?.type === 'results' && last.results.query).toBe('مكا');
  });

  it('keeps a search that arrives before the index is loaded, and answers it once loaded', async () => {
    const h = harness();
    await h.handle(search(7, 'Trump'));
    h.flush();
    expect(h.replies).toEqual([]);
    await h.load();
    h.flush();
    expect(h.replies.map((r) => r.type)).toEqual(['ready', 'results']);
  });

  it('reports a bundle it cannot load, then fails the searches waiting and the ones after', async () => {
    const h = harness();
    await h.handle(search(1, 'Trump'));
    await h.load({ bundle: { ...bundle, options: 'something else' } });
    await h.handle(search(2, 'Trump'));
    h.flush();
    expect(h.replies.map((r) => [r.type, 'id' in r ? r.id : undefined])).toEqual([
      ['error', null],
      ['error', 1],
      ['error', 2],
    ]);
    expect(h.replies[0]?.type === 'error' && h.replies[0].message).toMatch(/options/);
  });

  it('reports a failed fetch and a load with no index', async () => {
    const h = harness({
      fetchBundle: async () => {
        throw new Error('404');
      },
    });
    await h.load({ bundleUrl: 'missing.json' });
    const g = harness();
    await g.load({});
    expect(h.replies).toEqual([{ type: 'error', id: null, message: '404' }]);
    expect(g.replies[0]).toMatchObject({ type: 'error', id: null, message: expect.stringMatching(/no index/) });
  });

  it('answers a search that throws with an error for that search only', async () => {
    let calls = 0;
    const flaky: SearchEngine = {
      search: (q) => {
        if (++calls === 1) throw new Error('boom');
        return direct.search(q);
      },
    };
    const h = harness({ load: () => flaky });
    await h.load();
    await h.handle(search(1, 'Trump'));
    h.flush();
    await h.handle(search(2, 'Trump'));
    h.flush();
    expect(h.replies.slice(1).map((r) => [r.type, 'id' in r ? r.id : undefined])).toEqual([
      ['error', 1],
      ['results', 2],
    ]);
  });
});

/** A fake Worker: requests go to a real handler; replies are held until `deliver` (in any order). */
function fakeWorker(hold = false) {
  const held: WorkerReply[] = [];
  let terminated = false;
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => void handle(structuredClone(m)),
    terminate: () => void (terminated = true),
  };
  const send = (r: WorkerReply) => (hold && r.type !== 'ready' ? held.push(r) : port.onmessage?.({ data: structuredClone(r) }));
  const handle = createSearchWorkerHandler(send, { later: (f) => queueMicrotask(f) });
  return {
    port,
    held,
    deliver: (r: WorkerReply) => port.onmessage?.({ data: r }),
    get terminated() {
      return terminated;
    },
  };
}

describe('the page side', () => {
  it('loads the engine in the worker and gets the same answers', async () => {
    const w = fakeWorker();
    const engine = await startSearchWorker(corpus, { bundle }, w.port);
    expect(await engine.search('بوتين')).toEqual(direct.search('بوتين'));
    expect(await engine.search('Trump', { types: ['person'] })).toEqual(direct.search('Trump', { types: ['person'] }));
  });

  it('never lets an older answer overwrite a newer one', async () => {
    const w = fakeWorker(true);
    const engine = await startSearchWorker(corpus, { bundle }, w.port);
    const first = engine.search('بو');
    const second = engine.search('بوتين');
    await new Promise((r) => setTimeout(r, 0));
    // The worker ran only the newest (the first was skipped); replay its answers newest first.
    expect(w.held.map((r) => r.type)).toEqual(['skipped', 'results']);
    const fresh = w.held[1]!;
    const stale: WorkerReply = { type: 'results', id: 1, results: direct.search('بو'), ms: 1 };
    w.deliver(fresh);
    w.deliver(stale);
    expect(await second).toEqual(direct.search('بوتين'));
    expect(await first).toBeNull();
  });

  it('drops an answer that comes after a newer one was drawn', async () => {
    const posted: WorkerRequest[] = [];
    const port: WorkerPort = { onmessage: null, onerror: null, postMessage: (m) => void posted.push(m), terminate: () => {} };
    const client = new WorkerSearch(port);
    const a = client.search('a');
    const b = client.search('ab');
    const results = (id: number, query: string): WorkerReply => ({
      type: 'results',
      id,
      ms: 0,
      results: { query, entities: [], statements: [], passages: [], total: 0 },
    });
    client.receive(results(2, 'ab'));
    client.receive(results(1, 'a'));
    expect((await b)?.query).toBe('ab');
    expect(await a).toBeNull();
    expect(posted.map((m) => (m.type === 'search' ? m.id : 0))).toEqual([1, 2]);
  });

  it('rejects a search the worker failed, and every waiting search when the worker dies', async () => {
    const port: WorkerPort = { onmessage: null, onerror: null, postMessage: () => {}, terminate: () => {} };
    const client = new WorkerSearch(port);
    const a = client.search('a');
    const b = client.search('b');
    client.receive({ type: 'error', id: 1, message: 'boom' });
    await expect(a).rejects.toThrow('boom');
    client.fail(new Error('the worker died'));
    await expect(b).rejects.toThrow('the worker died');
  });

  it('rejects when the index cannot be loaded, and stops the worker', async () => {
    const w = fakeWorker();
    await expect(startSearchWorker(corpus, { bundle: { ...bundle, corpus: 'other' } }, w.port)).rejects.toThrow(/another corpus/);
    expect(w.terminated).toBe(true);
  });

  it('rejects when the worker script fails to start', async () => {
    const port: WorkerPort = {
      onmessage: null,
      onerror: null,
      postMessage: () => queueMicrotask(() => port.onerror?.({ message: 'blocked by CSP' })),
      terminate: () => {},
    };
    await expect(startSearchWorker(corpus, { bundle }, port)).rejects.toThrow(/blocked by CSP/);
  });
});
