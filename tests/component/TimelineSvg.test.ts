import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/model/schema';
import { seedLikeDoc } from '../unit/timelineFixture';
import TimelineHarness from './TimelineHarness.test.svelte';

/** A small deterministic timeline: three statements and the planned meeting. */
function smallCorpus(): Corpus {
  const doc = seedLikeDoc();
  doc.statements = doc.statements.filter((s) => ['st-fox', 'st-k1', 'st-k2'].includes(s.id));
  doc.events = doc.events.filter((e) => e.id === 'ev-meeting');
  return { schemaVersion: 1, generator: 'test', documents: [doc] };
}

/** The SVG's markup with Svelte's style hashes removed and numbers rounded to one decimal. */
function normalised(svg: Element): string {
  return svg.outerHTML
    .replace(/\s?svelte-[a-z0-9]+/g, '')
    .replace(/ class=""/g, '')
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/(id="|url\(#|describedby=")[^-"]*-/g, '$1ID-')
    .replace(/ID-window [^"]*-keys/g, 'ID-window ID-keys')
    .replace(/></g, '>\n<');
}

describe('the SVG of a small timeline', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`matches the snapshot (${lang})`, () => {
      const { container } = render(TimelineHarness, {
        props: { corpus: smallCorpus(), lang, window: { start: '2017-01-24', end: '2017-01-31' } },
      });
      expect(normalised(container.querySelector('svg.plot')!)).toMatchSnapshot();
    });
  }
});
