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
