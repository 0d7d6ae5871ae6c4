// The benchmark page for Isnad's search: the app's own engine, loaded as the main build loads it (a
// module worker that fetches the index JSON; src/search/workerClient.ts), typed into the same way.
// window.bench is what bench/pagefind.ts drives.
import type { Corpus } from '../../src/model/schema';
import type { SearchHit } from '../../src/search/engine';
import { startSearchWorker, type WorkerSearch } from '../../src/search/workerClient';

declare global {
  interface Window {
    bench: {
      ready: Promise<number>;
      search(q: string): Promise<{ ms: number; engineMs: number; docs: string[]; passages: [string, number, number][] }>;
    };
  }
}

let engine: WorkerSearch | undefined;
const span = (h: SearchHit): [string, number, number] => [h.doc, h.start, h.end];
window.bench = {
  // The corpus is the app's own data (already on the page there): fetched before the clock starts.
  ready: (async () => {
    const corpus = (await (await fetch('./corpus.json')).json()) as Corpus;
    const t0 = performance.now();
    engine = await startSearchWorker(corpus, { bundleUrl: new URL('./search.json', location.href).href });
    return performance.now() - t0;
  })(),
  // From the query posted to the hits back on the page (snippets are drawn from them afterwards).
  async search(q) {
    const t0 = performance.now();
    const r = await engine!.search(q);
    const ms = performance.now() - t0;
    const passages = r?.passages ?? [];
    const docs = [...new Set([...(r?.entities ?? []), ...(r?.statements ?? []), ...passages].map((h) => h.doc))];
    return { ms, engineMs: engine!.lastEngineMs, docs, passages: passages.slice(0, 10).map(span) };
  },
};
