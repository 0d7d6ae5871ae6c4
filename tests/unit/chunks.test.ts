// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Corpus, IsnadDocument } from '../../src/model/schema';
import { manifestFile, splitCorpus, splitCorpusModule } from '../../src/pipeline/chunks';

/** A minimal document of about `size` characters of JSON. */
function doc(id: string, size: number): IsnadDocument {
  return {
    id,
    file: `${id}.txt`,
    meta: { date: null, lang: 'ar' },
    dir: 'rtl',
    text: 'ن'.repeat(size),
    textOffset: 0,
    blocks: [],
    sentences: [],
    entities: [],
    relations: [],
    statements: [],
    events: [],
  } as unknown as IsnadDocument;
}
const corpus = (docs: IsnadDocument[]): Corpus => ({ schemaVersion: 1, generator: 'test', documents: docs }) as Corpus;

describe('splitCorpus', () => {
  const docs = Array.from({ length: 10 }, (_, i) => doc(`d${i}`, 300));

  it('keeps every document, whole and in order, in files of about the target size', () => {
    const chunks = splitCorpus(corpus(docs), 1000);
    expect(chunks.length).toBeGreaterThan(1);
    const back = chunks.flatMap((c) => JSON.parse(c.json) as IsnadDocument[]);
    expect(back).toEqual(docs);
    expect(chunks.reduce((n, c) => n + c.documents, 0)).toBe(docs.length);
    // Each file but a lone oversized document stays within the target plus the array's brackets and commas.
    for (const c of chunks) if (c.documents > 1) expect(c.json.length).toBeLessThanOrEqual(1000 + c.documents + 1);
  });

  it('gives a document larger than the target a file of its own, uncut', () => {
    const chunks = splitCorpus(corpus([doc('a', 100), doc('big', 5000), doc('b', 100)]), 1000);
    expect(chunks.map((c) => c.documents)).toEqual([1, 1, 1]);
    expect((JSON.parse(chunks[1]!.json) as IsnadDocument[])[0]!.id).toBe('big');
  });

  it('names files by their content: the same corpus, the same names; one changed document renames only its file', () => {
    const a = splitCorpus(corpus(docs), 1000);
    expect(splitCorpus(corpus(docs), 1000)).toEqual(a);
    for (const c of a) expect(c.fileName).toMatch(/^data\/corpus-[0-9a-f]{12}\.json$/);
    const changed = docs.map((d, i) => (i === docs.length - 1 ? { ...d, text: `${d.text}x` } : d));
    const b = splitCorpus(corpus(changed), 1000);
    expect(b.slice(0, -1).map((c) => c.fileName)).toEqual(a.slice(0, -1).map((c) => c.fileName));
    expect(b.at(-1)!.fileName).not.toBe(a.at(-1)!.fileName);
  });

  it('writes a module that fetches the manifest relative to itself', () => {
    const chunks = splitCorpus(corpus(docs), 1000);
    const m = manifestFile(corpus(docs), chunks);
    const code = splitCorpusModule(m, '/x/corpusFiles.ts');
    expect(code).toContain('import { fetchManifest } from "/x/corpusFiles.ts"');
    const urls = [...code.matchAll(/new URL\((?:\/\*[^*]*\*\/ )?"([^"]+)", import\.meta\.url\)/g)].map((m) => m[1]);
    expect(urls).toEqual([`../${m.fileName}`, '../']);
  });
});

describe('manifestFile', () => {
  const docs = Array.from({ length: 10 }, (_, i) => doc(`d${i}`, 300));

  it('names for each document the file that holds it, and is named by its content', () => {
    const chunks = splitCorpus(corpus(docs), 1000);
    const m = manifestFile(corpus(docs), chunks);
    expect(m.fileName).toMatch(/^data\/manifest-[0-9a-f]{12}\.json$/);
    expect(m.manifest.chunks).toEqual(chunks.map((c) => c.fileName));
    for (const d of m.manifest.documents) {
      const held = JSON.parse(chunks[d.chunk]!.json) as IsnadDocument[];
      expect(held.map((x) => x.id)).toContain(d.id);
    }
    expect(JSON.parse(m.json)).toEqual(m.manifest);
    expect(manifestFile(corpus(docs), splitCorpus(corpus(docs), 1000)).fileName).toBe(m.fileName);
    const changed = docs.map((d, i) => (i === 3 ? { ...d, meta: { ...d.meta, title: 'new' } } : d));
    expect(manifestFile(corpus(changed), splitCorpus(corpus(changed), 1000)).fileName).not.toBe(m.fileName);
  });
});
