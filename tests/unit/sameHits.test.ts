import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResults } from '../../src/search/engine';
import { drawsSame, keepSameHits } from '../../src/search/sameHits';

const hit = (key: string, extra: Partial<SearchHit> = {}): SearchHit => ({
  kind: 'passage',
  key,
  doc: 'd1',
  start: 0,
  end: 10,
  score: 1,
  highlights: [[0, 3]],
  text: 'abc def gh',
  ...extra,
});
const answer = (passages: SearchHit[], statements: SearchHit[] = []): SearchResults => ({
  query: 'q',
  entities: [],
  statements,
  passages,
  total: passages.length + statements.length,
});

describe('keepSameHits', () => {
  it('keeps the previous object for a hit that draws the same, whatever its score', () => {
    const a = hit('p:1');
    const b = hit('p:2');
    const next = answer([hit('p:2', { score: 5 }), hit('p:1', { highlights: [[0, 3]] }), hit('p:3')]);
    const kept = keepSameHits(answer([a, b]), next);
    expect(kept.passages[0]).toBe(b);
    expect(kept.passages[1]).toBe(a);
    expect(kept.passages[2]).toBe(next.passages[2]);
    expect(kept.passages.map((h) => h.key)).toEqual(next.passages.map((h) => h.key));
    expect({ ...kept, passages: [] }).toEqual({ ...next, passages: [] });
  });

  it('takes the new hit when anything drawn changed', () => {
    const a = hit('p:1');
    for (const change of [
      { highlights: [[0, 4]] as [number, number][] },
      { highlights: [] as [number, number][] },
      {
        highlights: [
          [0, 3],
          [4, 7],
        ] as [number, number][],
      },
      { text: 'abc deg gh' },
      { end: 11 },
      { title: 'T' },
      { mentions: 2 },
    ]) {
      const b = hit('p:1', change);
      expect(drawsSame(a, b)).toBe(false);
      expect(keepSameHits(answer([a]), answer([b])).passages[0]).toBe(b);
    }
    expect(keepSameHits(null, answer([a])).passages[0]).toBe(a);
  });
});
