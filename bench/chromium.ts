/** Debian's Chromium through playwright-core, with the CPU slowed through the DevTools protocol. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/browser';

/** The slowdown that stands for a mid-range phone. */
export const CPU_THROTTLE = 4;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A fresh page in its own context (cold cache), with the CPU throttled by `rate` (1 = none). */
export async function openThrottledPage(
  browser: Browser,
  rate = CPU_THROTTLE,
  viewport = { width: 1440, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  // tsx compiles with esbuild's keepNames, which wraps in-page functions in a `__name` helper.
  await context.addInitScript('window.__name = (f) => f;');
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  if (rate !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
  return page;
}

/** The browser's version string, for the report. */
export async function chromiumVersion(browser: Browser): Promise<string> {
  return `Chromium ${browser.version()}`;
}

/** Installs, before any page script, an observer that notes when each selector first matches (ms since navigation). */
export async function watchSelectors(page: Page, selectors: Record<string, string>): Promise<void> {
  await page.addInitScript((sel: Record<string, string>) => {
    const seen: Record<string, number> = {};
    (window as unknown as { __benchSeen: Record<string, number> }).__benchSeen = seen;
    const check = () => {
      for (const [k, s] of Object.entries(sel))
        if (seen[k] === undefined && document.querySelector(s)) seen[k] = performance.now();
      if (Object.keys(seen).length === Object.keys(sel).length) observer.disconnect();
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true });
  }, selectors);
}

/** What the observer saw so far. */
export function seenTimes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => (window as unknown as { __benchSeen?: Record<string, number> }).__benchSeen ?? {});
}
