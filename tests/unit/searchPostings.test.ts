// Postings scores each sub-query straight from MiniSearch's internals: it must agree with MiniSearch.search.
import MiniSearch, { type Query } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchBundle } from '../../src/search/build';
import { miniSearchOptions, type IndexDoc } from '../../src/search/engine';
import { Analyzer } from '../../src/search/analyze';
import { Postings, type TermQuery } from '../../src/search/postings';
import { collectUnits } from '../../src/search/units';
import { engineFor } from '../../scripts/score-search';

let index: MiniSearch<IndexDoc>;
let postings: Postings;

beforeAll(() => {
  const { corpus } = engineFor('tests/fixtures/articles/search');
  const bundle = buildSearchBundle(corpus, []);
  const u = collectUnits(corpus);
  index = MiniSearch.loadJS<IndexDoc>(bundle.index, miniSearchOptions(new Analyzer()));
  postings = new Postings(index, u.units.length, u.firstEntity);
});

/** The same sub-queries as MiniSearch would run them. */
function viaMiniSearch(queries: TermQuery[]): Map<number, number> {
  const boosts = new Map(queries.map((q) => [q.term, q.boost]));
  const specs: Query[] = queries.map((q) =>
    q.prefix || q.fuzzy || q.fields
      ? {
          queries: [q.term],
          prefix: q.prefix ?? false,
          fuzzy: q.fuzzy ?? false,
          maxFuzzy: q.fuzzy ?? 0,
          ...(q.fields ? { fields: q.fields } : {}),
        }
      : q.term,
  );
  const results = index.search(
    { combineWith: 'OR', queries: specs },
    { tokenize: (s) => [s], processTerm: (t) => t, boostTerm: (t) => boosts.get(t) ?? 1 },
  );
  return new Map(results.map((r) => [r.id as number, r.score]));
}

function viaPostings(queries: TermQuery[]): Map<number, number> {
  const out = postings.score(queries);
  const scores = new Map(out.touched.map((u) => [u, out.score[u]!]));
  postings.clear();
  return scores;
}

describe('Postings.score', () => {
  const cases: [string, TermQuery[]][] = [
    [
      'exact and stem',
      [
        { term: 'مكالمات', source: 1, boost: 1 },
        { term: 'مكالم', source: 2, boost: 0.7 },
      ],
    ],
    ['prefix', [{ term: 'مكا', source: 1, boost: 1, prefix: true }]],
    ['fuzzy', [{ term: 'meetinsg', source: 1, boost: 1, fuzzy: 2 }]],
    ['names only', [{ term: 'pu', source: 1, boost: 1, prefix: true, fields: ['name'] }]],
    [
      'english',
      [
        { term: 'summit', source: 1, boost: 1 },
        { term: 'summit', source: 1, boost: 1, prefix: true },
      ],
    ],
  ];
  it.each(cases)('agrees with MiniSearch.search: %s', (_name, queries) => {
    const expected = viaMiniSearch(queries);
    const actual = viaPostings(queries);
    expect(expected.size).toBeGreaterThan(0);
    expect([...actual.keys()].sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
    for (const [id, score] of expected) expect(actual.get(id)).toBeCloseTo(score, 9);
  });
  it('clears between words', () => {
    viaPostings(cases[0]![1]);
    expect(postings.score([]).touched).toEqual([]);
    postings.clear();
  });
});
