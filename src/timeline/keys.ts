/**
 * Keyboard movement between timeline items (one tab stop, arrow keys inside): left and right
 * follow time as drawn (mirrored in right-to-left), up and down go to the nearest mark in the
 * row above or below, Home and End to the first and last item. Pure.
 */
import type { PlacedItem } from './layout';

/** The keys the timeline handles, and what they do. */
export type Move = 'next' | 'previous' | 'up' | 'down' | 'first' | 'last';

/** The move a key asks for, given the direction time runs on screen; null for other keys. */
export function moveForKey(key: string, dir: 'ltr' | 'rtl'): Move | null {
  switch (key) {
    case 'ArrowRight':
      return dir === 'rtl' ? 'previous' : 'next';
    case 'ArrowLeft':
      return dir === 'rtl' ? 'next' : 'previous';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

/** Where a placed mark sits for "nearest" comparisons: its centre. */
const centre = (p: Pick<PlacedItem, 'x' | 'x2'>) => (p.x + p.x2) / 2;

/**
 * The item to move to from `current` (ids in time order; `placed` gives positions for up and
 * down). Stays put at the ends; starts at the first item when nothing has focus.
 */
export function moveFocus(
  move: Move,
  current: string | null,
  order: readonly string[],
  placed: ReadonlyMap<string, Pick<PlacedItem, 'x' | 'x2' | 'y'>>,
): string | null {
  if (order.length === 0) return null;
  const i = current === null ? -1 : order.indexOf(current);
  if (i === -1 || move === 'first') return order[0] ?? null;
  if (move === 'last') return order[order.length - 1] ?? null;
  if (move === 'next') return order[Math.min(order.length - 1, i + 1)] ?? null;
  if (move === 'previous') return order[Math.max(0, i - 1)] ?? null;
  const here = placed.get(current as string);
  if (!here) return current;
  const down = move === 'down';
  let best: string | null = null;
  let bestScore = Infinity;
  for (const id of order) {
    const p = placed.get(id);
    if (!p || (down ? p.y <= here.y : p.y >= here.y)) continue;
    // The nearest row first, then the nearest in time within it.
    const score = Math.abs(p.y - here.y) * 10_000 + Math.abs(centre(p) - centre(here));
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best ?? current;
}

/** Something drawn that takes focus: a mark (one item) or a bar of counts (a run of items). */
export interface FocusTarget {
  key: string;
  /** Positions in the time order of all items of its first and last item. */
  first: number;
  last: number;
  x: number;
  x2: number;
  y: number;
}

/** Where a move goes: a drawn target, or an item (by position in time order) to bring into view. */
export type MoveResult = { key: string } | { item: number } | null;

/**
 * A move among what is drawn (`targets`, sorted by `first`), out of `total` items in time order.
 * Next and previous step through the drawn targets; past the last one drawn (or before the first)
 * they go on to the next item beyond everything drawn, which the caller brings into view. Home and
 * End go to the first and last item. Up and down pick the nearest target in the next row.
 */
export function moveAmong(move: Move, current: string | null, targets: readonly FocusTarget[], total: number): MoveResult {
  if (total === 0) return null;
  if (move === 'first') return { item: 0 };
  if (move === 'last') return { item: total - 1 };
  const i = current === null ? -1 : targets.findIndex((t) => t.key === current);
  if (i === -1) return targets[0] ? { key: targets[0].key } : { item: 0 };
  const here = targets[i] as FocusTarget;
  if (move === 'next') {
    const t = targets[i + 1];
    if (t) return { key: t.key };
    const beyond = targets.reduce((m, x) => Math.max(m, x.last), -1) + 1;
    return beyond < total ? { item: beyond } : { key: here.key };
  }
  if (move === 'previous') {
    const t = targets[i - 1];
    if (t) return { key: t.key };
    const before = targets.reduce((m, x) => Math.min(m, x.first), total) - 1;
    return before >= 0 ? { item: before } : { key: here.key };
  }
  const placed = new Map(targets.map((t) => [t.key, t]));
  const best = moveFocus(
    move,
    here.key,
    targets.map((t) => t.key),
    placed,
  );
  return { key: best ?? here.key };
}
