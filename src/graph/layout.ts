/**
 * The diagram's layout: a seeded d3-force simulation run for a fixed number of ticks, so the
 * same corpus always draws the same picture. Computed at build time (virtual:isnad/layout) for
 * an instant first paint, and in the browser only when no precomputed layout is given.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { scaleSqrt } from 'd3-scale';
import type { Manifest } from '../model/manifest';
import { buildGraphData, type GraphData } from './graphData';

/** One node's place: centre and radius, in layout units (rounded to 0.1). */
export interface NodePlace {
  id: string;
  x: number;
  y: number;
  r: number;
}

/** JSON-serialisable layout: positions in `[0, width] × [0, height]`. */
export interface GraphLayout {
  nodes: NodePlace[];
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** Seed of the simulation's random source (default 1). */
  seed?: number;
  /** Ticks to run (default: 300, fewer for large graphs). */
  ticks?: number;
  /** Margin around the drawing, in layout units (default 24). */
  margin?: number;
}

interface SimNode extends SimulationNodeDatum {
  id: string;
  r: number;
}

type SimLink = SimulationLinkDatum<SimNode> & { weight: number; typed: boolean };

const round = (v: number) => Math.round(v * 10) / 10;

/** A linear congruential generator, as d3-force's own, returning numbers in [0, 1). */
export function lcg(seed: number): () => number {
  const a = 1664525;
  const c = 1013904223;
  const m = 4294967296;
  let s = seed >>> 0;
  return () => (s = (a * s + c) % m) / m;
}

/** Node radius from mentions: area grows with mentions, 4–22 units. */
export function radiusScale(maxMentions: number): (mentions: number) => number {
  const s = scaleSqrt()
    .domain([0, Math.max(1, maxMentions)])
    .range([4, 22])
    .clamp(true);
  return (m) => round(s(m));
}

/** Lays out a graph deterministically. */
export function layoutGraph(data: GraphData, options: LayoutOptions = {}): GraphLayout {
  const margin = options.margin ?? 24;
  const n = data.nodes.length;
  if (n === 0) return { nodes: [], width: 600, height: 500 };
  const radius = radiusScale(data.nodes[0]!.mentions);
  const nodes: SimNode[] = data.nodes.map((d) => ({ id: d.id, r: radius(d.mentions) }));
  const ids = new Set(nodes.map((d) => d.id));
  const links: SimLink[] = data.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({ source: e.source, target: e.target, weight: e.weight, typed: e.type !== 'mentioned-with' }));
  const ticks = options.ticks ?? (n > 1000 ? 80 : n > 300 ? 160 : 300);
  const sim = forceSimulation<SimNode>(nodes)
    .randomSource(lcg(options.seed ?? 1))
    .force(
      'link',
      forceLink<SimNode, SimLink>(links)
        .id((d) => d.id)
        .distance((l) => (l.typed ? 60 : 90))
        .strength((l) => Math.min(1, (l.typed ? 0.6 : 0.15) * Math.sqrt(l.weight))),
    )
    .force('charge', forceManyBody<SimNode>().strength(-120).distanceMax(400).theta(0.9))
    .force('collide', forceCollide<SimNode>((d) => d.r + 3).iterations(n > 1000 ? 1 : 2))
    .force('x', forceX<SimNode>(0).strength(0.06))
    .force('y', forceY<SimNode>(0).strength(0.08))
    .stop();
  sim.tick(ticks);
  return fitLayout(
    nodes.map((d) => ({ id: d.id, x: d.x ?? 0, y: d.y ?? 0, r: d.r })),
    margin,
  );
}

/** Moves positions into `[margin, width - margin]`, rounded, with a sensible minimum size. */
export function fitLayout(nodes: readonly NodePlace[], margin = 24): GraphLayout {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const d of nodes) {
    x0 = Math.min(x0, d.x - d.r);
    y0 = Math.min(y0, d.y - d.r);
    x1 = Math.max(x1, d.x + d.r);
    y1 = Math.max(y1, d.y + d.r);
  }
  const width = Math.max(240, x1 - x0 + 2 * margin);
  const height = Math.max(200, y1 - y0 + 2 * margin);
  const dx = (width - (x1 - x0)) / 2 - x0;
  const dy = (height - (y1 - y0)) / 2 - y0;
  return {
    nodes: nodes.map((d) => ({ id: d.id, x: round(d.x + dx), y: round(d.y + dy), r: round(d.r) })),
    width: round(width),
    height: round(height),
  };
}

/** The build-time layout of a corpus (what `virtual:isnad/layout` exports). */
export function buildGraphLayout(manifest: Manifest, options: LayoutOptions = {}): GraphLayout {
  return layoutGraph(buildGraphData(manifest), options);
}
