/**
 * Where each timeline item goes: one lane per speaker, points for single days, bars for spans
 * and uncertain dates, and rows inside a lane so marks never overlap — items of the same day
 * stack in the order the text tells them. Pure and deterministic: the same items and scale give
 * the same numbers, so the layout is snapshot-tested.
 */
import { utcDay, utcMonday, utcMonth, utcYear, type CountableTimeInterval } from 'd3-time';
import type { TimelineItem } from './items';
import { DAY, dayMs, itemBounds } from './scale';

/** Sizes of the marks and lanes, in pixels. */
export interface LayoutOptions {
  /** Radius of a day's point (bars are as tall as a point). */
  radius: number;
  /** Height of one row of marks. */
  rowHeight: number;
  /** Space at the top of each lane for its name. */
  header: number;
  /** Space below each lane. */
  lanePad: number;
  /** Least horizontal gap between two marks in one row. */
  gap: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { radius: 5, rowHeight: 14, header: 16, lanePad: 4, gap: 2 };

/** A mark placed on the plot. */
export interface PlacedItem {
  id: string;
  /** Index of its lane. */
  lane: number;
  /** Row inside the lane, 0 at the top. */
  row: number;
  /** A point for a single certain day; a bar for a span, an uncertain date or an open interval. */
  shape: 'point' | 'bar';
  /** Centre (points) or left edge (bars), in pixels. */
  x: number;
  /** Right edge (bars); equals `x` for points. */
  x2: number;
  /** Vertical centre of the mark. */
  y: number;
  /** Uncertain: month, year or range precision, or an open bound. Drawn hatched. */
  uncertain: boolean;
  /** The bar runs off towards the past / the future (no bound on that side). */
  openStart: boolean;
  openEnd: boolean;
}

/** A lane placed on the plot. */
export interface PlacedLane {
  key: string;
  /** Top of the lane (its name sits here). */
  y: number;
  height: number;
  rows: number;
}

/** The calendar unit a crowded lane counts its items by. */
export type CountUnit = 'day' | 'week' | 'month' | 'year';

/** One bar of counts in a crowded lane: the items of one day, week, month or year. */
export interface PlacedBin {
  /** `bin:<lane key>:<first day>`: unique, and stable while the view moves. */
  key: string;
  lane: number;
  unit: CountUnit;
  /** First instant of the bin and first instant after it (ms). */
  start: number;
  end: number;
  /** Left and right edges in pixels. */
  x: number;
  x2: number;
  /** Top of the bar and its height (by the square root of the count; the fullest bin in view fills the lane). */
  y: number;
  height: number;
  /** Vertical centre of the lane's counting strip (for up and down between rows). */
  mid: number;
  count: number;
  /** How many of them are lit (an entity selection, a search). */
  lit: number;
  /** First and last item of the bin, in time order. */
  first: string;
  last: string;
  /** Every item of the bin, in time order (so lighting can count again without a new layout). */
  members: string[];
}

export interface TimelineLayout {
  lanes: PlacedLane[];
  items: PlacedItem[];
  /** Bars of counts, for lanes too crowded to draw every mark. */
  bins: PlacedBin[];
  /** Total height of all lanes. */
  height: number;
}

/**
 * When a lane draws counts instead of marks (at 1,000 documents a week can hold thousands of
 * statements: one circle each is tens of thousands of elements and a lane thousands of rows tall).
 */
export interface DensityOptions {
  /** A lane with more items than this in view draws counts. */
  maxMarks: number;
  /** So does one whose marks would need more rows than this. */
  maxRows: number;
  /** Rows of height a lane of counts takes. */
  binRows: number;
  /** The calendar unit to count by (see {@link countUnit}). */
  unit: CountUnit;
  /** Items drawn as marks even in a lane of counts (the selected one), on top of the bars. */
  keep: ReadonlySet<string>;
  /** Items counted apart in each bin. */
  lit: ReadonlySet<string>;
  /** The lane an item is drawn in (folded speakers go to "others"). */
  laneOf: (key: string) => string;
}

/** No counting: every item a mark (the seed, the tests of packing). */
export const NO_DENSITY: DensityOptions = {
  maxMarks: Infinity,
  maxRows: Infinity,
  binRows: 3,
  unit: 'day',
  keep: new Set(),
  lit: new Set(),
  laneOf: (k) => k,
};

const INTERVALS: Record<CountUnit, CountableTimeInterval> = { day: utcDay, week: utcMonday, month: utcMonth, year: utcYear };
const UNIT_DAYS: [CountUnit, number][] = [
  ['day', 1],
  ['week', 7],
  ['month', 30.44],
  ['year', 365.25],
];

/** The finest calendar unit whose bins are at least `minPx` wide when `spanMs` fills `width` pixels. */
export function countUnit(spanMs: number, width: number, minPx = 8): CountUnit {
  const pxPerDay = (width / Math.max(spanMs, DAY)) * DAY;
  for (const [unit, days] of UNIT_DAYS) if (days * pxPerDay >= minPx) return unit;
  return 'year';
}

/** True when an item is drawn as a bar: a span, an open bound or a date less precise than a day. */
export function isUncertain(item: Pick<TimelineItem, 'precision' | 'start' | 'end'>): boolean {
  return item.precision !== 'day' || item.start === null || item.end === null;
}

/**
 * Lays out the dated items along `x` (a time → pixel function, possibly mirrored) inside
 * `domain` (open bounds run to its edges), in the lanes given by `laneKeys` order. Items whose
 * lane is not listed, and undated items, are left out.
 */
export function layoutTimeline(
  items: readonly TimelineItem[],
  laneKeys: readonly string[],
  x: (d: Date) => number,
  domain: [Date, Date],
  options: LayoutOptions = DEFAULT_LAYOUT,
  density: DensityOptions = NO_DENSITY,
): TimelineLayout {
  const { radius, rowHeight, header, lanePad, gap } = options;
  const { maxMarks, maxRows, binRows, unit, keep, lit, laneOf } = density;
  // Pack in "forward" coordinates (growing with time) so one greedy pass serves both directions.
  const sign = x(domain[1]) >= x(domain[0]) ? 1 : -1;
  const laneIndex = new Map(laneKeys.map((k, i) => [k, i]));
  const reach: number[][] = laneKeys.map(() => []);
  const placed: (PlacedItem & { lo: number; hi: number; at: number })[] = [];
  // A first pass counts each lane's items: a lane over `maxMarks` is counted per bin straight away,
  // without placing its items one by one (at 10,000 documents that is most of the items in view).
  const lanesOf = items.map((item) => (item.undated ? undefined : laneIndex.get(laneOf(item.lane))));
  const counts = laneKeys.map(() => 0);
  for (const lane of lanesOf) if (lane !== undefined) counts[lane] = (counts[lane] ?? 0) + 1;
  const dense = counts.map((n) => n > maxMarks);
  const binned: { id: string; lane: number; at: number }[] = [];

  items.forEach((item, n) => {
    const lane = lanesOf[n];
    if (lane === undefined) return;
    if (dense[lane]) {
      binned.push({ id: item.id, lane, at: dayMs((item.start ?? item.end) as string) });
      if (!keep.has(item.id)) return;
    }
    const [s, e] = itemBounds(item);
    const uncertain = isUncertain(item);
    const bar = uncertain || item.start !== item.end;
    let a: number;
    let b: number;
    if (bar) {
      a = x(s ?? domain[0]);
      b = x(e ?? domain[1]);
      if (Math.abs(b - a) < 2 * radius) {
        const mid = (a + b) / 2;
        a = mid - radius;
        b = mid + radius;
      }
    } else {
      // A day's point sits at noon, the middle of its day.
      a = b = x(new Date((s as Date).getTime() + 43_200_000));
    }
    const half = (bar ? 0 : radius) + gap / 2;
    placed.push({
      id: item.id,
      lane,
      row: 0,
      shape: bar ? 'bar' : 'point',
      x: Math.min(a, b),
      x2: Math.max(a, b),
      y: 0,
      uncertain,
      openStart: s === null,
      openEnd: e === null,
      lo: Math.min(sign * a, sign * b) - half,
      hi: Math.max(sign * a, sign * b) + half,
      at: (s ?? new Date((e as Date).getTime() - DAY)).getTime(),
    });
  });
  const overflow = new Set<number>();

  // Greedy interval packing per lane by forward start; ties keep the input order (time, then
  // position in the text), so the statements of one day stack in the order the article tells them.
  const order = placed.map((_, i) => i).sort((i, j) => (placed[i]?.lo ?? 0) - (placed[j]?.lo ?? 0) || i - j);
  for (const i of order) {
    const p = placed[i] as PlacedItem & { lo: number; hi: number };
    if (dense[p.lane]) continue;
    const rows = reach[p.lane] as number[];
    let row = rows.findIndex((r) => r <= p.lo);
    if (row === -1) row = rows.length;
    if (row >= maxRows) {
      dense[p.lane] = true;
      overflow.add(p.lane);
      continue;
    }
    rows[row] = p.hi;
    p.row = row;
  }

  const lanes: PlacedLane[] = [];
  let y = 0;
  laneKeys.forEach((key, i) => {
    const rows = dense[i] ? binRows : Math.max(1, (reach[i] as number[]).length);
    const height = header + rows * rowHeight + lanePad;
    lanes.push({ key, y, height, rows });
    y += height;
  });

  const bins = countBins(
    overflow.size ? [...binned, ...placed.filter((p) => overflow.has(p.lane))] : binned,
    lanes,
    x,
    unit,
    lit,
    header,
    header + binRows * rowHeight,
  );
  const shown = placed.filter((p) => !dense[p.lane] || keep.has(p.id));
  const out: PlacedItem[] = shown.map((p) => {
    if (dense[p.lane]) p.row = 0;
    const lane = lanes[p.lane] as PlacedLane;
    return {
      id: p.id,
      lane: p.lane,
      row: p.row,
      shape: p.shape,
      x: p.x,
      x2: p.x2,
      y: lane.y + header + p.row * rowHeight + rowHeight / 2,
      uncertain: p.uncertain,
      openStart: p.openStart,
      openEnd: p.openEnd,
    };
  });
  return { lanes, items: out, bins, height: y };
}

/**
 * Counts the items of crowded lanes per calendar bin (d3-time floors the instants). Items arrive
 * in time order, so each bin's first and last items are the first and last seen.
 */
function countBins(
  items: readonly { id: string; lane: number; at: number }[],
  lanes: readonly PlacedLane[],
  x: (d: Date) => number,
  unit: CountUnit,
  lit: ReadonlySet<string>,
  header: number,
  base: number,
): PlacedBin[] {
  const interval = INTERVALS[unit];
  const byKey = new Map<number, PlacedBin>();
  // Floors of nearby instants repeat: remember the last one to spare d3-time a Date per item.
  let lastDay = NaN;
  let lastStart = 0;
  for (const it of items) {
    const day = Math.floor(it.at / DAY);
    if (day !== lastDay) {
      lastDay = day;
      lastStart = interval.floor(new Date(it.at)).getTime();
    }
    const lane = lanes[it.lane] as PlacedLane;
    // Bin starts are whole days: lane and day make one number.
    const id = it.lane * 1e7 + lastStart / DAY;
    let bin = byKey.get(id);
    if (!bin) {
      const key = `bin:${lane.key}:${new Date(lastStart).toISOString().slice(0, 10)}`;
      const end = interval.offset(new Date(lastStart), 1).getTime();
      const [a, b] = [x(new Date(lastStart)), x(new Date(end))];
      bin = {
        key,
        lane: it.lane,
        unit,
        start: lastStart,
        end,
        x: Math.min(a, b),
        x2: Math.max(a, b),
        y: 0,
        height: 0,
        mid: lane.y + (header + base) / 2,
        count: 0,
        lit: 0,
        first: it.id,
        last: it.id,
        members: [],
      };
      byKey.set(id, bin);
    }
    bin.count++;
    if (lit.has(it.id)) bin.lit++;
    bin.last = it.id;
    bin.members.push(it.id);
  }
  const bins = [...byKey.values()];
  const most = bins.reduce((m, b) => Math.max(m, b.count), 1);
  const room = base - header - 2;
  for (const b of bins) {
    // Square root: a lane's quiet weeks stay visible next to the busiest bin in view.
    b.height = Math.max(2, Math.round(Math.sqrt(b.count / most) * room));
    b.y = (lanes[b.lane] as PlacedLane).y + base - b.height;
  }
  return bins;
}

/** Each layout's bins: item id → the bin's index (built the first time the bins are lit again). */
const binIndexes = new WeakMap<readonly PlacedBin[], Map<string, number>>();

/**
 * The bins of a layout with their `lit` counted for another set of lit items, as `layoutTimeline`
 * would count them: a search lights other statements on every pause in typing, and laying out every
 * item in view again for it took half a second at 10,000 documents (CPU 4×). Bins whose count is
 * unchanged are the same objects, so the view redraws only the others.
 */
export function relightBins(bins: readonly PlacedBin[], lit: ReadonlySet<string>): readonly PlacedBin[] {
  const counts = new Map<number, number>();
  if (lit.size > 0) {
    let index = binIndexes.get(bins);
    if (!index) {
      index = new Map();
      for (let i = 0; i < bins.length; i++) for (const id of (bins[i] as PlacedBin).members) index.set(id, i);
      binIndexes.set(bins, index);
    }
    for (const id of lit) {
      const i = index.get(id);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
  }
  let changed = false;
  const out = bins.map((b, i) => {
    const n = counts.get(i) ?? 0;
    if (n === b.lit) return b;
    changed = true;
    return { ...b, lit: n };
  });
  return changed ? out : bins;
}
