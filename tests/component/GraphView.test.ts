import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SelectionState } from '../../src/app/selection.svelte';
import type { Corpus, IsnadDocument } from '../../src/model/schema';
import { extractRelations } from '../../src/pipeline/relations';
import GraphView from '../../src/graph/GraphView.svelte';
import { buildGraphLayout } from '../../src/graph/layout';
import { makeDoc, type EntitySpec } from '../fixtures/articles/relations/fixture';
import Harness from './Harness.test.svelte';
import { graphCorpus } from '../../bench/graphCorpus';
import { buildGraphData, rankNodes } from '../../src/graph/graphData';
import { manifestOf } from '../../src/model/digest';

const DIR = 'tests/fixtures/articles/relations';
function corpus(): Corpus {
  const spec = JSON.parse(readFileSync(`${DIR}/en-horn.json`, 'utf8')) as { entities: EntitySpec[] };
  const names: Record<string, { en: string; ar?: string }> = {
    'person:william-ruto': { en: 'William Ruto', ar: 'وليام روتو' },
    'person:abiy-ahmed': { en: 'Abiy Ahmed', ar: 'آبي أحمد' },
  };
  const doc = extractRelations(
    makeDoc(
      readFileSync(`${DIR}/en-horn.txt`, 'utf8'),
      spec.entities.map((e) => ({ ...e, label: names[e.id] ?? { en: e.names[0] } })),
      { lang: 'en', file: 'horn.txt' },
    ),
  );
  const statement = {
    id: 'horn:s1',
    speaker: 'person:william-ruto',
    start: doc.text.indexOf('Ruto told'),
    end: doc.text.indexOf('a month.') + 8,
    when: { start: null, end: null, precision: 'unknown' as const },
  };
  return { schemaVersion: 1, generator: 'test', documents: [{ ...doc, statements: [statement] } as IsnadDocument] };
}

function setup(props: Record<string, unknown> = {}, lang: 'en' | 'ar' = 'en') {
  const selection = new SelectionState();
  const c = corpus();
  const r = render(Harness, { props: { component: GraphView, props: { corpus: c, ...props }, selection, lang } });
  const node = (id: string) => r.container.querySelector<SVGGElement>(`g.node[data-entity="${id}"]`)!;
  return { ...r, selection, corpus: c, node };
}

describe('GraphView', () => {
  it('draws one focusable node per entity, named by the entity, with a key', () => {
    const { container, corpus: c } = setup();
    const nodes = container.querySelectorAll('g.node[data-entity]');
    expect(nodes).toHaveLength(c.documents[0]!.entities.length);
    const ruto = container.querySelector('g.node[data-entity="person:william-ruto"]')!;
    expect(ruto.getAttribute('role')).toBe('button');
    expect(ruto.getAttribute('aria-label')).toBe('William Ruto');
    expect(ruto.getAttribute('aria-pressed')).toBe('false');
    expect(container.querySelectorAll('g.node[tabindex="0"]')).toHaveLength(1);
    expect(screen.getByRole('group', { name: 'Key' })).toBeInTheDocument();
    expect(container.querySelectorAll('g.edge').length).toBeGreaterThan(5);
  });

  it('selects a node on click: aria-pressed, neighbourhood in focus, the card with relations and evidence', async () => {
    const { selection, node, container } = setup();
    await fireEvent.click(node('person:william-ruto'));
    expect(selection.selected).toEqual({ kind: 'entity', id: 'person:william-ruto' });
    flushSync();
    expect(node('person:william-ruto').getAttribute('aria-pressed')).toBe('true');
    // Faded unless next to the selection (CSS: .has-selection .node:not(.near)).
    expect(node('person:abiy-ahmed').closest('svg')!.classList.contains('has-selection')).toBe(true);
    expect(node('person:abiy-ahmed').classList.contains('near')).toBe(true);
    expect(node('org:al-shabaab').classList.contains('near')).toBe(false);
    const card = screen.getByRole('region', { name: 'William Ruto' });
    expect(within(card).getByText('spoke with')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Abiy Ahmed' })).toBeInTheDocument();
    const evidence = within(card).getAllByTitle('Show this passage in the article')[0]!;
    expect(evidence.querySelector('mark')!.textContent!.length).toBeGreaterThan(3);
    await fireEvent.click(evidence);
    expect(selection.selected?.kind).toBe('passage');
    expect(container.querySelector('script')).toBeNull();
  });

  it('lists the statements the entity made in its card, and selecting one lights the speaker', async () => {
    const { selection, node } = setup();
    selection.select({ kind: 'entity', id: 'person:william-ruto' });
    flushSync();
    const card = screen.getByRole('region', { name: 'William Ruto' });
    const said = within(card)
      .getAllByRole('button')
      .find((b) => b.textContent!.trim().startsWith('said'))!;
    expect(said.textContent).toContain('Ruto told the Daily Nation');
    await fireEvent.click(said);
    expect(selection.selected).toEqual({ kind: 'statement', id: 'horn:s1', doc: expect.any(String) });
    flushSync();
    expect(node('person:william-ruto').classList.contains('lit')).toBe(true);
  });

  it('moves between neighbours with the arrow keys and selects with Enter', async () => {
    const { selection, node, container } = setup({ layout: undefined });
    const start = node('person:william-ruto');
    start.focus();
    const neighbours = new Set(
      [...container.querySelectorAll('g.edge')]
        .map((e) => e.getAttribute('data-relation')!)
        .filter((id) => id.includes('person:william-ruto'))
        .flatMap((id) => id.slice(id.indexOf(':') + 1).split('->')),
    );
    const reached: string[] = [];
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown']) {
      start.focus();
      await fireEvent.keyDown(start, { key });
      const now = document.activeElement as SVGGElement;
      if (now !== start) reached.push(now.dataset.entity!);
    }
    expect(reached.some((id) => neighbours.has(id))).toBe(true);
    const target = node(reached.find((id) => neighbours.has(id))!);
    target.focus();
    flushSync();
    expect(target.getAttribute('tabindex')).toBe('0');
    await fireEvent.keyDown(target, { key: 'Enter' });
    expect(selection.selected).toEqual({ kind: 'entity', id: target.dataset.entity });
    await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(selection.selected).toBeNull();
  });

  it('lights the nodes it is asked to highlight, and uses a precomputed layout as given', () => {
    const c = corpus();
    const layout = buildGraphLayout(manifestOf(c));
    const { node } = setup({ layout, highlight: ['org:reuters'] });
    expect(node('org:reuters').classList.contains('lit')).toBe(true);
    const place = layout.nodes.find((n) => n.id === 'org:reuters')!;
    const halo = node('org:reuters').querySelector('.halo')!;
    expect([halo.getAttribute('cx'), halo.getAttribute('cy')]).toEqual([String(place.x), String(place.y)]);
  });

  it('filters by entity type, and offers the table alternative', async () => {
    const { container } = setup();
    await fireEvent.click(screen.getByText('Filters'));
    const person = screen.getByRole('checkbox', { name: /Person/ });
    await fireEvent.click(person);
    expect(container.querySelector('g.node[data-entity="person:william-ruto"]')).toBeNull();
    expect(container.querySelector('g.node[data-entity="org:reuters"]')).not.toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Table' }));
    expect(container.querySelector('svg.canvas')).toBeNull();
    expect(screen.getByRole('table', { name: 'Entities' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Relations' })).toBeInTheDocument();
  });

  it('speaks Arabic: names and controls in the interface language', () => {
    const { node } = setup({}, 'ar');
    expect(node('person:william-ruto').getAttribute('aria-label')).toBe('وليام روتو');
    expect(screen.getByRole('button', { name: 'جدول' })).toBeInTheDocument();
  });

  it("draws the most connected entities first, then more, all, or a selected entity's hidden neighbours on request", async () => {
    const big = graphCorpus(320, 560, 3);
    const selection = new SelectionState();
    const { container } = render(Harness, { props: { component: GraphView, props: { corpus: big }, selection, lang: 'en' } });
    const drawn = () =>
      new Set([...container.querySelectorAll('g.node[data-entity]')].map((n) => n.getAttribute('data-entity')!));
    const ranked = rankNodes(buildGraphData(manifestOf(big))).map((n) => n.id);
    expect(drawn()).toEqual(new Set(ranked.slice(0, 150)));
    expect(screen.getByText(/Showing 150 of 320 entities/)).toBeInTheDocument();

    // A drawn entity with neighbours beyond the first 150: its hidden neighbours on demand.
    const data = buildGraphData(manifestOf(big));
    const target = ranked
      .slice(0, 150)
      .find((id) =>
        data.edges.some((e) => (e.source === id && !drawn().has(e.target)) || (e.target === id && !drawn().has(e.source))),
      )!;
    const hidden = new Set(
      data.edges
        .flatMap((e) => (e.source === target ? [e.target] : e.target === target ? [e.source] : []))
        .filter((id) => !drawn().has(id)),
    );
    selection.select({ kind: 'entity', id: target });
    flushSync();
    await fireEvent.click(screen.getByRole('button', { name: new RegExp(`^Show the ${hidden.size} hidden connections of`) }));
    for (const id of hidden) expect(drawn().has(id)).toBe(true);
    expect(drawn().size).toBe(150 + hidden.size);

    await fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(drawn().size).toBeGreaterThanOrEqual(300);
    await fireEvent.click(screen.getByRole('button', { name: 'Show all 320' }));
    expect(drawn().size).toBe(320);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('hovering a node labels it and its typed relations in an overlay, without redrawing the nodes', async () => {
    const { node, container } = setup();
    const before = [...container.querySelectorAll('g.node')];
    await fireEvent.mouseEnter(node('person:william-ruto'));
    flushSync();
    const overlay = container.querySelector('g.overlay')!;
    expect(overlay.querySelector('text.label')!.textContent).toBe('William Ruto');
    expect(overlay.querySelectorAll('text.edge-label').length).toBeGreaterThan(0);
    expect([...container.querySelectorAll('g.node')]).toEqual(before);
    await fireEvent.mouseLeave(node('person:william-ruto'));
    flushSync();
    expect(overlay.querySelector('text.label')).toBeNull();
  });

  it('keeps the drawn nodes where they are when documents arrive, and places the new ones', async () => {
    const full = graphCorpus(60, 90, 5);
    const part = { ...full, documents: full.documents.slice(0, Math.ceil(full.documents.length * 0.7)) };
    const selection = new SelectionState();
    const props = (corpus: typeof full) => ({ component: GraphView, props: { corpus }, selection, lang: 'en' as const });
    const r = render(Harness, { props: props(part) });
    const places = () =>
      new Map(
        [...r.container.querySelectorAll('g.node[data-entity]')].map((n) => [
          n.getAttribute('data-entity')!,
          n.getAttribute('transform')!,
        ]),
      );
    const before = places();
    expect(before.size).toBeGreaterThan(30);
    // Harness has a prop named `props`, so the new props go in the `{ props }` form.
    await r.rerender({ props: props(full) });
    flushSync();
    const after = places();
    expect(after.size).toBe(60);
    for (const [id, place] of before) expect(after.get(id)).toBe(place);
  });
});
