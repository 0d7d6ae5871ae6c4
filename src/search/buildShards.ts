/**
 * Build-time half of the sharded index (format in shards.ts): the same MiniSearch index as
 * `buildSearchBundle`, written as a small meta file and files fetched on demand: term shards (postings
 * with each unit's field length, so BM25 needs nothing else), term lists by length (fuzzy matching),
 * entity files (names, mentions and the units they sit in) and one file per document (its text and
 * what filters read). The main build's worker reads them (shardStore.ts); the one-file build keeps the
 * single bundle.
 */
import type { Corpus } from '../model/schema';
import { Analyzer, tokenize } from './analyze';
import { buildIndex } from './build';
import { OPTIONS_FINGERPRINT } from './engine';
import { queryLexicon } from './lexicon';
import { mentionUnits } from './mentions';
import {
  digest,
  SHARDS_FORMAT,
  SHARDS_VERSION,
  type DocShard,
  type EntityRecord,
  type Facts,
  type FieldPostings,
  type SearchMeta,
  type StatementRecord,
} from './shards';
import { summarize } from './source';
import { corpusFingerprint } from './units';

export interface ShardOptions {
  /** A key's shard is split by one more letter while its JSON is longer than this (characters). */
  maxShardChars?: number;
  /** Longest key (UTF-16 units). */
  maxKey?: number;
  entitiesPerFile?: number;
  /** Where the files are, relative to the meta file. */
  base?: string;
}

/** Raw JSON of about 240,000 characters gzips to under 100 KB (postings are digits and commas). */
const DEFAULTS = { maxShardChars: 240_000, maxKey: 4, entitiesPerFile: 64, base: 'search/' };

export interface ShardedIndex {
  meta: SearchMeta;
  /** The meta file's JSON. */
  metaJson: string;
  /** Every other file: name (relative to `base`) → JSON. */
  files: Map<string, string>;
}

type Plain = ReturnType<ReturnType<typeof buildIndex>['index']['toJSON']>;

/** One term's postings, units sorted and delta-coded, with each unit's length in the field. */
function termEntry(
  term: string,
  data: Plain['index'][number][1],
  unitOf: (short: string) => number,
  plain: Plain,
): [string, FieldPostings[]] {
  const fields: FieldPostings[] = [];
  for (const fid of Object.keys(data).sort((a, b) => +a - +b)) {
    const postings = Object.entries(data[fid]!)
      .map(([short, tf]) => [unitOf(short), tf, plain.fieldLength[short]![+fid]!] as const)
      .sort((a, b) => a[0] - b[0]);
    if (postings.length === 0) continue;
    const units: number[] = [];
    let last = 0;
    for (const [u] of postings) {
      units.push(u - last);
      last = u;
    }
    const tf = postings.some((p) => p[1] !== 1) ? postings.map((p) => p[1]) : [];
    fields.push([+fid, units, tf, postings.map((p) => p[2])]);
  }
  return [term, fields];
}

/** Splits terms into shards by first letters, a key at a time, while a shard is too large. */
function splitByKey(entries: [string, string][], maxChars: number, maxKey: number): Map<string, [string, string][]> {
  const out = new Map<string, [string, string][]>();
  const size = (items: [string, string][]) => items.reduce((n, [, json]) => n + json.length + 1, 0);
  const place = (key: string, items: [string, string][]) => {
    if (items.length === 0) return;
    if (key.length >= maxKey || size(items) <= maxChars) {
      out.set(key, items);
      return;
    }
    // Terms that are the key itself stay under it; the rest go one letter deeper.
    const children = new Map<string, [string, string][]>();
    const exact: [string, string][] = [];
    for (const item of items) {
      if (item[0].length === key.length) exact.push(item);
      else {
        const child = item[0].slice(0, key.length + 1);
        const list = children.get(child) ?? [];
        list.push(item);
        children.set(child, list);
      }
    }
    if (exact.length) out.set(key, exact);
    for (const [child, list] of children) place(child, list);
  };
  const first = new Map<string, [string, string][]>();
  for (const item of entries) {
    const key = item[0].slice(0, 1);
    const list = first.get(key) ?? [];
    list.push(item);
    first.set(key, list);
  }
  for (const [key, list] of first) place(key, list);
  return out;
}

/** Builds the sharded index of a corpus (`protectedNames` as for `buildSearchBundle`). */
export function buildSearchShards(corpus: Corpus, protectedNames: string[], options: ShardOptions = {}): ShardedIndex {
  const o = { ...DEFAULTS, ...options };
  const { index, units: u, shipped } = buildIndex(corpus, protectedNames);
  const plain = index.toJSON();
  const files = new Map<string, string>();
  const add = (prefix: string, json: string) => {
    const name = `${prefix}-${digest(json)}.json`;
    files.set(name, json);
    return name;
  };
  const unitOf = (short: string) => plain.documentIds[short] as number;
  /** The document of a passage or statement unit. */
  const docOfUnit = (unit: number) => u.units[unit]!.doc;

  // The browser's lexicon (a term of the index is known), recording what analysing a word asks of it.
  const tree = (index as unknown as { _index: { has(t: string): boolean } })._index;
  let asking: Map<string, boolean> | null = null;
  const lexicon = queryLexicon((t) => {
    const yes = tree.has(t);
    asking?.set(t, yes);
    return yes;
  }, shipped);
  const analyzer = new Analyzer(lexicon);
  const asked = new Map<string, Map<string, boolean>>();
  const factsOf = (texts: string[]): Facts => {
    const all = new Map<string, boolean>();
    for (const text of texts) {
      for (const t of tokenize(text)) {
        let a = asked.get(t.text);
        if (!a) {
          asking = a = new Map();
          analyzer.forms(t.text);
          asking = null;
          asked.set(t.text, a);
        }
        for (const [term, yes] of a) all.set(term, yes);
      }
    }
    const sorted = [...all.keys()].sort();
    return { known: sorted.filter((t) => all.get(t)), unknown: sorted.filter((t) => !all.get(t)) };
  };

  // Terms, sorted (code units), then split by key.
  const entries: [string, string][] = plain.index
    .map(([term, data]) => termEntry(term, data, unitOf, plain))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((entry) => [entry[0], JSON.stringify(entry)]);
  const shards = splitByKey(entries, o.maxShardChars, o.maxKey);
  const terms: Record<string, string> = {};
  for (const key of [...shards.keys()].sort()) {
    terms[key] = add(
      't',
      `{"terms":[${shards
        .get(key)!
        .map(([, json]) => json)
        .join(',')}]}`,
    );
  }

  // Every term by length, for fuzzy matching.
  const byLength = new Map<number, string[]>();
  for (const [term] of entries) {
    const list = byLength.get(term.length) ?? [];
    list.push(term);
    byLength.set(term.length, list);
  }
  const lengths: Record<string, string> = {};
  for (const length of [...byLength.keys()].sort((a, b) => a - b)) {
    lengths[length] = add(`l${length}`, JSON.stringify({ terms: byLength.get(length)! }));
  }

  // Entities in brief, by `entitiesPerFile`; each one's mentions and the units they sit in, in a file of its own.
  const mu = mentionUnits(corpus, u);
  const records: EntityRecord[] = u.entities.map((e, i) => {
    const mentions: number[] = [];
    let lastDoc = 0;
    const index = new Map<string, number>();
    e.mentions.forEach((m, k) => {
      mentions.push(m.doc - lastDoc, m.start, m.end, m.indirect ? 1 : 0);
      lastDoc = m.doc;
      index.set(`${m.doc}:${m.start}:${m.end}`, k);
    });
    const [from, to] = mu.range(i);
    const pairs: [number, number][] = [];
    for (let k = from; k < to; k++) {
      const doc = docOfUnit(mu.unit[k]!);
      pairs.push([mu.unit[k]!, index.get(`${doc}:${mu.start[k]}:${mu.end[k]}`)!]);
    }
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const entries: number[] = [];
    let lastUnit = 0;
    for (const [unit, m] of pairs) {
      entries.push(unit - lastUnit, m);
      lastUnit = unit;
    }
    const file = add('m', JSON.stringify({ mentions, entries }));
    const summary = summarize(e.mentions, (d) => corpus.documents[d]?.id ?? '');
    const f = summary.first;
    return [
      e.id,
      e.type,
      e.label,
      e.names,
      summary.count,
      f ? [f.doc, f.start, f.end, f.indirect ? 1 : 0] : null,
      summary.firstDoc,
      file,
    ];
  });
  const entities: string[] = [];
  for (let i = 0; i < records.length; i += o.entitiesPerFile) {
    const slice = records.slice(i, i + o.entitiesPerFile);
    entities.push(add('n', JSON.stringify({ entities: slice, ...factsOf(slice.flatMap((r) => r[3])) })));
  }

  // One file per document, named by one digest of them all (a file list of 10,000 digests would outweigh the meta).
  const docs = corpus.documents.map((doc) => {
    const first = doc.blocks[0];
    const heads = doc.sentences.flatMap((s) => {
      const kind = doc.blocks[s.block]?.kind;
      return [s.start, s.end, kind === 'title' || kind === 'subhead' ? 1 : 0];
    });
    const statements = doc.statements.map((st): StatementRecord => [
      st.id,
      st.speaker ?? null,
      st.start,
      st.end,
      st.when.start ?? null,
      st.when.end ?? null,
    ]);
    const shard: DocShard = {
      id: doc.id,
      lang: doc.meta.lang,
      title: doc.meta.title ?? (first ? doc.text.slice(first.start, first.end) : doc.file),
      date: doc.meta.date ?? null,
      text: doc.text,
      sentences: heads,
      statements,
      ...factsOf([doc.text]),
    };
    return JSON.stringify(shard);
  });
  const docFile = `d-${digest(docs.map((d) => digest(d)).join(''))}-{i}.json`;
  docs.forEach((json, i) => files.set(docFile.replace('{i}', String(i)), json));

  const meta: SearchMeta = {
    format: SHARDS_FORMAT,
    version: SHARDS_VERSION,
    options: OPTIONS_FINGERPRINT,
    corpus: corpusFingerprint(corpus),
    protected: [...shipped].sort(),
    base: o.base,
    documentCount: plain.documentCount,
    avgFieldLength: plain.averageFieldLength,
    units: u.units.length,
    firstStatement: u.firstStatement,
    firstEntity: u.firstEntity,
    terms,
    lexicon: lengths,
    entitiesPerFile: o.entitiesPerFile,
    entities,
    sentences: corpus.documents.map((d) => d.sentences.length),
    statements: corpus.documents.map((d) => d.statements.length),
    docFile,
  };
  return { meta, metaJson: JSON.stringify(meta), files };
}
