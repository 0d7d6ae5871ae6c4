/**
 * Takes screenshots of the built explorer in Debian's Chromium, for the README and for review:
 * `node --import tsx scripts/screenshot.ts [URL] [OUT_DIR]` (serve dist/ first: `npm run preview`).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/browser';

const base = process.argv[2] ?? 'http://127.0.0.1:4173/';
const out = process.argv[3] ?? 'docs/screenshots';
mkdirSync(out, { recursive: true });

const shots = [
  { name: 'desktop-ar', width: 1440, height: 900, query: '?lang=ar', scheme: 'light' as const },
  { name: 'desktop-en', width: 1440, height: 900, query: '?lang=en', scheme: 'light' as const },
  { name: 'desktop-ar-dark', width: 1440, height: 900, query: '?lang=ar', scheme: 'dark' as const },
  { name: 'phone-ar', width: 390, height: 844, query: '?lang=ar', scheme: 'light' as const },
  { name: 'phone-en', width: 390, height: 844, query: '?lang=en', scheme: 'light' as const },
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const s of shots) {
    const page = await browser.newPage({ viewport: { width: s.width, height: s.height }, colorScheme: s.scheme });
    await page.goto(new URL(s.query, base).href, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${out}/${s.name}.png` });
    await page.close();
  }
} finally {
  await browser.close();
}
