// Entry point: mounts the explorer into #app with the corpus's manifest (split build) or the whole
// corpus (inline), and the documents the first view shows.
import { hydrate, mount } from 'svelte';
import source from 'virtual:isnad/corpus';
import layout from 'virtual:isnad/layout';
import App from './app/App.svelte';
import { smallCorpus, tell } from './app/corpusFiles';
import { CorpusStore } from './app/corpusStore.svelte';
import './app/fonts';
import './app/theme.css';

const store = new CorpusStore(source);
// The prerendered view shows the first document (and, for a small corpus, every pane): load what it
// shows before hydrating, so the markup is taken over, not redrawn. The build preloads those files.
const first = store.manifest.documents[0];
try {
  if (smallCorpus(store.manifest)) await store.loadAll();
  else if (first) await store.load(first.id);
} catch (e) {
  tell(e);
  throw e;
}
// Measures for the benchmark (bench/ reads every `isnad:*` measure): imports are evaluated first,
// so by now the manifest (and the first view's documents) have been parsed.
performance.measure('isnad:corpus-parsed', { start: 0, end: performance.now() });
const target = document.getElementById('app');
if (!target) throw new Error('Isnad: the page has no #app element');
// The build prerenders the default view into #app (src/pipeline/prerender.ts): take it over rather
// than draw it again. Where it differs (a link to another view, another language), Svelte repairs it.
// Let the browser paint that markup first: hydrating is a few hundred milliseconds of script on a
// slow phone, and the text is readable meanwhile. A page that is not painting sends no animation frame
// (an embed below the fold of its host: Chromium throttles offscreen cross-origin frames), so do not
// wait for one longer than a moment, or the embed would stay inert and unsized until scrolled to.
if (target.firstElementChild) {
  await new Promise((painted) => {
    requestAnimationFrame(() => setTimeout(painted, 0));
    setTimeout(painted, 100);
  });
  hydrate(App, { target, props: { store, layout } });
  // Shown now if the head's language check hid it (src/pipeline/vitePlugin.ts, LANG_GATE).
  document.documentElement.removeAttribute('data-prerender');
} else mount(App, { target, props: { store, layout } });
performance.measure('isnad:mounted', { start: 0, end: performance.now() });
