import { afterEach, describe, expect, it, vi } from 'vitest';
import { CorpusLoadError, fetchCorpus } from '../../src/app/corpusFiles';

const head = { schemaVersion: 1, generator: 'test' } as const;
const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('fetchCorpus', () => {
  it('joins the files in the order given, whatever order they arrive in', async () => {
    const fetch = vi.fn(async (url: string) => {
      if (url === 'a.json') await new Promise((r) => setTimeout(r, 20));
      return ok(url === 'a.json' ? [{ id: 'd1' }, { id: 'd2' }] : [{ id: 'd3' }]);
    });
    vi.stubGlobal('fetch', fetch);
    const corpus = await fetchCorpus(head, ['a.json', 'b.json']);
    expect(corpus.documents.map((d) => d.id)).toEqual(['d1', 'd2', 'd3']);
    expect(corpus.schemaVersion).toBe(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('names the file that failed, in the error and in the page, as text', async () => {
    vi.stubGlobal('fetch', async (url: string) => (url.includes('gone') ? new Response('not found', { status: 404 }) : ok([])));
    const err = await fetchCorpus(head, ['a.json', 'data/<b>gone</b>.json']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusLoadError);
    expect((err as Error).message).toBe('Isnad: could not load the corpus file data/<b>gone</b>.json: HTTP 404');
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('HTTP 404');
    expect(document.querySelector('b')).toBeNull();
  });

  it('rejects a file that is not an array of documents', async () => {
    vi.stubGlobal('fetch', async () => ok({ documents: [] }));
    await expect(fetchCorpus(head, ['a.json'])).rejects.toThrow(/a\.json: expected an array of documents/);
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 200 }));
    await expect(fetchCorpus(head, ['b.json'])).rejects.toThrow(/b\.json: not JSON/);
  });

  it('reports a network failure with the file name', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(fetchCorpus(head, ['c.json'])).rejects.toThrow('Isnad: could not load the corpus file c.json: Failed to fetch');
  });
});
