/**
 * The engine in a module worker (the main build, dist/index.html): the worker fetches the sharded
 * index's meta file, then the shards each query needs, and runs every query, so neither loading nor
 * searching takes the page's thread. Only URLs go to the worker: hits come back with their text. Where
 * the worker cannot start (no Worker, a blocked script), the same engine runs on the page.
 */
import type { AsyncSearchEngine } from './engine';
import { startSearchWorker } from './workerClient';

/** `metaUrl`: the meta file's URL, absolute or relative to the page. */
export async function loadSearchInWorker(metaUrl: string): Promise<AsyncSearchEngine> {
  const url = new URL(metaUrl, typeof location === 'undefined' ? undefined : location.href).href;
  if (typeof Worker !== 'undefined') {
    try {
      return await startSearchWorker({ metaUrl: url });
    } catch (e) {
      console.warn(`Isnad: search runs on the page (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  // Only this fallback brings the engine to the page.
  const { loadShardedSearch } = await import('./shardedEngine');
  return loadShardedSearch(url);
}
