// @vitest-environment node
// Byte budget of the first view: the real production build, then the JavaScript the page loads
// before anything else (the entry chunk and its static imports), gzip, without the inlined corpus.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstViewBytes, type FirstViewBytes } from '../../bench/site';

/** Issue "performance": app JavaScript of the first view at most 100 KB gzip, corpus excluded. */
const FIRST_VIEW_JS_GZIP_BUDGET = 100 * 1024;

let outDir: string;
let bytes: FirstViewBytes;
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'isnad-budget-'));
  // Vitest sets NODE_ENV=test, which makes vite-plugin-svelte compile in development mode (dev
  // checks and warnings, about 10 KB gzip more): measure what `npm run build` ships instead.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: 'vite.config.ts',
      mode: 'production',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
  } finally {
    process.env.NODE_ENV = env;
  }
  bytes = firstViewBytes(outDir);
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('first-view byte budget', () => {
  it("loads the corpus as data, not in the first view's JavaScript", () => {
    expect(bytes.jsFiles).toBeGreaterThan(0);
    expect(bytes.appJsGzip).toBe(bytes.jsGzip);
  });

  it(`loads at most ${FIRST_VIEW_JS_GZIP_BUDGET / 1024} KB of app JavaScript, gzip`, () => {
    expect(bytes.appJsGzip, `${Math.round(bytes.appJsGzip / 1024)} KB gzip`).toBeLessThanOrEqual(FIRST_VIEW_JS_GZIP_BUDGET);
  });
});
