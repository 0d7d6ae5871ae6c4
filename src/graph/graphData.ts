/**
 * The corpus as one graph: entities merged by id across documents (nodes) and relations merged
 * by id (edges), with counts, weights and every piece of evidence tagged with its document.
 * Plain data, no DOM: the layout, the table, the exports and the diagram all read this. Built from
 * the manifest (src/model/manifest.ts): no document's text is needed.
 */
import type { EntityType } from '../model/schema';
import type { Manifest } from '../model/manifest';
import { relationIdOf } from '../model/digest';

/** An entity of the corpus. */
export interface GraphNode {
  id: string;
  type: EntityType;
  label: { ar?: string; en?: string };
  aliases: string[];
  /** Mentions across every document. */
  mentions: number;
  /** Ids of the documents that mention it. */
  docs: string[];
  /** Role words the texts give it (deduplicated). */
  roles: string[];
}

/** Where a relation is stated: a span of one document. */
export interface EvidenceRef {
  doc: string;
  start: number;
  end: number;
}

/** A relation of the corpus. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  directed: boolean;
  /** Sum of the documents' weights (typed relations weigh more than co-occurrence). */
  weight: number;
  /** How many places state it, across the corpus. */
  count: number;
  evidence: EvidenceRef[];
}

export interface GraphData {
  /** Most mentioned first, then by id. */
  nodes: GraphNode[];
  /** Heaviest first, then by id. */
  edges: GraphEdge[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Merges every document's entities (the manifest's table, with each document's mention counts) and relations into one graph. */
export function buildGraphData(manifest: Manifest): GraphData {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const info = new Map(manifest.entities.map((e) => [e.id, e]));
  for (const doc of manifest.documents) {
    for (const [id, count] of Object.entries(doc.mentions)) {
      let n = nodes.get(id);
      if (!n) {
        const e = info.get(id);
        if (!e) continue;
        n = { id, type: e.type, label: { ...e.label }, aliases: [...e.aliases], mentions: 0, docs: [], roles: [...e.roles] };
        nodes.set(id, n);
      }
      n.mentions += count;
      // Each document is visited once and its mentions are keyed by entity, so the document can only be
      // the last one pushed: no scan of the list (which made this quadratic in an entity's documents).
      if (n.docs[n.docs.length - 1] !== doc.id) n.docs.push(doc.id);
    }
    for (const r of doc.relations) {
      const id = relationIdOf(r);
      let g = edges.get(id);
      if (!g) {
        g = {
          id,
          source: r.source,
          target: r.target,
          type: r.type,
          directed: r.directed ?? true,
          weight: 0,
          count: 0,
          evidence: [],
        };
        edges.set(id, g);
      }
      const pieces = r.at.length / 2;
      g.weight = Math.round((g.weight + (r.weight ?? pieces)) * 100) / 100;
      g.count += r.count ?? pieces;
      for (let i = 0; i + 1 < r.at.length; i += 2) g.evidence.push({ doc: doc.id, start: r.at[i]!, end: r.at[i + 1]! });
    }
  }
  for (const n of nodes.values()) {
    if (n.label.ar === undefined) delete n.label.ar;
    if (n.label.en === undefined) delete n.label.en;
  }
  return {
    nodes: [...nodes.values()].sort((a, b) => b.mentions - a.mentions || byId(a, b)),
    edges: [...edges.values()]
      .filter((e) => nodes.has(e.source) && nodes.has(e.target))
      .sort((a, b) => b.weight - a.weight || byId(a, b)),
  };
}

/**
 * Nodes, most connected first: by strength (the sum of the weights of the node's relations, so a
 * typed relation counts four times a co-occurrence), then by mentions, then by id. The diagram draws
 * the head of this list first; the table and the layout keep the `nodes` order.
 */
export function rankNodes(data: GraphData): GraphNode[] {
  const strength = new Map<string, number>();
  for (const e of data.edges) {
    strength.set(e.source, (strength.get(e.source) ?? 0) + e.weight);
    strength.set(e.target, (strength.get(e.target) ?? 0) + e.weight);
  }
  const s = (n: GraphNode) => strength.get(n.id) ?? 0;
  return [...data.nodes].sort((a, b) => s(b) - s(a) || b.mentions - a.mentions || byId(a, b));
}

/** What the filters keep. */
export interface GraphFilter {
  entityTypes: ReadonlySet<EntityType>;
  relationTypes: ReadonlySet<string>;
  minWeight: number;
  /** At most this many nodes (the most connected, see `rankNodes`); the rest wait behind "show more". */
  limit: number;
  /** Nodes shown whatever the limit (the selection, search results). */
  keep?: ReadonlySet<string>;
}

/** The visible part of the graph, and how many nodes the limit hides. */
export interface VisibleGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Nodes of the chosen types, before the limit. */
  total: number;
}

/**
 * Applies the filters: node types, the top-N limit over `ranked` (pass `rankNodes(data)` once and
 * reuse it), then edge types and weight among visible nodes.
 */
export function filterGraph(data: GraphData, f: GraphFilter, ranked: readonly GraphNode[] = rankNodes(data)): VisibleGraph {
  const typed = ranked.filter((n) => f.entityTypes.has(n.type));
  const nodes = typed.filter((n, i) => i < f.limit || f.keep?.has(n.id));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = data.edges.filter(
    (e) => f.relationTypes.has(e.type) && e.weight >= f.minWeight && ids.has(e.source) && ids.has(e.target),
  );
  return { nodes, edges, total: typed.length };
}

/** Each node's neighbours through the given edges. */
export function neighbourMap(edges: readonly GraphEdge[]): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    let s = m.get(a);
    if (!s) m.set(a, (s = new Set()));
    s.add(b);
  };
  for (const e of edges) {
    add(e.source, e.target);
    add(e.target, e.source);
  }
  return m;
}

/**
 * The heaviest edge's weight, at least 1. A loop, not `Math.max(...weights)`: at 10,000 documents there
 * are hundreds of thousands of edges, past the limit on a call's arguments (the diagram never drew).
 */
export function maxEdgeWeight(edges: readonly GraphEdge[]): number {
  let m = 1;
  for (const e of edges) if (e.weight > m) m = e.weight;
  return m;
}

/** Look-ups over a graph for `withNodes`, built once per graph. */
export interface GraphIndex {
  /** Node id → its place in `rankNodes(data)`. */
  rank: Map<string, number>;
  /** Node id → the positions in `data.edges` of its edges. */
  incident: Map<string, number[]>;
  /** Edge → its position in `data.edges`. */
  position: Map<GraphEdge, number>;
}

export function indexGraph(data: GraphData, ranked: readonly GraphNode[]): GraphIndex {
  const rank = new Map(ranked.map((n, i) => [n.id, i]));
  const incident = new Map<string, number[]>();
  const position = new Map<GraphEdge, number>();
  const add = (id: string, k: number) => {
    const list = incident.get(id);
    if (list) list.push(k);
    else incident.set(id, [k]);
  };
  data.edges.forEach((e, k) => {
    position.set(e, k);
    add(e.source, k);
    if (e.target !== e.source) add(e.target, k);
  });
  return { rank, incident, position };
}

/**
 * `filterGraph(data, f with `add` kept too, ranked)`, given `shown = filterGraph(data, f, ranked)`:
 * the same nodes and edges in the same order, from the added nodes' own edges instead of a pass over
 * every edge (a search lights entities on each pause in typing; at 10,000 documents the pass over
 * hundreds of thousands of edges took a good part of a second, CPU 4×). `shown` itself when nothing
 * is added.
 */
export function withNodes(
  data: GraphData,
  shown: VisibleGraph,
  add: readonly string[],
  f: GraphFilter,
  ranked: readonly GraphNode[],
  index: GraphIndex,
): VisibleGraph {
  const ids = new Set(shown.nodes.map((n) => n.id));
  const added: GraphNode[] = [];
  for (const id of add) {
    const r = index.rank.get(id);
    if (ids.has(id) || r === undefined) continue;
    const node = ranked[r]!;
    if (!f.entityTypes.has(node.type)) continue;
    ids.add(id);
    added.push(node);
  }
  if (added.length === 0) return shown;
  const rankOf = (n: GraphNode) => index.rank.get(n.id)!;
  const nodes = [...shown.nodes, ...added].sort((a, b) => rankOf(a) - rankOf(b));
  const fresh = new Set<number>();
  for (const node of added)
    for (const k of index.incident.get(node.id) ?? []) {
      const e = data.edges[k]!;
      if (ids.has(e.source) && ids.has(e.target) && f.relationTypes.has(e.type) && e.weight >= f.minWeight) fresh.add(k);
    }
  // Both lists are in `data.edges` order: merge them.
  const more = [...fresh].sort((a, b) => a - b);
  const edges: GraphEdge[] = [];
  let j = 0;
  for (const e of shown.edges) {
    const at = index.position.get(e)!;
    while (j < more.length && more[j]! < at) edges.push(data.edges[more[j++]!]!);
    edges.push(e);
  }
  while (j < more.length) edges.push(data.edges[more[j++]!]!);
  return { nodes, edges, total: shown.total };
}
