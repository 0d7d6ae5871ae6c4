/**
 * Edges on a canvas, for large graphs: thousands of SVG lines make every zoom frame slow, so
 * beyond a threshold the diagram draws its edges here, under the SVG nodes (which stay
 * focusable and named). Plain drawing code: no state, no Svelte.
 */
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

/** Layout units to canvas pixels: `x * k + dx`, `y * k + dy`. */
export interface ScreenMap {
  k: number;
  dx: number;
  dy: number;
}

/**
 * Draws the edges, batched: one path per style, width and focus (a `stroke()` per edge with its own
 * dash pattern is what made thousands of edges slow). Edges not touching `focus` (when given) are
 * faded; edges with both ends off screen are skipped.
 */
export function drawEdges(
  canvas: HTMLCanvasElement,
  edges: readonly GraphEdge[],
  positions: ReadonlyMap<string, { x: number; y: number }>,
  map: ScreenMap,
  colorOf: (css: string) => string,
  focus: string | null,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const ratio = canvas.width / Math.max(1, canvas.clientWidth);
  const w = canvas.width / ratio;
  const h = canvas.height / ratio;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const batches = new Map<string, { type: string; width: number; near: boolean; coords: number[] }>();
  for (const e of edges) {
    const a = positions.get(e.source);
    const b = positions.get(e.target);
    if (!a || !b) continue;
    const x1 = a.x * map.k + map.dx;
    const y1 = a.y * map.k + map.dy;
    const x2 = b.x * map.k + map.dx;
    const y2 = b.y * map.k + map.dy;
    if ((x1 < 0 && x2 < 0) || (y1 < 0 && y2 < 0) || (x1 > w && x2 > w) || (y1 > h && y2 > h)) continue;
    const near = focus === null || e.source === focus || e.target === focus;
    const width = Math.round(edgeWidth(e.type, e.weight) * 2) / 2;
    const key = `${e.type}|${width}|${near}`;
    let batch = batches.get(key);
    if (!batch) batches.set(key, (batch = { type: e.type, width, near, coords: [] }));
    batch.coords.push(x1, y1, x2, y2);
  }
  for (const { type, width, near, coords } of batches.values()) {
    const s = edgeStyle(type);
    ctx.globalAlpha = (s.faint ? 0.6 : 1) * (near ? 1 : 0.22);
    ctx.strokeStyle = colorOf(s.color);
    ctx.lineWidth = width;
    ctx.setLineDash(s.dash ? s.dash.split(/\s+/).map(Number) : []);
    ctx.beginPath();
    for (let i = 0; i < coords.length; i += 4) {
      ctx.moveTo(coords[i]!, coords[i + 1]!);
      ctx.lineTo(coords[i + 2]!, coords[i + 3]!);
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}
