/**
 * Edges on a canvas, for large graphs: thousands of SVG lines make every zoom frame slow, so
 * beyond a threshold the diagram draws its edges here, under the SVG nodes (which stay
 * focusable and named). Plain drawing code: no state, no Svelte.
 */
import type { ZoomTransform } from 'd3-zoom';
import { edgeStyle, edgeWidth } from './edgeStyle';
import type { GraphEdge } from './graphData';

/** Above this many visible edges the diagram draws them on a canvas. */
export const CANVAS_EDGES = 1500;

/** How the SVG's viewBox maps onto its box (preserveAspectRatio "xMidYMid meet"). */
export interface ViewFit {
  scale: number;
  dx: number;
  dy: number;
}

/** The fit of a `width × height` viewBox in a `boxWidth × boxHeight` element. */
export function viewFit(width: number, height: number, boxWidth: number, boxHeight: number): ViewFit {
  const scale = Math.min(boxWidth / width, boxHeight / height);
  return { scale, dx: (boxWidth - width * scale) / 2, dy: (boxHeight - height * scale) / 2 };
}

/** Resolves `var(--token)` colours through an element's computed style. */
export function resolveColor(el: Element, color: string): string {
  const m = /^var\((--[\w-]+)\)$/.exec(color);
  return m ? getComputedStyle(el).getPropertyValue(m[1]!).trim() || '#888' : color;
}

/** Draws the edges; those not touching `focus` (when given) are faded. */
export function drawEdges(
  canvas: HTMLCanvasElement,
  edges: readonly GraphEdge[],
  positions: ReadonlyMap<string, { x: number; y: number }>,
  fit: ViewFit,
  t: ZoomTransform,
  colorOf: (css: string) => string,
  focus: string | null,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const ratio = canvas.width / Math.max(1, canvas.clientWidth);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const sx = (x: number) => fit.dx + fit.scale * (t.x + t.k * x);
  const sy = (y: number) => fit.dy + fit.scale * (t.y + t.k * y);
  for (const e of edges) {
    const a = positions.get(e.source);
    const b = positions.get(e.target);
    if (!a || !b) continue;
    const s = edgeStyle(e.type);
    const near = focus === null || e.source === focus || e.target === focus;
    ctx.globalAlpha = (s.faint ? 0.6 : 1) * (near ? 1 : 0.22);
    ctx.strokeStyle = colorOf(s.color);
    ctx.lineWidth = edgeWidth(e.type, e.weight);
    ctx.setLineDash(s.dash ? s.dash.split(/\s+/).map(Number) : []);
    ctx.beginPath();
    ctx.moveTo(sx(a.x), sy(a.y));
    ctx.lineTo(sx(b.x), sy(b.y));
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}
