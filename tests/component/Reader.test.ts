import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { SelectionState } from '../../src/app/selection.svelte';
import type { IsnadDocument } from '../../src/model/schema';
import { extractDocument } from '../../src/pipeline/extract';
import { loadKnowledge } from '../../src/pipeline/knowledge';
import Reader from '../../src/reader/Reader.svelte';
import Harness from './Harness.test.svelte';

const TEXT =
  'وزير يزور المدينة\n\nالقاهرة-وكالة\n\nوصل الوزير سامي نور إلى المدينة. وقال إن الزيارة مهمة.\n\nعنوان فرعي\n\nوغادر <script>alert(1)</script> مساء.\n';

function makeDoc(): IsnadDocument {
  const doc = extractDocument(new TextEncoder().encode(TEXT), 'test.txt', loadKnowledge(), {
    defaults: { date: '2020-03-01', lang: 'ar', outlet: 'وكالة' },
  });
  const name = 'سامي نور';
  const start = TEXT.indexOf(name);
  return {
    ...doc,
    entities: [
      {
        id: 'person:sami-nour',
        type: 'person',
        label: { ar: name, en: 'Sami Nour' },
        aliases: [name],
        mentions: [{ start, end: start + name.length }],
        roles: [{ text: 'الوزير', start: start - 6, end: start - 1 }],
      },
    ],
  };
}

describe('Reader', () => {
  it('shows headline, dateline, subheading and paragraphs right-to-left', () => {
    const { container } = render(Harness, { props: { component: Reader, props: { doc: makeDoc() } } });
    const article = container.querySelector('article')!;
    expect(article.getAttribute('dir')).toBe('rtl');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('وزير يزور المدينة');
    expect(container.querySelector('.dateline')!.textContent).toBe('القاهرة-وكالة');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('عنوان فرعي');
    expect(container.querySelectorAll('p.para')).toHaveLength(2);
    expect(screen.getByText(/Published 1 March 2020/)).toBeInTheDocument();
  });

  it('renders markup in the text as text, never as HTML', () => {
    const { container } = render(Harness, { props: { component: Reader, props: { doc: makeDoc() } } });
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });

  it('highlights entity mentions, shows the card on focus and selects on Enter', async () => {
    const selection = new SelectionState();
    const { container } = render(Harness, { props: { component: Reader, props: { doc: makeDoc() }, selection } });
    const mention = container.querySelector<HTMLElement>('[data-entity="person:sami-nour"]')!;
    expect(mention.textContent).toBe('سامي نور');
    expect(mention.classList.contains('t-person')).toBe(true);
    await fireEvent.focus(mention);
    const card = screen.getByRole('tooltip');
    expect(card.textContent).toContain('Sami Nour');
    expect(card.textContent).toContain('Person');
    expect(mention.getAttribute('aria-describedby')).toBe(card.id);
    await fireEvent.keyDown(mention, { key: 'Enter' });
    expect(selection.selected).toEqual({ kind: 'entity', id: 'person:sami-nour' });
    flushSync();
    expect(mention.classList.contains('is-selected')).toBe(true);
  });

  it('marks a selected passage', async () => {
    const selection = new SelectionState();
    const doc = makeDoc();
    const { container } = render(Harness, { props: { component: Reader, props: { doc }, selection } });
    const s = doc.sentences.find((x) => doc.text.slice(x.start, x.end).startsWith('وقال'))!;
    selection.select({ kind: 'passage', doc: doc.id, start: s.start, end: s.end });
    flushSync();
    const marked = [...container.querySelectorAll('.is-selected')].map((e) => e.textContent).join('');
    expect(marked).toBe('وقال إن الزيارة مهمة.');
  });

  it('says so when a document has no entities', () => {
    const doc = { ...makeDoc(), entities: [] };
    render(Harness, { props: { component: Reader, props: { doc }, lang: 'ar' } });
    expect(screen.getByText(/لم يُعثر في هذا المستند/)).toBeInTheDocument();
  });
});
