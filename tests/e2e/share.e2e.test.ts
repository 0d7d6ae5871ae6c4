import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, stopHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => stopHarness(h));

const DOC = '000_3a34eed36ca8e033';

describe('links reproduce views', () => {
  it('opens the view named in the link on a phone', async () => {
    const { page } = await openPage(h, '?view=timeline&lang=en', { viewport: { width: 390, height: 844 } });
    expect(await page.locator('#timeline').isVisible()).toBe(true);
    expect(await page.locator('#reader').isVisible()).toBe(false);
    await page.context().close();
  });

  it('marks and scrolls to a passage given by doc and span', async () => {
    const { page } = await openPage(h, `?doc=${DOC}&span=0-5&lang=ar`);
    const text = await page.locator('article.reader .is-selected').first().innerText();
    expect(text).toBe('بوتين');
    await page.context().close();
  });

  it('loads a hostile link, says what it ignored, and injects nothing', async () => {
    const hostile = `?entity=${encodeURIComponent('<img src=x onerror=alert(1)>')}&q=${encodeURIComponent('<script>window.__pwned=1</script>')}&view=%22%3E&statement=nope:missing&lang=en`;
    const { page, errors } = await openPage(h, hostile);
    await page.locator('article.reader').waitFor();
    const notices = await page.getByRole('status').filter({ hasText: 'link' }).innerText();
    expect(notices).toContain('could not be used');
    expect(notices).toContain('statement=nope:missing');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('survives an absurdly long parameter', async () => {
    const { page, errors } = await openPage(h, `?q=${'ب'.repeat(2_000)}&lang=ar`);
    await page.locator('article.reader').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the language in the link once switched, and back returns to the previous view', async () => {
    const { page } = await openPage(h, '?lang=en', { viewport: { width: 390, height: 844 } });
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Diagram' }).click();
    expect(new URL(page.url()).searchParams.get('view')).toBe('graph');
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('view=graph'));
    expect(await page.locator('#reader').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'العربية' }).click();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ar');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await page.context().close();
  });
});
