/**
 * What the user has selected, as plain data: the one thing every view follows.
 * Pure logic (no runes, no DOM) so it can be tested directly; `selection.svelte.ts` wraps it in state.
 */

/** A selectable thing. `doc` is always set for spans so the reader knows where to scroll. */
export type Selection =
  | { kind: 'entity'; id: string }
  | { kind: 'statement'; id: string; doc: string }
  | { kind: 'event'; id: string; doc: string }
  | { kind: 'passage'; doc: string; start: number; end: number };

/** True when two selections point at the same thing. */
export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'passage' && b.kind === 'passage') return a.doc === b.doc && a.start === b.start && a.end === b.end;
  return 'id' in a && 'id' in b && a.id === b.id;
}

/** A stable string key for a selection (for maps and test hooks). */
export function selectionKey(s: Selection): string {
  return s.kind === 'passage' ? `passage:${s.doc}:${s.start}-${s.end}` : `${s.kind}:${s.id}`;
}
