// The benchmark page for Isnad's search: the app's own engine, loaded as the main build loads it (a
// module worker given the sharded index's meta file URL, nothing else; src/search/workerClient.ts),
// typed into the same way. window.bench is what bench/pagefind.ts drives.
import type { SearchHit } from '../../src/search/engine';
import { startSearchWorker, type WorkerSearch } from '../../src/search/workerClient';

declare global {
  interface Window {
    bench: {
      ready: Promise<number>;
      search(q: string): Promise<{
        ms: number;
        /** When the answer came, from the page's navigation start. */
        at: number;
        engineMs: number;
        docs: string[];
        passages: [string, number, number][];
      }>;
    };
  }
}

let engine: WorkerSearch | undefined;
const span = (h: SearchHit): [string, number, number] => [h.doc, h.start, h.end];
window.bench = {
  // From the page's script running to the worker holding the meta file.
  ready: (async () => {
    const t0 = performance.now();
    engine = await startSearchWorker({ metaUrl: new URL('./search.json', location.href).href });
    return performance.now() - t0;
  })(),
  // From the query posted to the hits back on the page, with their text (shards fetched on the way
  // included); the first 12 hits per group, as the panel asks (src/search/SearchPanel.svelte).
  async search(q) {
    const t0 = performance.now();
    const r = await engine!.search(q, {}, { limit: 12 });
    const at = performance.now();
    const passages = r?.passages ?? [];
    const docs = [...new Set([...(r?.entities ?? []), ...(r?.statements ?? []), ...passages].map((h) => h.doc))];
    return { ms: at - t0, at, engineMs: engine!.lastEngineMs, docs, passages: passages.slice(0, 10).map(span) };
  },
};
