// The sharded index (src/search/buildShards.ts, shards.ts, shardStore.ts, shardedEngine.ts): the
// engine that fetches shards as queries need them answers exactly as the engine over the whole index
// (same hits, order, scores and highlights) on the seed, the search fixtures and a synthetic corpus.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/model/schema';
import { buildCorpus } from '../../src/pipeline/corpus';
import { loadKnowledge } from '../../src/pipeline/knowledge';
import { buildSearchBundle } from '../../src/search/build';
import { buildSearchShards, type ShardOptions } from '../../src/search/buildShards';
import { loadSearchEngine, type SearchEngine, type SearchFilters, type SearchResults } from '../../src/search/engine';
import { loadShardedSearch } from '../../src/search/shardedEngine';
import { digest, shardOf, shardsOfPrefix } from '../../src/search/shards';
import { hitSnippet, snippet } from '../../src/search/snippet';
import { readJudgments } from '../../scripts/score-search';
import { writeCorpus } from '../../bench/corpus';

function corpusOf(dir: string): { corpus: Corpus; names: string[] } {
  const knowledge = loadKnowledge(dir);
  return { corpus: buildCorpus(dir, knowledge), names: typeof knowledge.names === 'function' ? knowledge.names() : [] };
}

/** The files of a sharded index served from memory, with every fetch counted. */
function served(corpus: Corpus, names: string[], options: ShardOptions) {
  const built = buildSearchShards(corpus, names, options);
  const fetched: string[] = [];
  const fetch = async (url: string) => {
    fetched.push(url);
    const name = url.replace(/^https:\/\/isnad\.test\/assets\/(search\/)?/, '');
    if (name === 'search.json') return JSON.parse(built.metaJson) as unknown;
    const json = built.files.get(name);
    if (json === undefined) throw new Error(`404 ${url}`);
    return JSON.parse(json) as unknown;
  };
  return { built, fetched, fetch, url: 'https://isnad.test/assets/search.json' };
}

/** Results without the display fields only the sharded engine adds (the page draws them from its corpus otherwise). */
function plain(r: SearchResults): SearchResults {
  const strip = (hits: SearchResults['passages']) => hits.map(({ text: _t, title: _ti, lang: _l, ...rest }) => rest);
  return { ...r, entities: strip(r.entities), statements: strip(r.statements), passages: strip(r.passages) };
}

/** Every prefix of each query (search as you type), then the query finished (a space after it). */
function typed(queries: string[]): string[] {
  const out = new Set<string>();
  for (const q of queries) {
    for (let k = 1; k <= q.length; k++) if (q.slice(0, k).trim()) out.add(q.slice(0, k));
    out.add(`${q} `);
  }
  return [...out];
}

async function expectSame(corpus: Corpus, names: string[], queries: string[], filters: SearchFilters[], options: ShardOptions) {
  const whole: SearchEngine = loadSearchEngine(buildSearchBundle(corpus, names), corpus);
  const s = served(corpus, names, options);
  const sharded = await loadShardedSearch(s.url, s.fetch);
  let compared = 0;
  for (const f of filters) {
    for (const q of queries) {
      const expected = whole.search(q, f);
      const actual = await sharded.search(q, f);
      expect(plain(actual), `${q} ${JSON.stringify(f)}`).toEqual(expected);
      compared += expected.total;
    }
  }
  expect(compared).toBeGreaterThan(0);
  return { sharded, s };
}

const judgments = readJudgments();
const querySet = (set: string) => judgments.judgments.filter((j) => j.set === set).map((j) => j.query);
/** Small shards, so that keys reach two and three letters and prefixes cross shards. */
const SMALL: ShardOptions = { maxShardChars: 400, entitiesPerFile: 3 };

describe('the sharded index answers as the whole index', () => {
  it('on the search fixtures: every judgment query typed letter by letter, with and without filters', async () => {
    const { corpus, names } = corpusOf(resolve('tests/fixtures/articles/search'));
    const doc = corpus.documents[0]!.id;
    const speaker = corpus.documents.flatMap((d) => d.statements).find((s) => s.speaker)?.speaker ?? null;
    const fuzzy = ['المكالمه', 'Slutsky', 'Slutski', 'بوتن', 'الامريكيه', 'agrement'];
    const { s } = await expectSame(
      corpus,
      names,
      typed([...querySet('fixtures'), ...fuzzy]),
      [{}, { doc }, { speaker }, { types: ['person'] }, { from: '2000-01-01', to: '2100-01-01' }],
      SMALL,
    );
    // Keys of several letters: prefixes typed above crossed shards.
    expect(Object.keys(s.built.meta.terms).some((k) => k.length >= 2)).toBe(true);
    expect(s.built.meta.entities.length).toBeGreaterThan(1);
  });

  it('on the seed: every judgment query typed letter by letter', async () => {
    const { corpus, names } = corpusOf(resolve('seeds'));
    await expectSame(corpus, names, typed([...querySet('seed'), 'بوتن', 'ترمب', 'Zelensky', 'Zelenskiy']), [{}], SMALL);
  });

  it('on a synthetic corpus, with the default shard sizes and small ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isnad-shards-'));
    try {
      writeCorpus(dir, 12, 7);
      const { corpus, names } = corpusOf(dir);
      const words = corpus.documents.flatMap((d) => d.text.split(/\s+/)).filter((w) => w.length > 4);
      const queries = typed(['talks in', 'the new agreement', 'الاتفاق الجديد', 'المساعدات الإنسانية', ...words.slice(0, 6)]);
      await expectSame(corpus, names, queries, [{}], {});
      await expectSame(corpus, names, queries, [{}], SMALL);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a limit per group', () => {
  it('gives the first hits of each group, as without it, and fetches fewer documents', async () => {
    const { corpus, names } = corpusOf(resolve('tests/fixtures/articles/search'));
    const whole = loadSearchEngine(buildSearchBundle(corpus, names), corpus);
    for (const q of ['المكالمة', 'Slutsky', 'talks', 'الرئيس']) {
      const a = served(corpus, names, SMALL);
      const b = served(corpus, names, SMALL);
      const limited = await (await loadShardedSearch(a.url, a.fetch)).search(q, {}, { limit: 1 });
      const all = await (await loadShardedSearch(b.url, b.fetch)).search(q);
      const expected = whole.search(q);
      expect(plain(all)).toEqual(expected);
      expect(plain(limited)).toEqual({
        ...expected,
        entities: expected.entities.slice(0, 1),
        statements: expected.statements.slice(0, 1),
        passages: expected.passages.slice(0, 1),
        counts: {
          entities: expected.entities.length,
          statements: expected.statements.length,
          passages: expected.passages.length,
        },
      });
      expect(a.fetched.length).toBeLessThanOrEqual(b.fetched.length);
    }
  });
});

describe('sharding by first letters', () => {
  const { corpus, names } = corpusOf(resolve('seeds'));
  const built = buildSearchShards(corpus, names, SMALL);
  const keys = new Set(Object.keys(built.meta.terms));
  const maxKey = Math.max(...[...keys].map((k) => k.length));
  const termsIn = (file: string) => (JSON.parse(built.files.get(file)!) as { terms: [string][] }).terms.map((t) => t[0]);
  const allTerms = Object.values(built.meta.terms).flatMap(termsIn);

  it('names files by their content: the same corpus gives the same files', () => {
    const again = buildSearchShards(corpus, names, SMALL);
    expect(again.metaJson).toBe(built.metaJson);
    expect([...again.files.keys()]).toEqual([...built.files.keys()]);
    for (const [name, json] of built.files) if (!name.startsWith('d-')) expect(name).toContain(digest(json));
  });

  it('puts every term, Arabic and English, in the shard a query looks in', () => {
    expect(allTerms.some((t) => /^[\u0600-\u06ff]/.test(t))).toBe(true);
    expect(allTerms.some((t) => /^[a-z]/.test(t))).toBe(true);
    expect(new Set(allTerms).size).toBe(allTerms.length);
    for (const term of allTerms) expect(termsIn(built.meta.terms[shardOf(term, keys, maxKey)!]!)).toContain(term);
  });

  it('finds every term under a prefix, across shards', () => {
    let crossing = 0;
    const prefixes = new Set(allTerms.flatMap((t) => [t.slice(0, 1), t.slice(0, 2), t.slice(0, 3)]));
    for (const prefix of prefixes) {
      const shards = shardsOfPrefix(prefix, keys, keys, maxKey);
      if (shards.length > 1) crossing++;
      const found = shards.flatMap((k) => termsIn(built.meta.terms[k]!)).filter((t) => t.startsWith(prefix));
      expect(found.sort()).toEqual(allTerms.filter((t) => t.startsWith(prefix)).sort());
    }
    expect(crossing).toBeGreaterThan(0);
  });
});

describe('hits drawn without the corpus', () => {
  it('give the same snippet from their own text as from the document', async () => {
    const { corpus, names } = corpusOf(resolve('tests/fixtures/articles/search'));
    const s = served(corpus, names, {});
    const engine = await loadShardedSearch(s.url, s.fetch);
    let compared = 0;
    for (const q of ['المكالمة', 'Slutsky', 'talks', 'الرئيس', 'قال']) {
      const r = await engine.search(q);
      for (const hit of [...r.statements, ...r.passages]) {
        const doc = corpus.documents.find((d) => d.id === hit.doc)!;
        expect(hitSnippet(hit)).toEqual(hitSnippet(hit, doc.text));
        expect(hitSnippet(hit, doc.text)).toEqual(snippet(doc.text, hit.start, hit.end, hit.highlights));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(3);
  });
});
