/**
 * Prerenders the explorer's first view into the built index.html.
 *
 * Why: without it, nothing readable paints until the JavaScript has downloaded, parsed and run
 * (1.8 s first contentful paint for one article on a phone-class CPU). With it, the article, the
 * diagram and the timeline are in the HTML; src/main.ts hydrates them.
 *
 * How: a second, server-side Vite build compiles src/app/firstView.ts (App.svelte for the server);
 * it is imported here and given the manifest, documents and layout the client build used, so both render the
 * same markup. The virtual modules it never reaches on the server (the search index, imported
 * on first search) are stubbed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CorpusSource } from '../app/corpusFiles';
import type { GraphLayout } from '../graph/layout';

const MOUNT = '<div id="app"></div>';
const EN_TEMPLATE = 'isnad-first-en';

/**
 * Runs where the parser meets it, right after the English first view's template: for a reader the
 * head's language check (LANG_GATE in vitePlugin.ts) marked as getting the English interface, it
 * moves that view into #app before the first paint, so English readers see their page at once
 * instead of after hydration (1.3 s against 0.6 s for Arabic on a throttled phone CPU). A template's
 * content is inert: its ids do not clash with the Arabic view's, and without script nothing changes.
 * Admitted by its hash in the CSP, like LANG_GATE.
 */
export const FIRST_VIEW_SWAP =
  "(function(){var h=document.documentElement,t=document.getElementById('" +
  EN_TEMPLATE +
  "');if(!t)return;if(h.getAttribute('data-prerender')==='hidden'){document.getElementById('app').replaceChildren(t.content);" +
  "h.lang='en';h.dir='ltr';h.removeAttribute('data-prerender');}t.remove();})();";

/**
 * Puts the rendered markup inside the page's mount point; fails loudly if the page has none. With an
 * English rendering, that one follows as an inert template and the script that swaps it in.
 */
export function injectFirstView(html: string, body: string, english?: string): string {
  if (!html.includes(MOUNT)) throw new Error(`Isnad prerender: index.html has no ${MOUNT} to fill`);
  const en =
    english === undefined ? '' : `<template id="${EN_TEMPLATE}">${english}</template><script>${FIRST_VIEW_SWAP}</script>`;
  return html.replace(MOUNT, () => `<div id="app">${body}</div>${en}`);
}

/** The first view in each interface language. */
export interface FirstViews {
  ar: string;
  en: string;
}

/** Compiles the server entry and renders the default view for this corpus, in Arabic and in English. */
export async function renderFirstViewHtml(root: string, source: CorpusSource, layout: GraphLayout): Promise<FirstViews> {
  const [{ build }, { svelte }] = await Promise.all([import('vite'), import('@sveltejs/vite-plugin-svelte')]);
  const outDir = mkdtempSync(join(tmpdir(), 'isnad-prerender-'));
  try {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      mode: 'production',
      publicDir: false,
      plugins: [
        svelte(),
        {
          name: 'isnad-prerender-stubs',
          resolveId: (id) => (id.startsWith('virtual:isnad/') ? `\0${id}` : undefined),
          load: (id) => (id.startsWith('\0virtual:isnad/') ? 'export default null;' : undefined),
        },
      ],
      // Bundle every dependency: the output lives in a temporary folder with no node_modules.
      ssr: { noExternal: true },
      build: { ssr: join(root, 'src/app/firstView.ts'), outDir, emptyOutDir: true, target: 'node20' },
    });
    const entry = pathToFileURL(join(outDir, 'firstView.js')).href;
    const mod = (await import(entry)) as { renderFirstView: (c: CorpusSource, l: GraphLayout, lang: 'ar' | 'en') => string };
    return { ar: mod.renderFirstView(source, layout, 'ar'), en: mod.renderFirstView(source, layout, 'en') };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
