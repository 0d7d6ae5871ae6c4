/**
 * Shared set-up for end-to-end tests: one Chromium per test file, the built site served from a
 * sub-path, and a page that records console errors and every request that leaves the origin.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';
import { serveStatic, type StaticServer } from './server';

export interface Harness {
  browser: Browser;
  server: StaticServer;
}

export async function startHarness(prefix = '/some/sub/path/'): Promise<Harness> {
  if (!existsSync('dist/index.html')) throw new Error('Isnad e2e: dist/ is missing; run `npm run build` first');
  const server = await serveStatic('dist', prefix);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return { browser, server };
}

export async function stopHarness(h: Harness | undefined): Promise<void> {
  await h?.browser.close();
  await h?.server.close();
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests to any origin other than the page's own. */
  outside: string[];
}

/**
 * Waits until the app has taken over the prerendered markup (src/main.ts measures `isnad:mounted`): before
 * that, the page shows the view but a click on it does nothing.
 */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('isnad:mounted').length > 0);
}

/** Opens a page that records errors and outside requests. */
export async function openPage(h: Harness, path: string, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  const origin = new URL(h.server.url).origin;
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith('about:')) outside.push(u);
  });
  await page.goto(new URL(path, h.server.url).href, { waitUntil: 'networkidle' });
  return { page, errors, outside };
}
