// Builds the real site from a temporary seeds folder of hostile documents (markup and script in
// the text, bidi controls, Persian and Hebrew), serves it and opens it in Chromium: nothing in a
// document runs or becomes an element, the text shows literally, and each article keeps its direction.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, type PluginOption } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleFileFonts, withHashCsp } from '../../scripts/build-single';
import { isnad, LANG_GATE } from '../../src/pipeline/vitePlugin';
import { MARKUP_BODY, MARKUP_TITLE } from '../fixtures/robustness/hostile';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';
import { serveStatic, type StaticServer } from './server';

const BIDI = 'عنوان \u202Eمقلوب\u202C\n\nقال \u2066Reuters\u2069 إن \u202Eالوفد وصل. ثم\n';
const SEEDS: Record<string, string> = {
  '00-markup.txt': `${MARKUP_TITLE}\n\n${MARKUP_BODY}\n`,
  'bidi.txt': BIDI,
  'fa.txt': 'نشست تهران\n\nوزیر امور خارجه ایران روز پنجشنبه گفت که گفتگوها ادامه خواهد یافت.\n',
  'he.txt': 'פסגה בירושלים\n\nשר החוץ אמר ביום חמישי כי השיחות יימשכו.\n',
  'fr.txt': 'Le sommet de Paris\n\nLe ministre a déclaré jeudi que « les négociations continueront ».\n',
  'fr.meta.json': '{"lang": "fr"}',
};

const temps: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
};

let seedsDir: string;
let outDir: string;
let server: StaticServer;
let browser: Browser;

async function buildSite(plugins: PluginOption[], out: string): Promise<void> {
  await build({
    configFile: false,
    root: process.cwd(),
    base: './',
    mode: 'production',
    logLevel: 'silent',
    plugins,
    build: { outDir: out, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, reportCompressedSize: false },
  });
}

beforeAll(async () => {
  seedsDir = temp('isnad-hostile-seeds-');
  for (const [name, text] of Object.entries(SEEDS)) {
    mkdirSync(join(seedsDir, name, '..'), { recursive: true });
    writeFileSync(join(seedsDir, name), text);
  }
  outDir = temp('isnad-hostile-dist-');
  await buildSite([svelte(), isnad({ seedsDir, quiet: true, prerender: true, split: true })], outDir);
  server = await serveStatic(outDir, '/hostile/');
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

interface Watched {
  page: Page;
  dialogs: string[];
  errors: string[];
}

async function open(url: string): Promise<Watched> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator('article.reader').waitFor();
  return { page, dialogs, errors };
}

/** Nothing from the document ran or became an element. */
async function expectInert({ page, dialogs }: Watched): Promise<void> {
  await page.waitForTimeout(300); // let an onerror or onload fire if one were there
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const injected = await page.evaluate(
    () =>
      document.querySelectorAll(
        'img[src="x"], svg[onload], iframe[src^="javascript"], a[href^="javascript"], [onerror], [onload], article script, article style',
      ).length,
  );
  expect(injected).toBe(0);
  // No script element holds a document's script as its code (the one-file page's own script holds
  // the whole corpus, so it contains these words as data).
  const scripts = await page.evaluate(
    () => [...document.scripts].filter((s) => /^\s*(?:window\.__pwned|alert\()/.test(s.textContent ?? '')).length,
  );
  expect(scripts).toBe(0);
}

describe('hostile documents in the built explorer', () => {
  it('shows markup and script in a document as literal text, and runs none of it', async () => {
    const w = await open(`${server.url}?doc=00-markup&lang=en`);
    await expectInert(w);
    const article = w.page.locator('article.reader');
    expect(await article.locator('h2').innerText()).toBe(MARKUP_TITLE);
    const body = await article.evaluate((el) =>
      [...el.querySelectorAll('p.para, h3.subhead')].map((p) => p.textContent).join('\n'),
    );
    expect(body).toBe(MARKUP_BODY);
    expect(w.errors).toEqual([]);
    await w.page.context().close();
  });

  // vitePlugin.ts inserts the preview tags with html.replace(string, string), so `$'`, `$&` and `$\``
  // in a headline are replacement patterns: the page's tail and `<link rel="icon"` are pasted into
  // the og:title attribute (breaking out of it). Reported to the plugin's owner; the fix is a
  // replacer function. Flip to `it` when fixed.
  it('keeps the headline literal in the page head (title, Open Graph tags)', async () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    // Only the app's own module script, the prerendered page's language check (src/pipeline/vitePlugin.ts)
    // and the English first view's swap (src/pipeline/prerender.ts).
    expect(html.match(/<script\b/g)?.length).toBe(3);
    expect(html.match(/<script type="module"[^>]*\bsrc=/g)?.length).toBe(1);
    expect(html.includes(`<script>${LANG_GATE}</script>`)).toBe(true);
    // The prerendered first view holds the hostile document's text, escaped: no element of its own.
    expect(html.includes('&lt;script')).toBe(true);
    expect(html).not.toContain('<script>alert');
    const og = /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1];
    expect(og).toBe(
      `${MARKUP_TITLE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')} · Isnad`,
    );
  });

  it('keeps a document with bidi controls right-to-left, its text intact, the interface unaffected', async () => {
    const w = await open(`${server.url}?doc=bidi&lang=en`);
    await expectInert(w);
    const article = w.page.locator('article.reader');
    expect(await article.getAttribute('dir')).toBe('rtl');
    const text = await article.evaluate((el) => [...el.querySelectorAll('h2, p.para')].map((p) => p.textContent));
    // Blocks are trimmed of blank and invisible marks at their edges (the title's final PDF); the rest is verbatim.
    expect(text).toEqual(['عنوان \u202Eمقلوب', 'قال \u2066Reuters\u2069 إن \u202Eالوفد وصل. ثم']);
    // An unclosed RLO in the text must not reorder the interface around it.
    expect(await w.page.getByRole('heading', { level: 1 }).innerText()).toBe('Isnad');
    expect(await w.page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await w.page.context().close();
  });

  it.each([
    ['fa', 'rtl', 'نشست تهران'],
    ['he', 'rtl', 'פסגה בירושלים'],
    ['fr', 'ltr', 'Le sommet de Paris'],
  ])('shows the %s article in its own language and direction (%s)', async (id, dir, title) => {
    const w = await open(`${server.url}?doc=${id}&lang=ar`);
    const article = w.page.locator('article.reader');
    expect(await article.getAttribute('lang')).toBe(id);
    expect(await article.getAttribute('dir')).toBe(dir);
    expect(await article.evaluate((el) => getComputedStyle(el).direction)).toBe(dir);
    expect(await article.locator('h2').innerText()).toBe(title);
    expect(w.errors).toEqual([]);
    await w.page.context().close();
  });

  it('the one-file page (isnad.html, corpus inlined in a script) survives </script> and <!-- in the text', async () => {
    const single = temp('isnad-hostile-single-');
    await buildSite(
      [
        singleFileFonts(),
        svelte(),
        isnad({ seedsDir, csp: false, quiet: true, previews: false }),
        viteSingleFile({ removeViteModuleLoader: true }),
      ],
      single,
    );
    const file = join(single, 'isnad.html');
    writeFileSync(file, withHashCsp(readFileSync(join(single, 'index.html'), 'utf8')));
    const w = await open(`${pathToFileURL(file).href}?doc=00-markup&lang=en`);
    await expectInert(w);
    expect(await w.page.locator('article.reader h2').innerText()).toBe(MARKUP_TITLE);
    expect(w.errors).toEqual([]);
    await w.page.context().close();
  }, 300_000);
});
