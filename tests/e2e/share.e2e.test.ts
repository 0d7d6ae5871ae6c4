import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, stopHarness, waitForApp, type Harness } from './harness';

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

describe('links to selections', () => {
  it('reproduces an entity selection in the reader and the diagram, and a statement in the timeline', async () => {
    const { page } = await openPage(h, '?lang=en');
    const node = page.locator('#graph [data-entity]').first();
    const id = (await node.getAttribute('data-entity'))!;
    const statement = (await page.locator('#timeline [data-statement]').first().getAttribute('data-statement'))!;
    await page.context().close();

    const a = await openPage(h, `?entity=${encodeURIComponent(id)}&lang=en`);
    expect(await a.page.locator(`#graph [data-entity="${id}"][aria-pressed="true"]`).count()).toBe(1);
    expect(await a.page.locator(`article.reader [data-entity="${id}"].is-selected`).count()).toBeGreaterThan(0);
    await a.page.context().close();

    const b = await openPage(h, `?statement=${encodeURIComponent(statement)}&lang=en`);
    expect(await b.page.locator(`#timeline [data-statement="${statement}"][aria-current="true"]`).count()).toBe(1);
    expect(await b.page.locator('article.reader .is-selected').count()).toBeGreaterThan(0);
    await b.page.context().close();
  });

  it('reproduces a timeline window given in the link', async () => {
    const { page } = await openPage(h, '?from=2016-06-01&to=2017-01-31&lang=en');
    const url = new URL(page.url());
    expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual(['2016-06-01', '2017-01-31']);
    await page.context().close();
  });

  it('Back returns from a selection to the previous one', async () => {
    const { page } = await openPage(h, '?lang=en');
    const nodes = page.locator('#graph [data-entity]');
    const first = (await nodes.nth(0).getAttribute('data-entity'))!;
    const second = (await nodes.nth(1).getAttribute('data-entity'))!;
    await page.goto(new URL(`?entity=${encodeURIComponent(first)}&lang=en`, h.server.url).href);
    // The prerendered diagram is there before the app has taken it over: a click would do nothing yet.
    await waitForApp(page);
    await page.locator(`#graph [data-entity="${second}"]`).dispatchEvent('click');
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('entity') === id, second);
    await page.goBack();
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('entity') === id, first);
    expect(await page.locator(`#graph [data-entity="${first}"][aria-pressed="true"]`).count()).toBe(1);
    await page.context().close();
  });
});
