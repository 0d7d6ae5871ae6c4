/**
 * The diagram's view math. d3-zoom runs on the stage (an HTML box), so its transform is in stage
 * pixels; the SVG keeps its viewBox in layout units, fitted into the box ("xMidYMid meet"). While a
 * pan or zoom is under way the drawn SVG is only moved by a CSS transform (the compositor moves the
 * pixels already drawn, nothing is laid out or painted again); when the gesture ends the transform
 * is committed to the SVG, which is drawn once more, sharp, at the new scale.
 */
import type { ScreenMap, ViewFit } from './canvasEdges';

/** A zoom transform: screen = `x + k * point` (stage pixels). */
export interface Transform {
  x: number;
  y: number;
  k: number;
}

/** Rounded for short attributes, finely enough that thousands of pixels stay within a hundredth. */
const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The SVG `transform` of the drawing's group for a committed zoom `c`, in viewBox units. */
export function worldTransform(c: Transform, fit: ViewFit): string {
  const s = fit.scale || 1;
  return `translate(${r6((c.x + (c.k - 1) * fit.dx) / s)},${r6((c.y + (c.k - 1) * fit.dy) / s)}) scale(${r6(c.k)})`;
}

/** The CSS transform (origin 0 0) that moves what was drawn at `committed` to where `now` puts it. */
export function gestureTransform(now: Transform, committed: Transform): string {
  const k = now.k / committed.k;
  if (k === 1 && now.x === committed.x && now.y === committed.y) return '';
  return `translate(${r6(now.x - k * committed.x)}px,${r6(now.y - k * committed.y)}px) scale(${r6(k)})`;
}

/** Layout units to stage pixels under zoom `t`. */
export function screenMap(t: Transform, fit: ViewFit): ScreenMap {
  const s = fit.scale || 1;
  return { k: t.k * s, dx: t.x + t.k * fit.dx, dy: t.y + t.k * fit.dy };
}

/** The layout point under stage pixel `[px, py]` with zoom `t`. */
export function layoutPoint(t: Transform, fit: ViewFit, px: number, py: number): { x: number; y: number } {
  const m = screenMap(t, fit);
  return { x: (px - m.dx) / m.k, y: (py - m.dy) / m.k };
}
