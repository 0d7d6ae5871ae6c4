// The search worker's protocol (src/search/workerProtocol.ts, workerClient.ts), run in-process: the
// worker's message handler is called directly, a fake Worker carries messages between the two, and a
// fake fetch serves the sharded index's files from memory (counting what is fetched).
import { describe, expect, it } from 'vitest';
import { buildSearchShards } from '../../src/search/buildShards';
import { loadSearchEngine, type AsyncSearchEngine, type SearchResults } from '../../src/search/engine';
import { buildSearchBundle } from '../../src/search/build';
import { loadShardedSearch } from '../../src/search/shardedEngine';
import { startSearchWorker, WorkerSearch, type WorkerPort } from '../../src/search/workerClient';
import { createSearchWorkerHandler, type WorkerReply, type WorkerRequest } from '../../src/search/workerProtocol';
import { engineFor } from '../../scripts/score-search';

const { corpus } = engineFor('tests/fixtures/articles/search');
const direct = loadSearchEngine(buildSearchBundle(corpus, []), corpus);
const built = buildSearchShards(corpus, [], { maxShardChars: 400, entitiesPerFile: 3 });
const META = 'https://isnad.test/assets/search-abc.json';

/** Serves the index's files; `gone` are answered 404; `slow` resolves only when `release` is called. */
function server(gone: string[] = []) {
  const fetched: string[] = [];
  const fetchJson = async (url: string) => {
    fetched.push(url);
    await Promise.resolve();
    const name = url.slice(url.lastIndexOf('/') + 1);
    if (url === META) return JSON.parse(built.metaJson) as unknown;
    const json = built.files.get(name);
    if (json === undefined || gone.includes(name)) throw new Error(`Isnad: the search file ${url} answered 404`);
    return JSON.parse(json) as unknown;
  };
  return { fetched, fetchJson };
}

/** Results without the display fields the sharded engine adds. */
function plain(r: SearchResults | null | undefined) {
  if (!r) return r;
  const strip = (hits: SearchResults['passages']) => hits.map(({ text: _t, title: _ti, lang: _l, ...rest }) => rest);
  return { ...r, entities: strip(r.entities), statements: strip(r.statements), passages: strip(r.passages) };
}

/** A handler, with its replies collected. */
function harness(options: Parameters<typeof createSearchWorkerHandler>[1] = {}) {
  const replies: WorkerReply[] = [];
  const srv = server();
  const handle = createSearchWorkerHandler((r) => replies.push(r), { fetchJson: srv.fetchJson, ...options });
  const load = (metaUrl = META) => handle({ type: 'load', metaUrl });
  return { replies, handle, load, fetched: srv.fetched };
}

const search = (id: number, query: string): WorkerRequest => ({ type: 'search', id, query, filters: {} });
const kinds = (replies: WorkerReply[]) => replies.map((r) => [r.type, 'id' in r ? r.id : undefined]);

describe('the worker handler', () => {
  it("answers as the engine on the page does, with each hit's text, from the meta file and the shards the query needs", async () => {
    const h = harness();
    await h.load();
    expect(h.replies[0]?.type).toBe('ready');
    expect(h.fetched).toEqual([META]);
    await h.handle({ type: 'search', id: 1, query: 'المكالمات', filters: { doc: corpus.documents[0]!.id } });
    const reply = h.replies[1];
    expect(reply?.type).toBe('results');
    if (reply?.type !== 'results') return;
    expect(reply.id).toBe(1);
    expect(plain(reply.results)).toEqual(direct.search('المكالمات', { doc: corpus.documents[0]!.id }));
    expect(reply.results.passages.length).toBeGreaterThan(0);
    for (const hit of reply.results.passages) {
      const doc = corpus.documents.find((d) => d.id === hit.doc)!;
      expect(hit.text).toBe(doc.text.slice(hit.start, hit.end));
      expect(hit.lang).toBe(doc.meta.lang);
    }
    // Files next to the meta file, fetched for this query only: not the whole index.
    const files = h.fetched.slice(1);
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((u) => u.startsWith('https://isnad.test/assets/search/'))).toBe(true);
    expect(files.length).toBeLessThan(built.files.size / 2);
  });

  it('fetches each file once: the same query again fetches nothing', async () => {
    const h = harness();
    await h.load();
    await h.handle(search(1, 'Slutsky'));
    const after = h.fetched.length;
    await h.handle(search(2, 'Slutsky'));
    expect(h.fetched.length).toBe(after);
    expect(new Set(h.fetched).size).toBe(h.fetched.length);
    const replies = h.replies.filter((r) => r.type === 'results');
    expect(replies.map((r) => r.type === 'results' && r.files)).toEqual([after - 1, 0]);
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

  it('reports an index it cannot load, then fails the search waiting and the ones after', async () => {
    const h = harness({
      fetchJson: async () => ({ ...(JSON.parse(built.metaJson) as object), options: 'something else' }),
    });
    await h.handle(search(1, 'Trump'));
    await h.load();
    await h.handle(search(2, 'Trump'));
    expect(kinds(h.replies)).toEqual([
      ['error', null],
      ['error', 1],
      ['error', 2],
    ]);
    expect(h.replies[0]?.type === 'error' && h.replies[0].message).toMatch(/options/);
  });

  it('reports a failed fetch of the meta file and a load with no index', async () => {
    const h = harness({
      fetchJson: async () => {
        throw new Error('404');
      },
    });
    await h.load('https://isnad.test/missing.json');
    const g = harness();
    await g.load('');
    expect(h.replies).toEqual([
      { type: 'error', id: null, message: 'Isnad: the search index https://isnad.test/missing.json could not be loaded (404)' },
    ]);
    expect(g.replies[0]).toMatchObject({ type: 'error', id: null, message: expect.stringMatching(/no index/) });
  });

  it('answers a search whose shard is missing with an error naming the file', async () => {
    const shard = built.meta.terms[Object.keys(built.meta.terms).find((k) => 'slutsky'.startsWith(k))!]!;
    const srv = server([shard]);
    const replies: WorkerReply[] = [];
    const handle = createSearchWorkerHandler((r) => replies.push(r), { fetchJson: srv.fetchJson });
    await handle({ type: 'load', metaUrl: META });
    await handle(search(1, 'Slutsky'));
    expect(replies[1]).toMatchObject({ type: 'error', id: 1 });
    expect(replies[1]?.type === 'error' && replies[1].message).toContain(`the search file ${shard} could not be loaded`);
  });

  it('answers a search that throws with an error for that search only', async () => {
    let calls = 0;
    const flaky: AsyncSearchEngine = {
      search: async (q) => {
        if (++calls === 1) throw new Error('boom');
        return direct.search(q);
      },
    };
    const h = harness({ load: async () => flaky });
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
  const handle = createSearchWorkerHandler(send, { fetchJson: server().fetchJson });
  return {
    port,
    held,
    sent,
    searches: () => sent.flatMap((m) => (m.type === 'search' ? [m.query] : [])),
    deliver: (r: WorkerReply) => port.onmessage?.({ data: r }),
    get terminated() {
      return terminated;
    },
  };
}

describe('the page side', () => {
  it("loads the engine in the worker from the meta file's URL alone and gets the same answers", async () => {
    const w = fakeWorker();
    const engine = await startSearchWorker({ metaUrl: META }, w.port);
    expect(w.sent).toEqual([{ type: 'load', metaUrl: META }]);
    expect(plain(await engine.search('بوتين'))).toEqual(direct.search('بوتين'));
    expect(plain(await engine.search('Trump', { types: ['person'] }))).toEqual(direct.search('Trump', { types: ['person'] }));
  });

  it('keeps one search in flight: a newer one replaces the one waiting, which gives null', async () => {
    const w = fakeWorker(true);
    const engine = await startSearchWorker({ metaUrl: META }, w.port);
    const a = engine.search('ب');
    const b = engine.search('بو');
    const c = engine.search('بوتين');
    expect(await b).toBeNull();
    expect(w.searches()).toEqual(['ب']);
    await new Promise((r) => setTimeout(r, 50));
    w.deliver(w.held.shift()!);
    expect((await a)?.query).toBe('ب');
    expect(w.searches()).toEqual(['ب', 'بوتين']);
    await new Promise((r) => setTimeout(r, 50));
    w.deliver(w.held.shift()!);
    expect(plain(await c)).toEqual(direct.search('بوتين'));
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
    await expect(startSearchWorker({ metaUrl: 'https://isnad.test/none.json' }, w.port)).rejects.toThrow(
      /none\.json could not be loaded/,
    );
    expect(w.terminated).toBe(true);
  });

  it('rejects when the worker script fails to start', async () => {
    const port: WorkerPort = {
      onmessage: null,
      onerror: null,
      postMessage: () => queueMicrotask(() => port.onerror?.({ message: 'blocked by CSP' })),
      terminate: () => {},
    };
    await expect(startSearchWorker({ metaUrl: META }, port)).rejects.toThrow(/blocked by CSP/);
  });
});

describe('the engine over shards', () => {
  it('shares fetches between concurrent queries: each file once', async () => {
    const srv = server();
    const engine = await loadShardedSearch(META, srv.fetchJson);
    const queries = ['المكالمة', 'المكالمات', 'مكالمة', 'Slutsky', 'Slutsky talks'];
    const answers = await Promise.all(queries.map((q) => engine.search(q)));
    expect(answers.map(plain)).toEqual(queries.map((q) => direct.search(q)));
    expect(srv.fetched.length).toBeGreaterThan(2);
    expect(new Set(srv.fetched).size).toBe(srv.fetched.length);
  });
});
