// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus';
import { buildGraphData } from '../../src/graph/graphData';
import { digestOf, documentTitle, manifestOf } from '../../src/model/digest';
import { ManifestSchema } from '../../src/model/manifest';
import type { Corpus } from '../../src/model/schema';
import { buildCorpus } from '../../src/pipeline/corpus';
import { firstWords } from '../../src/timeline/items';

let corpus: Corpus;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'isnad-digest-'));
  writeCorpus(dir, 6, 11);
  corpus = buildCorpus(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('manifestOf', () => {
  it('matches the manifest schema and holds no text, block, sentence or mention offset', () => {
    const m = manifestOf(corpus);
    expect(v.safeParse(ManifestSchema, m).success).toBe(true);
    for (const d of m.documents) for (const key of ['text', 'blocks', 'sentences', 'entities']) expect(d).not.toHaveProperty(key);
  });

  it('agrees with each document: title, length, mention counts, statements and events', () => {
    const m = manifestOf(corpus);
    corpus.documents.forEach((doc, i) => {
      const d = m.documents[i]!;
      expect(d.id).toBe(doc.id);
      expect(d.meta).toEqual(doc.meta);
      expect(d.title).toBe(documentTitle(doc));
      expect(doc.text.startsWith(d.title) || doc.text.includes(d.title) || d.title === doc.meta.title).toBe(true);
      expect(d.length).toBe(doc.text.length);
      expect(Object.keys(d.mentions)).toEqual(doc.entities.map((e) => e.id));
      for (const e of doc.entities) expect(d.mentions[e.id]).toBe(e.mentions.length);
      expect(d.relations).toEqual(doc.relations);
      expect(d.statements.map(({ excerpt: _, ...s }) => s)).toEqual(doc.statements);
      d.statements.forEach((s) => {
        const span = s.content ?? s;
        expect(s.excerpt).toBe(firstWords(doc.text.slice(span.start, span.end)));
      });
      expect(d.events.map(({ excerpt: _, ...e }) => e)).toEqual(doc.events);
    });
    expect(corpus.documents.reduce((n, d) => n + d.statements.length, 0)).toBeGreaterThan(0);
  });

  it('lists each entity once, with the first label in each language and its roles', () => {
    const m = manifestOf(corpus);
    const ids = corpus.documents.flatMap((d) => d.entities.map((e) => e.id));
    expect(m.entities.map((e) => e.id)).toEqual([...new Set(ids)]);
    for (const info of m.entities) {
      const first = corpus.documents.flatMap((d) => d.entities).find((e) => e.id === info.id)!;
      expect(info.type).toBe(first.type);
      if (first.label.ar) expect(info.label.ar).toBe(first.label.ar);
      if (first.label.en) expect(info.label.en).toBe(first.label.en);
    }
  });

  it('gives the diagram the mentions of every document', () => {
    const data = buildGraphData(manifestOf(corpus));
    for (const n of data.nodes) {
      const all = corpus.documents.flatMap((d) => d.entities.filter((e) => e.id === n.id).map((e) => ({ d, e })));
      expect(n.mentions).toBe(all.reduce((k, x) => k + x.e.mentions.length, 0));
      expect(n.docs).toEqual([...new Set(all.map((x) => x.d.id))]);
    }
  });

  it('is deterministic, and names the file that holds each document', () => {
    expect(JSON.stringify(manifestOf(corpus))).toBe(JSON.stringify(manifestOf(corpus)));
    const m = manifestOf(corpus, ['a.json', 'b.json'], (i) => (i < 3 ? 0 : 1));
    expect(m.chunks).toEqual(['a.json', 'b.json']);
    expect(m.documents.map((d) => d.chunk)).toEqual(corpus.documents.map((_, i) => (i < 3 ? 0 : 1)));
    expect(digestOf(corpus.documents[0]!, 4).chunk).toBe(4);
  });
});
