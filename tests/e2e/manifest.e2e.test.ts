// Documents on demand (src/app/corpusStore.svelte.ts): a split build of more documents than the page loads
// at once, one document per file. The page fetches the manifest and the first document's file; opening
// another document fetches its file only; a link to a passage in a document not loaded yet opens it.
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus';
import { buildSite } from '../../bench/site';
import type { Manifest } from '../../src/model/manifest';
import type { IsnadDocument } from '../../src/model/schema';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';
import { serveStatic, type StaticServer } from './server';

/** More than the page loads whole before it is interactive (src/app/corpusFiles.ts, SMALL_CORPUS). */
const DOCUMENTS = 24;
let work: string;
let site: string;
let server: StaticServer;
let browser: Browser;
let manifest: Manifest;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'isnad-manifest-e2e-'));
  writeCorpus(join(work, 'seeds'), DOCUMENTS, 5);
  site = join(work, 'site');
  // One document per file (any document is bigger than 1 byte).
  await buildSite(join(work, 'seeds'), site, { chunkBytes: 1 });
  const name = readdirSync(join(site, 'data')).find((f) => f.startsWith('manifest-'))!;
  manifest = JSON.parse(readFileSync(join(site, 'data', name), 'utf8')) as Manifest;
  server = await serveStatic(site, '/news/');
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Opens the site at `query`, recording the data files it requests (by name, in order). */
async function open(query: string): Promise<{ page: Page; data: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const data: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.includes('/data/')) data.push(path.split('/').pop()!);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${server.url}${query}`, { waitUntil: 'networkidle' });
  return { page, data, errors };
}

const fileOf = (id: string) => manifest.chunks[manifest.documents.find((d) => d.id === id)!.chunk]!.split('/').pop()!;
const documentOf = (id: string) =>
  (
    JSON.parse(
      readFileSync(join(site, manifest.chunks[manifest.documents.find((d) => d.id === id)!.chunk]!), 'utf8'),
    ) as IsnadDocument[]
  )[0]!;

describe('documents on demand', () => {
  it('builds one file per document and a manifest that names them', () => {
    expect(manifest.documents).toHaveLength(DOCUMENTS);
    expect(new Set(manifest.documents.map((d) => d.chunk)).size).toBe(DOCUMENTS);
  });

  it('fetches the manifest and the first document, then only the file of the document opened', async () => {
    const { page, data, errors } = await open('?lang=en');
    await page.locator('article.reader').waitFor();
    const first = manifest.documents[0]!;
    expect(data.filter((f) => f.startsWith('manifest-'))).toHaveLength(1);
    expect(data.filter((f) => f.startsWith('corpus-'))).toEqual([fileOf(first.id)]);
    // The views that span the corpus are drawn from the manifest alone.
    await page.locator('#graph svg').first().waitFor();
    await page.locator('#timeline svg').first().waitFor();
    expect(data.filter((f) => f.startsWith('corpus-'))).toEqual([fileOf(first.id)]);

    const other = manifest.documents[7]!;
    await page.locator('header select').first().selectOption(other.id);
    await page
      .locator('article.reader h2')
      .filter({ hasText: other.title.slice(0, 20) })
      .waitFor();
    expect(data.filter((f) => f.startsWith('corpus-'))).toEqual([fileOf(first.id), fileOf(other.id)]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a shared link to a passage in a document not loaded yet', async () => {
    const target = manifest.documents[15]!;
    const doc = documentOf(target.id);
    const sentence = doc.sentences[1]!;
    const { page, data, errors } = await open(`?doc=${target.id}&span=${sentence.start}-${sentence.end}&lang=en`);
    const selected = page.locator('article.reader .is-selected').first();
    await selected.waitFor();
    expect(doc.text.slice(sentence.start, sentence.end)).toContain((await selected.innerText()).trim());
    expect(data).toContain(fileOf(target.id));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("searches without loading the documents, and opens a hit's document by its file alone", async () => {
    const { page, data, errors } = await open('?lang=en');
    await page.locator('article.reader').waitFor();
    const box = page.locator('#search input[type=search]');
    await box.waitFor();
    const before = new Set(data.filter((f) => f.startsWith('corpus-')));
    await box.fill('rescue teams');
    const hit = page.locator('[data-result="passage"], [data-result="statement"]').first();
    await hit.waitFor();
    // The worker fetched the index's shards; no document file came with the answer.
    expect(new Set(data.filter((f) => f.startsWith('corpus-')))).toEqual(before);
    await hit.click();
    await page.locator('article.reader .is-selected').first().waitFor();
    expect(new Set(data.filter((f) => f.startsWith('corpus-'))).size).toBeLessThanOrEqual(before.size + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names a document file it could not load in the reader, and tries again when asked', async () => {
    const target = manifest.documents[20]!;
    const file = join(site, manifest.chunks[target.chunk]!);
    renameSync(file, `${file}.away`);
    let page: Page | undefined;
    try {
      const opened = await open(`?doc=${target.id}&lang=en`);
      page = opened.page;
      const alert = page.locator('#reader [role="alert"]');
      await alert.waitFor();
      expect(await alert.innerText()).toContain(`${fileOf(target.id)}: HTTP 404`);
      // The failure is not retried by itself (one request), only when the reader asks.
      expect(opened.data.filter((f) => f === fileOf(target.id))).toHaveLength(1);
      renameSync(`${file}.away`, file);
      await page.locator('#reader').getByRole('button', { name: 'Try again' }).click();
      await page
        .locator('article.reader h2')
        .filter({ hasText: target.title.slice(0, 20) })
        .waitFor();
    } finally {
      try {
        renameSync(`${file}.away`, file);
      } catch {
        // Already back.
      }
      await page?.close();
    }
  });
});
