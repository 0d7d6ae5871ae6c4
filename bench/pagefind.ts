/**
 * Pagefind side by side with Isnad's search on the same documents: Pagefind's Node API builds its
 * index, its browser runtime answers in Chromium; Isnad's real engine (the index the build emits,
 * bench/searchIndex.ts) runs in the app's own worker in a page of its own (pages/isnad.ts). Both pages
 * are driven the same way, CPU throttled 4×.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import type { Corpus } from '../src/model/schema';
import { serveStatic } from '../tests/e2e/server';
import { openThrottledPage } from './chromium';
import { readJudgments as readJudgmentFile } from '../scripts/score-search';
import { writeSearchIndex, type WrittenIndex } from './searchIndex';
import { folderBytes, median, quantile } from './stats';

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
  /** The first query's answer in hand, from the page's navigation start (ready, then the query, asked at once). */
  firstAnswerMedianMs?: number;
  /** Isnad: files its worker fetched for a first query (after the meta file). */
  filesPerQueryMedian?: number;
  /** Bytes fetched for a first query after ready, and in all from navigation (as sent: Pagefind's are gzip). */
  bytesPerQueryMedian: number;
  bytesTotalMedian: number;
  /** Per keystroke, on the page: from the query sent to the hits in hand (Isnad: the worker's round trip). */
  keystrokeMedianMs: number;
  keystrokeP95Ms: number;
  keystrokes: number;
  /** Isnad: the engine's own time per keystroke, inside the worker. */
  engineKeystrokeMedianMs?: number;
  engineKeystrokeP95Ms?: number;
  /** Recall@10 on the search judgments at passage level (see `Judged`), if judged. */
  recall: number | null;
  /** Judged queries and the quotes found among the first ten passages, for the report. */
  recallQueries?: number;
  recallFound?: number;
  recallQuotes?: number;
}

/** Where a judged quote is: the passage that contains its first character must be among the first ten. */
export interface QuoteAt {
  doc: string;
  offset: number;
}

/** Judged query → the quotes it must find (located in the corpus). */
export type Judged = Map<string, QuoteAt[]>;

/**
 * Writes the Pagefind index of a corpus into `dir/pagefind`, and its page: a record per document (as a
 * site has a page per article), or with `passages` a record per sentence, the unit the judgments
 * quote, with its place in the URL (`/p/<doc>/<start>/<end>`).
 */
async function buildPagefind(corpus: Corpus, dir: string, passages = false): Promise<number> {
  const t0 = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Isnad bench: Pagefind could not create an index: ${errors.join('; ')}`);
  for (const d of corpus.documents) {
    const title = d.text.slice(d.blocks[0]?.start ?? 0, d.blocks[0]?.end ?? 0);
    const records = passages
      ? d.sentences.map((s) => ({
          url: `/p/${encodeURIComponent(d.id)}/${s.start}/${s.end}`,
          content: d.text.slice(s.start, s.end),
        }))
      : [{ url: `/doc/${d.id}`, content: d.text }];
    for (const rec of records) {
      const r = await index.addCustomRecord({ ...rec, language: d.meta.lang, meta: { title } });
      if (r.errors.length) throw new Error(`Isnad bench: Pagefind refused ${d.file}: ${r.errors.join('; ')}`);
    }
  }
  await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  await pagefind.close();
  copyFileSync(join(PAGES, 'pagefind.html'), join(dir, 'pagefind.html'));
  return performance.now() - t0;
}

/** Builds Isnad's search page (Vite, the worker included) and index into `dir`. */
async function buildIsnadSearch(corpus: Corpus, protectedNames: string[], dir: string): Promise<WrittenIndex> {
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
      rollupOptions: { input: join(PAGES, 'isnad.html') },
    },
  });
  return writeSearchIndex(corpus, protectedNames, dir);
}

/**
 * Runs one engine's page: cold first queries (a fresh page each) and prefixes typed one by one.
 * `workerBytes` (Isnad): a worker's fetches are not in the page's resource timing, so its requests are
 * taken from the browser and counted at their gzip size (path under the served folder → bytes).
 */
async function drive(browser: Browser, url: string, queries: Query[], workerBytes?: (path: string) => number | undefined) {
  const ready: number[] = [];
  const first: number[] = [];
  const firstAnswer: number[] = [];
  const files: number[] = [];
  const perQuery: number[] = [];
  const total: number[] = [];
  const keys: number[] = [];
  const engineKeys: number[] = [];
  // The corpus the Isnad page fetches is the app's own data, not search bytes.
  // Resource entries reach the timeline a little after their fetch ends, so they are counted by when
  // they started, not by their number at a given moment.
  const bytesSince = (page: Page, from: number) =>
    page.evaluate(
      (t) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime >= t && !e.name.endsWith('/corpus.json'))
          .reduce((s, e) => s + (e as PerformanceResourceTiming).encodedBodySize, 0),
      from,
    );
  for (const { q, lang } of queries) {
    const page = await openThrottledPage(browser);
    const requested: string[] = [];
    const base = new URL('.', url).href;
    if (workerBytes) page.on('request', (r) => void requested.push(r.url()));
    const searchBytes = (urls: string[]) =>
      urls.reduce((n, u) => n + (u.startsWith(base) ? (workerBytes?.(decodeURI(u.slice(base.length))) ?? 0) : 0), 0);
    try {
      await page.goto(`${url}?lang=${lang}`);
      // Asked as soon as the engine is ready: the time a reader who types at once waits.
      const [readyMs, before, r] = await page.evaluate(
        (query) =>
          window.bench.ready.then(async (ms) => {
            const t = performance.now();
            return [ms, t, await window.bench.search(query)] as const;
          }),
        q,
      );
      ready.push(readyMs);
      first.push(r.ms);
      firstAnswer.push(r.at);
      if (workerBytes) {
        const metaAt = requested.findIndex((u) => u.endsWith('/search.json'));
        const after = requested.slice(metaAt + 1);
        files.push(after.filter((u) => workerBytes(decodeURI(u.slice(base.length))) !== undefined).length);
        perQuery.push(searchBytes(after));
        total.push((await bytesSince(page, 0)) + searchBytes(requested));
      } else {
        perQuery.push(await bytesSince(page, before));
        total.push(await bytesSince(page, 0));
      }
      for (let i = 1; i <= q.length; i++) {
        if (q[i - 1] === ' ') continue;
        const k = await page.evaluate((query) => window.bench.search(query), q.slice(0, i));
        keys.push(k.ms);
        if (k.engineMs !== undefined) engineKeys.push(k.engineMs);
      }
    } finally {
      await page.context().close();
    }
  }
  return {
    readyMedianMs: median(ready),
    firstQueryMedianMs: median(first),
    firstAnswerMedianMs: median(firstAnswer),
    ...(files.length ? { filesPerQueryMedian: median(files) } : {}),
    bytesPerQueryMedian: median(perQuery),
    bytesTotalMedian: median(total),
    keystrokeMedianMs: median(keys),
    keystrokeP95Ms: quantile(keys, 0.95),
    keystrokes: keys.length,
    ...(engineKeys.length
      ? { engineKeystrokeMedianMs: median(engineKeys), engineKeystrokeP95Ms: quantile(engineKeys, 0.95) }
      : {}),
  };
}

/**
 * Recall@10 on the judged queries, on one page: a quote counts as found when one of the first ten
 * passage hits contains its first character (Isnad: its passage results; Pagefind: its first ten
 * results over an index of the same sentences, one record each). Per query, found / min(10, quotes);
 * the mean over queries.
 */
async function recallOf(browser: Browser, url: string, judged: Judged) {
  const page = await openThrottledPage(browser, 1);
  let sum = 0;
  let found = 0;
  let quotes = 0;
  try {
    for (const [q, want] of judged) {
      await page.goto(`${url}?lang=${/[\u0600-\u06FF]/.test(q) ? 'ar' : 'en'}`);
      await page.evaluate(() => window.bench.ready);
      const r = await page.evaluate((query) => window.bench.search(query), q);
      const spans = r.passages.slice(0, 10);
      const hit = want.filter((w) =>
        spans.some(([doc, start, end]) => doc === w.doc && start <= w.offset && w.offset < end),
      ).length;
      sum += hit / Math.min(10, want.length);
      found += hit;
      quotes += want.length;
    }
  } finally {
    await page.context().close();
  }
  return { recall: judged.size ? sum / judged.size : null, recallQueries: judged.size, recallFound: found, recallQuotes: quotes };
}

/** Builds both engines for `corpus` under `dir` and measures them on `queries`. */
export async function measureEngines(
  browser: Browser,
  corpus: Corpus,
  dir: string,
  queries: Query[],
  protectedNames: string[],
  judged: Judged = new Map(),
): Promise<{ isnad: EngineResult; pagefind: EngineResult }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pfMs = await buildPagefind(corpus, dir);
  const passagesDir = join(dir, 'passages');
  if (judged.size) await buildPagefind(corpus, passagesDir, true);
  const written = await buildIsnadSearch(corpus, protectedNames, dir);
  const pfDir = join(dir, 'pagefind');
  const isRuntime = (f: string) => /\/assets\/.*\.js$/.test(f);
  const pfRuntime = (f: string) => /\/pagefind\.js$|\/wasm\.[^/]*\.pagefind$/.test(f);
  const pfIndex = (f: string) => /\.pf_(index|fragment|meta|filter)$|pagefind-entry\.json$/.test(f);
  const server = await serveStatic(dir, '/bench/');
  try {
    const isnad = await drive(browser, `${server.url}isnad.html`, queries, (path) => written.gzipOf.get(path));
    const pf = await drive(browser, `${server.url}pagefind.html`, queries);
    const noRecall = { recall: null };
    const isRecall = judged.size ? await recallOf(browser, `${server.url}isnad.html`, judged) : noRecall;
    const pfRecall = judged.size ? await recallOf(browser, `${server.url}passages/pagefind.html`, judged) : noRecall;
    const pfIdx = folderBytes(pfDir, pfIndex);
    const pfRt = folderBytes(pfDir, pfRuntime);
    const isRt = folderBytes(dir, isRuntime);
    return {
      isnad: {
        indexMs: written.ms,
        indexRaw: written.raw,
        indexGzip: written.gzip,
        runtimeRaw: isRt.raw,
        runtimeGzip: isRt.gzip,
        ...isnad,
        ...isRecall,
      },
      // Pagefind's chunks are gzip already: their size on disk is what is sent.
      pagefind: {
        indexMs: pfMs,
        indexRaw: pfIdx.raw,
        indexGzip: pfIdx.raw,
        runtimeRaw: pfRt.raw,
        runtimeGzip: pfRt.gzip,
        ...pf,
        ...pfRecall,
      },
    };
  } finally {
    await server.close();
  }
}

/**
 * The judged queries of one set of tests/fixtures/search-judgments.json (`{ sets, judgments: [{ set,
 * query, expect }] }`, `expect` quoting the passages to find), each quote located in `corpus` (the
 * first document that contains it). Quotes not in the corpus are left out and counted.
 */
export function readJudgments(
  file: string,
  set: string,
  corpus: Corpus,
): { queries: Query[]; judged: Judged; missingQuotes: number; total: number } {
  const { judgments } = readJudgmentFile(file);
  const judged: Judged = new Map();
  const queries: Query[] = [];
  let missingQuotes = 0;
  for (const j of judgments.filter((x) => x.set === set)) {
    const at: QuoteAt[] = [];
    for (const quote of j.expect) {
      const d = corpus.documents.find((doc) => doc.text.includes(quote));
      if (d) at.push({ doc: d.id, offset: d.text.indexOf(quote) });
      else missingQuotes++;
    }
    if (at.length === 0 || judged.has(j.query)) continue;
    judged.set(j.query, at);
    queries.push({ q: j.query, lang: /[\u0600-\u06FF]/.test(j.query) ? 'ar' : 'en' });
  }
  return { queries, judged, missingQuotes, total: judgments.length };
}
