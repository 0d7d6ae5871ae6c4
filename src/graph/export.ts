/**
 * Exports: the live diagram as a standalone SVG (computed colours inlined, so it renders outside
 * the page) or PNG (the SVG drawn on a canvas), and the graph as CSV or JSON. Downloads go
 * through a Blob and an object URL; nothing leaves the browser.
 */
import type { GraphData, GraphEdge, GraphNode } from './graphData';

const SVG_NS = 'http://www.w3.org/2000/svg';
const INLINE = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'paint-order',
] as const;

/** Serialises an SVG element as a standalone document, inlining the computed paint of every element. */
export function svgMarkup(svg: SVGSVGElement, size?: { width: number; height: number }, viewBox?: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  const view = svg.ownerDocument.defaultView;
  live.forEach((el, i) => {
    const copy = copies[i] as SVGElement | undefined;
    if (!copy || !view) return;
    const cs = view.getComputedStyle(el);
    const style = INLINE.map((p) => [p, cs.getPropertyValue(p)] as const)
      .filter(([, v]) => v && v !== 'normal')
      .map(([p, v]) => `${p}:${v}`)
      .join(';');
    if (style) copy.setAttribute('style', style);
    copy.removeAttribute('class');
    copy.removeAttribute('tabindex');
  });
  clone.setAttribute('xmlns', SVG_NS);
  // The live SVG reaches past its box (the diagram's pan margin): the file shows the drawing only.
  if (viewBox) clone.setAttribute('viewBox', viewBox);
  if (size) {
    clone.setAttribute('width', String(size.width));
    clone.setAttribute('height', String(size.height));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** Draws SVG markup on a canvas and returns it as a PNG blob (`scale` × the given size). */
export async function svgToPng(markup: string, width: number, height: number, scale = 2, background = '#ffffff'): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('Isnad: the diagram could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Isnad: this browser has no 2D canvas for the PNG export');
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('Isnad: the PNG export failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** One CSV field: quoted when it holds a comma, quote or line break; formula-like text defused. */
export function csvField(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV text (CRLF line ends, a BOM so spreadsheet programs read Arabic as UTF-8). */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Entities as CSV: id, type, Arabic and English names, mentions, documents. */
export function entitiesCsv(nodes: readonly GraphNode[]): string {
  return toCsv([
    ['id', 'type', 'name_ar', 'name_en', 'aliases', 'mentions', 'documents'],
    ...nodes.map((n) => [n.id, n.type, n.label.ar ?? '', n.label.en ?? '', n.aliases.join(' | '), n.mentions, n.docs.join(' ')]),
  ]);
}

/** Relations as CSV: id, source, type, target, directed, weight, count, evidence (doc:start-end). */
export function relationsCsv(edges: readonly GraphEdge[]): string {
  return toCsv([
    ['id', 'source', 'type', 'target', 'directed', 'weight', 'count', 'evidence'],
    ...edges.map((e) => [
      e.id,
      e.source,
      e.type,
      e.target,
      e.directed ? 'yes' : 'no',
      e.weight,
      e.count,
      e.evidence.map((v) => `${v.doc}:${v.start}-${v.end}`).join(' '),
    ]),
  ]);
}

/** The graph as pretty JSON. */
export function graphJson(data: GraphData): string {
  return `${JSON.stringify({ nodes: data.nodes, edges: data.edges }, null, 2)}\n`;
}

/** Offers a blob as a download with a file name. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
