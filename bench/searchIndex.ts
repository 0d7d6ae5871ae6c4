/**
 * Isnad's real search index for the benchmark: the sharded index the main build emits
 * (src/search/buildShards.ts, as the Vite plugin calls it), written as the files the app's worker
 * fetches: `search.json` (the meta file) and `search/…` (shards, term lists, entity and document
 * files). The page (pages/isnad.ts) hands the worker the meta file's URL and nothing else.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from '../src/model/schema';
import { buildSearchShards } from '../src/search/buildShards';
import { gzipBytes } from './stats';

export interface WrittenIndex {
  ms: number;
  /** Every file of the index: raw bytes and gzip (level 6, as a static host sends it). */
  raw: number;
  gzip: number;
  files: number;
  /** Gzip bytes of each file, by its path under `dir` (`search.json`, `search/…`). */
  gzipOf: Map<string, number>;
}

/** Writes `search.json` and `search/` into `dir`. */
export function writeSearchIndex(corpus: Corpus, protectedNames: string[], dir: string): WrittenIndex {
  const t0 = performance.now();
  const index = buildSearchShards(corpus, protectedNames, { base: 'search/' });
  const ms = performance.now() - t0;
  mkdirSync(join(dir, 'search'), { recursive: true });
  const gzipOf = new Map<string, number>();
  let raw = 0;
  const write = (path: string, json: string) => {
    writeFileSync(join(dir, path), json);
    raw += Buffer.byteLength(json);
    gzipOf.set(path, gzipBytes(json));
  };
  write('search.json', index.metaJson);
  for (const [name, json] of index.files) write(`search/${name}`, json);
  const gzip = [...gzipOf.values()].reduce((a, b) => a + b, 0);
  return { ms, raw, gzip, files: gzipOf.size, gzipOf };
}
