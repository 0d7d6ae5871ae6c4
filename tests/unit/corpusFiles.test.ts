import { afterEach, describe, expect, it, vi } from 'vitest';
import { CorpusLoadError, fetchChunk, fetchManifest } from '../../src/app/corpusFiles';
import { CorpusStore } from '../../src/app/corpusStore.svelte';
import type { Manifest } from '../../src/model/manifest';
import type { IsnadDocument } from '../../src/model/schema';

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });

/** A manifest of `n` documents, two to a file (`data/c0.json`, `data/c1.json`, …). */
function manifest(n: number): Manifest {
  const documents = Array.from({ length: n }, (_, i) => ({ id: `d${i}`, chunk: Math.floor(i / 2) }));
  const chunks = [...new Set(documents.map((d) => d.chunk))].map((c) => `data/c${c}.json`);
  return { schemaVersion: 1, generator: 'test', chunks, entities: [], documents } as unknown as Manifest;
}
/** What the file `url` holds under `manifest(n)`. */
const fileOf = (m: Manifest, url: string) =>
  m.documents
    .filter((d) => url.endsWith(m.chunks[d.chunk]!))
    .map((d) => ({ id: d.id, text: `text of ${d.id}` }) as IsnadDocument);

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('fetchManifest and fetchChunk', () => {
  it('names the file that failed, in the error and in the page, as text', async () => {
    vi.stubGlobal('fetch', async () => new Response('not found', { status: 404 }));
    const err = await fetchManifest('data/<b>gone</b>.json', '/').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusLoadError);
    expect((err as Error).message).toBe('Isnad: could not load the corpus file data/<b>gone</b>.json: HTTP 404');
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('HTTP 404');
    expect(document.querySelector('b')).toBeNull();
  });

  it('rejects a file that is not what it should be', async () => {
    vi.stubGlobal('fetch', async () => ok({ documents: [] }));
    await expect(fetchChunk('a.json')).rejects.toThrow(/a\.json: expected an array of documents/);
    await expect(fetchManifest('m.json', '/')).resolves.toEqual({ manifest: { documents: [] }, root: '/' });
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 200 }));
    await expect(fetchChunk('b.json')).rejects.toThrow(/b\.json: not JSON/);
    vi.stubGlobal('fetch', async () => ok([]));
    await expect(fetchManifest('c.json', '/')).rejects.toThrow(/c\.json: expected a manifest/);
  });

  it('reports a network failure with the file name', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(fetchChunk('c.json')).rejects.toThrow('Isnad: could not load the corpus file c.json: Failed to fetch');
  });
});

describe('CorpusStore', () => {
  it('load(id) fetches the file that holds the document once; parallel loads share one fetch', async () => {
    const m = manifest(6);
    const fetcher = vi.fn(async (url: string) => {
      await new Promise((r) => setTimeout(r, 5));
      return fileOf(m, url);
    });
    const store = new CorpusStore({ manifest: m, root: 'https://example.org/site/' }, fetcher);
    expect(store.get('d2')).toBeUndefined();
    const [a, b] = await Promise.all([store.load('d2'), store.load('d3')]);
    expect(a.text).toBe('text of d2');
    expect(b.text).toBe('text of d3');
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(fetcher).toHaveBeenCalledWith('https://example.org/site/data/c1.json');
    await store.load('d2');
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(store.get('d3')?.text).toBe('text of d3');
    expect(store.get('d0')).toBeUndefined();
    expect(store.whole).toBeNull();
  });

  it('loadAll fetches only the files not loaded yet, and gives the documents in corpus order', async () => {
    const m = manifest(5);
    const fetcher = vi.fn(async (url: string) => fileOf(m, url));
    const store = new CorpusStore({ manifest: m, root: '/' }, fetcher);
    await store.load('d4');
    const corpus = await store.loadAll();
    expect(corpus.documents.map((d) => d.id)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
    expect(fetcher).toHaveBeenCalledTimes(3);
    expect(store.whole).toBe(corpus);
  });

  it('names the file that failed for each of its documents, and tries again when asked again', async () => {
    const m = manifest(4);
    let down = true;
    const fetcher = vi.fn(async (url: string) => {
      if (down) throw new CorpusLoadError(url, 'HTTP 503');
      return fileOf(m, url);
    });
    const store = new CorpusStore({ manifest: m, root: '/' }, fetcher);
    await expect(store.load('d1')).rejects.toThrow('Isnad: could not load the corpus file /data/c0.json: HTTP 503');
    expect(store.error('d0')).toContain('/data/c0.json: HTTP 503');
    expect(store.error('d1')).toContain('HTTP 503');
    expect(store.error('d2')).toBeUndefined();
    down = false;
    await expect(store.load('d1')).resolves.toMatchObject({ id: 'd1' });
    expect(store.error('d0')).toBeUndefined();
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('has inline documents at once, and refuses an id the manifest does not know', async () => {
    const m = manifest(2);
    const fetcher = vi.fn(async () => []);
    const docs = fileOf(m, 'data/c0.json');
    const store = new CorpusStore({ manifest: m, documents: docs }, fetcher);
    expect(store.get('d1')?.text).toBe('text of d1');
    expect(store.whole?.documents).toEqual(docs);
    await expect(store.load('nope')).rejects.toThrow('Isnad: there is no document "nope" in the corpus');
    expect(fetcher).not.toHaveBeenCalled();
  });
});
