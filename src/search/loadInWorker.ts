/**
 * The engine in a module worker (the main build, dist/index.html): the worker fetches and parses the
 * index and runs every query, so neither loading nor searching takes the page's thread. Where the
 * worker cannot start (no Worker, a blocked script), the same index is fetched and loaded on the page.
 */
import type { Corpus } from '../model/schema';
import type { AsyncSearchEngine, SearchBundle, SearchEngine } from './engine';
import { startSearchWorker } from './workerClient';

export async function loadSearchInWorker(corpus: Corpus, bundleUrl: string): Promise<AsyncSearchEngine | SearchEngine> {
  if (typeof Worker !== 'undefined') {
    try {
      return await startSearchWorker(corpus, { bundleUrl });
    } catch (e) {
      console.warn(`Isnad: search runs on the page (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  // Only this fallback brings the engine to the page.
  const [{ loadSearchEngineAsync }, response] = await Promise.all([import('./engine'), fetch(bundleUrl)]);
  if (!response.ok) throw new Error(`Isnad: the search index ${bundleUrl} answered ${response.status}`);
  return loadSearchEngineAsync((await response.json()) as SearchBundle, corpus);
}
