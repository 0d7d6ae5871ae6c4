/**
 * The engine on the page's own thread, for the builds where a worker is not possible: the one-file
 * dist/isnad.html (its hash-based CSP admits no worker script, and file:// cannot fetch the index) and
 * the <isnad-explorer> element (one classic script on another site's page). The index is a module of
 * the bundle, loaded in slices that give the page back (engine.ts).
 */
import type { Corpus } from '../model/schema';
import { loadSearchEngineAsync, type SearchEngine } from './engine';

export async function loadSearch(corpus?: () => Promise<Corpus>): Promise<SearchEngine> {
  if (!corpus) throw new Error('Isnad: search on the page needs the corpus');
  const [bundle, whole] = await Promise.all([import('virtual:isnad/search'), corpus()]);
  return loadSearchEngineAsync(bundle.default, whole);
}
