// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus';
import { buildGraphData } from '../../src/graph/graphData';
import { digestOf, documentTitle, manifestOf, relationIdOf } from '../../src/model/digest';
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
      // Relations: the same, evidence offsets as flat pairs, the id derived unless written.
      expect(
        d.relations.map((r) => ({
          id: relationIdOf(r),
          type: r.type,
          evidence: Array.from({ length: r.at.length / 2 }, (_, k) => ({ start: r.at[2 * k], end: r.at[2 * k + 1] })),
        })),
      ).toEqual(doc.relations.map((r) => ({ id: r.id, type: r.type, evidence: r.evidence })));
      doc.statements.forEach((s, k) => {
        const g = d.statements[k]!;
        expect([g.id, g.speaker, g.speakerKind, g.start, g.when.start, g.when.end, g.when.precision]).toEqual([
          s.id,
          s.speaker,
          s.speakerKind,
          s.start,
          s.when.start,
          s.when.end,
          s.when.precision,
        ]);
        expect(g.when.expr).toBe(s.when.expr?.text);
        expect(g.chain ?? []).toEqual((s.chain ?? []).flatMap((l) => (l.entity ? [l.entity] : [])));
        const span = s.content ?? s;
        expect(g.excerpt).toBe(firstWords(doc.text.slice(span.start, span.end)));
      });
      doc.events.forEach((e, k) => {
        const g = d.events[k]!;
        expect([g.id, g.kind, g.participants, g.start]).toEqual([e.id, e.kind, e.participants, e.start]);
        expect(g.excerpt).toBe(firstWords(e.label ?? doc.text.slice(e.start, e.end)));
      });
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
