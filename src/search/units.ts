/**
 * What the index holds, enumerated from the corpus in a fixed order: passages (sentences), statements,
 * then entities (one per entity id across all documents). The build and the browser both call
 * `collectUnits`, so an index document's number is enough to find its text again: the bundle stores no
 * text at all, only the inverted index.
 */
import type { Corpus, EntityType } from '../model/schema';
import { drain, type Steps } from './steps';

/** Documents between two yields of the step-wise versions. */
const DOCS_PER_STEP = 16;

export type HitKind = 'passage' | 'statement' | 'entity';

/** One mention of an entity, located in the corpus. */
export interface MentionRef {
  /** Index of the document in `corpus.documents`. */
  doc: number;
  start: number;
  end: number;
  /** True when the mention is a title, role or pronoun rather than a name. */
  indirect?: boolean;
}

/** An entity merged over the documents that mention it. */
export interface EntityRef {
  id: string;
  type: EntityType;
  label: { ar?: string; en?: string };
  /** Labels and aliases, each once. */
  names: string[];
  mentions: MentionRef[];
}

/** One index document: where its text lives and what it is. */
export interface Unit {
  kind: HitKind;
  /** Index of the document in `corpus.documents` (for an entity: of its first mention, or -1). */
  doc: number;
  start: number;
  end: number;
  /** Sentence index, statement index (in the document) or entity index (in `entities`). */
  ref: number;
  /** True for the headline and subheadings. */
  head?: boolean;
}

export interface Units {
  units: Unit[];
  entities: EntityRef[];
  /** First unit number of each kind. */
  firstStatement: number;
  firstEntity: number;
}

/** Enumerates the index documents of a corpus (deterministic: same corpus, same numbers). */
export function collectUnits(corpus: Corpus): Units {
  return drain(collectUnitsSteps(corpus));
}

/** `collectUnits` in steps of a few documents (see steps.ts). */
export function* collectUnitsSteps(corpus: Corpus): Steps<Units> {
  const units: Unit[] = [];
  for (let d = 0; d < corpus.documents.length; d++) {
    const doc = corpus.documents[d]!;
    doc.sentences.forEach((s, i) => {
      const kind = doc.blocks[s.block]?.kind;
      units.push({ kind: 'passage', doc: d, start: s.start, end: s.end, ref: i, head: kind === 'title' || kind === 'subhead' });
    });
    if (d % DOCS_PER_STEP === 0) yield;
  }
  const firstStatement = units.length;
  for (let d = 0; d < corpus.documents.length; d++) {
    corpus.documents[d]!.statements.forEach((s, i) =>
      units.push({ kind: 'statement', doc: d, start: s.start, end: s.end, ref: i }),
    );
    if (d % DOCS_PER_STEP === 0) yield;
  }
  const firstEntity = units.length;
  const byId = new Map<string, EntityRef>();
  for (let d = 0; d < corpus.documents.length; d++) {
    for (const e of corpus.documents[d]!.entities) {
      let ref = byId.get(e.id);
      if (!ref) {
        ref = { id: e.id, type: e.type, label: { ...e.label }, names: [], mentions: [] };
        byId.set(e.id, ref);
      }
      for (const n of [e.label.ar, e.label.en, ...e.aliases]) if (n && !ref.names.includes(n)) ref.names.push(n);
      for (const m of e.mentions) {
        const indirect = m.kind === 'title' || m.kind === 'pronoun';
        ref.mentions.push({ doc: d, start: m.start, end: m.end, ...(indirect ? { indirect } : {}) });
      }
    }
    if (d % DOCS_PER_STEP === 0) yield;
  }
  const entities = [...byId.values()];
  entities.forEach((e, i) => {
    const first = e.mentions[0];
    units.push({ kind: 'entity', doc: first?.doc ?? -1, start: first?.start ?? 0, end: first?.end ?? 0, ref: i });
  });
  return { units, entities, firstStatement, firstEntity };
}

/** A short fingerprint of the corpus shape, so an index is never used with another corpus. */
export function corpusFingerprint(corpus: Corpus): string {
  return drain(corpusFingerprintSteps(corpus));
}

/** `corpusFingerprint` in steps of a few documents (see steps.ts). */
export function* corpusFingerprintSteps(corpus: Corpus): Steps<string> {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  };
  for (let d = 0; d < corpus.documents.length; d++) {
    const doc = corpus.documents[d]!;
    mix(`${doc.id}:${doc.text.length}:${doc.sentences.length}:${doc.statements.length}:`);
    for (const e of doc.entities) mix(`${e.id},${e.mentions.length};`);
    if (d % DOCS_PER_STEP === 0) yield;
  }
  return h.toString(16).padStart(8, '0');
}
