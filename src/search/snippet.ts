/**
 * Display helpers for search results: cut a long passage around its first highlight and split it
 * into plain and marked pieces, rendered as text nodes (never as HTML).
 */

/** A piece of a snippet: plain text, or a matched word to mark. */
export interface Piece {
  text: string;
  mark: boolean;
}

/** Moves an offset back to a word boundary (a space) so a cut never splits a word. */
function toSpace(text: string, at: number, direction: -1 | 1, limit: number): number {
  let i = at;
  for (let n = 0; n < limit && i > 0 && i < text.length && !/\s/.test(text[i]!); n++) i += direction;
  return /\s/.test(text[i] ?? ' ') ? i : at;
}

/**
 * The pieces of `text.slice(start, end)` with `highlights` (document offsets) marked, cut to about
 * `max` characters around the first highlight; ellipses show where it was cut.
 */
export function snippet(text: string, start: number, end: number, highlights: [number, number][], max = 220): Piece[] {
  let from = start;
  let to = end;
  if (end - start > max) {
    const first = highlights.find(([s, e]) => s >= start && e <= end)?.[0] ?? start;
    from = Math.max(start, first - Math.floor(max / 3));
    to = Math.min(end, from + max);
    from = Math.max(start, to - max);
    if (from > start) from = toSpace(text, from, 1, 20);
    if (to < end) to = toSpace(text, to, -1, 20);
  }
  const pieces: Piece[] = [];
  const push = (a: number, b: number, mark: boolean) => {
    if (b > a) pieces.push({ text: text.slice(a, b), mark });
  };
  let at = from;
  for (const [s, e] of highlights) {
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (b <= a || a < at) continue;
    push(at, a, false);
    push(a, b, true);
    at = b;
  }
  push(at, to, false);
  if (from > start) pieces.unshift({ text: '… ', mark: false });
  if (to < end) pieces.push({ text: ' …', mark: false });
  return pieces;
}

/**
 * The snippet of a hit: from the document's text when the page holds it, else from the text the hit
 * carries (the sharded index's worker sends it: `start … end` of the document).
 */
export function hitSnippet(
  hit: { start: number; end: number; highlights: [number, number][]; text?: string },
  docText?: string,
  max = 220,
): Piece[] {
  if (docText !== undefined || hit.text === undefined) return snippet(docText ?? '', hit.start, hit.end, hit.highlights, max);
  const shifted = hit.highlights.map(([s, e]): [number, number] => [s - hit.start, e - hit.start]);
  return snippet(hit.text, 0, hit.text.length, shifted, max);
}
