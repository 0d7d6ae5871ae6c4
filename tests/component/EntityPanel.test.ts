// The entity card reads the manifest; the evidence quotes need their documents' texts, fetched when
// the card opens (the list is busy meanwhile, and each piece of evidence already opens its passage).
import { render, screen, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorpusStore } from '../../src/app/corpusStore.svelte';
import { buildGraphData } from '../../src/graph/graphData';
import EntityPanel from '../../src/graph/EntityPanel.svelte';
import { manifestOf } from '../../src/model/digest';
import type { IsnadDocument } from '../../src/model/schema';
import { extractRelations } from '../../src/pipeline/relations';
import { makeDoc, type EntitySpec } from '../fixtures/articles/relations/fixture';
import Harness from './Harness.test.svelte';

const DIR = 'tests/fixtures/articles/relations';

function horn(): IsnadDocument {
  const spec = JSON.parse(readFileSync(`${DIR}/en-horn.json`, 'utf8')) as { entities: EntitySpec[] };
  return extractRelations(
    makeDoc(
      readFileSync(`${DIR}/en-horn.txt`, 'utf8'),
      spec.entities.map((e) => ({ ...e, label: { en: e.names[0]! } })),
      { lang: 'en', file: 'horn.txt' },
    ),
  );
}

describe('EntityPanel on the manifest', () => {
  it('fetches the documents its evidence quotes, once, and quotes them when they arrive', async () => {
    const doc = horn();
    const corpus = { schemaVersion: 1 as const, generator: 'test', documents: [doc] };
    const manifest = manifestOf(corpus, ['data/horn.json'], () => 0);
    const data = buildGraphData(manifest);
    const edge = data.edges.find((e) => e.type !== 'mentioned-with' && e.evidence.length > 0)!;
    const node = data.nodes.find((n) => n.id === edge.source)!;
    let arrive!: (docs: IsnadDocument[]) => void;
    let calls = 0;
    const store = new CorpusStore({ manifest, root: '/' }, () => {
      calls++;
      return new Promise((ok) => (arrive = ok));
    });
    const nodes = new Map(data.nodes.map((n) => [n.id, n]));
    const { container } = render(Harness, {
      props: { component: EntityPanel, props: { node, nodes, edges: data.edges, corpus: manifest }, store },
    });
    const list = container.querySelector('ul.relations')!;
    expect(list.getAttribute('aria-busy')).toBe('true');
    // Before the text: the evidence is named by its document's title, and already selects its passage.
    const waiting = within(list as HTMLElement).getAllByTitle('Show this passage in the article')[0]!;
    expect(waiting.textContent).toBe(manifest.documents[0]!.title);
    expect(calls).toBe(1);
    arrive([doc]);
    const hit = doc.text.slice(edge.evidence[0]!.start, edge.evidence[0]!.end);
    expect(await screen.findByText(hit, { selector: 'mark' })).toBeInTheDocument();
    expect(list.getAttribute('aria-busy')).toBe('false');
    expect(calls).toBe(1);
  });
});
