/**
 * The sharded index in the worker: the meta file at start, then each file when a query first needs
 * it, kept for the session. It is the searcher's term dictionary (`TermTree`) and its `SearchSource`.
 *
 * How a query learns what it needs: the searcher runs as usual; whatever it reads that is not loaded
 * yet (a term's shard, the term lists for fuzzy matching, an entity, a document) is noted as missing
 * and answered as absent. A run that missed something is thrown away with every cache entry it made; the
 * missing files are fetched (together, each once, shared by concurrent queries) and the query is run
 * again, until a run misses nothing. A run that misses nothing read only loaded data, so its answer is
 * the one the whole index gives (tests/unit/searchShards.test.ts compares them).
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { EntityType } from '../model/schema';
import { BOOST, FIELDS } from './engine';
import { Columns } from './mentions';
import { Postings, type TermTree } from './postings';
import {
  shardOf,
  shardsOfPrefix,
  SHARDS_FORMAT,
  SHARDS_VERSION,
  type DocShard,
  type EntityRecord,
  type EntityShard,
  type FieldPostings,
  type MentionShard,
  type Facts,
  type LexiconShard,
  type SearchMeta,
  type TermShard,
} from './shards';
import type { EntitySummary, HitDisplay, MentionTable, SearchSource, StatementInfo } from './source';
import type { EntityRef, MentionRef, Unit } from './units';

/** Fetches and parses a JSON file; throws when it cannot. */
export type FetchJson = (url: string) => Promise<unknown>;

type FieldData = Map<number, Map<number, number>>;

/** Fetches JSON with the platform's `fetch`; an error names the file. */
export const fetchJson: FetchJson = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Isnad: the search file ${url} answered ${response.status}`);
  return response.json();
};

const NO_ENTITY: EntityRef = { id: '', type: 'other', label: {}, names: [], mentions: [] };
const NO_STATEMENT: StatementInfo = {
  id: '',
  speaker: null,
  start: 0,
  end: 0,
  when: { start: null, end: null, precision: 'unknown' },
};

/** Index of the last start ≤ value in a sorted array of starts. */
function owner(starts: Int32Array, value: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Checks the meta file's format and options; throws an Isnad error naming what differs. */
export function checkMeta(meta: SearchMeta, options: string): void {
  if (meta?.format !== SHARDS_FORMAT || meta.version !== SHARDS_VERSION) {
    throw new Error(
      `Isnad: the search index has format ${meta?.format}/${meta?.version}; this page reads ${SHARDS_FORMAT}/${SHARDS_VERSION}. Rebuild the site.`,
    );
  }
  if (meta.options !== options) {
    throw new Error(
      `Isnad: the search index was built with options "${meta.options}", this page expects "${options}". Rebuild the site.`,
    );
  }
}

export class ShardStore implements SearchSource, TermTree {
  readonly size: number;
  readonly firstStatement: number;
  readonly firstEntity: number;
  readonly postings: Postings;
  /** Files a run asked for that are not loaded (cleared by `loadMissing`). */
  readonly missing = new Set<string>();
  /** Files fetched, in order (the benchmark and the tests). */
  readonly fetched: string[] = [];
  readonly mentions: MentionTable;

  private readonly keys: Set<string>;
  private readonly maxKey: number;
  private readonly loaded = new Set<string>();
  private readonly pending = new Map<string, Promise<void>>();
  /** Terms of the loaded shards: their postings as stored until a query first reads them (most never are). */
  private readonly terms = new SearchableMap<FieldData | FieldPostings[]>();
  private readonly lexicon = new SearchableMap<true>();
  private readonly entities: (EntityRef | undefined)[];
  private readonly records: (EntityRecord | undefined)[];
  private readonly entityMentionList = new Map<number, MentionRef[]>();
  /** Mention file → entity index. */
  private readonly mentionFiles = new Map<string, number>();
  private readonly docs: (DocShard | undefined)[];
  private readonly sentenceStart: Int32Array;
  private readonly statementStart: Int32Array;
  private readonly table = new ShardMentions(this);
  /** The lexicon's answers that came with loaded documents and entities (shards.ts, `Facts`). */
  private readonly facts = new Map<string, boolean>();

  constructor(
    readonly meta: SearchMeta,
    /** The meta file's URL: the others are resolved against it. */
    private readonly metaUrl: string,
    private readonly fetch: FetchJson = fetchJson,
  ) {
    this.size = meta.units;
    this.firstStatement = meta.firstStatement;
    this.firstEntity = meta.firstEntity;
    this.keys = new Set(Object.keys(meta.terms));
    this.maxKey = Math.max(0, ...[...this.keys].map((k) => k.length));
    this.entities = new Array<EntityRef | undefined>(meta.units - meta.firstEntity);
    this.records = new Array<EntityRecord | undefined>(meta.units - meta.firstEntity);
    this.docs = new Array<DocShard | undefined>(meta.sentences.length);
    const starts = (counts: number[], base: number) => {
      const out = new Int32Array(counts.length);
      let at = base;
      counts.forEach((n, i) => {
        out[i] = at;
        at += n;
      });
      return out;
    };
    this.sentenceStart = starts(meta.sentences, 0);
    this.statementStart = starts(meta.statements, meta.firstStatement);
    this.mentions = this.table;
    const fieldIds = Object.fromEntries(FIELDS.map((f, i) => [f, i]));
    this.postings = Postings.fromParts(
      {
        tree: this,
        fieldIds,
        fields: [...FIELDS],
        boost: { ...BOOST },
        avgFieldLength: meta.avgFieldLength,
        documentCount: meta.documentCount,
      },
      meta.units,
      meta.firstEntity,
    );
  }

  /** True when the file is loaded; otherwise notes it as missing. */
  private has(file: string): boolean {
    if (this.loaded.has(file)) return true;
    this.missing.add(file);
    return false;
  }

  /** Fetches every missing file (each once; concurrent callers share the fetch). */
  async loadMissing(): Promise<void> {
    const files = [...this.missing];
    this.missing.clear();
    await Promise.all(files.map((f) => this.load(f)));
  }

  /** Loads one file (shared with any concurrent load of it). */
  load(file: string): Promise<void> {
    if (this.loaded.has(file)) return Promise.resolve();
    let p = this.pending.get(file);
    if (!p) {
      const url = new URL(this.meta.base + file, this.metaUrl).href;
      p = this.fetch(url).then(
        (json) => {
          this.fetched.push(file);
          this.apply(file, json);
          this.loaded.add(file);
          this.pending.delete(file);
        },
        (e: unknown) => {
          this.pending.delete(file);
          throw new Error(`Isnad: the search file ${file} could not be loaded (${e instanceof Error ? e.message : String(e)})`);
        },
      );
      this.pending.set(file, p);
    }
    return p;
  }

  private apply(file: string, json: unknown): void {
    const kind = file[0];
    const facts = json as Partial<Facts>;
    for (const t of facts.known ?? []) this.facts.set(t, true);
    for (const t of facts.unknown ?? []) this.facts.set(t, false);
    if (kind === 't') {
      for (const [term, fields] of (json as TermShard).terms) this.terms.set(term, fields);
    } else if (kind === 'l') {
      for (const term of (json as LexiconShard).terms) this.lexicon.set(term, true);
    } else if (kind === 'n') {
      const first = this.meta.entities.indexOf(file) * this.meta.entitiesPerFile;
      (json as EntityShard).entities.forEach((record, i) => {
        const [id, type, label, names, , , , mentions] = record;
        this.entities[first + i] = { id, type: type as EntityType, label, names, mentions: [] };
        this.records[first + i] = record;
        this.mentionFiles.set(mentions, first + i);
      });
    } else if (kind === 'm') {
      const e = this.mentionFiles.get(file)!;
      const { mentions: flat, entries } = json as MentionShard;
      const mentions: MentionRef[] = [];
      let doc = 0;
      for (let k = 0; k < flat.length; k += 4) {
        doc += flat[k]!;
        mentions.push({ doc, start: flat[k + 1]!, end: flat[k + 2]!, ...(flat[k + 3] ? { indirect: true } : {}) });
      }
      this.entityMentionList.set(e, mentions);
      const cols: number[] = [];
      let unit = 0;
      for (let k = 0; k < entries.length; k += 2) {
        unit += entries[k]!;
        const m = mentions[entries[k + 1]!]!;
        cols.push(unit, m.indirect ? 1 : 0, m.start, m.end);
      }
      this.table.add(e, cols);
    } else if (kind === 'd') {
      const doc = Number(/-(\d+)\.json$/.exec(file)![1]);
      this.docs[doc] = json as DocShard;
    }
  }

  // The term dictionary.

  get(term: string): FieldData | undefined {
    const key = shardOf(term, this.keys, this.maxKey);
    if (key === null || !this.has(this.meta.terms[key]!)) return undefined;
    return this.postingsOf(term, this.terms.get(term));
  }

  /** A term's postings as scoring reads them, decoded on first use (with its units' field lengths). */
  private postingsOf(term: string, stored: FieldData | FieldPostings[] | undefined): FieldData | undefined {
    if (stored === undefined || stored instanceof Map) return stored;
    const data: FieldData = new Map();
    for (const [fid, deltas, tfs, lengths] of stored) {
      const docs = new Map<number, number>();
      let unit = 0;
      for (let i = 0; i < deltas.length; i++) {
        unit += deltas[i]!;
        docs.set(unit, tfs.length ? tfs[i]! : 1);
        this.postings.setLength(fid, unit, lengths[i]!);
      }
      data.set(fid, docs);
    }
    this.terms.set(term, data);
    return data;
  }

  /** Is this a term of the index (the query lexicon)? From the term's shard, or from facts that came with a document. */
  hasTerm(term: string): boolean {
    const key = shardOf(term, this.keys, this.maxKey);
    if (key === null) return false;
    if (this.loaded.has(this.meta.terms[key]!)) return this.terms.has(term);
    const fact = this.facts.get(term);
    if (fact !== undefined) return fact;
    this.missing.add(this.meta.terms[key]!);
    return false;
  }

  atPrefix(prefix: string): Iterable<[string, FieldData]> {
    let complete = true;
    for (const key of shardsOfPrefix(prefix, this.keys, this.keys, this.maxKey))
      complete = this.has(this.meta.terms[key]!) && complete;
    if (!complete) return [];
    // Collected before decoding: decoding replaces values in the tree being walked.
    return [...this.terms.atPrefix(prefix)].map(([term, stored]): [string, FieldData] => [term, this.postingsOf(term, stored)!]);
  }

  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldData, number]> {
    const out = new Map<string, [FieldData, number]>();
    let complete = true;
    for (let n = term.length - maxDistance; n <= term.length + maxDistance; n++) {
      const file = this.meta.lexicon[n];
      if (file) complete = this.has(file) && complete;
    }
    if (!complete) return out;
    for (const [match, [, distance]] of this.lexicon.fuzzyGet(term, maxDistance)) {
      const data = this.get(match);
      if (data) out.set(match, [data, distance]);
    }
    return out;
  }

  // The search source.

  private doc(index: number): DocShard | undefined {
    const doc = this.docs[index];
    if (!doc && index >= 0 && index < this.docs.length) this.has(this.meta.docFile.replace('{i}', String(index)));
    return doc;
  }

  /** The entity, or a placeholder (noted as missing). */
  entity(index: number): EntityRef {
    const e = this.entities[index];
    if (e) return e;
    this.has(this.meta.entities[Math.floor(index / this.meta.entitiesPerFile)]!);
    return NO_ENTITY;
  }

  entitySummary(index: number): EntitySummary {
    const r = this.records[index];
    if (!r) {
      this.entity(index);
      return { count: 0, firstDoc: '' };
    }
    const [, , , , count, first, firstDoc] = r;
    if (!first) return { count, firstDoc };
    const [doc, start, end, indirect] = first;
    return { count, first: { doc, start, end, ...(indirect ? { indirect: true } : {}) }, firstDoc };
  }

  /** The entity's mentions (noting its mention file as missing when it is not loaded). */
  entityMentions(index: number): readonly MentionRef[] {
    const list = this.entityMentionList.get(index);
    if (list) return list;
    const r = this.records[index];
    if (r) this.has(r[7]);
    else this.entity(index);
    return [];
  }

  /** True when the entity's mentions are loaded (noting what is missing otherwise). */
  mentionsLoaded(index: number): boolean {
    return this.entityMentionList.has(index) || (this.entityMentions(index), false);
  }

  unit(id: number): Unit {
    if (id >= this.firstEntity) {
      const ref = id - this.firstEntity;
      const first = this.entityMentions(ref)[0];
      return { kind: 'entity', doc: first?.doc ?? -1, start: first?.start ?? 0, end: first?.end ?? 0, ref };
    }
    if (id >= this.firstStatement) {
      const d = owner(this.statementStart, id);
      const ref = id - this.statementStart[d]!;
      const st = this.doc(d)?.statements[ref];
      return { kind: 'statement', doc: d, start: st?.[2] ?? 0, end: st?.[3] ?? 0, ref };
    }
    const d = owner(this.sentenceStart, id);
    const ref = id - this.sentenceStart[d]!;
    const s = this.doc(d)?.sentences;
    if (!s) return { kind: 'passage', doc: d, start: 0, end: 0, ref };
    return { kind: 'passage', doc: d, start: s[ref * 3]!, end: s[ref * 3 + 1]!, ref, head: s[ref * 3 + 2] === 1 };
  }

  text(id: number): string {
    const unit = this.unit(id);
    return this.doc(unit.doc)?.text.slice(unit.start, unit.end) ?? '';
  }

  docId(doc: number): string {
    return this.doc(doc)?.id ?? '';
  }

  docDate(doc: number): string | null | undefined {
    return this.doc(doc)?.date;
  }

  statement(doc: number, ref: number): StatementInfo {
    const st = this.doc(doc)?.statements[ref];
    if (!st) return NO_STATEMENT;
    const [id, speaker, start, end, from, to] = st;
    return { id, speaker, start, end, when: { start: from, end: to, precision: 'unknown' } };
  }

  statements(doc: number): readonly StatementInfo[] {
    const d = this.doc(doc);
    return d ? d.statements.map((_, i) => this.statement(doc, i)) : [];
  }

  display(id: number): HitDisplay {
    const unit = this.unit(id);
    const doc = this.doc(unit.doc);
    return doc ? { text: doc.text.slice(unit.start, unit.end), title: doc.title, lang: doc.lang } : {};
  }
}

/** The mention table of the entities loaded so far (mentions.ts has the whole corpus's). */
class ShardMentions implements MentionTable {
  private readonly cols = new Columns(1024);
  private readonly ranges = new Map<number, [number, number]>();
  private readonly byUnit = new Map<number, number[]>();

  constructor(private readonly store: ShardStore) {}

  get unit() {
    return this.cols.unit;
  }
  get indirect() {
    return this.cols.indirect;
  }
  get entity() {
    return this.cols.entity;
  }
  get start() {
    return this.cols.start;
  }
  get end() {
    return this.cols.end;
  }

  add(e: number, entries: number[]): void {
    const from = this.cols.n;
    for (let k = 0; k < entries.length; k += 4) {
      const unit = entries[k]!;
      const list = this.byUnit.get(unit) ?? [];
      list.push(this.cols.n);
      this.byUnit.set(unit, list);
      this.cols.push(unit, e, entries[k + 1]!, entries[k + 2]!, entries[k + 3]!);
    }
    this.ranges.set(e, [from, this.cols.n]);
  }

  range(e: number): [number, number] {
    const r = this.ranges.get(e);
    if (r) return r;
    this.store.mentionsLoaded(e);
    return [0, 0];
  }

  inUnit(unit: number): Iterable<number> {
    return this.byUnit.get(unit) ?? [];
  }
}
