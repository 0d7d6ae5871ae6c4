import { describe, expect, it } from 'vitest';
import { timelineItems, timelineLanes } from '../../src/timeline/items';
import { isUncertain, layoutTimeline } from '../../src/timeline/layout';
import { parseDay, timeScale } from '../../src/timeline/scale';
import { fixtureCorpus } from './timelineFixture';
import { manifestOf } from '../../src/model/digest';

const corpus = fixtureCorpus();
const items = timelineItems(manifestOf(corpus));
const lanes = timelineLanes(items, manifestOf(corpus), 'en').map((l) => l.key);
const domain: [Date, Date] = [parseDay('2017-01-22'), parseDay('2017-02-01')];

function layout(dir: 'ltr' | 'rtl') {
  return layoutTimeline(items, lanes, timeScale(domain, 600, dir), domain);
}

const round = (n: number) => Math.round(n * 10) / 10;

describe('layoutTimeline', () => {
  it('matches the snapshot for the seed-shaped corpus (numbers rounded)', () => {
    const l = layout('ltr');
    expect({
      height: l.height,
      lanes: l.lanes,
      items: l.items.map((p) => ({ ...p, x: round(p.x), x2: round(p.x2), y: round(p.y) })),
    }).toMatchSnapshot();
  });

  it('stacks same-day items of one lane in text order without overlap', () => {
    const l = layout('ltr');
    const k1 = l.items.find((p) => p.id === 'st-k1')!;
    const k2 = l.items.find((p) => p.id === 'st-k2')!;
    expect(k1.x).toBe(k2.x);
    expect(k1.row).toBe(0);
    expect(k2.row).toBe(1);
    expect(k2.y - k1.y).toBeGreaterThanOrEqual(10);
  });

  it('never lets two marks in one lane and row overlap', () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      const l = layout(dir);
      const byRow = new Map<string, { x: number; x2: number; shape: string }[]>();
      for (const p of l.items) {
        const key = `${p.lane}:${p.row}`;
        const lo = p.shape === 'point' ? p.x - 5 : p.x;
        const hi = p.shape === 'point' ? p.x2 + 5 : p.x2;
        for (const q of byRow.get(key) ?? []) expect(hi <= q.x || lo >= q.x2, `${dir} ${p.id}`).toBe(true);
        byRow.set(key, [...(byRow.get(key) ?? []), { x: lo, x2: hi, shape: p.shape }]);
      }
    }
  });

  it('draws days as points, years and open intervals as bars running to the edge', () => {
    const l = layout('ltr');
    const meeting = l.items.find((p) => p.id === 'ev-meeting')!;
    expect(meeting).toMatchObject({ shape: 'bar', uncertain: true, openEnd: true, openStart: false });
    expect(meeting.x2).toBe(600);
    expect(l.items.find((p) => p.id === 'st-un')).toMatchObject({ shape: 'bar', uncertain: true });
    expect(l.items.find((p) => p.id === 'st-fox')).toMatchObject({ shape: 'point', uncertain: false });
  });

  it('mirrors in right-to-left: the future runs to the left edge', () => {
    const l = layout('rtl');
    const meeting = l.items.find((p) => p.id === 'ev-meeting')!;
    expect(meeting.x).toBe(0);
    const ltr = layout('ltr').items.find((p) => p.id === 'st-fox')!;
    expect(l.items.find((p) => p.id === 'st-fox')!.x).toBeCloseTo(600 - ltr.x);
  });

  it('leaves undated items off the axis', () => {
    expect(layout('ltr').items.some((p) => p.id === 'st-undated')).toBe(false);
  });

  it('isUncertain: anything but a closed day', () => {
    expect(isUncertain({ precision: 'day', start: '2017-01-01', end: '2017-01-01' })).toBe(false);
    expect(isUncertain({ precision: 'month', start: '2017-01-01', end: '2017-01-31' })).toBe(true);
    expect(isUncertain({ precision: 'day', start: '2017-01-01', end: null })).toBe(true);
  });
});
