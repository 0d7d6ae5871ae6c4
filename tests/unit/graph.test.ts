import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Corpus, EntityType, IsnadDocument } from '../../src/model/schema';
import { extractRelations } from '../../src/pipeline/relations';
import {
  buildGraphData,
  filterGraph,
  indexGraph,
  maxEdgeWeight,
  neighbourMap,
  rankNodes,
  withNodes,
  type GraphData,
  type GraphEdge,
} from '../../src/graph/graphData';
import { buildGraphLayout, fitLayout, layoutGraph } from '../../src/graph/layout';
import { placeLabels } from '../../src/graph/labels';
import { moveFocus } from '../../src/graph/nav';
import { csvField, entitiesCsv, relationsCsv, toCsv } from '../../src/graph/export';
import { viewFit } from '../../src/graph/canvasEdges';
import { makeDoc, type EntitySpec } from '../fixtures/articles/relations/fixture';
import { manifestOf } from '../../src/model/digest';

const DIR = 'tests/fixtures/articles/relations';
function fixtureDoc(name: string, file = `${name}.txt`): IsnadDocument {
  const spec = JSON.parse(readFileSync(`${DIR}/${name}.json`, 'utf8')) as { lang: string; entities: EntitySpec[] };
  return extractRelations(makeDoc(readFileSync(`${DIR}/${name}.txt`, 'utf8'), spec.entities, { lang: spec.lang, file }));
}
const corpusOf = (...documents: IsnadDocument[]): Corpus => ({ schemaVersion: 1, generator: 'test', documents });

/** A small deterministic graph: a star of four around a hub, and a pair. */
function smallGraph(): GraphData {
  const node = (id: string, mentions: number) => ({
    id,
    type: 'person' as const,
    label: { en: id },
    aliases: [],
    mentions,
    docs: ['d'],
    roles: [],
  });
  const edge = (source: string, target: string, type = 'spoke-with', weight = 1) => ({
    id: `${type}:${source}->${target}`,
    source,
    target,
    type,
    directed: false,
    weight,
    count: 1,
    evidence: [],
  });
  return {
    nodes: [
      node('person:hub', 9),
      node('person:a', 4),
      node('person:b', 3),
      node('person:c', 2),
      node('person:d', 1),
      node('person:e', 1),
    ],
    edges: [
      edge('person:a', 'person:hub'),
      edge('person:b', 'person:hub'),
      edge('person:c', 'person:hub'),
      edge('person:d', 'person:hub'),
      edge('person:e', 'person:d', 'mentioned-with', 0.25),
    ],
  };
}

describe('buildGraphData', () => {
  it('merges entities and relations by id across documents, keeping each evidence with its document', () => {
    const a = fixtureDoc('ar-maghreb', 'a.txt');
    const b = { ...fixtureDoc('ar-maghreb', 'b.txt'), id: 'b' };
    const data = buildGraphData(manifestOf(corpusOf(a, b)));
    const saied = data.nodes.find((n) => n.id === 'person:kais-saied')!;
    const one = a.entities.find((e) => e.id === 'person:kais-saied')!;
    expect(saied.mentions).toBe(one.mentions.length * 2);
    expect(saied.docs).toEqual([a.id, 'b']);
    const call = data.edges.find((e) => e.type === 'spoke-with')!;
    const single = a.relations.find((r) => r.id === call.id)!;
    expect(call.count).toBe(single.count! * 2);
    expect(new Set(call.evidence.map((e) => e.doc))).toEqual(new Set([a.id, 'b']));
    expect(data.nodes[0]!.mentions).toBeGreaterThanOrEqual(data.nodes.at(-1)!.mentions);
  });

  it('filterGraph keeps the most connected nodes up to the limit, plus the kept ones, and edges among them', () => {
    const data = smallGraph();
    const all = new Set(['spoke-with', 'mentioned-with']);
    // Strength: hub 4, d 1 + 0.25, then a, b, c (1 each) by mentions, e 0.25.
    expect(rankNodes(data).map((n) => n.id)).toEqual(['person:hub', 'person:d', 'person:a', 'person:b', 'person:c', 'person:e']);
    const v = filterGraph(data, {
      entityTypes: new Set(['person']),
      relationTypes: all,
      minWeight: 0,
      limit: 2,
      keep: new Set(['person:b']),
    });
    expect(v.nodes.map((n) => n.id)).toEqual(['person:hub', 'person:d', 'person:b']);
    expect(v.edges.map((e) => e.id)).toEqual(['spoke-with:person:b->person:hub', 'spoke-with:person:d->person:hub']);
    expect(v.total).toBe(6);
    const heavy = filterGraph(data, { entityTypes: new Set(['person']), relationTypes: all, minWeight: 0.5, limit: 10 });
    expect(heavy.edges.some((e) => e.type === 'mentioned-with')).toBe(false);
    expect(neighbourMap(v.edges).get('person:hub')).toEqual(new Set(['person:b', 'person:d']));
  });

  it('withNodes adds kept nodes as filterGraph would, without a pass over every edge', () => {
    const data = smallGraph();
    const ranked = rankNodes(data);
    const index = indexGraph(data, ranked);
    const all = new Set(['spoke-with', 'mentioned-with']);
    const filters = [
      { entityTypes: new Set<EntityType>(['person']), relationTypes: all, minWeight: 0, limit: 1 },
      { entityTypes: new Set<EntityType>(['person']), relationTypes: all, minWeight: 0.5, limit: 2, keep: new Set(['person:e']) },
      { entityTypes: new Set<EntityType>(['place']), relationTypes: new Set(['spoke-with']), minWeight: 0, limit: 0 },
    ];
    const adds = [['person:b'], ['person:c', 'person:e', 'person:a'], ['person:hub'], ['nope', 'person:hub', 'person:d'], []];
    for (const f of filters) {
      const shown = filterGraph(data, f, ranked);
      for (const add of adds) {
        const expected = filterGraph(data, { ...f, keep: new Set([...(f.keep ?? []), ...add]) }, ranked);
        const got = withNodes(data, shown, add, f, ranked, index);
        expect(got.nodes.map((n) => n.id)).toEqual(expected.nodes.map((n) => n.id));
        expect(got.edges.map((e) => e.id)).toEqual(expected.edges.map((e) => e.id));
        expect(got.total).toBe(expected.total);
      }
    }
    expect(
      withNodes(data, filterGraph(data, filters[0]!, ranked), ['person:hub'], filters[0]!, ranked, index).nodes,
    ).toHaveLength(1);
  });
});

describe('layoutGraph', () => {
  it('is deterministic, and the small graph lays out the same every time (rounded)', () => {
    const first = layoutGraph(smallGraph());
    expect(layoutGraph(smallGraph())).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(first).toMatchInlineSnapshot(`
      {
        "height": 200,
        "nodes": [
          {
            "id": "person:hub",
            "r": 22,
            "x": 116.6,
            "y": 107.5,
          },
          {
            "id": "person:a",
            "r": 16,
            "x": 74.6,
            "y": 153.2,
          },
          {
            "id": "person:b",
            "r": 14.4,
            "x": 113.9,
            "y": 45.2,
          },
          {
            "id": "person:c",
            "r": 12.5,
            "x": 165.4,
            "y": 145.8,
          },
          {
            "id": "person:d",
            "r": 10,
            "x": 58.9,
            "y": 83.3,
          },
          {
            "id": "person:e",
            "r": 10,
            "x": 181.1,
            "y": 73.5,
          },
        ],
        "width": 240,
      }
    `);
  });

  it('keeps every node inside the drawing and apart from the others', () => {
    const l = layoutGraph(smallGraph());
    for (const n of l.nodes) {
      expect(n.x - n.r).toBeGreaterThanOrEqual(0);
      expect(n.y - n.r).toBeGreaterThanOrEqual(0);
      expect(n.x + n.r).toBeLessThanOrEqual(l.width);
      expect(n.y + n.r).toBeLessThanOrEqual(l.height);
    }
    for (const a of l.nodes)
      for (const b of l.nodes) if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.r + b.r - 1);
  });

  it('buildGraphLayout(corpus) lays out a corpus; fitLayout gives an empty graph a size', () => {
    const l = buildGraphLayout(manifestOf(corpusOf(fixtureDoc('en-horn'))));
    expect(l.nodes.length).toBeGreaterThan(10);
    expect(layoutGraph({ nodes: [], edges: [] })).toEqual({ nodes: [], width: 600, height: 500 });
    expect(fitLayout([{ id: 'x', x: 5, y: 5, r: 4 }]).width).toBe(240);
  });

  it('lays out 2,000 entities in a few seconds', () => {
    const n = 2000;
    const nodes = Array.from({ length: n }, (_, i) => ({
      id: `person:p${i}`,
      type: 'person' as const,
      label: {},
      aliases: [],
      mentions: 1 + (i % 17),
      docs: [],
      roles: [],
    }));
    const edges = Array.from({ length: 3000 }, (_, i) => {
      const s = `person:p${(i * 7) % n}`;
      const t = `person:p${(i * 13 + 1) % n}`;
      return {
        id: `mentioned-with:${s}->${t}:${i}`,
        source: s,
        target: t,
        type: 'mentioned-with',
        directed: false,
        weight: 0.25,
        count: 1,
        evidence: [],
      };
    });
    // Its speed is measured by the benchmark (bench/diagram.ts); here it has to finish within the timeout.
    const l = layoutGraph({ nodes, edges });
    expect(l.nodes).toHaveLength(n);
  });
});

describe('placeLabels', () => {
  it('places labels that overlap neither each other nor the nodes', () => {
    const nodes = Array.from({ length: 30 }, (_, i) => ({
      id: `n${i}`,
      x: (i % 6) * 40,
      y: Math.floor(i / 6) * 30,
      r: 5,
      text: `Name ${i}`,
    }));
    const placed = placeLabels(nodes, 12, 1);
    expect(placed.size).toBeGreaterThan(5);
    expect(placed.size).toBeLessThan(30);
    const boxes = [...placed.values()].map((l) => {
      const w = 'Name 00'.length * 12 * 0.55;
      const x0 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
      return { x0, x1: x0 + w, y: l.y };
    });
    expect(boxes.length).toBe(placed.size);
    // Zooming in makes room for more.
    expect(placeLabels(nodes, 12, 4).size).toBeGreaterThan(placed.size);
  });
});

describe('moveFocus', () => {
  const pos = new Map([
    ['hub', { x: 0, y: 0 }],
    ['east', { x: 50, y: 5 }],
    ['north', { x: 0, y: -50 }],
    ['far-east', { x: 200, y: 0 }],
  ]);
  const nb = new Map([
    ['hub', new Set(['east', 'north'])],
    ['east', new Set(['hub'])],
  ]);
  it("moveFocus('hub', ArrowRight) → the neighbour to the east; ArrowUp → north; ArrowDown → none", () => {
    expect(moveFocus('hub', 'ArrowRight', pos, nb)).toBe('east');
    expect(moveFocus('hub', 'ArrowUp', pos, nb)).toBe('north');
    expect(moveFocus('hub', 'ArrowDown', pos, nb)).toBeUndefined();
  });
  it('falls back to the nearest node that way when no neighbour lies there', () => {
    expect(moveFocus('east', 'ArrowRight', pos, nb)).toBe('far-east');
  });
});

describe('exports', () => {
  it('csvField quotes commas and quotes and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK(1)')).toBe("'=HYPERLINK(1)");
    expect(csvField(-3)).toBe('-3');
    expect(toCsv([['a', 1]])).toBe('\uFEFFa,1\r\n');
  });
  it('entitiesCsv and relationsCsv list every node and edge with a header', () => {
    const data = buildGraphData(manifestOf(corpusOf(fixtureDoc('ar-maghreb'))));
    const e = entitiesCsv(data.nodes).replace(/\r\n$/, '').split('\r\n');
    expect(e[0]).toBe('\uFEFFid,type,name_ar,name_en,aliases,mentions,documents');
    expect(e).toHaveLength(data.nodes.length + 1);
    const r = relationsCsv(data.edges).replace(/\r\n$/, '').split('\r\n');
    expect(r).toHaveLength(data.edges.length + 1);
    expect(r.some((line) => line.includes('spoke-with'))).toBe(true);
  });
});

describe('viewFit', () => {
  it('viewFit(600, 500, 300, 500) → half size, centred vertically (as preserveAspectRatio meet)', () => {
    expect(viewFit(600, 500, 300, 500)).toEqual({ scale: 0.5, dx: 0, dy: 125 });
  });
});

describe('maxEdgeWeight', () => {
  const edge = (i: number, weight: number): GraphEdge => ({
    id: `e${i}`,
    source: `a${i}`,
    target: `b${i}`,
    type: 'co-occurs',
    directed: false,
    weight,
    count: 1,
    evidence: [],
  });

  it('is the heaviest weight, at least 1, even for more edges than a call takes arguments (10,000 documents)', () => {
    expect(maxEdgeWeight([])).toBe(1);
    expect(maxEdgeWeight([edge(0, 0.25)])).toBe(1);
    const many = Array.from({ length: 400_000 }, (_, i) => edge(i, 1 + (i % 97) / 10));
    many[123_456] = edge(123_456, 42);
    expect(maxEdgeWeight(many)).toBe(42);
  });
});
