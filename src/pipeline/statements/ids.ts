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

/** `${prefix}-${hash8(key)}`, made unique against `used` (which it updates). */
export function stableId(prefix: string, key: string, used: Set<string>): string {
  const base = `${prefix}-${hash8(key)}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
