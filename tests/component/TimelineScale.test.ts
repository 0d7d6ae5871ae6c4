import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync, tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import { SelectionState } from '../../src/app/selection.svelte';
import type { Corpus, IsnadDocument } from '../../src/model/schema';
import type { TimeWindow } from '../../src/timeline/scale';
import { seedLikeDoc } from '../unit/timelineFixture';
import TimelineHarness from './TimelineHarness.test.svelte';

/**
 * `n` copies of the seed-shaped document: each a different outlet's article of the same day, whose
 * last named speaker is one of `speakers` people. Crowded like a large corpus: dozens of statements
 * on one day in one lane, and more speakers than lanes.
 */
function crowdedCorpus(n: number, speakers: number): Corpus {
  const documents: IsnadDocument[] = [];
  for (let i = 0; i < n; i++) {
    const doc = structuredClone(seedLikeDoc());
    doc.id = `seeds~copy-${i}`;
    const person = `person:p${i % speakers}`;
    doc.entities.push({
      id: person,
      type: 'person',
      label: { ar: `شخص ${i % speakers}`, en: `Person ${i % speakers}` },
      aliases: [],
      mentions: [],
    });
    for (const s of doc.statements) {
      s.id = `${s.id}-${i}`;
      if (s.speaker === 'person:slutsky') s.speaker = person;
    }
    for (const e of doc.events) e.id = `${e.id}-${i}`;
    documents.push(doc);
  }
  return { schemaVersion: 1, generator: 'test', documents };
}

function setup(corpus: Corpus, props: Record<string, unknown> = {}) {
  const selection = new SelectionState();
  const windows: (TimeWindow | undefined)[] = [];
  const result = render(TimelineHarness, {
    props: { corpus, selection, onwindow: (w: TimeWindow | undefined) => windows.push(w), ...props },
  });
  return { ...result, selection, windows };
}

const laneNames = (c: HTMLElement) => [...c.querySelectorAll('svg.plot .lane-name')].map((t) => t.textContent);

describe('TimelineView at corpus scale', () => {
  it('draws counts where a lane is crowded, each a named button that zooms in', async () => {
    const { container, windows } = setup(crowdedCorpus(40, 16));
    const bins = [...container.querySelectorAll<SVGGElement>('svg.plot .bin[role="button"]')];
    expect(bins.length).toBeGreaterThan(0);
    const klintsevich = bins.find((b) => b.getAttribute('aria-label')!.startsWith('Frants Klintsevich'))!;
    expect(klintsevich.dataset.count).toBe('80');
    expect(klintsevich.getAttribute('aria-label')).toContain('80 items; Enter zooms in');
    // Far fewer marks than items: 40 documents × 9 dated items.
    expect(container.querySelectorAll('svg.plot .item').length).toBeLessThan(100);
    await fireEvent.click(screen.getByRole('button', { name: 'All' }));
    flushSync();
    const wide = windows.at(-1)!;
    const bin = container.querySelector<SVGGElement>('svg.plot .bin')!;
    bin.focus();
    await fireEvent.keyDown(bin, { key: 'Enter' });
    flushSync();
    const narrow = windows.at(-1)!;
    expect(narrow.start > wide.start || narrow.end < wide.end).toBe(true);
  });

  it('gives the top speakers a lane and folds the rest; "More lanes" unfolds them', async () => {
    const { container } = setup(crowdedCorpus(40, 16));
    const names = laneNames(container);
    expect(names.filter((n) => n?.startsWith('Person'))).toHaveLength(10 - 4);
    expect(names).toContain('Other speakers (10)');
    await fireEvent.click(screen.getByRole('button', { name: 'More lanes' }));
    flushSync();
    expect(laneNames(container).filter((n) => n?.startsWith('Person'))).toHaveLength(16);
    expect(laneNames(container).some((n) => n?.startsWith('Other speakers'))).toBe(false);
    expect(screen.queryByRole('button', { name: 'More lanes' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Fewer lanes' }));
    flushSync();
    expect(laneNames(container)).toContain('Other speakers (10)');
  });

  it('a speaker selected elsewhere gets a lane of its own', () => {
    const { container, selection } = setup(crowdedCorpus(40, 16));
    const folded = ['Person 15', 'Person 14', 'Person 13'].find((n) => !laneNames(container).includes(n))!;
    selection.select({ kind: 'entity', id: `person:p${folded.split(' ')[1]}` });
    flushSync();
    expect(laneNames(container)).toContain(folded);
  });

  it('arrow keys move from a bar of counts to the next thing drawn', async () => {
    const { container } = setup(crowdedCorpus(40, 16));
    const stop = container.querySelector<SVGGElement>('svg.plot [tabindex="0"]')!;
    stop.focus();
    await fireEvent.keyDown(stop, { key: 'ArrowRight' });
    await tick();
    const now = document.activeElement as SVGGElement;
    expect(now.dataset.key).toBeDefined();
    expect(now.dataset.key).not.toBe(stop.dataset.key);
    expect(container.querySelectorAll('svg.plot [tabindex="0"]')).toHaveLength(1);
  });

  it('the list draws a hundred rows and more on request', async () => {
    const { container } = setup(crowdedCorpus(40, 16));
    await fireEvent.click(screen.getByRole('button', { name: 'List' }));
    const list = () => container.querySelector('ol.list')!;
    expect(list().querySelectorAll('li')).toHaveLength(100);
    await fireEvent.click(screen.getByRole('button', { name: 'Show 100 more (260 not shown)' }));
    expect(list().querySelectorAll('li')).toHaveLength(200);
  });
});
