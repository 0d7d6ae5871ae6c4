/**
 * Stable ids: a short FNV-1a hash of normalised text, so an id survives rebuilds and edits
 * elsewhere in the document, with a counter only when two items hash the same.
 */

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits. */
export function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The last counter tried for each base id, per `used` set: repeated keys cost O(1), not O(repeats). */
const counters = new WeakMap<Set<string>, Map<string, number>>();

/** `${prefix}-${hash8(key)}`, made unique against `used` (which it updates): base, base-2, base-3, … */
export function stableId(prefix: string, key: string, used: Set<string>): string {
  const base = `${prefix}-${hash8(key)}`;
  let last = counters.get(used);
  if (!last) counters.set(used, (last = new Map()));
  let n = last.get(base) ?? 1;
  let id = n === 1 ? base : `${base}-${n}`;
  while (used.has(id)) id = `${base}-${++n}`;
  last.set(base, n);
  used.add(id);
  return id;
}
