/**
 * The manifest derived from the corpus (src/model/manifest.ts): one pure function, run at build
 * time. The views read only the manifest, so what they show of a document before it is loaded is
 * exactly what this function keeps of it.
 */
import type { Corpus, IsnadDocument, IsnadEvent, Relation, Statement, When } from './schema';
import type { DocDigest, EntityInfo, EventDigest, Manifest, RelationDigest, StatementDigest, WhenDigest } from './manifest';
import { firstWords } from '../timeline/items';

/** At most this many aliases and role words per entity (the diagram's card shows no more). */
const MAX_NAMES = 12;

/** The title a document is listed by: its metadata's, else its title block's text, else its file. */
export function documentTitle(doc: IsnadDocument): string {
  const t = doc.blocks.find((b) => b.kind === 'title');
  return doc.meta.title ?? (t ? doc.text.slice(t.start, t.end) : doc.file);
}

/** The id a relation has unless it says otherwise (src/pipeline/relations/collect.ts, relationId). */
export const relationIdOf = (r: { id?: string; type: string; source: string; target: string }): string =>
  r.id ?? `${r.type}:${r.source}->${r.target}`;

/** A time without its expression's offsets. */
function whenDigest({ expr, ...when }: When): WhenDigest {
  return expr ? { ...when, expr: expr.text } : when;
}

/** Copies only the fields that are set (the JSON then has no `"x":undefined` to skip). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
}

function statementDigest(s: Statement, text: string): StatementDigest {
  const content = s.content ?? s;
  const chain = s.chain?.flatMap((l) => (l.entity ? [l.entity] : []));
  return defined({
    id: s.id,
    speaker: s.speaker,
    speakerText: s.speaker ? undefined : s.speakerText?.text,
    speakerKind: s.speakerKind,
    speakers: s.speakers,
    to: s.to,
    chain: chain && chain.length > 0 ? chain : undefined,
    direct: s.direct,
    implicit: s.implicit,
    events: s.events,
    when: whenDigest(s.when),
    start: s.start,
    excerpt: firstWords(text.slice(content.start, content.end)),
  });
}

function eventDigest(e: IsnadEvent, text: string): EventDigest {
  return defined({
    id: e.id,
    kind: e.kind,
    participants: e.participants,
    when: whenDigest(e.when),
    future: e.future,
    start: e.start,
    excerpt: firstWords(e.label ?? text.slice(e.start, e.end)),
  });
}

function relationDigest(r: Relation): RelationDigest {
  const { id, evidence, ...rest } = r;
  const out: RelationDigest = { ...rest, at: evidence.flatMap((e) => [e.start, e.end]) };
  return relationIdOf(out) === id ? out : { id, ...out };
}

/** One document's digest; `chunk` is the index of the file that holds it. */
export function digestOf(doc: IsnadDocument, chunk: number): DocDigest {
  return {
    id: doc.id,
    file: doc.file,
    meta: doc.meta,
    dir: doc.dir,
    title: documentTitle(doc),
    length: doc.text.length,
    chunk,
    mentions: Object.fromEntries(doc.entities.map((e) => [e.id, e.mentions.length])),
    relations: doc.relations.map(relationDigest),
    statements: doc.statements.map((s) => statementDigest(s, doc.text)),
    events: doc.events.map((e) => eventDigest(e, doc.text)),
  };
}

/** Every entity once, merged across documents in corpus order (first label in each language wins). */
export function entityTable(corpus: Pick<Corpus, 'documents'>): EntityInfo[] {
  const table = new Map<string, EntityInfo>();
  for (const doc of corpus.documents)
    for (const e of doc.entities) {
      let info = table.get(e.id);
      if (!info) {
        info = { id: e.id, type: e.type, label: {}, aliases: [], roles: [] };
        table.set(e.id, info);
      }
      if (info.label.ar === undefined && e.label.ar !== undefined) info.label.ar = e.label.ar;
      if (info.label.en === undefined && e.label.en !== undefined) info.label.en = e.label.en;
      for (const a of e.aliases) if (!info.aliases.includes(a) && info.aliases.length < MAX_NAMES) info.aliases.push(a);
      for (const r of e.roles ?? []) if (!info.roles.includes(r.text) && info.roles.length < MAX_NAMES) info.roles.push(r.text);
      if (info.wikidata === undefined && e.wikidata !== undefined) info.wikidata = e.wikidata;
      if (info.nationality === undefined && e.nationality !== undefined) info.nationality = e.nationality;
    }
  return [...table.values()];
}

/**
 * The manifest of a corpus. `chunkOf(i)` is the index of the file that holds document i and
 * `chunks` those files' names; without them (documents inline) every document is in chunk 0.
 */
export function manifestOf(corpus: Corpus, chunks: string[] = [], chunkOf: (i: number) => number = () => 0): Manifest {
  return {
    schemaVersion: corpus.schemaVersion,
    generator: corpus.generator,
    chunks,
    entities: entityTable(corpus),
    documents: corpus.documents.map((d, i) => digestOf(d, chunkOf(i))),
  };
}
