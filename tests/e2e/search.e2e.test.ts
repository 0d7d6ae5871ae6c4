import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, stopHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => stopHarness(h));

describe('search in the page', () => {
  it('finds a name under another spelling, highlights it, and puts the query in the link', async () => {
    const { page, errors } = await openPage(h, '?lang=ar');
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    const requested: string[] = [];
    page.on('request', (r) => void requested.push(new URL(r.url()).pathname));
    const box = page.locator('#search input[type=search]');
    await box.fill('ترمب');
    await page.locator('[data-result]').first().waitFor();
    expect(await page.locator('[data-result]').count()).toBeGreaterThan(3);
    const marked = await page.locator('[data-result] mark').allInnerTexts();
    expect(marked.some((m) => m.includes('ترامب'))).toBe(true);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'ترمب');
    // Once typing pauses, the diagram lights the entity found (and the timeline what it said).
    await page.locator('#graph .lit').first().waitFor({ state: 'attached' });
    expect(await page.locator('#graph .lit').count()).toBeGreaterThan(0);
    // Clearing the box puts the lights out at once.
    await box.fill('');
    await page.waitForFunction(() => document.querySelectorAll('#graph .lit').length === 0);
    expect(errors).toEqual([]);
    // The engine runs in its worker, not on the page (docs/search.md); the page never fell back.
    expect(page.workers().some((w) => /searchWorker/.test(w.url()))).toBe(true);
    expect(warnings.filter((w) => w.includes('search runs on the page'))).toEqual([]);
    // The worker fetched the files of the sharded index that the query needed, each once (docs/search.md).
    const shards = requested.filter((p) => p.includes('/assets/search/'));
    expect(shards.some((p) => /\/t-[0-9a-f]+\.json$/.test(p))).toBe(true);
    expect(new Set(shards).size).toBe(shards.length);
    await page.context().close();
  });

  it('opens a link with a query and shows its results', async () => {
    const { page } = await openPage(h, `?q=${encodeURIComponent('Putin')}&lang=en`);
    expect(await page.locator('#search input[type=search]').inputValue()).toBe('Putin');
    await page.locator('[data-result]').first().waitFor();
    expect(await page.locator('[data-result]').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('works by keyboard alone: / to search, arrows and Enter to select, the views follow, Escape clears', async () => {
    const { page } = await openPage(h, '?lang=en');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    await page.keyboard.type('Slutsky');
    await page.locator('[data-result]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('article.reader .is-selected').first().waitFor();
    expect(new URL(page.url()).search).toMatch(/entity=|statement=|span=/);
    // The selection shows in the timeline too: its items by that speaker are lit or the item is selected.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('article.reader .is-selected'));
    await page.context().close();
  });
});

describe('long result lists', () => {
  it('draws a page of hits per group and more on request', async () => {
    const { page } = await openPage(h, '?lang=en');
    const box = page.locator('#search input[type=search]');
    await box.fill('ترمب');
    await page.locator('[data-result]').first().waitFor();
    const before = await page.locator('[data-result="passage"]').count();
    expect(before).toBeLessThanOrEqual(12);
    const more = page.getByRole('button', { name: /Passages: \d+ more/ });
    if (before === 12 && (await more.count()) > 0) {
      await more.click();
      // More hits are asked of the engine (in its worker): they arrive a moment later.
      await page.waitForFunction((n) => document.querySelectorAll('[data-result="passage"]').length > n, before);
      expect(await page.locator('[data-result="passage"]').count()).toBeGreaterThan(before);
    }
    await page.context().close();
  });
});
