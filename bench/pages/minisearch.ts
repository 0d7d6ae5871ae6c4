// The benchmark page for Isnad's search engine: loads the index built in Node with the same
// options and exposes a timed search. window.bench is what bench/pagefind.ts drives.
import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, QUERY_OPTIONS, type Passage } from '../searchIndex';

declare global {
  interface Window {
    bench: { ready: Promise<number>; search(q: string): Promise<{ ms: number; docs: string[] }> };
  }
}

let engine: MiniSearch<Passage> | undefined;
window.bench = {
  ready: (async () => {
    const text = await (await fetch('./index.json')).text();
    const t0 = performance.now();
    engine = await MiniSearch.loadJSONAsync<Passage>(text, INDEX_OPTIONS);
    return performance.now() - t0;
  })(),
  async search(q) {
    const t0 = performance.now();
    const hits = engine!.search(q, QUERY_OPTIONS);
    const docs = [...new Set(hits.map((h) => h.doc as string))];
    return { ms: performance.now() - t0, docs };
  },
};
