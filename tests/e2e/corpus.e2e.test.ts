// The static site fetches its corpus as content-hashed data files (src/pipeline/chunks.ts): the
// manifest and, for a small corpus like the seed, every document file, each once (the page preloads
// them); a missing file is named in the page rather than leaving an empty explorer that looks complete.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, stopHarness, type Harness } from './harness';
import { serveStatic } from './server';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => stopHarness(h));

describe('the corpus as data files', () => {
  it('fetches each corpus file exactly once, the preload serving the script', async () => {
    const files = readdirSync('dist/data').filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const { page, errors } = await openPage(h, '?lang=en');
    await page.locator('#graph svg').first().waitFor();
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.includes('/data/')),
    );
    expect(fetched.map((p) => p.split('/').pop()).sort()).toEqual([...files].sort());
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('names the corpus file it could not load, and keeps the prerendered article readable', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'isnad-nodata-'));
    cpSync('dist', copy, { recursive: true });
    rmSync(join(copy, 'data'), { recursive: true, force: true });
    const server = await serveStatic(copy, '/site/');
    const page = await h.browser.newPage();
    try {
      await page.goto(`${server.url}?lang=en`, { waitUntil: 'load' });
      const alert = page.locator('.isnad-load-error[role="alert"]');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/could not load the corpus file .*\/data\/manifest-[0-9a-f]{12}\.json: HTTP 404/);
      expect(await page.locator('article.reader h2').innerText()).toContain('تنسيق حقيقي');
    } finally {
      await page.close();
      await server.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
