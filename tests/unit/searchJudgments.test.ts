// Runs the search judgments (tests/fixtures/search-judgments.json) on the seed and on the test articles.
import { describe, expect, it } from 'vitest';
import { readJudgments, scoreAll } from '../../scripts/score-search';

describe('search judgments', () => {
  const scores = scoreAll(readJudgments());
  it.each(scores.map((s) => [`[${s.judgment.set}] ${s.judgment.query} (${s.judgment.tag})`, s] as const))('%s', (_name, s) => {
    expect(s.missingQuotes).toEqual([]);
    expect(s.recallAt5).toBe(1);
  });
  it('has a mean reciprocal rank of at least 0.9', () => {
    const mrr = scores.reduce((a, s) => a + s.reciprocalRank, 0) / scores.length;
    expect(mrr).toBeGreaterThanOrEqual(0.9);
  });
});
