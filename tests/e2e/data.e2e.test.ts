import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, stopHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => stopHarness(h));

describe('data out', () => {
  it('downloads the corpus as JSON and the statements as CSV', async () => {
    const { page } = await openPage(h, '?lang=en', { acceptDownloads: true });
    await page.getByText('Data', { exact: true }).click();
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Corpus (JSON)' }).click(),
    ]);
    const corpus = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { schemaVersion: number; documents: unknown[] };
    expect(corpus.schemaVersion).toBe(1);
    expect(corpus.documents.length).toBeGreaterThan(0);
    await page.getByText('Data', { exact: true }).click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Statements (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('isnad-statements.csv');
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFFid,document,speaker')).toBe(true);
    await page.context().close();
  });

  it('prints the article alone', async () => {
    const { page } = await openPage(h, '?lang=ar');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('article.reader').isVisible()).toBe(true);
    for (const sel of ['header.header', '#search', '#graph', '#timeline'])
      expect(await page.locator(sel).isVisible(), sel).toBe(false);
    await page.context().close();
  });
});

describe('the header on a phone', () => {
  it('folds the secondary tools into a More menu that opens by keyboard', async () => {
    const { page } = await openPage(h, '?lang=en', { viewport: { width: 390, height: 844 } });
    expect(await page.getByRole('button', { name: 'Copy link' }).isVisible()).toBe(false);
    await page.getByText('More').focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: 'Copy link' }).isVisible()).toBe(true);
    const headerHeight = await page.locator('header.header').evaluate((el) => el.getBoundingClientRect().height);
    expect(headerHeight).toBeLessThan(80);
    await page.context().close();
  });
});
