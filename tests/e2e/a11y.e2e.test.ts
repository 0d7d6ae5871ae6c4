import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { openPage, startHarness, stopHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => stopHarness(h));

describe('accessibility (axe-core)', () => {
  for (const lang of ['ar', 'en'] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1440, 390]) {
        it(`finds no violations in ${lang}, ${colorScheme}, ${width}px`, async () => {
          const { page } = await openPage(h, `?lang=${lang}`, { bypassCSP: true, colorScheme, viewport: { width, height: 900 } });
          await page.evaluate(() => document.fonts.ready);
          expect(await axeViolations(page)).toEqual([]);
          await page.context().close();
        });
      }
    }
  }

  it('offers a skip link as the first stop of the keyboard', async () => {
    const { page } = await openPage(h, '?lang=en');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Skip to the article');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#reader');
    await page.context().close();
  });
});
