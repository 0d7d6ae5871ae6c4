import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync, tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import { SelectionState } from '../../src/app/selection.svelte';
import type { TimeWindow } from '../../src/timeline/scale';
import { fixtureCorpus, seedLikeDoc } from '../unit/timelineFixture';
import TimelineHarness from './TimelineHarness.test.svelte';

function setup(props: Record<string, unknown> = {}) {
  const selection = new SelectionState();
  const windows: (TimeWindow | undefined)[] = [];
  const result = render(TimelineHarness, {
    props: { corpus: fixtureCorpus(), selection, onwindow: (w: TimeWindow | undefined) => windows.push(w), ...props },
  });
  return { ...result, selection, windows };
}

const item = (c: HTMLElement, id: string) => c.querySelector<SVGGElement>(`svg.plot [data-key="${id}"]`)!;

describe('TimelineView', () => {
  it('renders statements and events with their test hooks and accessible names', () => {
    const { container } = setup();
    const kremlin = container.querySelector('svg.plot [data-statement="st-kremlin"]')!;
    expect(kremlin).not.toBeNull();
    expect(kremlin.getAttribute('role')).toBe('button');
    expect(kremlin.getAttribute('aria-label')).toBe(
      'the Kremlin, reported on 28 January 2017: الطرفين أظهرا عزمهما على العمل المشترك.',
    );
    expect(container.querySelector('svg.plot [data-event="ev-call"]')).not.toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Statements: 8 · Events: 2 · Not on the axis: 1');
  });

  it('opens on the window that fits most items and reports it through bind:window', () => {
    const { windows, container } = setup();
    const w = windows.at(-1)!;
    expect(w.start <= '2017-01-26' && w.end >= '2017-01-28' && w.start > '2016-12-01').toBe(true);
    // The 2015 statement lies outside the default window: not drawn, but in the overview.
    expect(item(container, 'st-un')).toBeNull();
    expect(container.querySelector('svg.overview path.item')!.getAttribute('data-count')).toBe('9');
  });

  it('shows the window it is given, and follows a new one', async () => {
    const { container, rerender } = setup({ window: { start: '2015-01-01', end: '2015-12-31' } });
    expect(item(container, 'st-un')).not.toBeNull();
    expect(item(container, 'st-kremlin')).toBeNull();
    await rerender({ window: { start: '2017-01-20', end: '2017-01-31' } });
    expect(item(container, 'st-kremlin')).not.toBeNull();
  });

  it('has one tab stop; arrow keys move in time order, Home/End to the ends, Enter selects', async () => {
    const { container, selection } = setup();
    const stops = container.querySelectorAll('svg.plot [tabindex="0"]');
    expect(stops).toHaveLength(1);
    const first = stops[0] as SVGGElement;
    expect(first.dataset.key).toBe('st-fox');
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowRight' });
    await tick();
    expect((document.activeElement as SVGGElement).dataset.key).toBe('st-kremlin');
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await tick();
    expect((document.activeElement as SVGGElement).dataset.key).toBe('ev-call');
    await fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(selection.selected).toEqual({ kind: 'event', id: 'ev-call', doc: 'seeds~seed-like' });
    expect(container.querySelectorAll('svg.plot [tabindex="0"]')).toHaveLength(1);
  });

  it('mirrors the keys in Arabic: ArrowLeft goes later in time', async () => {
    const { container } = setup({ lang: 'ar' });
    const first = container.querySelector<SVGGElement>('svg.plot [tabindex="0"]')!;
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowLeft' });
    await tick();
    expect((document.activeElement as SVGGElement).dataset.key).toBe('st-kremlin');
    // Time runs right to left: the later item sits further left.
    const cx = (id: string) => Number(item(container, id).querySelector('circle.mark')!.getAttribute('cx'));
    expect(cx('st-kremlin')).toBeLessThan(cx('st-fox'));
  });

  it('clicking an item selects it and shows its card with the chain of transmission', async () => {
    const { container, selection } = setup();
    await fireEvent.click(item(container, 'st-kremlin'));
    expect(selection.selected).toEqual({ kind: 'statement', id: 'st-kremlin', doc: 'seeds~seed-like' });
    flushSync();
    expect(item(container, 'st-kremlin').classList.contains('is-selected')).toBe(true);
    const card = container.querySelector('[data-card="st-kremlin"]')!;
    expect(card.querySelector('h3')!.textContent).toBe('the Kremlin');
    expect(card.textContent).toContain('reported on 28 January 2017');
    const quote = card.querySelector('blockquote')!;
    expect(quote.textContent).toBe('الطرفين أظهرا عزمهما على العمل المشترك.');
    expect(quote.getAttribute('dir')).toBe('auto');
    expect(quote.getAttribute('lang')).toBe('ar');
    const chain = card.querySelector('ol.chain')!;
    const links = (ol: Element) =>
      [...ol.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()).join(' ');
    expect(links(chain)).toBe('SANA ← RT ← the Kremlin');
    await fireEvent.click(screen.getByRole('button', { name: 'RT' }));
    expect(selection.selected).toEqual({ kind: 'entity', id: 'organization:rt' });
  });

  it('in Arabic the chain arrow points back at the publisher, which sits on the right', () => {
    const selection = new SelectionState();
    const { container } = render(TimelineHarness, { props: { corpus: fixtureCorpus(), selection, lang: 'ar' } });
    selection.select({ kind: 'statement', id: 'st-kremlin', doc: 'seeds~seed-like' });
    flushSync();
    const chain = container.querySelector('[data-card="st-kremlin"] ol.chain')!;
    expect([...chain.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      'سانا',
      '→ روسيا اليوم',
      '→ الكرملين',
    ]);
    expect(container.querySelector('[data-card="st-kremlin"]')!.textContent).toContain('بتاريخ النشر');
  });

  it('shows quotes as text, never as markup', async () => {
    const doc = seedLikeDoc();
    const s = doc.statements[0]!;
    doc.text =
      doc.text.slice(0, s.content!.start) +
      '<img src=x onerror=alert(1)>'.padEnd(s.content!.end - s.content!.start, ' ') +
      doc.text.slice(s.content!.end);
    const selection = new SelectionState();
    const { container } = render(TimelineHarness, {
      props: { corpus: { schemaVersion: 1, generator: 't', documents: [doc] }, selection },
    });
    selection.select({ kind: 'statement', id: s.id, doc: doc.id });
    flushSync();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('blockquote')!.textContent).toContain('<img src=x');
  });

  it('an entity selection lights its statements: as speaker or anywhere in the chain', () => {
    const { container, selection } = setup();
    selection.select({ kind: 'entity', id: 'organization:rt' });
    flushSync();
    const litIds = [...container.querySelectorAll<SVGGElement>('svg.plot .item.is-lit')].map((g) => g.dataset.key).sort();
    expect(litIds).toEqual(['st-k1', 'st-kremlin']);
    expect(container.querySelector('svg.plot')!.classList.contains('dim')).toBe(true);
  });

  it('lights statements found by search', () => {
    const { container } = setup({ highlight: ['st-fox'] });
    expect(item(container, 'st-fox').classList.contains('is-lit')).toBe(true);
    expect(item(container, 'st-kremlin').classList.contains('is-lit')).toBe(false);
  });

  it('says plainly that a document without a publication date keeps its times relative', () => {
    const { container } = setup();
    expect(screen.getByRole('heading', { name: 'Not on the time axis' })).toBeInTheDocument();
    expect(screen.getByText(/has no publication date, so its relative times stay relative/)).toBeInTheDocument();
    expect(container.querySelector('svg.plot [data-statement="st-undated"]')).toBeNull();
    const entry = container.querySelector('.undated [data-statement="st-undated"]')!;
    expect(entry.textContent).toContain('“Yesterday”, with no publication date to anchor it');
  });

  it('marks reported, uncertain and future items', () => {
    const { container } = setup();
    expect(item(container, 'st-kremlin').classList.contains('reported')).toBe(true);
    expect(item(container, 'st-fox').classList.contains('reported')).toBe(false);
    const meeting = item(container, 'ev-meeting');
    expect(meeting.classList.contains('future')).toBe(true);
    expect(meeting.classList.contains('uncertain')).toBe(true);
    expect(meeting.querySelector('rect.mark')).not.toBeNull();
  });

  it('the list alternative shows the same items in time order', async () => {
    const { container, selection } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'List' }));
    const entries = [...container.querySelectorAll<HTMLButtonElement>('ol.list')][0]!.querySelectorAll('button');
    const ids = [...entries].map((b) => b.dataset.statement ?? b.dataset.event);
    expect(ids).toEqual([
      'st-un',
      'st-fox',
      'st-kremlin',
      'st-official',
      'st-k1',
      'st-k2',
      'st-slutsky',
      'ev-meeting',
      'ev-call',
    ]);
    await fireEvent.click(entries[1]!);
    expect(selection.selected).toMatchObject({ kind: 'statement', id: 'st-fox' });
  });

  it('zoom buttons narrow and widen the window', async () => {
    const { windows } = setup();
    const before = windows.at(-1)!;
    await fireEvent.click(screen.getByRole('button', { name: 'All' }));
    flushSync();
    expect(windows.at(-1)!.start < '2015-01-01').toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Fit' }));
    flushSync();
    expect(windows.at(-1)).toEqual(before);
    await fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    flushSync();
    expect(windows.at(-1)!.start < before.start).toBe(true);
  });

  it('the overview window is a slider that moves with the arrow keys', async () => {
    const { windows } = setup();
    const slider = screen.getByRole('slider');
    const before = windows.at(-1)!;
    await fireEvent.keyDown(slider, { key: 'PageDown' });
    flushSync();
    expect(windows.at(-1)!.end < before.end).toBe(true);
  });

  it('says so when there is nothing to show', () => {
    render(TimelineHarness, { props: { corpus: { schemaVersion: 1, generator: 't', documents: [] } } });
    expect(screen.getByText('No statements or events have been found yet.')).toBeInTheDocument();
  });
});
