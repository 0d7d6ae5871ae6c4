/**
 * Linked selection shared by every view through context: select in one, all follow.
 * `selected` is what the user chose; `hovered` previews without selecting; Escape clears both.
 */
import { getContext, setContext } from 'svelte';
import { sameSelection, type Selection } from './selection';

const KEY = Symbol('isnad-selection');

export class SelectionState {
  /** The current selection, or null. */
  selected = $state<Selection | null>(null);
  /** A preview (hover or focus) that does not change the selection. */
  hovered = $state<Selection | null>(null);
  /** The document shown in the reader. */
  doc = $state<string | null>(null);

  /** Selects a thing (selecting the same thing again keeps it selected). */
  select(s: Selection | null): void {
    if (sameSelection(this.selected, s)) return;
    this.selected = s;
    if (s && 'doc' in s) this.doc = s.doc;
  }

  /** Previews a thing, or stops previewing with null. */
  hover(s: Selection | null): void {
    if (!sameSelection(this.hovered, s)) this.hovered = s;
  }

  /** Clears selection and preview (Escape). */
  clear(): void {
    this.selected = null;
    this.hovered = null;
  }
}

/** Provides the selection to the component tree (called once by App). */
export function provideSelection(state = new SelectionState()): SelectionState {
  return setContext(KEY, state);
}

/** The selection provided by an ancestor. */
export function useSelection(): SelectionState {
  const s = getContext<SelectionState | undefined>(KEY);
  if (!s) throw new Error('Isnad: useSelection() called outside <App>');
  return s;
}
