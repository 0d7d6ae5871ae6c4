/**
 * Scores one query word straight from a loaded MiniSearch index's postings, with the same BM25
 * formula, weights and boosts as `MiniSearch.search`, but into reusable typed arrays instead of one
 * result object per matching document: at 10,000 articles a common word matches tens of thousands of
 * sentences, and building, combining and sorting those objects was most of a keystroke's time.
 *
 * It reads MiniSearch's internals (`_index`, `_fieldIds`, `_fieldLength`, `_avgFieldLength`,
 * `_documentCount`, `_documentIds`, `_nextId`), stable since v6 and pinned by the tests that compare it with
 * `MiniSearch.search` (tests/unit/searchPostings.test.ts).
 */
import type MiniSearch from 'minisearch';
import { drain, type Steps } from './steps';

/** Postings of one term: field id → (short document id → term frequency). */
type FieldData = Map<number, Map<number, number>>;

/** What scoring reads of the term dictionary: MiniSearch's radix tree, or the sharded index's (shardStore.ts). */
export interface TermTree {
  get(term: string): FieldData | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldData]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldData, number]>;
}

/** Everything BM25 needs corpus-wide, for an index that is not a loaded MiniSearch (the sharded index). */
export interface PostingsParts {
  tree: TermTree;
  fieldIds: Record<string, number>;
  fields: string[];
  boost: Record<string, number>;
  avgFieldLength: number[];
  documentCount: number;
}

/** Code-unit order: prefix and fuzzy terms are summed in it, so every tree (whatever its insertion order) gives the same floats. */
const byTerm = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

interface Internals {
  _index: TermTree;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _nextId: number;
  _options: { fields: string[]; searchOptions?: { boost?: Record<string, number> } };
}

/** MiniSearch's defaults (the index sets none of its own). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** One sub-query of a word, as MiniSearch would run it. */
export interface TermQuery {
  term: string;
  /** Which query term it stands for (bit 1: the word as typed, bit 2: its stem): a document's score is multiplied by how many it matched. */
  source: 1 | 2;
  /** `boostTerm` of the term. */
  boost: number;
  prefix?: boolean;
  /** Maximum edit distance for fuzzy matching. */
  fuzzy?: number;
  /** Restricts the sub-query to these fields. */
  fields?: string[];
}

/** The scores of one word; arrays are indexed by unit number and reused across searches. */
export interface WordScores {
  /** Units with a score, in no order. */
  touched: number[];
  /** Score per unit (already multiplied by the number of query terms matched). */
  score: Float64Array;
  /** Index terms matched in all fields (not the name-only sub-queries), for highlighting. */
  terms: Set<string>;
  /** Index terms matched per entity unit (units from `firstEntity` on). */
  entityTerms: Map<number, Set<string>>;
}

/** Scores words against one loaded index. */
export class Postings {
  private readonly tree: TermTree;
  private readonly fieldIds: Record<string, number>;
  private readonly fields: string[];
  private readonly boost: Record<string, number>;
  private readonly avg: number[];
  private readonly count: number;
  /** Field length by field id, then short id. */
  private readonly lengths: Float64Array[];
  /** Unit number of each short id (-1: none). */
  private readonly unitOf: Int32Array;
  private readonly sources: Uint8Array;
  private readonly out: WordScores;
  /** Postings (one term, one field) → their units and BM25 parts; a field's postings belong to one term. */
  private readonly parts = new WeakMap<Map<number, number>, TermParts>();

  /**
   * Postings over an index whose units are numbered as short ids (the sharded index): field lengths
   * arrive with the postings (`setLength`), as shards are loaded.
   */
  static fromParts(parts: PostingsParts, units: number, firstEntity: number): Postings {
    return new Postings(parts, units, firstEntity, false);
  }

  /** A unit's length in a field (the sharded index stores it beside each posting). */
  setLength(fieldId: number, unit: number, length: number): void {
    this.lengths[fieldId]![unit] = length;
  }

  /** `new Postings` in steps (see steps.ts): filling the per-document arrays is a pass over every unit. */
  static *steps(index: MiniSearch<{ id: number }>, units: number, firstEntity: number): Steps<Postings> {
    const postings = new Postings(index, units, firstEntity, false);
    yield* postings.fill(index as unknown as Internals, units);
    return postings;
  }

  constructor(
    index: MiniSearch<{ id: number }> | PostingsParts,
    units: number,
    private readonly firstEntity: number,
    fill = true,
  ) {
    if ('tree' in index) {
      this.tree = index.tree;
      this.fieldIds = index.fieldIds;
      this.fields = index.fields;
      this.boost = index.boost;
      this.avg = index.avgFieldLength;
      this.count = index.documentCount;
      // Short ids are unit numbers.
      this.unitOf = Int32Array.from({ length: units }, (_, i) => i);
      this.lengths = this.fields.map(() => new Float64Array(units));
      this.sources = new Uint8Array(units);
      this.out = { touched: [], score: new Float64Array(units), terms: new Set(), entityTerms: new Map() };
      return;
    }
    const ms = index as unknown as Internals;
    this.tree = ms._index;
    this.fieldIds = ms._fieldIds;
    this.fields = ms._options.fields;
    this.boost = ms._options.searchOptions?.boost ?? {};
    this.avg = ms._avgFieldLength;
    this.count = ms._documentCount;
    const size = ms._nextId;
    this.unitOf = new Int32Array(size).fill(-1);
    this.lengths = this.fields.map(() => new Float64Array(size));
    this.sources = new Uint8Array(units);
    this.out = { touched: [], score: new Float64Array(units), terms: new Set(), entityTerms: new Map() };
    if (fill) drain(this.fill(ms, units));
  }

  private *fill(ms: Internals, units: number): Steps<void> {
    let n = 0;
    for (const [short, id] of ms._documentIds) {
      if (typeof id === 'number' && id < units && short < this.unitOf.length) this.unitOf[short] = id;
      if (++n % 4096 === 0) yield;
    }
    for (const [short, lengths] of ms._fieldLength) {
      for (let field = 0; field < lengths.length; field++) {
        const column = this.lengths[field];
        if (column && short < column.length) column[short] = lengths[field]!;
      }
      if (++n % 4096 === 0) yield;
    }
  }

  /**
   * Scores one word's sub-queries (combined with OR, as `MiniSearch.search` does). The result is
   * valid until the next call: read it, then call `clear`.
   */
  score(queries: TermQuery[]): WordScores {
    const out = this.out;
    for (const q of queries) {
      const fields = q.fields ?? this.fields;
      const highlight = !q.fields;
      this.add(q, q.term, 1, this.tree.get(q.term), fields, highlight);
      const prefixed = new Set<string>();
      if (q.prefix) {
        for (const [term, data] of [...this.tree.atPrefix(q.term)].sort(byTerm)) {
          const distance = term.length - q.term.length;
          if (!distance) continue;
          prefixed.add(term);
          this.add(q, term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance), data, fields, highlight);
        }
      }
      if (q.fuzzy) {
        for (const [term, [data, distance]] of [...this.tree.fuzzyGet(q.term, q.fuzzy)].sort(byTerm)) {
          if (!distance || prefixed.has(term)) continue;
          this.add(q, term, (FUZZY_WEIGHT * term.length) / (term.length + distance), data, fields, highlight);
        }
      }
    }
    for (const u of out.touched) {
      const s = this.sources[u]!;
      if (s === 3) out.score[u]! *= 2;
    }
    return out;
  }

  /** Resets the arrays for the next word. */
  clear(): void {
    const out = this.out;
    for (const u of out.touched) {
      out.score[u] = 0;
      this.sources[u] = 0;
    }
    out.touched = [];
    out.terms = new Set();
    out.entityTerms = new Map();
  }

  private add(q: TermQuery, term: string, weight: number, data: FieldData | undefined, fields: string[], highlight: boolean) {
    if (!data) return;
    const out = this.out;
    for (const field of fields) {
      const fid = this.fieldIds[field];
      if (fid === undefined) continue;
      const freqs = data.get(fid);
      if (!freqs || freqs.size === 0) continue;
      if (highlight) out.terms.add(term);
      const df = freqs.size;
      const idf = Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
      const factor = weight * q.boost * (this.boost[field] || 1) * idf;
      const { units, parts } = this.termInField(freqs, fid);
      for (let i = 0; i < units.length; i++) {
        const unit = units[i]!;
        const s = factor * parts[i]!;
        if (this.sources[unit] === 0) out.touched.push(unit);
        out.score[unit]! += s;
        this.sources[unit]! |= q.source;
        if (unit >= this.firstEntity) {
          let set = out.entityTerms.get(unit);
          if (!set) out.entityTerms.set(unit, (set = new Set()));
          set.add(term);
        }
      }
    }
  }

  /**
   * A term's postings in one field as units and the part of BM25 that depends on the unit alone
   * (the same expression as before, so the same floats), worked out once per term: typing one more
   * letter of a word scores the terms under the shorter prefix again, and reading a Map of postings
   * (an entry array per posting) was the costliest step of a keystroke at 10,000 documents. Keyed by
   * the postings' Map, which a loaded index never changes (the size is checked all the same).
   */
  private termInField(freqs: Map<number, number>, fid: number): TermParts {
    const known = this.parts.get(freqs);
    if (known && known.size === freqs.size) return known;
    const { k, b, d } = BM25;
    const avg = this.avg[fid]!;
    const lengths = this.lengths[fid]!;
    const units = new Int32Array(freqs.size);
    const parts = new Float64Array(freqs.size);
    let n = 0;
    for (const [short, tf] of freqs) {
      const unit = this.unitOf[short] ?? -1;
      if (unit < 0) continue;
      units[n] = unit;
      parts[n++] = d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[short]!) / avg));
    }
    const made = { units: units.subarray(0, n), parts: parts.subarray(0, n), size: freqs.size };
    this.parts.set(freqs, made);
    return made;
  }
}

/** A term's postings in one field, ready to score (see `termInField`). */
interface TermParts {
  units: Int32Array;
  parts: Float64Array;
  /** The postings' size when made. */
  size: number;
}
