import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SelectionState } from '../../src/app/selection.svelte';
import type { Corpus } from '../../src/model/schema';
import type { AsyncSearchEngine, SearchEngine, SearchResults } from '../../src/search/engine';
import { engineFor } from '../../scripts/score-search';
import SearchHarness from './SearchHarness.test.svelte';

let corpus: Corpus;
let engine: SearchEngine;

beforeAll(() => {
  ({ corpus, engine } = engineFor('tests/fixtures/articles/search'));
});

function setup(props: Record<string, unknown> = {}) {
  const selection = new SelectionState();
  const loadEngine = vi.fn(async () => engine);
  render(SearchHarness, { props: { corpus, loadEngine, selection, ...props } });
  return { selection, loadEngine, box: screen.getByRole('combobox', { name: 'البحث في المقالات والتصريحات والأسماء' }) };
}

describe('SearchPanel', () => {
  it('is an input of type search with an accessible name, loading the engine on first focus', async () => {
    const { box, loadEngine } = setup();
    expect(box).toHaveAttribute('type', 'search');
    await fireEvent.focus(box);
    await fireEvent.focus(box);
    expect(loadEngine).toHaveBeenCalledTimes(1);
  });

  it('shows grouped results with marked words and announces the count', async () => {
    const { box } = setup();
    await fireEvent.input(box, { target: { value: 'المكالمات' } });
    await waitFor(() => expect(document.querySelectorAll('[data-result]').length).toBeGreaterThan(0));
    const marks = [...document.querySelectorAll('[data-result] mark')].map((m) => m.textContent);
    expect(marks).toContain('المكالمات');
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toMatch(/النتائج/);
    expect(screen.getByRole('heading', { name: 'المقاطع' })).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('<script');
  });

  it('suggests spelling variants when nothing is found', async () => {
    const { box } = setup();
    await fireEvent.input(box, { target: { value: 'كلمةغيرموجودة' } });
    await waitFor(() => expect(screen.getByText(/جرّب كتابة أخرى/)).toBeInTheDocument());
    expect(document.querySelectorAll('[data-result]').length).toBe(0);
  });

  it('moves through results with the arrow keys and opens one with Enter', async () => {
    const { box, selection } = setup();
    await fireEvent.input(box, { target: { value: 'بوتين' } });
    await waitFor(() => expect(document.querySelectorAll('[data-result]').length).toBeGreaterThan(1));
    await fireEvent.keyDown(box, { key: 'ArrowDown' });
    await fireEvent.keyDown(box, { key: 'ArrowDown' });
    const active = document.querySelector('[aria-selected="true"]')!;
    expect(box.getAttribute('aria-activedescendant')).toBe(active.id);
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(selection.selected).not.toBeNull();
    expect(selection.selected?.kind).toBe(active.getAttribute('data-result'));
  });

  it('opens an entity result as an entity selection', async () => {
    const { box, selection } = setup();
    await fireEvent.input(box, { target: { value: 'بوتين' } });
    await waitFor(() => expect(document.querySelector('[data-result="entity"]')).not.toBeNull());
    await fireEvent.click(document.querySelector('[data-result="entity"]')!);
    expect(selection.selected).toEqual({ kind: 'entity', id: 'person:vladimir-putin' });
  });

  it('focuses the search box on "/", but not while typing in another input', async () => {
    const { box } = setup();
    const other = screen.getByRole('textbox', { name: 'elsewhere' });
    other.focus();
    await fireEvent.keyDown(other, { key: '/' });
    expect(other).toHaveFocus();
    await fireEvent.keyDown(document.body, { key: '/' });
    expect(box).toHaveFocus();
  });

  it('filters by document', async () => {
    const en = corpus.documents.find((d) => d.meta.lang === 'en')!;
    const { box } = setup({ filters: { doc: en.id } });
    await fireEvent.input(box, { target: { value: 'ترامب' } });
    await waitFor(() => expect(document.querySelectorAll('[data-result]').length).toBeGreaterThan(0));
    for (const el of document.querySelectorAll('[data-result="passage"] .snippet')) expect(el.getAttribute('lang')).toBe('en');
  });
});

describe('SearchPanel before the first query', () => {
  it('offers the most mentioned names as one-tap searches', async () => {
    const { render, screen, fireEvent } = await import('@testing-library/svelte');
    const { readFileSync } = await import('node:fs');
    const { extractDocument } = await import('../../src/pipeline/extract');
    const { loadKnowledge } = await import('../../src/pipeline/knowledge');
    const Harness = (await import('./SearchHarness.test.svelte')).default;
    const doc = extractDocument(readFileSync('seeds/000_3a34eed36ca8e033.txt'), 'seed.txt', loadKnowledge(), {
      sidecar: readFileSync('seeds/000_3a34eed36ca8e033.meta.json', 'utf8'),
    });
    const corpus = { schemaVersion: 1 as const, generator: 'test', documents: [doc] };
    render(Harness, { props: { corpus, loadEngine: () => new Promise(() => {}), lang: 'en' } });
    const chips = screen.getAllByRole('button').filter((b) => b.classList.contains('chip'));
    expect(chips.length).toBeGreaterThanOrEqual(3);
    await fireEvent.click(chips[0]!);
    expect((document.querySelector('input[type=search]') as HTMLInputElement).value).toBe(chips[0]!.textContent);
  });
});

describe('SearchPanel with an engine that answers later (the worker)', () => {
  it('draws the newest query even when an older answer arrives after it', async () => {
    const later: ((r: SearchResults | null) => void)[] = [];
    const slow: AsyncSearchEngine = {
      search: (q, f) => new Promise((resolve) => later.push(() => resolve(engine.search(q, f)))),
    };
    const { box } = setup({ loadEngine: async () => slow });
    await fireEvent.input(box, { target: { value: 'بوتين' } });
    await waitFor(() => expect(later.length).toBe(1));
    await fireEvent.input(box, { target: { value: 'المكالمات' } });
    await waitFor(() => expect(later.length).toBe(2));
    later[1]!(null);
    await waitFor(() => expect(document.querySelectorAll('[data-result] mark').length).toBeGreaterThan(0));
    const marked = () => [...document.querySelectorAll('[data-result] mark')].map((m) => m.textContent);
    expect(marked()).toContain('المكالمات');
    later[0]!(null);
    await new Promise((r) => setTimeout(r, 20));
    expect(marked()).toContain('المكالمات');
    expect(marked()).not.toContain('بوتين');
  });

  it('says so when a search fails', async () => {
    const failing: AsyncSearchEngine = { search: () => Promise.reject(new Error('the worker died')) };
    const { box } = setup({ loadEngine: async () => failing });
    await fireEvent.input(box, { target: { value: 'بوتين' } });
    await waitFor(() => expect(document.querySelector('[aria-live="polite"]')?.textContent).toContain('the worker died'));
  });

  it('asks only for the hits it draws, and for more when the reader asks (the sharded index fetches a document per hit)', async () => {
    const limits: (number | undefined)[] = [];
    // Twenty passages, as an engine would return them with no limit; `counts` tells the panel how many there are.
    const hit = (i: number): SearchResults['passages'][number] => ({
      kind: 'passage',
      key: `passage:d:${i}`,
      doc: corpus.documents[0]!.id,
      start: 0,
      end: 10,
      score: 20 - i,
      highlights: [],
      text: `نص ${i}`,
    });
    const paged: AsyncSearchEngine = {
      search: async (query, _filters, options) => {
        limits.push(options?.limit);
        const n = Math.min(20, options?.limit ?? 20);
        return {
          query,
          entities: [],
          statements: [],
          passages: Array.from({ length: n }, (_, i) => hit(i)),
          total: 20,
          counts: { entities: 0, statements: 0, passages: 20 },
        };
      },
    };
    const { box } = setup({ loadEngine: async () => paged });
    await fireEvent.input(box, { target: { value: 'نص' } });
    await waitFor(() => expect(document.querySelectorAll('[data-result]').length).toBe(12));
    expect(limits.at(-1)).toBe(12);
    const more = document.querySelector<HTMLButtonElement>('.show-more')!;
    expect(more.textContent).toMatch(/[8٨]/);
    await fireEvent.click(more);
    await waitFor(() => expect(document.querySelectorAll('[data-result]').length).toBe(20));
    expect(limits.at(-1)).toBe(62);
    // A new query starts again from one page.
    await fireEvent.input(box, { target: { value: 'نصوص' } });
    await waitFor(() => expect(limits.at(-1)).toBe(12));
  });
});

describe('SearchPanel over a large corpus', () => {
  it('draws the document filter whole only once it is reached, keeping the chosen document', async () => {
    // The fixture documents many times over, under new ids: more than lazyOptions draws at once.
    const many: Corpus = {
      ...corpus,
      documents: Array.from({ length: 250 }, (_, i) => ({ ...corpus.documents[i % corpus.documents.length]!, id: `d${i}` })),
    };
    render(SearchHarness, { props: { corpus: many, loadEngine: vi.fn(async () => engine), filters: { doc: 'd7' } } });
    const select = screen.getByRole('combobox', { name: /^المقال/ });
    const options = () => [...select.querySelectorAll('option')].map((o) => o.value);
    expect(options()).toEqual(['', 'd7']);
    expect(select).toHaveValue('d7');
    await fireEvent.focus(select);
    expect(options()).toHaveLength(251);
    expect(select).toHaveValue('d7');
  });
});
