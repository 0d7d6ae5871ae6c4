import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, stopHarness, type Harness } from './harness';
import { serveStatic, type StaticServer } from './server';

let h: Harness;
let host: StaticServer;
let hostDir: string;

beforeAll(async () => {
  h = await startHarness();
  hostDir = mkdtempSync(join(tmpdir(), 'isnad-host-'));
  const explorer = h.server.url;
  writeFileSync(
    join(hostDir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>Host</title>
<style>body{margin:0;font:16px serif} iframe{display:block}</style></head><body>
<h1>A host page</h1>
<iframe id="one" src="${explorer}?embed=1&view=reader&lang=en" title="Isnad" style="width:100%;height:600px;border:0"></iframe>
<div style="height:1500px">Below the fold from here on: Chromium sends no animation frames to an offscreen frame of another origin.</div>
<iframe id="two" src="${explorer}?embed=1&lang=en" title="Isnad two" style="width:100%;height:600px;border:0" data-isnad-follow="hash"></iframe>
<iframe id="other" src="about:blank" title="unrelated" style="height:123px"></iframe>
<script src="${explorer}embed.js" async></script>
</body></html>`,
  );
  host = await serveStatic(hostDir, '/');
});
afterAll(async () => {
  await stopHarness(h);
  await host?.close();
  rmSync(hostDir, { recursive: true, force: true });
});

describe('embedding', () => {
  it('shows a compact view without the page chrome, with a link to the full view', async () => {
    const { page } = await openPage(h, '?embed=1&view=reader&lang=en');
    expect(await page.locator('header.header').count()).toBe(0);
    const open = page.getByRole('link', { name: /Open in Isnad/ });
    const href = await open.getAttribute('href');
    expect(href).toContain('view=reader');
    expect(href).not.toContain('embed=1');
    expect(await page.locator('nav.tabs').isVisible()).toBe(false);
    await page.context().close();
  });

  it('sizes each explorer iframe on a host page on another origin to its content', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(host.url, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.getElementById('one')!.style.height !== '600px');
    const frameHeight = await page.evaluate(() => parseInt(document.getElementById('one')!.style.height, 10));
    const inner = page.frameLocator('#one');
    const contentHeight = await inner.locator('.app').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    expect(frameHeight).toBe(contentHeight);
    expect(frameHeight).toBeGreaterThan(600);
    expect(await page.evaluate(() => document.getElementById('other')!.style.height)).toBe('123px');
    await context.close();
  });

  it('follows the host hash both ways when asked to', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(host.url, { waitUntil: 'networkidle' });
    // The frame is below the fold and never painted, yet it takes over its markup and reports its size.
    await page.waitForFunction(() => document.getElementById('two')!.style.height !== '600px');
    const frame = page.frameLocator('#two');
    await frame.getByRole('button', { name: 'Timeline' }).click();
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('view=timeline'));
    await page.evaluate(() => {
      location.hash = `isnad=${encodeURIComponent('?view=graph&lang=en')}`;
    });
    await frame.locator('#graph.active').waitFor();
    expect(await frame.locator('#graph').isVisible()).toBe(true);
    await context.close();
  });

  it('ignores messages of the wrong shape or from elsewhere', async () => {
    const { page, errors } = await openPage(h, '?embed=1&lang=en');
    await page.evaluate(() => {
      for (const m of [
        null,
        'x',
        { type: 'isnad:navigate', version: 1, search: 'javascript:alert(1)' },
        { type: 'isnad:navigate', version: 9, search: '?view=graph' },
      ])
        window.postMessage(m, '*');
    });
    await page.waitForTimeout(200);
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
