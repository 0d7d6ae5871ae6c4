/**
 * Where each timeline item goes: one lane per speaker, points for single days, bars for spans
 * and uncertain dates, and rows inside a lane so marks never overlap — items of the same day
 * stack in the order the text tells them. Pure and deterministic: the same items and scale give
 * the same numbers, so the layout is snapshot-tested.
 */
import type { TimelineItem } from './items';
import { itemBounds } from './scale';

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

export interface TimelineLayout {
  lanes: PlacedLane[];
  items: PlacedItem[];
  /** Total height of all lanes. */
  height: number;
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
): TimelineLayout {
  const { radius, rowHeight, header, lanePad, gap } = options;
  // Pack in "forward" coordinates (growing with time) so one greedy pass serves both directions.
  const sign = x(domain[1]) >= x(domain[0]) ? 1 : -1;
  const laneIndex = new Map(laneKeys.map((k, i) => [k, i]));
  const reach: number[][] = laneKeys.map(() => []);
  const placed: (PlacedItem & { lo: number; hi: number })[] = [];

  for (const item of items) {
    const lane = laneIndex.get(item.lane);
    if (item.undated || lane === undefined) continue;
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
    });
  }

  // Greedy interval packing per lane by forward start; ties keep the input order (time, then
  // position in the text), so the statements of one day stack in the order the article tells them.
  const order = placed.map((_, i) => i).sort((i, j) => (placed[i]?.lo ?? 0) - (placed[j]?.lo ?? 0) || i - j);
  for (const i of order) {
    const p = placed[i] as PlacedItem & { lo: number; hi: number };
    const rows = reach[p.lane] as number[];
    let row = rows.findIndex((r) => r <= p.lo);
    if (row === -1) row = rows.length;
    rows[row] = p.hi;
    p.row = row;
  }

  const lanes: PlacedLane[] = [];
  let y = 0;
  laneKeys.forEach((key, i) => {
    const rows = Math.max(1, (reach[i] as number[]).length);
    const height = header + rows * rowHeight + lanePad;
    lanes.push({ key, y, height, rows });
    y += height;
  });

  const out: PlacedItem[] = placed.map((p) => {
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
  return { lanes, items: out, height: y };
}
