/**
 * The sharded index's format, shared by the build (buildShards.ts) and the worker (shardStore.ts): a
 * small meta file, then files fetched as queries need them. Terms are split by their first letters
 * (as Pagefind does): a shard's key is a prefix, and a term lives in the shard of the longest key that
 * starts it. A key is split into longer keys only while its shard is too large, so common first
 * letters get two or three letters of key and rare ones one.
 */

export const SHARDS_FORMAT = 'isnad-search-shards';
/** Bumped on any change to the files' shapes. */
export const SHARDS_VERSION = 1;

export interface SearchMeta {
  format: typeof SHARDS_FORMAT;
  version: number;
  /** `OPTIONS_FINGERPRINT` of the build. */
  options: string;
  /** `corpusFingerprint` of the corpus indexed. */
  corpus: string;
  /** Protected words that occur in the corpus (query analysis). */
  protected: string[];
  /** Where the other files are, relative to this one (`search/`). */
  base: string;
  /** BM25, corpus-wide: indexed units and the average length of each field (by field id). */
  documentCount: number;
  avgFieldLength: number[];
  /** Unit numbering (units.ts): total, first statement, first entity. */
  units: number;
  firstStatement: number;
  firstEntity: number;
  /** Term shards: key → file. */
  terms: Record<string, string>;
  /** Every term, by length in UTF-16 units (fuzzy matching reads the lengths within reach): length → file. */
  lexicon: Record<string, string>;
  /** Entity files, `entitiesPerFile` entities each, in unit order. */
  entitiesPerFile: number;
  entities: string[];
  /** Sentences and statements of each document, in order: a unit's document is found from them. */
  sentences: number[];
  statements: number[];
  /** Document files: `docFile` with `{i}` replaced by the document's index (one digest for all). */
  docFile: string;
}

/** Postings of one term in one field: unit numbers (delta-coded), term frequencies ([] when all 1), field lengths. */
export type FieldPostings = [field: number, units: number[], tf: number[], lengths: number[]];

/** A term shard. */
export interface TermShard {
  terms: [term: string, fields: FieldPostings[]][];
}

/** A lexicon file: terms of one length, sorted. */
export interface LexiconShard {
  terms: string[];
}

/**
 * An entity in brief: id, type, label, names, its mention count, the mention shown for it (the first
 * that names it, else the first: `[doc, start, end, indirect]`, or null) and that document's id, and
 * the file of its mentions (`MentionShard`), fetched only when a query names it or filters by document or date.
 */
export type EntityRecord = [
  id: string,
  type: string,
  label: { ar?: string; en?: string },
  names: string[],
  count: number,
  first: [doc: number, start: number, end: number, indirect: number] | null,
  firstDoc: string,
  mentions: string,
];

/**
 * One entity's mentions, `[doc (delta), start, end, indirect]` flattened, and the units they sit in
 * (mentions.ts): `[unit (delta, sorted), mention]` flattened, `mention` an index into the first list.
 */
export interface MentionShard {
  mentions: number[];
  entries: number[];
}

/**
 * Answers the query lexicon gives while analysing a file's words (its text, its names): terms that are
 * in the index and terms that are not. Highlighting re-analyses a hit's words; with these it needs no
 * term shard to know whether وقال keeps its و.
 */
export interface Facts {
  known: string[];
  unknown: string[];
}

export interface EntityShard extends Facts {
  entities: EntityRecord[];
}

/** A statement: id, speaker, span, and its time (start, end). */
export type StatementRecord = [
  id: string,
  speaker: string | null,
  start: number,
  end: number,
  from: string | null,
  to: string | null,
];

/** One document's stored fields: what filters, phrases, highlights and the results list read. */
export interface DocShard extends Facts {
  id: string;
  lang: string;
  title: string;
  date: string | null;
  text: string;
  /** Sentences `[start, end, head]` flattened (head 1 for the headline and subheadings). */
  sentences: number[];
  statements: StatementRecord[];
}

/** The shard that holds `term` (it may not be there): the longest key that starts it, or null. */
export function shardOf(term: string, keys: ReadonlySet<string>, maxKey: number): string | null {
  for (let n = Math.min(maxKey, term.length); n > 0; n--) {
    const key = term.slice(0, n);
    if (keys.has(key)) return key;
  }
  return null;
}

/** The shards that hold every term starting with `prefix`: its own, and those of longer keys under it. */
export function shardsOfPrefix(prefix: string, keys: Iterable<string>, own: ReadonlySet<string>, maxKey: number): string[] {
  const out = new Set<string>();
  const mine = shardOf(prefix, own, maxKey);
  if (mine !== null) out.add(mine);
  if (prefix.length < maxKey) for (const key of keys) if (key.length > prefix.length && key.startsWith(prefix)) out.add(key);
  return [...out];
}

/** A 64-bit FNV-1a digest of a text, as 12 hex digits (file names: content-hashed). */
export function digest(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 = (h2 ^ (h2 >>> 15)) >>> 0;
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).slice(0, 12);
}
