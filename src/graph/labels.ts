/**
 * Label placement without collisions: the most mentioned nodes are labelled first, each label
 * tries four places around its node, and a label that would overlap one already placed (or
 * another node) is left out. The diagram shows the others on hover, focus and selection.
 */

/** A node to label, in layout units. */
export interface LabelInput {
  id: string;
  x: number;
  y: number;
  r: number;
  text: string;
}

/** Where a label goes: its anchor point and the side of the node. */
export interface PlacedLabel {
  id: string;
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  /** Vertical offset of the baseline, in em. */
  dy: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** How many of the most important nodes always get a label, on their node if nowhere else. */
const HUBS = 5;

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Places labels greedily in input order (pass the most important first). `fontSize` is the
 * on-screen size in pixels and `scale` the zoom factor, so boxes shrink as the user zooms in.
 * With `bounds`, labels that would leave the drawing are left out too.
 */
export function placeLabels(
  nodes: readonly LabelInput[],
  fontSize = 12,
  scale = 1,
  max = 400,
  bounds?: { width: number; height: number },
): Map<string, PlacedLabel> {
  const placed = new Map<string, PlacedLabel>();
  const cell = 80 / scale;
  const grid = new Map<string, Box[]>();
  const cells = (b: Box) => {
    const out: string[] = [];
    for (let i = Math.floor(b.x0 / cell); i <= Math.floor(b.x1 / cell); i++) {
      for (let j = Math.floor(b.y0 / cell); j <= Math.floor(b.y1 / cell); j++) out.push(`${i},${j}`);
    }
    return out;
  };
  const inside = (b: Box) => !bounds || (b.x0 >= 0 && b.y0 >= 0 && b.x1 <= bounds.width && b.y1 <= bounds.height);
  const free = (b: Box) => inside(b) && cells(b).every((c) => !(grid.get(c) ?? []).some((o) => overlaps(o, b)));
  const take = (b: Box) => {
    for (const c of cells(b)) {
      const list = grid.get(c) ?? [];
      list.push(b);
      grid.set(c, list);
    }
  };
  for (const n of nodes) take({ x0: n.x - n.r, y0: n.y - n.r, x1: n.x + n.r, y1: n.y + n.r });

  const h = (fontSize * 1.2) / scale;
  const pad = 3 / scale;
  for (const n of nodes) {
    if (placed.size >= max) break;
    const w = (n.text.length * fontSize * 0.55) / scale;
    const options: [PlacedLabel, Box][] = [
      [
        { id: n.id, x: n.x + n.r + pad, y: n.y, anchor: 'start', dy: 0.35 },
        { x0: n.x + n.r + pad, y0: n.y - h / 2, x1: n.x + n.r + pad + w, y1: n.y + h / 2 },
      ],
      [
        { id: n.id, x: n.x - n.r - pad, y: n.y, anchor: 'end', dy: 0.35 },
        { x0: n.x - n.r - pad - w, y0: n.y - h / 2, x1: n.x - n.r - pad, y1: n.y + h / 2 },
      ],
      [
        { id: n.id, x: n.x, y: n.y + n.r + pad, anchor: 'middle', dy: 0.9 },
        { x0: n.x - w / 2, y0: n.y + n.r + pad, x1: n.x + w / 2, y1: n.y + n.r + pad + h },
      ],
      [
        { id: n.id, x: n.x, y: n.y - n.r - pad, anchor: 'middle', dy: -0.3 },
        { x0: n.x - w / 2, y0: n.y - n.r - pad - h, x1: n.x + w / 2, y1: n.y - n.r - pad },
      ],
    ];
    for (const [label, box] of options) {
      if (free(box)) {
        take(box);
        placed.set(n.id, label);
        break;
      }
    }
    // The most important nodes sit in the densest part of the drawing, where no side is free. An
    // unlabelled hub is the worst outcome, so the first few go on top of their own node (the label's
    // halo keeps it legible) when they are at least as tall as a line of text.
    if (!placed.has(n.id) && placed.size < max && nodes.indexOf(n) < HUBS && n.r * 2 >= h) {
      const box = { x0: n.x - w / 2, y0: n.y - h / 2, x1: n.x + w / 2, y1: n.y + h / 2 };
      if (inside(box)) {
        take(box);
        placed.set(n.id, { id: n.id, x: n.x, y: n.y, anchor: 'middle', dy: 0.35 });
      }
    }
  }
  return placed;
}
