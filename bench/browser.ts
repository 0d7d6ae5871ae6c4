/**
 * The real built explorer in Chromium, CPU throttled 4×: first paint, when the views first draw,
 * search as you type (through the page's own search box), and frames per second while panning the
 * diagram. Whatever the page does not have yet is reported as null with the reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../tests/e2e/server';
import { openThrottledPage, seenTimes, watchSelectors } from './chromium';
import { panFps } from './diagram';
import { gzipBytes, median, quantile } from './stats';

/** Where the app's parts show up in the DOM (the hooks the measurements rely on). */
export const APP_SELECTORS = {
  shell: '.app',
  reader: 'article.reader',
  searchBox: 'input[type=search]',
  /** A search pane that waits for a button (no longer drawn since search reads the manifest; kept for old builds). */
  searchLoad: '#search button.control',
  searchResult: '[data-result]',
  graphNode: '#graph svg [data-entity], #graph svg [data-node]',
  timelineItem: '#timeline svg.plot [data-key]',
};

export interface AppResult {
  /** Median over the loads of first-paint and first-contentful-paint (ms since navigation). */
  firstPaintMs: number | null;
  firstContentfulPaintMs: number | null;
  /**
   * The same in the Arabic interface (?lang=ar). The first view is prerendered in both languages; with
   * ?lang=en the page swaps the English one in before its first paint (src/pipeline/prerender.ts).
   */
  firstContentfulPaintArMs?: number | null;
  /** When the reader, the diagram and the timeline first drew (ms since navigation). */
  readerMs: number | null;
  graphFirstRenderMs: number | null;
  timelineFirstRenderMs: number | null;
  /** SVG elements in the timeline pane (plot and overview) when the page is measured, once it has drawn. */
  timelineElements: number | null;
  /** Performance measures the app reports itself (names starting with "isnad:"). */
  appMeasures: Record<string, number>;
  /**
   * What the page had fetched by the time it was interactive (`isnad:mounted`): every response that
   * ended by then, as gzip (the files of the site gzipped here: the test server does not compress),
   * and how many of them were corpus files (data/: the manifest and document files).
   */
  beforeInteractive?: { files: number; gzipBytes: number; dataFiles: number; dataGzipBytes: number } | null;
  /** From navigation until the first query's results are on screen. */
  searchAnswersMs: number | null;
  keystrokeMedianMs: number | null;
  keystrokeP95Ms: number | null;
  keystrokes: number;
  graphNodes: number | null;
  panFps: number | null;
  notes: string[];
}

const LOADS = 3;

/** Types `query` one character at a time (in the page, no round trips) and times each until the results change. */
async function typeAndTime(page: Page, query: string): Promise<number[]> {
  return page.evaluate(async (q: string) => {
    const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
    const pane = input.closest('section') ?? document.body;
    input.focus();
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 300));
    const times: number[] = [];
    for (const ch of q) {
      const changed = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => (obs.disconnect(), resolve(false)), 1000);
        const obs = new MutationObserver(() => (obs.disconnect(), clearTimeout(timer), resolve(true)));
        obs.observe(pane, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const t0 = performance.now();
      input.value += ch;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
      const ok = await changed;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      if (ok) times.push(performance.now() - t0);
    }
    return times;
  }, query);
}

/** Measures the built site in `siteDir`; `queries` are typed into the search box. */
export async function measureApp(browser: Browser, siteDir: string, queries: string[]): Promise<AppResult> {
  const server = await serveStatic(siteDir, '/isnad/');
  const notes: string[] = [];
  const paints: number[] = [];
  const fcps: number[] = [];
  const result: AppResult = {
    firstPaintMs: null,
    firstContentfulPaintMs: null,
    readerMs: null,
    graphFirstRenderMs: null,
    timelineFirstRenderMs: null,
    timelineElements: null,
    appMeasures: {},
    beforeInteractive: null,
    searchAnswersMs: null,
    keystrokeMedianMs: null,
    keystrokeP95Ms: null,
    keystrokes: 0,
    graphNodes: null,
    panFps: null,
    notes,
  };
  try {
    for (let load = 0; load < LOADS; load++) {
      const page = await openThrottledPage(browser);
      try {
        await watchSelectors(page, APP_SELECTORS);
        await page.goto(`${server.url}?lang=en`, { waitUntil: 'load', timeout: 120_000 });
        await page.waitForSelector(APP_SELECTORS.reader, { timeout: 120_000 }).catch(() => notes.push('the reader never drew'));
        // The reader is prerendered (in the HTML): wait for the views that draw when the page runs, then a
        // moment more for work they defer after their first draw.
        if (load === 0) {
          for (const sel of [APP_SELECTORS.graphNode, APP_SELECTORS.timelineItem])
            await page.waitForSelector(sel, { timeout: 120_000, state: 'attached' }).catch(() => undefined);
          if (queries.length > 0) await openSearch(page);
        }
        await page.waitForTimeout(load === 0 ? 3000 : 500);
        const paint = await page.evaluate(() =>
          Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime])),
        );
        if (paint['first-paint'] !== undefined) paints.push(paint['first-paint']);
        if (paint['first-contentful-paint'] !== undefined) fcps.push(paint['first-contentful-paint']);
        if (load > 0) continue;
        const seen = await seenTimes(page);
        result.readerMs = seen.reader ?? null;
        result.graphFirstRenderMs = seen.graphNode ?? null;
        result.timelineFirstRenderMs = seen.timelineItem ?? null;
        if (seen.timelineItem !== undefined) result.timelineElements = await page.locator('#timeline svg *').count();
        result.appMeasures = await page.evaluate(() =>
          Object.fromEntries(
            performance
              .getEntriesByType('measure')
              .filter((e) => e.name.startsWith('isnad:'))
              .map((e) => [e.name, e.duration]),
          ),
        );
        result.beforeInteractive = await fetchedBy(page, siteDir, result.appMeasures['isnad:mounted']);
        if (seen.graphNode === undefined) notes.push('no diagram nodes (#graph svg [data-entity]) on the page');
        if (seen.timelineItem === undefined) notes.push('no timeline items (#timeline svg.plot [data-key]) on the page');
        if (seen.graphNode !== undefined) {
          result.graphNodes = await page.locator(APP_SELECTORS.graphNode).count();
          result.panFps = await panFps(page);
        }
        if (seen.searchBox === undefined) notes.push('no search box (input[type=search]) on the page');
        else {
          const times: number[] = [];
          for (const q of queries) times.push(...(await typeAndTime(page, q)));
          result.keystrokes = times.length;
          result.keystrokeMedianMs = times.length ? median(times) : null;
          result.keystrokeP95Ms = times.length ? quantile(times, 0.95) : null;
          if (!times.length) notes.push('typing never changed the search pane');
        }
      } finally {
        await page.context().close();
      }
    }
    const fcpsAr: number[] = [];
    for (let load = 0; load < LOADS; load++) {
      const page = await openThrottledPage(browser);
      try {
        await page.goto(`${server.url}?lang=ar`, { waitUntil: 'load', timeout: 120_000 });
        await page.waitForTimeout(500);
        const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
        if (fcp !== undefined) fcpsAr.push(fcp);
      } finally {
        await page.context().close();
      }
    }
    result.firstContentfulPaintArMs = fcpsAr.length ? median(fcpsAr) : null;
    result.firstPaintMs = paints.length ? median(paints) : null;
    result.firstContentfulPaintMs = fcps.length ? median(fcps) : null;
    if (queries[0] && !notes.some((n) => n.startsWith('no search box')))
      result.searchAnswersMs = await searchAnswers(browser, server.url, queries[0]);
  } finally {
    await server.close();
  }
  return result;
}

/** A fresh load; as soon as the search box exists the query is typed; ms from navigation until a result shows. */
async function searchAnswers(browser: Browser, url: string, query: string): Promise<number | null> {
  const page = await openThrottledPage(browser);
  try {
    await watchSelectors(page, APP_SELECTORS);
    await page.goto(`${url}?lang=en`, { waitUntil: 'commit' });
    await page.waitForSelector(`${APP_SELECTORS.searchBox}, ${APP_SELECTORS.searchLoad}`, { timeout: 120_000 });
    await openSearch(page);
    const box = page.locator(APP_SELECTORS.searchBox).first();
    await box.waitFor({ timeout: 120_000 });
    await box.fill(query);
    await page.waitForSelector(APP_SELECTORS.searchResult, { timeout: 60_000 });
    return (await seenTimes(page)).searchResult ?? null;
  } catch {
    return null;
  } finally {
    await page.context().close();
  }
}

/** Shows the search box: at once for a small corpus, else through its button (which loads every document). */
async function openSearch(page: Page): Promise<void> {
  if ((await page.locator(APP_SELECTORS.searchBox).count()) > 0) return;
  const button = page.locator(APP_SELECTORS.searchLoad).first();
  if ((await button.count()) === 0) return;
  await button.click();
  await page.waitForSelector(APP_SELECTORS.searchBox, { timeout: 300_000, state: 'attached' }).catch(() => undefined);
}

/** The responses that had ended by `until` (ms since navigation), with their files' gzip sizes from `siteDir`. */
async function fetchedBy(page: Page, siteDir: string, until: number | undefined): Promise<AppResult['beforeInteractive']> {
  if (until === undefined) return null;
  const entries = await page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
      path: new URL(e.name).pathname,
      end: (e as PerformanceResourceTiming).responseEnd,
    })),
  );
  const out = { files: 0, gzipBytes: 0, dataFiles: 0, dataGzipBytes: 0 };
  for (const e of entries) {
    if (e.end > until) continue;
    // The site is served under /isnad/ (measureApp); the page itself is index.html.
    const rel = e.path.replace(/^\/isnad\//, '') || 'index.html';
    const file = join(siteDir, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!existsSync(file)) continue;
    const bytes = gzipBytes(readFileSync(file));
    out.files++;
    out.gzipBytes += bytes;
    if (rel.startsWith('data/')) {
      out.dataFiles++;
      out.dataGzipBytes += bytes;
    }
  }
  return out;
}
