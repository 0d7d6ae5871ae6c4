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

/** A handler, with its replies collected. */
function harness(options: Parameters<typeof createSearchWorkerHandler>[1] = {}) {
  const replies: WorkerReply[] = [];
  const handle = createSearchWorkerHandler((r) => replies.push(r), options);
  const load = async (extra: Partial<Extract<WorkerRequest, { type: 'load' }>> = { bundle }) => {
    const half = Math.ceil(corpus.documents.length / 2);
    await handle({ type: 'documents', documents: corpus.documents.slice(0, half) });
    await handle({ type: 'documents', documents: corpus.documents.slice(half) });
    await handle({ type: 'load', corpus: { ...corpus, documents: [] }, ...extra });
  };
  return { replies, handle, load };
}

const search = (id: number, query: string): WorkerRequest => ({ type: 'search', id, query, filters: {} });
const kinds = (replies: WorkerReply[]) => replies.map((r) => [r.type, 'id' in r ? r.id : undefined]);

describe('the worker handler', () => {
  it('rebuilds the corpus from its slices and answers as the engine on the page does', async () => {
    const h = harness();
    await h.load();
    expect(h.replies[0]?.type).toBe('ready');
    await h.handle({ type: 'search', id: 1, query: 'المكالمات', filters: { doc: corpus.documents[0]!.id } });
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

  it('before the index is loaded, keeps only the newest search and answers it once loaded', async () => {
    const h = harness();
    await h.handle(search(1, 'م'));
    await h.handle(search(2, 'مك'));
    await h.handle(search(3, 'مكا'));
    expect(kinds(h.replies)).toEqual([
      ['skipped', 1],
      ['skipped', 2],
    ]);
    await h.load();
    expect(kinds(h.replies.slice(2))).toEqual([
      ['ready', undefined],
      ['results', 3],
    ]);
    const last = h.replies[3];
    expect(last?.type === 'results' && last.results.query).toBe('مكا');
  });

  it('reports a bundle it cannot load, then fails the search waiting and the ones after', async () => {
    const h = harness();
    await h.handle(search(1, 'Trump'));
    await h.load({ bundle: { ...bundle, options: 'something else' } });
    await h.handle(search(2, 'Trump'));
    expect(kinds(h.replies)).toEqual([
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
    await h.handle(search(2, 'Trump'));
    expect(kinds(h.replies.slice(1))).toEqual([
      ['error', 1],
      ['results', 2],
    ]);
  });
});

/** A fake Worker running the real handler in-process; with `hold`, search answers wait in `held`. */
function fakeWorker(hold = false) {
  const held: WorkerReply[] = [];
  const sent: WorkerRequest[] = [];
  let terminated = false;
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => {
      sent.push(m);
      void handle(structuredClone(m));
    },
    terminate: () => void (terminated = true),
  };
  const send = (r: WorkerReply) => (hold && r.type !== 'ready' ? held.push(r) : port.onmessage?.({ data: structuredClone(r) }));
  const handle = createSearchWorkerHandler(send);
  return {
    port,
    held,
    searches: () => sent.flatMap((m) => (m.type === 'search' ? [m.query] : [])),
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

  it('keeps one search in flight: a newer one replaces the one waiting, which gives null', async () => {
    const w = fakeWorker(true);
    const engine = await startSearchWorker(corpus, { bundle }, w.port);
    const a = engine.search('ب');
    const b = engine.search('بو');
    const c = engine.search('بوتين');
    expect(await b).toBeNull();
    expect(w.searches()).toEqual(['ب']);
    w.deliver(w.held.shift()!);
    expect((await a)?.query).toBe('ب');
    expect(w.searches()).toEqual(['ب', 'بوتين']);
    w.deliver(w.held.shift()!);
    expect(await c).toEqual(direct.search('بوتين'));
  });

  it('ignores an answer to a search not in flight, and never gives one older than the last given', async () => {
    const posted: WorkerRequest[] = [];
    const port: WorkerPort = { onmessage: null, onerror: null, postMessage: (m) => void posted.push(m), terminate: () => {} };
    const client = new WorkerSearch(port);
    const results = (id: number, query: string): WorkerReply => ({
      type: 'results',
      id,
      ms: 0,
      results: { query, entities: [], statements: [], passages: [], total: 0 },
    });
    const a = client.search('a');
    client.receive(results(5, 'stray'));
    client.receive(results(1, 'a'));
    expect((await a)?.query).toBe('a');
    const b = client.search('ab');
    // As if a newer answer had been given already (a worker answering out of order).
    (client as unknown as { answered: number }).answered = 9;
    client.receive(results(2, 'ab'));
    expect(await b).toBeNull();
    expect(posted.map((m) => (m.type === 'search' ? m.id : 0))).toEqual([1, 2]);
  });

  it('rejects a search the worker failed, and the searches waiting when the worker dies', async () => {
    const port: WorkerPort = { onmessage: null, onerror: null, postMessage: () => {}, terminate: () => {} };
    const client = new WorkerSearch(port);
    const a = client.search('a');
    client.receive({ type: 'error', id: 1, message: 'boom' });
    await expect(a).rejects.toThrow('boom');
    const b = client.search('b');
    const c = client.search('c');
    const d = client.search('d');
    expect(await c).toBeNull();
    client.fail(new Error('the worker died'));
    await expect(b).rejects.toThrow('the worker died');
    await expect(d).rejects.toThrow('the worker died');
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
