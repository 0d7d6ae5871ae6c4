import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, stopHarness, type Harness } from './harness';
import { serveStatic, type StaticServer } from './server';

let h: Harness;
let host: StaticServer;
let dir: string;

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'isnad-element-host-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain page</title><link rel="icon" href="data:,">
<style>p { color: rgb(255, 0, 0) !important; font-family: monospace; } .reader { border: 9px solid lime; }</style>
<script src="${h.server.url}isnad-element.js" defer></script></head><body>
<p id="host-p">Host paragraph</p>
<div class="reader" id="host-reader">Host element with the class the explorer uses</div>
<isnad-explorer view="reader" lang="ar" style="height: 700px"></isnad-explorer>
</body></html>`,
  );
  host = await serveStatic(dir, '/');
});
afterAll(async () => {
  await stopHarness(h);
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('<isnad-explorer> custom element', () => {
  it('renders the explorer in a plain page, with styles kept apart both ways', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(host.url, { waitUntil: 'networkidle' });
    const article = page.locator('isnad-explorer article.reader');
    await article.waitFor();
    expect(await article.getAttribute('dir')).toBe('rtl');
    expect(await article.locator('h2').innerText()).toContain('تنسيق حقيقي');
    // Host styles do not reach inside: the article's paragraphs keep their own colour and font.
    const inside = await article
      .locator('p.para')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(inside).not.toBe('rgb(255, 0, 0)');
    // The explorer's styles do not reach the host: the host's .reader keeps only the host's rules.
    const hostReader = await page
      .locator('#host-reader')
      .evaluate((el) => ({ maxWidth: getComputedStyle(el).maxWidth, border: getComputedStyle(el).borderTopWidth }));
    expect(hostReader).toEqual({ maxWidth: 'none', border: '9px' });
    // The host page's language, direction and address are left alone.
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, location.search])).toEqual([
      'en',
      '',
      '',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
