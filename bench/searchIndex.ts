/**
 * Isnad's real search index for the benchmark: the bundle the build emits (src/search/build.ts, as
 * the Vite plugin calls it), written as the JSON file the app's worker fetches, with the corpus the
 * page holds. The page (pages/isnad.ts) loads both with the app's own worker client.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from '../src/model/schema';
import { buildSearchBundle } from '../src/search/build';

/** Writes `search.json` (the index) and `corpus.json` (what the app already holds) into `dir`. */
export function writeSearchIndex(corpus: Corpus, protectedNames: string[], dir: string): { json: string; ms: number } {
  const t0 = performance.now();
  const json = JSON.stringify(buildSearchBundle(corpus, protectedNames));
  const ms = performance.now() - t0;
  writeFileSync(join(dir, 'search.json'), json);
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify(corpus));
  return { json, ms };
}
