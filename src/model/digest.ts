/**
 * The manifest derived from the corpus (src/model/manifest.ts): one pure function, run at build
 * time. The views read only the manifest, so what they show of a document before it is loaded is
 * exactly what this function keeps of it.
 */
import type { Corpus, IsnadDocument } from './schema';
import type { DocDigest, EntityInfo, Manifest } from './manifest';
import { firstWords } from '../timeline/items';

/** At most this many aliases and role words per entity (the diagram's card shows no more). */
const MAX_NAMES = 12;

/** The title a document is listed by: its metadata's, else its title block's text, else its file. */
export function documentTitle(doc: IsnadDocument): string {
  const t = doc.blocks.find((b) => b.kind === 'title');
  return doc.meta.title ?? (t ? doc.text.slice(t.start, t.end) : doc.file);
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
    relations: doc.relations,
    statements: doc.statements.map((s) => {
      const content = s.content ?? s;
      return { ...s, excerpt: firstWords(doc.text.slice(content.start, content.end)) };
    }),
    events: doc.events.map((e) => ({ ...e, excerpt: firstWords(e.label ?? doc.text.slice(e.start, e.end)) })),
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
