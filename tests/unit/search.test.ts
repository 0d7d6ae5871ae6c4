import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/model/schema';
import { buildSearchBundle } from '../../src/search/build';
import { loadSearchEngine, OPTIONS_FINGERPRINT, type SearchBundle, type SearchEngine } from '../../src/search/engine';
import { snippet } from '../../src/search/snippet';
import { engineFor } from '../../scripts/score-search';

let corpus: Corpus;
let engine: SearchEngine;
let bundle: SearchBundle;

beforeAll(() => {
  ({ corpus, engine } = engineFor('tests/fixtures/articles/search'));
  bundle = buildSearchBundle(corpus, []);
});

const textOf = (doc: string) => corpus.documents.find((d) => d.id === doc)!.text;

describe('buildSearchBundle / loadSearchEngine', () => {
  it('round-trips through JSON and stores no document text', () => {
    const json = JSON.stringify(bundle);
    const again = loadSearchEngine(JSON.parse(json) as SearchBundle, corpus);
    expect(again.search('المكالمات').passages.length).toBeGreaterThan(0);
    expect(json).not.toContain('المباحثات كانت');
    expect(bundle.options).toBe(OPTIONS_FINGERPRINT);
  });
  it('refuses an index built with other options', () => {
    expect(() => loadSearchEngine({ ...bundle, options: 'other' }, corpus)).toThrow(
      /Isnad: the search index was built with options/,
    );
  });
  it('refuses an index of another corpus', () => {
    const other = { ...corpus, documents: corpus.documents.slice(1) };
    expect(() => loadSearchEngine(bundle, other)).toThrow(/another corpus/);
  });
});

describe('SearchEngine.search', () => {
  it('highlights the matched word at its exact place in the original text', () => {
    const hit = engine.search('الاجتماع').passages[0]!;
    const [s, e] = hit.highlights[0]!;
    expect(textOf(hit.doc).slice(s, e)).toBe('الاجتمـــاع');
  });
  it('highlights a phrase across a NO-BREAK SPACE as one range', () => {
    const hit = engine.search('"الأمم المتحدة"').passages[0]!;
    expect(hit.highlights.map(([s, e]) => textOf(hit.doc).slice(s, e))).toContain('الأمم\u00A0المتحدة');
  });
  it('searches the word being typed as a prefix', () => {
    const hit = engine.search('المكال').passages[0]!;
    expect(hit.highlights.map(([s, e]) => textOf(hit.doc).slice(s, e))).toEqual(['المكالمات']);
  });
  it('finds passages through an entity alias in another script', () => {
    const results = engine.search('بوتين');
    expect(results.entities[0]?.entity).toBe('person:vladimir-putin');
    const texts = results.passages.map((h) => textOf(h.doc).slice(h.start, h.end));
    expect(texts.some((t) => t.startsWith('Putin and Trump meet'))).toBe(true);
  });
  it('returns nothing for stopwords alone and for an empty query', () => {
    expect(engine.search('في').total).toBe(0);
    expect(engine.search('   ').total).toBe(0);
  });
  it('filters by document, date range and entity type', () => {
    const en = corpus.documents.find((d) => d.meta.lang === 'en')!.id;
    expect(engine.search('Trump', { doc: en }).passages.every((h) => h.doc === en)).toBe(true);
    expect(engine.search('ترامب', { from: '2020-01-01' }).passages.every((h) => h.doc !== en)).toBe(true);
    expect(engine.search('ترامب', { to: '2000-01-01' }).total).toBe(0);
    expect(engine.search('ترامب', { types: ['place'] }).entities).toEqual([]);
  });
  it('answers typing, letter by letter, as a fresh engine answers each query (the word and highlight caches)', () => {
    const typed = loadSearchEngine(bundle, corpus);
    for (const q of ['المكالمات الهاتفية بوتين', 'Trump Putin summit', '"الأمم المتحدة" ترمب']) {
      for (let i = 1; i <= q.length; i++) {
        const prefix = q.slice(0, i);
        expect(typed.search(prefix)).toEqual(loadSearchEngine(bundle, corpus).search(prefix));
      }
    }
  });
});

describe('snippet', () => {
  it('marks highlights and cuts long passages around the first one', () => {
    const text = `${'كلمة '.repeat(100)}بوتين ${'كلمة '.repeat(100)}`;
    const at = text.indexOf('بوتين');
    const pieces = snippet(text, 0, text.length, [[at, at + 5]], 100);
    expect(pieces.find((p) => p.mark)?.text).toBe('بوتين');
    expect(pieces[0]!.text).toBe('… ');
    expect(pieces.map((p) => p.text).join('').length).toBeLessThan(120);
  });
});
