// Loading in steps (src/search/loadIndex.ts, steps.ts) must give the same engine as loading at once.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/search/analyze';
import { buildSearchBundle } from '../../src/search/build';
import { loadSearchEngine, loadSearchEngineAsync, miniSearchOptions, type IndexDoc } from '../../src/search/engine';
import { loadIndexSteps } from '../../src/search/loadIndex';
import { drain, drainAsync } from '../../src/search/steps';
import { engineFor } from '../../scripts/score-search';

const { corpus } = engineFor('tests/fixtures/articles/search');
const bundle = buildSearchBundle(corpus, []);

describe('loadIndexSteps', () => {
  it('fills the same index as MiniSearch.loadJS', () => {
    const options = miniSearchOptions(new Analyzer());
    const once = MiniSearch.loadJS<IndexDoc>(bundle.index, options);
    const steps = drain(loadIndexSteps<IndexDoc>(bundle.index, options));
    expect(JSON.stringify(steps)).toBe(JSON.stringify(once));
    expect(steps.search('summit')).toEqual(once.search('summit'));
  });
});

describe('loadSearchEngineAsync', () => {
  it('answers like loadSearchEngine', async () => {
    const sync = loadSearchEngine(bundle, corpus);
    const async = await loadSearchEngineAsync(bundle, corpus);
    for (const q of ['المكالمات', 'بوتين', 'Trump', '"الأمم المتحدة"', 'مكا']) expect(async.search(q)).toEqual(sync.search(q));
  });
  it('refuses a bundle of another corpus', async () => {
    const other = { ...corpus, documents: corpus.documents.slice(1) };
    await expect(loadSearchEngineAsync(bundle, other)).rejects.toThrow(/another corpus/);
  });
});

describe('drainAsync', () => {
  it('yields to the event loop between slices', async () => {
    // Each step outlasts the 4 ms slice, however loaded the machine, so each ends a slice: the count
    // does not depend on timing (how long the slices took is the benchmark's business, not a test's).
    function* work() {
      for (let i = 0; i < 20; i++) {
        const start = performance.now();
        while (performance.now() - start < 5);
        yield;
      }
      return 'done';
    }
    const slices: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    expect(await drainAsync(work(), 4, (ms) => slices.push(ms))).toBe('done');
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    // 20 slices of one step each, and the last, empty one that returns.
    expect(slices).toHaveLength(21);
  });
});
