import { describe, expect, it } from 'vitest';
import {
  compareItems,
  EVENTS_LANE,
  OTHERS_LANE,
  timelineItems,
  UNKNOWN_LANE,
  type Lane,
  type TimelineItem,
} from '../../src/timeline/items';
import { moveAmong, type FocusTarget } from '../../src/timeline/keys';
import { planLanes } from '../../src/timeline/lanes';
import { countUnit, layoutTimeline, NO_DENSITY, relightBins, type DensityOptions } from '../../src/timeline/layout';
import { DAY, parseDay, timeScale } from '../../src/timeline/scale';
import { fixtureCorpus, seedLikeDoc } from './timelineFixture';
import { digestOf, manifestOf } from '../../src/model/digest';

/** A dated statement on one day. */
function item(id: string, lane: string, day: string, offset = 0): TimelineItem {
  return {
    id,
    kind: 'statement',
    doc: 'd',
    lane,
    start: day,
    end: day,
    precision: 'day',
    reported: false,
    future: false,
    undated: false,
    expr: null,
    label: id,
    offset,
    speaker: lane,
    entities: [lane],
  };
}

const lane = (key: string, count: number): Lane => ({ key, label: key, count });

describe('planLanes', () => {
  const all = [lane('a', 9), lane('b', 7), lane('c', 5), lane('d', 3), lane('e', 2), lane(UNKNOWN_LANE, 4), lane(EVENTS_LANE, 1)];

  it('keeps the top speakers, folds the rest into "others", then unknown and events', () => {
    const plan = planLanes(all, 2);
    expect(plan.lanes.map((l) => l.key)).toEqual(['a', 'b', OTHERS_LANE, UNKNOWN_LANE, EVENTS_LANE]);
    expect(plan.lanes[2]).toMatchObject({ count: 10 });
    expect(plan.folded).toBe(3);
    expect(plan.speakers).toBe(5);
    expect(plan.laneOf('d')).toBe(OTHERS_LANE);
    expect(plan.laneOf('a')).toBe('a');
    expect(plan.laneOf(UNKNOWN_LANE)).toBe(UNKNOWN_LANE);
  });

  it('gives a pinned speaker (selected elsewhere) its own lane, in count order', () => {
    const plan = planLanes(all, 2, ['d']);
    expect(plan.lanes.map((l) => l.key)).toEqual(['a', 'b', 'd', OTHERS_LANE, UNKNOWN_LANE, EVENTS_LANE]);
    expect(plan.laneOf('d')).toBe('d');
    expect(plan.laneOf('e')).toBe(OTHERS_LANE);
  });

  it('never folds a single speaker, and folds nothing when all fit', () => {
    expect(planLanes(all, 4).lanes.map((l) => l.key)).toEqual(['a', 'b', 'c', 'd', 'e', UNKNOWN_LANE, EVENTS_LANE]);
    expect(planLanes(all, 10).folded).toBe(0);
  });
});

describe('countUnit', () => {
  it('picks the finest calendar unit at least 8 px wide', () => {
    expect(countUnit(10 * DAY, 600)).toBe('day');
    expect(countUnit(200 * DAY, 600)).toBe('week');
    expect(countUnit(1000 * DAY, 600)).toBe('month');
    expect(countUnit(20_000 * DAY, 600)).toBe('year');
  });
});

describe('layoutTimeline with a density threshold', () => {
  const domain: [Date, Date] = [parseDay('2024-03-01'), parseDay('2024-03-15')];
  const x = timeScale(domain, 600, 'ltr');
  // A crowded lane (60 statements over three days) and a quiet one (two).
  const crowded = Array.from({ length: 60 }, (_, i) => item(`c${i}`, 'crowded', `2024-03-0${4 + (i % 3)}`, i));
  const quiet = [item('q1', 'quiet', '2024-03-05'), item('q2', 'quiet', '2024-03-09')];
  const items = [...crowded, ...quiet].sort((a, b) => (a.start! < b.start! ? -1 : a.start! > b.start! ? 1 : a.offset - b.offset));
  const density: DensityOptions = { ...NO_DENSITY, maxMarks: 50, maxRows: 5, unit: 'day', lit: new Set(['c0', 'c3']) };

  it('draws counts per day for the crowded lane and marks for the quiet one', () => {
    const l = layoutTimeline(items, ['crowded', 'quiet'], x, domain, undefined, density);
    expect(l.items.map((p) => p.id).sort()).toEqual(['q1', 'q2']);
    expect(l.bins.map((b) => [b.key, b.count, b.lit])).toEqual([
      ['bin:crowded:2024-03-04', 20, 2],
      ['bin:crowded:2024-03-05', 20, 0],
      ['bin:crowded:2024-03-06', 20, 0],
    ]);
    const first = l.bins[0]!;
    expect([first.first, first.last]).toEqual(['c0', 'c57']);
    expect(first.x).toBeCloseTo(x(parseDay('2024-03-04')));
    expect(first.x2).toBeCloseTo(x(parseDay('2024-03-05')));
    // The crowded lane keeps a fixed height: its counting strip, not 60 rows.
    expect(l.lanes[0]!.rows).toBe(3);
    expect(layoutTimeline(items, ['crowded', 'quiet'], x, domain, undefined, density)).toEqual(l);
  });

  it('counts lit items again as a new layout would (relightBins), keeping the bins whose count is unchanged', () => {
    const l = layoutTimeline(items, ['crowded', 'quiet'], x, domain, undefined, density);
    for (const ids of [['c1', 'c2', 'c4', 'q1', 'nope'], ['c0', 'c3'], [], ['c59']]) {
      const lit = new Set(ids);
      const again = layoutTimeline(items, ['crowded', 'quiet'], x, domain, undefined, { ...density, lit });
      const relit = relightBins(l.bins, lit);
      expect(relit).toEqual(again.bins);
      relit.forEach((b, i) => expect(b === l.bins[i]).toBe(b.lit === l.bins[i]!.lit));
    }
    expect(relightBins(l.bins, density.lit)).toBe(l.bins);
  });

  it('switches to counts when marks would need more rows than allowed', () => {
    const l = layoutTimeline(items, ['crowded', 'quiet'], x, domain, undefined, { ...density, maxMarks: Infinity });
    expect(l.bins).toHaveLength(3);
    expect(l.items.some((p) => p.id.startsWith('c'))).toBe(false);
  });

  it('still draws the kept (selected) item as a mark over the counts', () => {
    const l = layoutTimeline(items, ['crowded', 'quiet'], x, domain, undefined, { ...density, keep: new Set(['c7']) });
    expect(l.items.find((p) => p.id === 'c7')).toMatchObject({ row: 0, shape: 'point' });
  });

  it('counts by week, Monday first', () => {
    const l = layoutTimeline(items, ['crowded', 'quiet'], x, domain, undefined, { ...density, unit: 'week' });
    expect(l.bins.map((b) => [b.key, b.count])).toEqual([['bin:crowded:2024-03-04', 60]]);
  });

  it('folds lanes through laneOf', () => {
    const l = layoutTimeline(items, ['others'], x, domain, undefined, { ...NO_DENSITY, laneOf: () => 'others' });
    expect(l.items).toHaveLength(62);
    expect(new Set(l.items.map((p) => p.lane))).toEqual(new Set([0]));
  });
});

describe('moveAmong', () => {
  // Drawn: items 2 and 3 as marks, a bar of counts holding items 4..9; ten items in all.
  const targets: FocusTarget[] = [
    { key: 'm2', first: 2, last: 2, x: 10, x2: 10, y: 10 },
    { key: 'm3', first: 3, last: 3, x: 50, x2: 50, y: 10 },
    { key: 'bin', first: 4, last: 9, x: 40, x2: 60, y: 60 },
  ];
  it('steps through what is drawn, then on to the items beyond it', () => {
    expect(moveAmong('next', 'm2', targets, 12)).toEqual({ key: 'm3' });
    expect(moveAmong('next', 'm3', targets, 12)).toEqual({ key: 'bin' });
    expect(moveAmong('next', 'bin', targets, 12)).toEqual({ item: 10 });
    expect(moveAmong('previous', 'm2', targets, 12)).toEqual({ item: 1 });
    expect(moveAmong('next', 'bin', targets, 10)).toEqual({ key: 'bin' });
  });
  it('Home and End go to the first and last item; up and down to the next row', () => {
    expect(moveAmong('first', 'm3', targets, 12)).toEqual({ item: 0 });
    expect(moveAmong('last', 'm3', targets, 12)).toEqual({ item: 11 });
    expect(moveAmong('down', 'm3', targets, 12)).toEqual({ key: 'bin' });
    expect(moveAmong('up', 'bin', targets, 12)).toEqual({ key: 'm3' });
    expect(moveAmong('next', null, targets, 12)).toEqual({ key: 'm2' });
  });
});

describe('timelineItems on a growing corpus', () => {
  it('reuses the items of documents it has seen and sorts new ones in', () => {
    const corpus = manifestOf(fixtureCorpus());
    const before = timelineItems(corpus);
    const extra = seedLikeDoc();
    extra.id = 'seeds~second';
    for (const s of extra.statements) s.id = `2-${s.id}`;
    for (const e of extra.events) e.id = `2-${e.id}`;
    const after = timelineItems({ documents: [...corpus.documents, digestOf(extra, 0)] });
    expect(after).toHaveLength(before.length + extra.statements.length + extra.events.length);
    for (const it of before) expect(after).toContain(it);
    for (let i = 1; i < after.length; i++) expect(compareItems(after[i - 1]!, after[i]!)).toBeLessThanOrEqual(0);
  });
});
