// The benchmark page for the diagram: mounts GraphView on corpus.json and layout.json (written by
// bench/diagram.ts) and reports when the first nodes are on screen. window.benchGraph is what it drives.
import { mount } from 'svelte';
import '../../src/app/theme.css';
import type { GraphLayout } from '../../src/graph/layout';
import type { Corpus } from '../../src/model/schema';
import GraphView from '../../src/graph/GraphView.svelte';
// The component tests' harness provides what the explorer provides (language, selection).
import Harness from '../../tests/component/Harness.test.svelte';

declare global {
  interface Window {
    benchGraph: { ready: Promise<{ parseMs: number; renderMs: number }> };
  }
}

window.benchGraph = {
  ready: (async () => {
    const [corpusText, layoutText] = await Promise.all(
      ['./corpus.json', './layout.json'].map(async (u) => (await fetch(u)).text()),
    );
    const t0 = performance.now();
    const corpus = JSON.parse(corpusText!) as Corpus;
    const layout = JSON.parse(layoutText!) as GraphLayout;
    const t1 = performance.now();
    mount(Harness, {
      target: document.getElementById('app')!,
      props: { component: GraphView, props: { corpus, layout }, lang: 'en' },
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { parseMs: t1 - t0, renderMs: performance.now() - t1 };
  })(),
};
