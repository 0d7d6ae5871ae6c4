// Server-side entry, compiled by src/pipeline/prerender.ts at build time: renders the explorer's
// default view to HTML, so the page shows its text before any JavaScript has run; the browser then
// hydrates that markup instead of drawing it again (src/main.ts).
import { render } from 'svelte/server';
import type { Corpus } from '../model/schema';
import type { GraphLayout } from '../graph/layout';
import App from './App.svelte';

/** The default view (no link parameters) in the page's own language, Arabic, as index.html declares. */
export function renderFirstView(corpus: Corpus, layout: GraphLayout): string {
  return render(App, { props: { corpus, layout, lang: 'ar' } }).body;
}
