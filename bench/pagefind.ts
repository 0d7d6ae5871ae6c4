/**
 * Pagefind side by side with Isnad's search on the same documents: Pagefind's Node API builds its
 * index, its browser runtime answers in Chromium; Isnad's engine (bench/searchIndex.ts) is built
 * into a page of its own. Both pages are driven the same way, CPU throttled 4×.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import type { Corpus } from '../src/model/schema';
import { serveStatic } from '../tests/e2e/server';
import { openThrottledPage } from './chromium';
import { buildSearchIndex } from './searchIndex';
import { folderBytes, gzipBytes, median, quantile } from './stats';

const PAGES = new URL('./pages/', import.meta.url).pathname;

export interface Query {
  q: string;
  lang: 'ar' | 'en';
}

export interface EngineResult {
  indexMs: number;
  /** The index on disk (Pagefind: its chunks, already compressed; Isnad: the index JSON). */
  indexRaw: number;
  indexGzip: number;
  /** The search code itself (Pagefind: pagefind.js and its WebAssembly; Isnad: the page's bundle). */
  runtimeRaw: number;
  runtimeGzip: number;
  /** Loading the engine in the page (fetching and parsing what it needs before a first query). */
  readyMedianMs: number;
  /** A first query on a fresh page, after ready. */
  firstQueryMedianMs: number;
  /** Bytes fetched for a first query after ready, and in all from navigation (as sent: Pagefind's are gzip). */
  bytesPerQueryMedian: number;
  bytesTotalMedian: number;
  keystrokeMedianMs: number;
  keystrokeP95Ms: number;
  keystrokes: number;
  /** Recall@10 on the search judgments at document level, if judged. */
  recall: number | null;
}

/** Writes the Pagefind index of a corpus into `dir/pagefind`, and its page. */
async function buildPagefind(corpus: Corpus, dir: string): Promise<number> {
  const t0 = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Isnad bench: Pagefind could not create an index: ${errors.join('; ')}`);
  for (const d of corpus.documents) {
    const title = d.text.slice(d.blocks[0]?.start ?? 0, d.blocks[0]?.end ?? 0);
    const r = await index.addCustomRecord({ url: `/doc/${d.id}`, content: d.text, language: d.meta.lang, meta: { title } });
    if (r.errors.length) throw new Error(`Isnad bench: Pagefind refused ${d.file}: ${r.errors.join('; ')}`);
  }
  await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  await pagefind.close();
  copyFileSync(join(PAGES, 'pagefind.html'), join(dir, 'pagefind.html'));
  return performance.now() - t0;
}

/** Builds Isnad's search page (Vite) and index into `dir`. */
async function buildIsnadSearch(corpus: Corpus, dir: string): Promise<number> {
  await build({
    configFile: false,
    root: PAGES,
    base: './',
    logLevel: 'error',
    mode: 'production',
    build: {
      outDir: resolve(dir),
      emptyOutDir: false,
      target: 'es2022',
      reportCompressedSize: false,
      rollupOptions: { input: join(PAGES, 'minisearch.html') },
    },
  });
  const { json, ms } = buildSearchIndex(corpus);
  writeFileSync(join(dir, 'index.json'), json);
  return ms;
}

/** Runs one engine's page: cold first queries (a fresh page each) and prefixes typed one by one. */
async function drive(browser: Browser, url: string, queries: Query[], judged: Map<string, Set<string>>) {
  const ready: number[] = [];
  const first: number[] = [];
  const perQuery: number[] = [];
  const total: number[] = [];
  const keys: number[] = [];
  const recalls: number[] = [];
  const bytesSince = (page: Page, from: number) =>
    page.evaluate(
      (n) =>
        performance
          .getEntriesByType('resource')
          .slice(n)
          .reduce((s, e) => s + (e as PerformanceResourceTiming).encodedBodySize, 0),
      from,
    );
  for (const { q, lang } of queries) {
    const page = await openThrottledPage(browser);
    try {
      await page.goto(`${url}?lang=${lang}`);
      ready.push(await page.evaluate(() => window.bench.ready));
      const before = await page.evaluate(() => performance.getEntriesByType('resource').length);
      const r = await page.evaluate((query) => window.bench.search(query), q);
      first.push(r.ms);
      perQuery.push(await bytesSince(page, before));
      total.push(await bytesSince(page, 0));
      const relevant = judged.get(q);
      if (relevant?.size) recalls.push(r.docs.slice(0, 10).filter((d) => relevant.has(d)).length / relevant.size);
      for (let i = 1; i <= q.length; i++) {
        if (q[i - 1] === ' ') continue;
        keys.push((await page.evaluate((query) => window.bench.search(query), q.slice(0, i))).ms);
      }
    } finally {
      await page.context().close();
    }
  }
  return {
    readyMedianMs: median(ready),
    firstQueryMedianMs: median(first),
    bytesPerQueryMedian: median(perQuery),
    bytesTotalMedian: median(total),
    keystrokeMedianMs: median(keys),
    keystrokeP95Ms: quantile(keys, 0.95),
    keystrokes: keys.length,
    recall: recalls.length ? recalls.reduce((a, b) => a + b, 0) / recalls.length : null,
  };
}

/** Builds both engines for `corpus` under `dir` and measures them on `queries`. */
export async function measureEngines(
  browser: Browser,
  corpus: Corpus,
  dir: string,
  queries: Query[],
  judged: Map<string, Set<string>> = new Map(),
): Promise<{ isnad: EngineResult; pagefind: EngineResult }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pfMs = await buildPagefind(corpus, dir);
  const isMs = await buildIsnadSearch(corpus, dir);
  const pfDir = join(dir, 'pagefind');
  const isRuntime = (f: string) => /\/assets\/.*\.js$/.test(f);
  const pfRuntime = (f: string) => /\/pagefind\.js$|\/wasm\.[^/]*\.pagefind$/.test(f);
  const pfIndex = (f: string) => /\.pf_(index|fragment|meta|filter)$|pagefind-entry\.json$/.test(f);
  const indexJson = readFileSync(join(dir, 'index.json'));
  const server = await serveStatic(dir, '/bench/');
  try {
    const isnad = await drive(browser, `${server.url}minisearch.html`, queries, judged);
    const pf = await drive(browser, `${server.url}pagefind.html`, queries, judged);
    const pfIdx = folderBytes(pfDir, pfIndex);
    const pfRt = folderBytes(pfDir, pfRuntime);
    const isRt = folderBytes(dir, isRuntime);
    return {
      isnad: {
        indexMs: isMs,
        indexRaw: indexJson.length,
        indexGzip: gzipBytes(indexJson),
        runtimeRaw: isRt.raw,
        runtimeGzip: isRt.gzip,
        ...isnad,
      },
      // Pagefind's chunks are gzip already: their size on disk is what is sent.
      pagefind: { indexMs: pfMs, indexRaw: pfIdx.raw, indexGzip: pfIdx.raw, runtimeRaw: pfRt.raw, runtimeGzip: pfRt.gzip, ...pf },
    };
  } finally {
    await server.close();
  }
}

/**
 * Reads tests/fixtures/search-judgments.json if present: query → relevant documents. Accepts a list
 * (or `{ judgments | queries: [...] }`) of `{ query | q, relevant | expected | docs | passages }`,
 * where each relevant item is a document id, a `doc#passage` id, or an object with `doc`/`docId`.
 */
export function readJudgments(file: string): { queries: Query[]; judged: Map<string, Set<string>> } | null {
  if (!existsSync(file)) return null;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const obj = raw as Record<string, unknown>;
  const list = (Array.isArray(raw) ? raw : (obj.judgments ?? obj.queries ?? [])) as Record<string, unknown>[];
  const judged = new Map<string, Set<string>>();
  const queries: Query[] = [];
  for (const j of list) {
    const q = String(j.query ?? j.q ?? '');
    const items = (j.relevant ?? j.expected ?? j.docs ?? j.passages ?? []) as unknown[];
    const docs = new Set(
      items.map((it) => {
        if (typeof it === 'string') return it.split('#')[0]!;
        const o = it as Record<string, unknown>;
        return String(o.doc ?? o.docId ?? o.document ?? '');
      }),
    );
    if (!q || docs.size === 0) continue;
    judged.set(q, docs);
    queries.push({ q, lang: /[\u0600-\u06FF]/.test(q) ? 'ar' : 'en' });
  }
  return { queries, judged };
}
