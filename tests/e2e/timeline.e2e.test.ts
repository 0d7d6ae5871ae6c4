/**
 * The timeline in the built site: clicking an item marks its span in the reader, the keyboard
 * moves between items, time runs right to left in Arabic, and axe finds nothing to fix.
 * Skipped (with a message) only while the pipeline extracts no statements from seeds/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/pipeline/corpus';
import { axeViolations } from './axe';
import { openPage, startHarness, stopHarness, type Harness } from './harness';

const corpus = buildCorpus('seeds');
const statements = corpus.documents.flatMap((doc) => doc.statements.map((s) => ({ doc, s })));
const noStatements = statements.length === 0;
if (noStatements) console.warn('Isnad e2e: the seeds yield no statements yet; the timeline end-to-end tests are skipped.');

let h: Harness | undefined;
beforeAll(async () => {
  if (!noStatements) h = await startHarness();
});
afterAll(async () => stopHarness(h));

describe('the timeline in the built explorer', () => {
  it.skipIf(noStatements)('clicking a statement marks its span in the reader', async () => {
    const { page, errors } = await openPage(h!, '?lang=en');
    // A point (a single day) lies wholly on screen; a long bar may run past the edges.
    const first = page.locator('#timeline svg.plot [data-statement]:has(circle.mark)').first();
    await first.waitFor();
    const id = await first.getAttribute('data-statement');
    const found = statements.find((x) => x.s.id === id);
    expect(found, `statement ${id} is in the corpus`).toBeDefined();
    await first.click();
    const marked = page.locator('article.reader .is-selected');
    await marked.first().waitFor();
    const text = (await marked.allTextContents()).join('');
    expect(text).toBe(found!.doc.text.slice(found!.s.start, found!.s.end));
    expect(await page.locator(`#timeline [data-card="${id}"] blockquote`).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.skipIf(noStatements)('arrow keys move between items and Enter selects', async () => {
    const { page } = await openPage(h!, '?lang=en');
    const stop = page.locator('#timeline svg.plot [tabindex="0"]');
    await stop.waitFor();
    await stop.focus();
    const before = await page.evaluate(() => (document.activeElement as SVGElement).dataset.key);
    await page.keyboard.press('End');
    const after = await page.evaluate(() => (document.activeElement as SVGElement).dataset.key);
    if (statements.length + corpus.documents.reduce((n, d) => n + d.events.length, 0) > 1) expect(after).not.toBe(before);
    await page.keyboard.press('Enter');
    expect(await page.locator(`#timeline svg.plot [data-key="${after}"]`).getAttribute('aria-current')).toBe('true');
    await page.context().close();
  });

  it.skipIf(noStatements)('runs right to left in Arabic: later days further left', async () => {
    const { page } = await openPage(h!, '?lang=ar');
    await page.locator('#timeline svg.plot').waitFor();
    const ticks = await page
      .locator('#timeline svg.plot .tick')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks[0]!).toBeGreaterThan(ticks[ticks.length - 1]!);
    await page.context().close();
  });

  it.skipIf(noStatements)('axe finds nothing in the timeline with an item selected, in both languages', async () => {
    for (const lang of ['ar', 'en']) {
      const { page } = await openPage(h!, `?lang=${lang}`, { bypassCSP: true });
      await page.locator('#timeline svg.plot [data-statement]:has(circle.mark)').first().click();
      await page.locator('#timeline [data-card]').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }
  });
});
