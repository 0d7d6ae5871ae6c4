import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';

const file = resolve('dist/isnad.html');
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
afterAll(async () => browser?.close());

describe('dist/isnad.html, one self-contained file', () => {
  it('stays within its size budget (600 KB for the seed corpus)', () => {
    expect(statSync(file).size).toBeLessThanOrEqual(600 * 1024);
  });

  it('works from file:// with no other request, links within the page included', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${pathToFileURL(file).href}?lang=ar`);
    await page.locator('article.reader').waitFor();
    expect(await page.locator('article.reader').getAttribute('dir')).toBe('rtl');
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'عربي'))).toBe(true);
    await page.getByRole('navigation', { name: 'طرق العرض' }).getByRole('button', { name: 'الخط الزمني' }).click();
    expect(page.url()).toContain('view=timeline');
    expect(await page.locator('#timeline').isVisible()).toBe(true);
    // Search works on the page itself: no worker in one file under a hash CSP (docs/search.md).
    await page.getByRole('navigation', { name: 'طرق العرض' }).getByRole('button', { name: 'البحث' }).click();
    await page.locator('#search input[type=search]').fill('ترمب');
    await page.locator('[data-result]').first().waitFor();
    expect(page.workers()).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    await page.close();
  });
});
