import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, stopHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => stopHarness(h));

describe('the built explorer, served from a sub-path', () => {
  it('renders the seed article right-to-left with no console errors and no outside requests', async () => {
    const { page, errors, outside } = await openPage(h, '?lang=ar');
    const article = page.locator('article.reader');
    await article.waitFor();
    expect(await article.getAttribute('dir')).toBe('rtl');
    expect(await article.getAttribute('lang')).toBe('ar');
    const title = await page.locator('article.reader h2').innerText();
    expect(title).toContain('تنسيق حقيقي');
    expect(await page.locator('article.reader .subhead').count()).toBe(2);
    expect(await page.locator('article.reader .dateline').innerText()).toContain('سانا');
    const direction = await article.evaluate((el) => getComputedStyle(el).direction);
    expect(direction).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it('shows the article before any script runs (prerendered), then takes that markup over', async () => {
    // With JavaScript off, the build's prerendered first view is all there is: the article is readable.
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const still = await context.newPage();
    await still.goto(h.server.url);
    expect(await still.locator('article.reader h2').innerText()).toContain('تنسيق حقيقي');
    expect(await still.locator('#graph svg').count()).toBeGreaterThan(0);
    await context.close();
    // With JavaScript, hydration reuses it: still one explorer, and it answers a click.
    const { page, errors } = await openPage(h, '');
    expect(await page.locator('#app > .app').count()).toBe(1);
    expect(await page.locator('article.reader').count()).toBe(1);
    await page.locator('article.reader [data-entity]').first().click();
    expect(await page.locator('#graph [aria-pressed="true"]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the Arabic prerender hidden from a reader who gets the English interface, so nothing shifts', async () => {
    for (const [locale, hidden] of [
      ['en-US', true],
      ['ar-SY', false],
    ] as const) {
      const context = await h.browser.newContext({ locale, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(h.server.url);
      // With JavaScript off the head's check does not run either: every reader sees the prerendered article.
      expect(await page.locator('article.reader').isVisible()).toBe(true);
      await context.close();
      const { page: live, errors } = await openPage(h, '', { locale });
      await live.locator('article.reader').waitFor();
      // After hydration the view is shown in the reader's language, and there was no layout shift.
      expect(await live.evaluate(() => document.documentElement.hasAttribute('data-prerender'))).toBe(false);
      expect(await live.evaluate(() => document.documentElement.lang)).toBe(hidden ? 'en' : 'ar');
      const shift = await live.evaluate(
        () =>
          new Promise<number>((done) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
                if (!e.hadRecentInput) total += e.value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => done(total), 300);
          }),
      );
      expect(shift, locale).toBeLessThan(0.1);
      expect(errors).toEqual([]);
      await live.context().close();
    }
  });

  it("paints the first view in the reader's own language before the app script runs", async () => {
    // The module script never arrives: only the page's inline checks run. An English reader must
    // still see the English interface (the build's second prerender), and an Arabic reader the Arabic one.
    for (const [locale, lang, dir, label] of [
      ['en-US', 'en', 'ltr', 'Skip to the article'],
      ['ar-SY', 'ar', 'rtl', 'انتقل إلى المقال'],
    ] as const) {
      const context = await h.browser.newContext({ locale });
      await context.route(/\/assets\/.*\.js$/, (route) => route.abort());
      const page = await context.newPage();
      await page.goto(h.server.url);
      await page.locator('article.reader').waitFor();
      expect(await page.locator('article.reader').isVisible()).toBe(true);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, dir]);
      expect(await page.locator('#app > .app').getAttribute('lang')).toBe(lang);
      expect(await page.locator('#app').innerText()).toContain(label);
      // One view in the page: the other language's stays inert (no duplicate ids), then is dropped.
      expect(await page.locator('#app > .app').count()).toBe(1);
      expect(await page.locator('template').count()).toBe(0);
      const dupes = await page.evaluate(() => {
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
        return ids.filter((id, i) => ids.indexOf(id) !== i);
      });
      expect(dupes).toEqual([]);
      await context.close();
    }
  });

  it('loads its self-hosted Arabic font', async () => {
    const { page } = await openPage(h, '?lang=ar');
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'عربي'));
    expect(loaded).toBe(true);
    const fontRequests = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => n.endsWith('.woff2')),
    );
    expect(fontRequests.length).toBeGreaterThan(0);
    for (const f of fontRequests) expect(f.startsWith(h.server.url)).toBe(true);
    await page.context().close();
  });

  it('switches the interface to English and mirrors the layout, keeping the article RTL', async () => {
    const { page } = await openPage(h, '?lang=ar');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.locator('article.reader').getAttribute('dir')).toBe('rtl');
    expect(page.url()).toContain('lang=en');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Isnad');
    await page.context().close();
  });

  it('shows one view at a time with tabs on a phone, without horizontal scrolling', async () => {
    const { page } = await openPage(h, '?lang=en', { viewport: { width: 390, height: 844 } });
    const tabs = page.getByRole('navigation', { name: 'Views' });
    await tabs.getByRole('button', { name: 'Diagram' }).click();
    expect(await page.locator('#graph').isVisible()).toBe(true);
    expect(await page.locator('#reader').isVisible()).toBe(false);
    await tabs.getByRole('button', { name: 'Article' }).click();
    expect(await page.locator('#reader').isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
