/**
 * TimelineJS (Knight Lab) given the same statements: its JavaScript and CSS bytes and the time to
 * its first render in Chromium, CPU throttled 4×, served locally like the explorer.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../tests/e2e/server';
import { openThrottledPage } from './chromium';
import { gzipBytes } from './stats';

/** One statement on a timeline: who, what, and the day it is dated to. */
export interface TimedStatement {
  speaker: string;
  text: string;
  date: string;
}

export interface TimelineJsResult {
  statements: number;
  jsGzip: number;
  cssGzip: number;
  /** Everything the page fetched (its own JSON data included), uncompressed. */
  bytesFetched: number;
  /** From navigation until the first time marker and the first slide are drawn (ms), or null on timeout. */
  firstMarkerMs: number | null;
  firstSlideMs: number | null;
  /** How long it was given (ms); absent in results written before this was recorded (45 s then). */
  giveUpMs?: number;
}

const DIST = join(dirname(createRequire(import.meta.url).resolve('@knight-lab/timelinejs/package.json')), 'dist');

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="UTF-8" /><title>Isnad bench: TimelineJS</title>
<link rel="stylesheet" href="./css/timeline.css" />
<script src="./js/timeline.js"></script></head>
<body style="margin:0"><div id="tl" style="width:1440px;height:700px"></div>
<script>
  fetch('./statements.json').then((r) => r.json()).then((data) => {
    window.tl = new TL.Timeline('tl', data, { script_path: new URL('./js/', location.href).href });
  });
</script></body></html>`;

/** Renders `statements` with TimelineJS in `dir`; gives up after `timeoutMs`. */
export async function measureTimelineJs(
  browser: Browser,
  statements: TimedStatement[],
  dir: string,
  timeoutMs = 90_000,
): Promise<TimelineJsResult> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(DIST, 'js'), join(dir, 'js'), { recursive: true });
  cpSync(join(DIST, 'css'), join(dir, 'css'), { recursive: true });
  const events = statements.map((s) => {
    const [year, month, day] = s.date.split('-');
    return { start_date: { year, month, day }, text: { headline: s.speaker, text: s.text } };
  });
  writeFileSync(join(dir, 'statements.json'), JSON.stringify({ events }));
  writeFileSync(join(dir, 'index.html'), PAGE);
  const server = await serveStatic(dir, '/tl/');
  const page = await openThrottledPage(browser);
  // Read nothing from the page once it is busy drawing: the observer reports through the console,
  // and the bytes are counted from the responses as they arrive.
  const seen: Record<string, number> = {};
  const fetched = new Set<string>();
  page.on('console', (m) => {
    const [tag, key, ms] = m.text().split(' ');
    if (tag === 'bench-seen' && key) seen[key] = Number(ms);
  });
  page.on('requestfinished', (r) => {
    const path = decodeURIComponent(new URL(r.url()).pathname);
    if (path.startsWith('/tl/')) fetched.add(join(dir, path.slice(4) || 'index.html'));
  });
  try {
    await page.addInitScript(`(() => {
      const want = { marker: '.tl-timemarker', slide: '.tl-slide-content' };
      const done = {};
      const obs = new MutationObserver(() => {
        for (const [k, s] of Object.entries(want))
          if (!done[k] && document.querySelector(s)) { done[k] = 1; console.log('bench-seen ' + k + ' ' + performance.now()); }
      });
      obs.observe(document, { subtree: true, childList: true });
    })();`);
    await page.goto(server.url);
    const deadline = Date.now() + timeoutMs;
    while ((seen.marker === undefined || seen.slide === undefined) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    return {
      statements: statements.length,
      jsGzip: gzipBytes(readFileSync(join(DIST, 'js/timeline.js'))),
      cssGzip: gzipBytes(readFileSync(join(DIST, 'css/timeline.css'))),
      bytesFetched: [...fetched].reduce((n, f) => n + (existsSync(f) && statSync(f).isFile() ? statSync(f).size : 0), 0),
      firstMarkerMs: seen.marker ?? null,
      firstSlideMs: seen.slide ?? null,
      giveUpMs: timeoutMs,
    };
  } finally {
    await page.context().close();
    await server.close();
  }
}
