/**
 * The explorer page alone, for a few corpus sizes: builds the site with the real build on the
 * benchmark's synthetic corpus and measures it in Chromium (CPU 4×) as `npm run bench` does, without
 * the pipeline, search-engine and TimelineJS comparisons. Prints one JSON line per size.
 *
 *   node --import tsx bench/page.ts 100 1000 10000 [--no-search]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { measureApp } from './browser';
import { launchChromium } from './chromium';
import { writeCorpus } from './corpus';
import { buildSite, firstViewBytes } from './site';

const SEED = 20240501;
const WORK = 'bench/.work';
const QUERIES = ['rescue teams', 'fuel prices'];
const args = process.argv.slice(2);
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const search = !args.includes('--no-search');

mkdirSync(WORK, { recursive: true });
const browser = await launchChromium();
try {
  for (const size of sizes) {
    const seeds = join(WORK, `corpus-${size}`);
    const site = join(WORK, `page-${size}`);
    writeCorpus(seeds, size, SEED);
    const t0 = performance.now();
    await buildSite(seeds, site);
    const buildSeconds = (performance.now() - t0) / 1000;
    const bytes = firstViewBytes(site);
    const app = await measureApp(browser, site, search ? QUERIES : []);
    console.log(
      JSON.stringify({
        documents: size,
        load: loadavg().map((x) => Math.round(x * 10) / 10),
        buildSeconds: Math.round(buildSeconds),
        firstViewJsGzip: bytes.appJsGzip,
        dataGzip: bytes.dataGzip,
        dataFiles: bytes.dataFiles,
        fcpEnMs: app.firstContentfulPaintMs,
        fcpArMs: app.firstContentfulPaintArMs,
        readerMs: app.readerMs,
        interactiveMs: app.appMeasures['isnad:mounted'] ?? null,
        beforeInteractive: app.beforeInteractive,
        graphMs: app.graphFirstRenderMs,
        timelineMs: app.timelineFirstRenderMs,
        searchAnswersMs: app.searchAnswersMs,
        keystrokeMedianMs: app.keystrokeMedianMs,
        notes: app.notes,
      }),
    );
  }
} finally {
  await browser.close();
}
