// Server-side entry, compiled by src/pipeline/prerender.ts at build time: renders the explorer's
// default view to HTML, so the page shows its text before any JavaScript has run; the browser then
// hydrates that markup instead of drawing it again (src/main.ts).
import { render } from 'svelte/server';
import type { GraphLayout } from '../graph/layout';
import App from './App.svelte';
import type { CorpusSource } from './corpusFiles';
import { CorpusStore } from './corpusStore.svelte';
import type { UiLang } from './i18n.svelte';

/**
 * The default view (no link parameters) in one interface language. The page declares Arabic and shows
 * that one without script; the English one is kept inert beside it for readers who get the English
 * interface (src/pipeline/prerender.ts). `source` holds the manifest the page will fetch and every
 * document: what the page shows once the documents it needs have arrived.
 */
export function renderFirstView(source: CorpusSource, layout: GraphLayout, lang: UiLang = 'ar'): string {
  return render(App, { props: { store: new CorpusStore(source), layout, lang } }).body;
}
