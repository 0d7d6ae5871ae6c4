/**
 * Where every entity mention sits among the index units, worked out once when the engine loads (not
 * per query): the sentence and the statements that contain it. Stored as flat typed arrays in two
 * orders, by entity (to credit an entity's passages) and by unit (to highlight a hit's mentions).
 */
import type { Corpus } from '../model/schema';
import { drain, type Steps } from './steps';
import type { Units } from './units';

export class MentionUnits {
  /** By entity: entries `byEntity[e] … byEntity[e + 1] - 1`. */
  readonly byEntity: Int32Array;
  /** Per entry: the unit that contains the mention. */
  readonly unit: Int32Array;
  /** Per entry: 1 when the mention is a title or pronoun. */
  readonly indirect: Uint8Array;
  /** Per entry: the entity (index in `Units.entities`) and the mention's offsets in its document. */
  readonly entity: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** By unit: entry numbers `entries[byUnit[u]] … entries[byUnit[u + 1] - 1]`. */
  private readonly byUnit: Int32Array;
  private readonly entries: Int32Array;

  /** Use `mentionUnits` or `mentionUnitsSteps`. */
  constructor(cols: Columns, byEntity: Int32Array, units: number) {
    const n = cols.n;
    this.byEntity = byEntity;
    this.unit = cols.unit.slice(0, n);
    this.entity = cols.entity.slice(0, n);
    this.indirect = cols.indirect.slice(0, n);
    this.start = cols.start.slice(0, n);
    this.end = cols.end.slice(0, n);
    // Counting sort of the entries by unit.
    this.byUnit = new Int32Array(units + 1);
    for (let k = 0; k < n; k++) this.byUnit[this.unit[k]! + 1]!++;
    for (let i = 1; i < this.byUnit.length; i++) this.byUnit[i]! += this.byUnit[i - 1]!;
    const next = this.byUnit.slice(0, -1);
    this.entries = new Int32Array(n);
    for (let k = 0; k < n; k++) this.entries[next[this.unit[k]!]!++] = k;
  }

  /** Entries of entity `e`: `[from, to)`. */
  range(e: number): [number, number] {
    return [this.byEntity[e]!, this.byEntity[e + 1]!];
  }

  /** Entry numbers of the mentions inside a unit. */
  inUnit(unit: number): Int32Array {
    return this.entries.subarray(this.byUnit[unit]!, this.byUnit[unit + 1]!);
  }
}

/** Places every mention of a corpus among its units. */
export function mentionUnits(corpus: Corpus, u: Units): MentionUnits {
  return drain(mentionUnitsSteps(corpus, u));
}

/** `mentionUnits` in steps of a few entities (see steps.ts). */
export function* mentionUnitsSteps(corpus: Corpus, u: Units): Steps<MentionUnits> {
  const sentenceBase: number[] = [];
  const statementBase: number[] = [];
  let base = 0;
  let statements = u.firstStatement;
  for (const doc of corpus.documents) {
    sentenceBase.push(base);
    base += doc.sentences.length;
    statementBase.push(statements);
    statements += doc.statements.length;
  }
  let total = 0;
  for (const e of u.entities) total += e.mentions.length;
  // A mention sits in one sentence and in the statements around it: usually one to three entries.
  const cols = new Columns(Math.max(16, total * 2));
  const byEntity = new Int32Array(u.entities.length + 1);
  let steps = 0;
  for (let ei = 0; ei < u.entities.length; ei++) {
    byEntity[ei] = cols.n;
    for (const m of u.entities[ei]!.mentions) {
      if (++steps % 1024 === 0) yield;
      const doc = corpus.documents[m.doc]!;
      const indirect = m.indirect ? 1 : 0;
      const s = sentenceAt(doc.sentences, m.start);
      if (s >= 0 && m.end <= doc.sentences[s]!.end) cols.push(sentenceBase[m.doc]! + s, ei, indirect, m.start, m.end);
      const sts = doc.statements;
      for (let i = 0; i < sts.length; i++) {
        if (sts[i]!.start <= m.start && m.end <= sts[i]!.end) cols.push(statementBase[m.doc]! + i, ei, indirect, m.start, m.end);
      }
    }
  }
  byEntity[u.entities.length] = cols.n;
  return new MentionUnits(cols, byEntity, u.units.length);
}

/** Growable columns of entries. */
export class Columns {
  n = 0;
  unit: Int32Array;
  entity: Int32Array;
  indirect: Uint8Array;
  start: Int32Array;
  end: Int32Array;

  constructor(private size: number) {
    this.unit = new Int32Array(size);
    this.entity = new Int32Array(size);
    this.indirect = new Uint8Array(size);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
  }

  push(unit: number, entity: number, indirect: number, start: number, end: number) {
    if (this.n === this.size) {
      this.size *= 2;
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(this.size);
        b.set(a);
        return b;
      };
      this.unit = grow(this.unit);
      this.entity = grow(this.entity);
      this.indirect = grow(this.indirect);
      this.start = grow(this.start);
      this.end = grow(this.end);
    }
    const k = this.n++;
    this.unit[k] = unit;
    this.entity[k] = entity;
    this.indirect[k] = indirect;
    this.start[k] = start;
    this.end[k] = end;
  }
}

/** Index of the last sentence starting at or before `offset` (sentences are sorted), or -1. */
function sentenceAt(sentences: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
