// The statement card is drawn from the manifest; the words themselves wait for the document's file,
// with a loading line that a screen reader announces, and a failed file is named.
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { CorpusStore } from '../../src/app/corpusStore.svelte';
import { CorpusLoadError } from '../../src/app/corpusFiles';
import { manifestOf } from '../../src/model/digest';
import type { IsnadDocument } from '../../src/model/schema';
import StatementCard from '../../src/timeline/StatementCard.svelte';
import { timelineItems } from '../../src/timeline/items';
import { fixtureCorpus } from '../unit/timelineFixture';
import Harness from './Harness.test.svelte';

/** The fixture's manifest split as a site would be (one file), and a fetch the test answers when it likes. */
function setup() {
  const corpus = fixtureCorpus();
  const manifest = manifestOf(corpus, ['data/all.json'], () => 0);
  let answer!: { ok: (d: IsnadDocument[]) => void; fail: (e: Error) => void };
  let calls = 0;
  const store = new CorpusStore({ manifest, root: '/' }, () => {
    calls++;
    return new Promise((ok, fail) => (answer = { ok, fail: (e) => fail(e) }));
  });
  const doc = manifest.documents[0]!;
  const item = timelineItems(manifest).find((i) => i.kind === 'statement' && i.doc === doc.id)!;
  const statement = corpus.documents[0]!.statements.find((s) => s.id === item.id)!;
  const span = statement.content ?? statement;
  const words = corpus.documents[0]!.text.slice(span.start, span.end);
  render(Harness, { props: { component: StatementCard, props: { item, doc, who: 'someone', date: 'a day' }, store } });
  return { corpus, store, answer: () => answer, calls: () => calls, words };
}

describe('StatementCard on the manifest', () => {
  it('shows who and when at once, and the words once the document has arrived', async () => {
    const { corpus, answer, calls, words } = setup();
    expect(screen.getByRole('heading', { name: 'someone' })).toBeInTheDocument();
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-busy', 'true');
    expect(calls()).toBe(1);
    answer().ok(corpus.documents);
    expect(await screen.findByText(words)).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('names the file it could not load, and does not ask for it again by itself', async () => {
    const { answer, calls } = setup();
    answer().fail(new CorpusLoadError('/data/all.json', 'HTTP 404'));
    expect((await screen.findByRole('alert')).textContent).toContain('/data/all.json: HTTP 404');
    await new Promise((r) => setTimeout(r, 20));
    expect(calls()).toBe(1);
  });
});
