/**
 * Turns the ids in a link into a selection, checking them against the corpus: a link made before a
 * rebuild that removed something still opens, and the page says what it could not find.
 */
import type { Manifest } from '../model/manifest';
import type { Selection } from '../app/selection';
import type { UrlState } from './urlState';

export interface Resolved {
  selection: Selection | null;
  doc: string | null;
  /** Parameters whose ids are not in the corpus. */
  missing: { param: string; id: string }[];
}

/** Finds what a link's ids point at. Priority: statement, event, entity, passage. */
export function resolveLink(state: UrlState, corpus: Pick<Manifest, 'documents' | 'entities'>): Resolved {
  const missing: Resolved['missing'] = [];
  let doc = state.doc && corpus.documents.some((d) => d.id === state.doc) ? state.doc : null;
  if (state.doc && !doc) missing.push({ param: 'doc', id: state.doc });
  let selection: Selection | null = null;
  if (state.statement) {
    const d = corpus.documents.find((x) => x.statements.some((s) => s.id === state.statement));
    if (d) {
      selection = { kind: 'statement', id: state.statement, doc: d.id };
      doc = d.id;
    } else missing.push({ param: 'statement', id: state.statement });
  }
  if (!selection && state.event) {
    const d = corpus.documents.find((x) => x.events.some((e) => e.id === state.event));
    if (d) {
      selection = { kind: 'event', id: state.event, doc: d.id };
      doc = d.id;
    } else missing.push({ param: 'event', id: state.event });
  }
  if (state.entity) {
    const known = corpus.entities.some((e) => e.id === state.entity);
    if (!known) missing.push({ param: 'entity', id: state.entity });
    else if (!selection) selection = { kind: 'entity', id: state.entity };
  }
  if (!selection && state.span && doc) {
    const d = corpus.documents.find((x) => x.id === doc)!;
    if (state.span[1] <= d.length) selection = { kind: 'passage', doc, start: state.span[0], end: state.span[1] };
    else missing.push({ param: 'span', id: `${state.span[0]}-${state.span[1]}` });
  }
  return { selection, doc, missing };
}

/** The link fields that describe a selection. */
export function selectionFields(
  s: Selection | null,
  doc: string | null,
): Pick<UrlState, 'entity' | 'statement' | 'event' | 'doc' | 'span'> {
  const out: Pick<UrlState, 'entity' | 'statement' | 'event' | 'doc' | 'span'> = {
    entity: null,
    statement: null,
    event: null,
    doc,
    span: null,
  };
  if (!s) return out;
  if (s.kind === 'entity') out.entity = s.id;
  else if (s.kind === 'statement') [out.statement, out.doc] = [s.id, s.doc];
  else if (s.kind === 'event') [out.event, out.doc] = [s.id, s.doc];
  else [out.doc, out.span] = [s.doc, [s.start, s.end]];
  return out;
}
