import { describe, expect, it } from 'vitest';
import { sameSelection, selectionKey } from '../../src/app/selection';
import { SelectionState } from '../../src/app/selection.svelte';
import { resolveLink, selectionFields } from '../../src/share/resolve';
import { decode } from '../../src/share/urlState';
import type { Corpus } from '../../src/model/schema';
import { manifestOf } from '../../src/model/digest';

describe('sameSelection / selectionKey', () => {
  it('compares by kind and id, passages by span', () => {
    expect(sameSelection({ kind: 'entity', id: 'a' }, { kind: 'entity', id: 'a' })).toBe(true);
    expect(sameSelection({ kind: 'entity', id: 'a' }, { kind: 'statement', id: 'a', doc: 'd' })).toBe(false);
    expect(sameSelection({ kind: 'passage', doc: 'd', start: 1, end: 2 }, { kind: 'passage', doc: 'd', start: 1, end: 3 })).toBe(
      false,
    );
    expect(sameSelection(null, null)).toBe(true);
    expect(selectionKey({ kind: 'passage', doc: 'd', start: 1, end: 2 })).toBe('passage:d:1-2');
  });
});

describe('SelectionState', () => {
  it('selecting a statement moves the reader to its document; hover does not select; clear empties both', () => {
    const s = new SelectionState();
    s.select({ kind: 'statement', id: 'st', doc: 'doc-b' });
    expect(s.doc).toBe('doc-b');
    s.hover({ kind: 'entity', id: 'e' });
    expect(s.selected).toEqual({ kind: 'statement', id: 'st', doc: 'doc-b' });
    s.clear();
    expect([s.selected, s.hovered]).toEqual([null, null]);
  });
});

const corpus = {
  schemaVersion: 1,
  generator: 't',
  documents: [
    {
      id: 'd1',
      file: 'd1.txt',
      meta: { date: null, lang: 'en' },
      text: 'abcdefghij',
      blocks: [],
      relations: [],
      entities: [{ id: 'person:x', type: 'person', label: {}, aliases: [], mentions: [] }],
      statements: [{ id: 'd1:st-1', speaker: null, start: 0, end: 3, when: { start: null, end: null, precision: 'unknown' } }],
      events: [],
    },
  ],
} as unknown as Corpus;

describe('resolveLink', () => {
  it('turns ids into a selection and moves to the statement’s document', () => {
    const r = resolveLink(decode(new URLSearchParams('statement=d1:st-1&entity=person:x')).state, manifestOf(corpus));
    expect(r.selection).toEqual({ kind: 'statement', id: 'd1:st-1', doc: 'd1' });
    expect(r.missing).toEqual([]);
  });
  it('reports ids that are not in the corpus and passages past the end', () => {
    const r = resolveLink(decode(new URLSearchParams('entity=person:gone&doc=d1&span=5-99')).state, manifestOf(corpus));
    expect(r.missing).toEqual([
      { param: 'entity', id: 'person:gone' },
      { param: 'span', id: '5-99' },
    ]);
    expect(r.selection).toBeNull();
  });
  it('selectionFields is the inverse for every kind', () => {
    expect(selectionFields({ kind: 'passage', doc: 'd1', start: 2, end: 4 }, 'd1')).toMatchObject({ doc: 'd1', span: [2, 4] });
    expect(selectionFields({ kind: 'entity', id: 'person:x' }, 'd1')).toMatchObject({ entity: 'person:x', doc: 'd1' });
  });
});
