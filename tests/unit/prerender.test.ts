// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus';
import { buildGraphLayout } from '../../src/graph/layout';
import { buildCorpus } from '../../src/pipeline/corpus';
import { FIRST_VIEW_SWAP, injectFirstView, renderFirstViewHtml, type FirstViews } from '../../src/pipeline/prerender';
import { LANG_GATE } from '../../src/pipeline/vitePlugin';
import { preferredLang } from '../../src/app/i18n.svelte';
import { manifestOf } from '../../src/model/digest';

describe('injectFirstView', () => {
  const page = '<body>\n    <div id="app"></div>\n    <noscript>x</noscript>\n</body>';

  it('puts the markup inside the mount point and leaves the rest of the page alone', () => {
    const out = injectFirstView(page, '<main>مرحبا</main>');
    expect(out).toBe('<body>\n    <div id="app"><main>مرحبا</main></div>\n    <noscript>x</noscript>\n</body>');
  });

  it("takes the markup literally: `$&` and `$'` in an article are not replacement patterns", () => {
    const out = injectFirstView(page, "<p>costs $& and $' more</p>");
    expect(out).toContain('<div id="app"><p>costs $& and $\' more</p></div>');
  });

  it('keeps an English rendering inert in a template, followed by the script that swaps it in', () => {
    const out = injectFirstView(page, '<main>مرحبا</main>', '<main>Hello</main>');
    expect(out).toContain(
      `<div id="app"><main>مرحبا</main></div><template id="isnad-first-en"><main>Hello</main></template><script>${FIRST_VIEW_SWAP}</script>`,
    );
  });

  it('fails with a clear message when the page has no mount point', () => {
    expect(() => injectFirstView('<body></body>', '<p>x</p>')).toThrow(/index\.html has no <div id="app"><\/div>/);
  });
});

/** The markup of one pane of the explorer (from its section to the next). */
function pane(body: string, id: string): string {
  const at = body.indexOf(`<section id="${id}"`);
  if (at < 0) return '';
  const next = body.indexOf('<section id="', at + 1);
  return body.slice(at, next < 0 ? undefined : next);
}

describe('renderFirstViewHtml', () => {
  async function render(docs: number): Promise<FirstViews> {
    const dir = mkdtempSync(join(tmpdir(), 'isnad-prerender-'));
    try {
      writeCorpus(dir, docs, 7);
      const corpus = buildCorpus(dir);
      const manifest = manifestOf(corpus);
      return await renderFirstViewHtml(process.cwd(), { manifest, documents: corpus.documents }, buildGraphLayout(manifest));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('prerenders every view of a small corpus, and only the shell and reader of a large one', async () => {
    const [fewViews, manyViews] = [await render(3), await render(25)];
    const [few, many] = [fewViews.ar, manyViews.ar];
    // The same view in each interface language, for the page to show before its script runs.
    expect(few).toMatch(/<div class="app[^"]*" dir="rtl" lang="ar"/);
    expect(fewViews.en).toMatch(/<div class="app[^"]*" dir="ltr" lang="en"/);
    expect(pane(fewViews.en, 'graph')).toContain('<svg');
    for (const body of [few, many]) expect(/<article[^>]*class="[^"]*reader/.test(pane(body, 'reader'))).toBe(true);
    expect(pane(few, 'graph')).toContain('<svg');
    expect(pane(few, 'timeline')).toContain('<svg');
    expect(pane(few, 'search')).toContain('type="search"');
    // Many documents: the panes are there, holding a note; they draw once the page runs.
    expect(pane(many, 'graph')).not.toContain('<svg');
    expect(pane(many, 'timeline')).not.toContain('<svg');
    expect(pane(many, 'search')).not.toContain('type="search"');
    expect(many.length).toBeLessThan(60_000);
  }, 120_000);
});

describe('LANG_GATE (the head check of a prerendered page)', () => {
  /** Runs the inline script with a given address and browser languages; true when it hid the page. */
  function hides(search: string, languages: string[]): boolean {
    const attrs = new Map<string, string>();
    const document = { documentElement: { setAttribute: (k: string, v: string) => attrs.set(k, v) } };
    new Function('location', 'navigator', 'document', LANG_GATE)({ search }, { languages }, document);
    return attrs.get('data-prerender') === 'hidden';
  }

  it('hides the Arabic prerender exactly when the interface will not be Arabic, by the same rule as the app', () => {
    const cases: [string, string[]][] = [
      ['', ['ar-SY', 'en']],
      ['', ['en-US']],
      ['', ['fr-FR']],
      ['', ['fr-FR', 'ar']],
      ['', []],
      ['?lang=ar', ['en-US']],
      ['?lang=en', ['ar']],
      ['?lang=xx', ['ar-EG']],
    ];
    for (const [search, languages] of cases) {
      const lang = new URLSearchParams(search).get('lang');
      const ui = lang === 'ar' || lang === 'en' ? lang : preferredLang(languages);
      expect(hides(search, languages), `${search} ${languages.join(',')}`).toBe(ui !== 'ar');
    }
  });
});
