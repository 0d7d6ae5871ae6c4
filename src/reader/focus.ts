/** What the reader should mark for a selection: the span of a statement, event or passage in this document. */
import type { IsnadDocument } from '../model/schema';
import type { Selection } from '../app/selection';

/** The span a selection points at inside `doc`, or null when it points elsewhere or at no span. */
export function selectedSpan(
  s: Selection | null,
  doc: Pick<IsnadDocument, 'id' | 'statements' | 'events'>,
): { start: number; end: number } | null {
  if (!s) return null;
  if (s.kind === 'passage') return s.doc === doc.id ? { start: s.start, end: s.end } : null;
  if (s.kind === 'statement' && s.doc === doc.id) {
    const st = doc.statements.find((x) => x.id === s.id);
    return st ? { start: st.start, end: st.end } : null;
  }
  if (s.kind === 'event' && s.doc === doc.id) {
    const ev = doc.events.find((x) => x.id === s.id);
    return ev ? { start: ev.start, end: ev.end } : null;
  }
  return null;
}

/** The entity id a selection points at, if it is an entity. */
export function selectedEntity(s: Selection | null): string | null {
  return s?.kind === 'entity' ? s.id : null;
}
