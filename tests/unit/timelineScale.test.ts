import { describe, expect, it } from 'vitest';
import { timelineItems } from '../../src/timeline/items';
import {
  axisTicks,
  clampWindow,
  domainToWindow,
  panDomain,
  zoomDomain,
  defaultWindow,
  fullDomain,
  isIsoDay,
  isoDay,
  maxZoom,
  parseDay,
  timeScale,
  transformToWindow,
  windowToTransform,
} from '../../src/timeline/scale';
import { fixtureCorpus } from './timelineFixture';
import { manifestOf } from '../../src/model/digest';

const items = timelineItems(manifestOf(fixtureCorpus()));

describe('fullDomain(items)', () => {
  it('covers every dated item, 2015 to 2017, padded, ignoring undated items', () => {
    const [a, b] = fullDomain(items)!;
    expect(isoDay(a) < '2015-01-01').toBe(true);
    expect(isoDay(b) > '2017-01-28').toBe(true);
    expect(isoDay(b) < '2017-04-01').toBe(true);
  });
  it('is null when nothing is dated', () => {
    expect(fullDomain(items.filter((i) => i.undated))).toBeNull();
  });
});

describe('defaultWindow(items)', () => {
  it('fits the publication week, not the 2015 outlier', () => {
    const w = defaultWindow(items)!;
    expect(w.start >= '2017-01-20' && w.start <= '2017-01-26').toBe(true);
    expect(w.end >= '2017-01-28' && w.end <= '2017-02-03').toBe(true);
  });
  it('is at least four days wide around a single day', () => {
    const one = items.filter((i) => i.id === 'st-kremlin');
    const w = defaultWindow(one)!;
    expect((parseDay(w.end).getTime() - parseDay(w.start).getTime()) / 86_400_000).toBeGreaterThanOrEqual(3);
    expect(w.start <= '2017-01-28' && w.end >= '2017-01-28').toBe(true);
  });
});

describe('clampWindow', () => {
  it('keeps a window inside the domain and orders its ends', () => {
    const domain: [Date, Date] = [parseDay('2017-01-01'), parseDay('2017-02-01')];
    expect(clampWindow({ start: '2017-03-01', end: '2016-01-01' }, domain)).toEqual({ start: '2017-01-01', end: '2017-01-31' });
    expect(clampWindow({ start: '2017-01-10', end: '2017-01-10' }, domain)).toEqual({ start: '2017-01-10', end: '2017-01-13' });
  });
  it('isIsoDay refuses impossible dates', () => {
    expect(isIsoDay('2017-02-30')).toBe(false);
    expect(isIsoDay('2017-02-28')).toBe(true);
    expect(isIsoDay(5)).toBe(false);
  });
});

describe('timeScale', () => {
  const domain: [Date, Date] = [parseDay('2017-01-01'), parseDay('2017-02-01')];
  it('runs left to right in English and right to left (mirrored) in Arabic', () => {
    const ltr = timeScale(domain, 600, 'ltr');
    const rtl = timeScale(domain, 600, 'rtl');
    expect(ltr(parseDay('2017-01-01'))).toBe(0);
    expect(rtl(parseDay('2017-01-01'))).toBe(600);
    expect(rtl(parseDay('2017-01-20'))).toBeCloseTo(600 - ltr(parseDay('2017-01-20')));
  });
});

describe('window ↔ zoom transform', () => {
  const domain = fullDomain(items)!;
  for (const dir of ['ltr', 'rtl'] as const) {
    it(`round-trips a window through the transform (${dir})`, () => {
      const base = timeScale(domain, 600, dir);
      const w = { start: '2017-01-22', end: '2017-01-31' };
      const t = windowToTransform(w, base);
      expect(t.k).toBeGreaterThan(1);
      expect(transformToWindow(t, base)).toEqual(w);
      const zoomed = base.copy().domain(base.range().map((r) => base.invert((r - t.x) / t.k)));
      const edge = dir === 'ltr' ? 0 : 600;
      expect(zoomed(parseDay('2017-01-22'))).toBeCloseTo(edge);
    });
  }
  it('maxZoom lets the whole span narrow to a few days', () => {
    expect(maxZoom(domain)).toBeGreaterThan(100);
  });
});

describe('axisTicks', () => {
  it('labels years over a wide span, months with the year at January when there is room', () => {
    const narrow = timeScale([parseDay('2015-01-01'), parseDay('2017-03-01')], 200, 'ltr');
    expect(axisTicks(narrow, 'en').map((t) => t.label)).toEqual(['2016']);
    const wide = timeScale([parseDay('2015-01-01'), parseDay('2017-03-01')], 600, 'ltr');
    expect(axisTicks(wide, 'en').map((t) => t.label)).toContain('Jan 2016');
  });
  it('labels days with the month at the first tick over a week, in Arabic digits for Arabic', () => {
    const s = timeScale([parseDay('2017-01-24'), parseDay('2017-01-31')], 600, 'rtl');
    const en = axisTicks(s, 'en');
    expect(en[0]?.label).toMatch(/Jan/);
    expect(en.every((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.iso))).toBe(true);
    expect(en[0]!.x).toBeGreaterThan(en[1]!.x); // mirrored: later days further left
    const ar = axisTicks(s, 'ar');
    expect(ar[1]?.label).toMatch(/^[٠-٩]+$/);
  });
  it('never ticks below a day, even zoomed in, nor so near an edge that the label is cut', () => {
    const s = timeScale([parseDay('2017-01-27'), parseDay('2017-01-29')], 600, 'ltr');
    expect(axisTicks(s, 'en', 90, 0).map((t) => t.iso)).toEqual(['2017-01-27', '2017-01-28', '2017-01-29']);
    expect(axisTicks(s, 'en').map((t) => t.iso)).toEqual(['2017-01-28']);
    expect(axisTicks(s, 'en')[0]?.label).toBe('28 Jan');
  });
});

describe('zoomDomain and panDomain', () => {
  const full: [Date, Date] = [parseDay('2015-01-01'), parseDay('2017-03-01')];
  const week: [Date, Date] = [parseDay('2017-01-22'), parseDay('2017-01-29')];
  it('zoomDomain(×2) halves the window around its centre and never below four days', () => {
    const [a, b] = zoomDomain(week, 2, full);
    expect((b.getTime() - a.getTime()) / 86_400_000).toBe(4);
    expect(zoomDomain(week, 0.001, full)).toEqual(full);
  });
  it('panDomain keeps the width and stops at the edges', () => {
    const [a, b] = panDomain(week, 100 * 86_400_000, full);
    expect(isoDay(b)).toBe('2017-03-01');
    expect(b.getTime() - a.getTime()).toBe(week[1].getTime() - week[0].getTime());
  });
  it('domainToWindow rounds to whole days, end inclusive', () => {
    expect(domainToWindow([parseDay('2017-01-22'), parseDay('2017-01-29')])).toEqual({ start: '2017-01-22', end: '2017-01-28' });
  });
});
