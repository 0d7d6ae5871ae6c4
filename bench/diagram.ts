/**
 * The diagram at scale, apart from the rest of the page: GraphView alone (bench/pages/graph.html) on a
 * synthetic graph of 2,000 entities (bench/graphCorpus.ts) with its build-time layout, in Chromium with
 * the CPU throttled 4×. Measures the first render, the nodes drawn, frames per second while panning and
 * zooming, and the time to select a node: first as the diagram opens (the most connected entities),
 * then with every entity drawn. `node --import tsx bench/diagram.ts [--entities N] [--relations N]
 * [--pages DIR]` runs it alone (DIR: the bench/pages of another checkout, to compare versions).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { buildGraphLayout } from '../src/graph/layout';
import { serveStatic } from '../tests/e2e/server';
import { launchChromium, openThrottledPage } from './chromium';
import { graphCorpus } from './graphCorpus';
import { manifestOf } from '../src/model/digest';

const PAGES = resolve('bench/pages');

/** One state of the diagram: what is drawn and how fast it moves. */
export interface DiagramState {
  nodesDrawn: number;
  edgesDrawn: number;
  panFps: number | null;
  zoomFps: number | null;
  /** Click on a node until its card shows. */
  selectMs: number | null;
}

export interface DiagramResult {
  entities: number;
  relations: number;
  /** Build-time layout in Node (not throttled). */
  layoutMs: number;
  /** Mount until the first frame with nodes, CPU 4×. */
  firstRenderMs: number | null;
  /** As the diagram opens. */
  initial: DiagramState;
  /** After "show all" (or "show more" until everything is drawn). */
  all: DiagramState | null;
  /** Click on "show all" until every node is in the page and a frame has been drawn. */
  showAllMs: number | null;
  notes: string[];
}

/** Waits until the page draws frames steadily (ten in a row under 50 ms apart), at most 30 s. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const t0 = performance.now();
        let last = t0;
        let calm = 0;
        const tick = (now: number) => {
          calm = now - last < 50 ? calm + 1 : 0;
          last = now;
          if (calm >= 10 || now - t0 > 30_000) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** Counts animation frames while `act` runs; frames per second. */
async function framesDuring(page: Page, act: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __counting: boolean };
    w.__frames = 0;
    w.__counting = true;
    const tick = () => {
      if (!w.__counting) return;
      w.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await act();
  const frames = await page.evaluate(
    () =>
      new Promise<number>((r) =>
        requestAnimationFrame(() => {
          const w = window as unknown as { __frames: number; __counting: boolean };
          w.__counting = false;
          r(w.__frames);
        }),
      ),
  );
  return frames / ((Date.now() - t0) / 1000);
}

/**
 * A point of the diagram with no node under it (a press on a node drags the node instead of panning),
 * nearest the middle; in page coordinates.
 */
async function emptyPoint(page: Page, svgSelector: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((sel) => {
    const svg = document.querySelector(sel);
    if (!svg) return null;
    const box = svg.getBoundingClientRect();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    for (let d = 0; d < Math.min(box.width, box.height) / 2; d += 8)
      for (let a = 0; a < 16; a++) {
        const x = cx + d * Math.cos((a * Math.PI) / 8);
        const y = cy + d * Math.sin((a * Math.PI) / 8);
        const el = document.elementFromPoint(x, y);
        // The drawing or the box that holds it (the pointer may land on either), not a node.
        if (el && (svg.contains(el) || el.contains(svg)) && !el.closest('[data-entity]')) return { x, y };
      }
    return { x: cx, y: cy };
  }, svgSelector);
}

/** Drags across the diagram from an empty point for about 60 mouse moves; frames per second. */
export async function panFps(page: Page, svgSelector = '#graph svg'): Promise<number | null> {
  const start = await emptyPoint(page, svgSelector);
  if (!start) return null;
  return framesDuring(page, async () => {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) await page.mouse.move(start.x + 100 * Math.sin(i / 6), start.y + 60 * (Math.cos(i / 6) - 1));
    await page.mouse.up();
  });
}

/** Zooms in and out with the wheel over the diagram (40 wheel events); frames per second. */
async function zoomFps(page: Page, svgSelector = '#graph svg'): Promise<number | null> {
  const start = await emptyPoint(page, svgSelector);
  if (!start) return null;
  await page.mouse.move(start.x, start.y);
  return framesDuring(page, async () => {
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, i < 20 ? -60 : 60);
  });
}

async function state(page: Page): Promise<DiagramState> {
  const counts = await page.evaluate(() => ({
    nodes: document.querySelectorAll('#graph svg [data-entity]').length,
    edges:
      document.querySelectorAll('#graph svg [data-relation]').length ||
      Number(document.querySelector('#graph canvas')?.getAttribute('data-edges') ?? 0),
  }));
  // Each gesture's end draws the diagram again (after a short delay): let it finish before the next.
  const pan = await panFps(page);
  await page.waitForTimeout(400);
  await settle(page);
  const zoomed = await zoomFps(page);
  await page.waitForTimeout(400);
  await settle(page);
  // Select the tenth node (clicks go through the d3 behaviours as a user's would) and wait for its card.
  const selectMs = await page.evaluate(async () => {
    const node = document.querySelectorAll<SVGGElement>('#graph svg g.node[data-entity]')[9];
    if (!node) return null;
    const t0 = performance.now();
    node.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    for (let i = 0; i < 2000 && node.getAttribute('aria-pressed') !== 'true'; i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const ms = performance.now() - t0;
    // Escape on a node clears the selection.
    node.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    return ms;
  });
  return { nodesDrawn: counts.nodes, edgesDrawn: counts.edges, panFps: pan, zoomFps: zoomed, selectMs };
}

/** Builds the page into `dir` and writes the synthetic corpus and its layout beside it. */
export async function buildDiagramPage(dir: string, entities: number, relations: number, pages = PAGES): Promise<number> {
  mkdirSync(dir, { recursive: true });
  await build({
    configFile: false,
    root: pages,
    base: './',
    logLevel: 'error',
    mode: 'production',
    plugins: [svelte()],
    build: {
      outDir: resolve(dir),
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      // BENCH_MINIFY=0 keeps function names for a profile.
      minify: process.env.BENCH_MINIFY !== '0',
      rollupOptions: { input: join(pages, 'graph.html') },
    },
  });
  const corpus = graphCorpus(entities, relations, 7);
  const t0 = performance.now();
  const layout = buildGraphLayout(manifestOf(corpus));
  const layoutMs = performance.now() - t0;
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify(corpus));
  writeFileSync(join(dir, 'layout.json'), JSON.stringify(layout));
  return layoutMs;
}

/** Builds the diagram page (from `pages`: another checkout's bench/pages compares versions) and measures it. */
export async function measureDiagram(
  browser: Browser,
  dir: string,
  entities = 2000,
  relations = 4000,
  pages = PAGES,
): Promise<DiagramResult> {
  const layoutMs = await buildDiagramPage(dir, entities, relations, pages);
  const server = await serveStatic(dir, '/');
  const notes: string[] = [];
  const result: DiagramResult = {
    entities,
    relations,
    layoutMs,
    firstRenderMs: null,
    initial: { nodesDrawn: 0, edgesDrawn: 0, panFps: null, zoomFps: null, selectMs: null },
    all: null,
    showAllMs: null,
    notes,
  };
  const page = await openThrottledPage(browser);
  try {
    await page.goto(`${server.url}graph.html`, { waitUntil: 'load' });
    result.firstRenderMs = (await page.evaluate(() => window.benchGraph.ready)).renderMs;
    await settle(page);
    result.initial = await state(page);
    await settle(page);
    // Everything: "show all" if the diagram has it, else "show more" until nothing is left.
    const all = page.getByRole('button', { name: /^Show all/ });
    if (await all.count())
      result.showAllMs = await all.first().evaluate(async (button, n) => {
        const t0 = performance.now();
        (button as HTMLButtonElement).click();
        while (document.querySelectorAll('#graph svg [data-entity]').length < n) await new Promise((r) => setTimeout(r, 5));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      }, entities);
    for (let i = 0; i < 40; i++) {
      const more = page.getByRole('button', { name: /^Show more/ });
      if (!(await more.count())) break;
      await more.first().click({ timeout: 120_000 });
    }
    await settle(page);
    result.all = await state(page);
  } catch (e) {
    notes.push(`diagram: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  } finally {
    await page.context().close();
    await server.close();
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const browser = await launchChromium();
  try {
    const pagesAt = process.argv.indexOf('--pages');
    const r = await measureDiagram(
      browser,
      'bench/.work/diagram',
      arg('--entities', 2000),
      arg('--relations', 4000),
      pagesAt > 0 ? resolve(process.argv[pagesAt + 1]!) : PAGES,
    );
    console.log(JSON.stringify(r, null, 2));
  } finally {
    await browser.close();
  }
}
