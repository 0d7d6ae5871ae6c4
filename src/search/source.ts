/**
 * What the searcher reads besides the postings: units, entities, documents' ids and dates, statements,
 * units' text and where entity mentions sit. Two sources: the corpus itself (`CorpusSource`: the build,
 * the CLI, the one-file page) and the sharded index's stored fields, fetched as queries need them
 * (`ShardStore`, shardStore.ts: the worker, which holds no corpus).
 */
import type { Corpus, Statement } from '../model/schema';
import type { MentionUnits } from './mentions';
import type { EntityRef, MentionRef, Unit, Units } from './units';

/** An entity's mentions in brief: how many, and the first that names it (else the first), with its document's id. */
export interface EntitySummary {
  count: number;
  first?: MentionRef;
  firstDoc: string;
}

/** The summary of a list of mentions (`docId` gives a document's id). */
export function summarize(mentions: readonly MentionRef[], docId: (doc: number) => string): EntitySummary {
  const first = mentions.find((m) => !m.indirect) ?? mentions[0];
  return { count: mentions.length, ...(first ? { first } : {}), firstDoc: first ? docId(first.doc) : '' };
}

/** What a statement filter and a statement hit need. */
export type StatementInfo = Pick<Statement, 'id' | 'speaker' | 'start' | 'end' | 'when'>;

/** Where entity mentions sit among the units (mentions.ts), as the searcher reads it. */
export interface MentionTable {
  /** Entries of entity `e`: `[from, to)`. */
  range(e: number): [number, number];
  readonly unit: ArrayLike<number>;
  readonly indirect: ArrayLike<number>;
  readonly entity: ArrayLike<number>;
  readonly start: ArrayLike<number>;
  readonly end: ArrayLike<number>;
  /** Entry numbers of the mentions inside a unit (complete for every entity whose range was read). */
  inUnit(unit: number): Iterable<number>;
}

/** What a hit carries for display when the page has no corpus to draw it from (the sharded index). */
export interface HitDisplay {
  /** The unit's text: `start … end` of the document's text. */
  text?: string;
  /** The document's title and language. */
  title?: string;
  lang?: string;
}

export interface SearchSource {
  readonly size: number;
  readonly firstStatement: number;
  readonly firstEntity: number;
  unit(id: number): Unit;
  /** An entity's id, type, label and names (its `mentions` may be left empty: see `entityMentions`). */
  entity(index: number): EntityRef;
  /** Every mention of an entity (filters by document or date read them). */
  entityMentions(index: number): readonly MentionRef[];
  entitySummary(index: number): EntitySummary;
  /** The unit's text (passage or statement span). */
  text(id: number): string;
  docId(doc: number): string;
  docDate(doc: number): string | null | undefined;
  statement(doc: number, ref: number): StatementInfo;
  statements(doc: number): readonly StatementInfo[];
  readonly mentions: MentionTable;
  /** Display fields of a span hit (only sources without a corpus on the page give them). */
  display?(id: number): HitDisplay;
}

/** The corpus in hand, with its units and mention table (the engine as it always ran). */
export class CorpusSource implements SearchSource {
  readonly size: number;
  readonly firstStatement: number;
  readonly firstEntity: number;

  constructor(
    private readonly corpus: Corpus,
    private readonly u: Units,
    readonly mentions: MentionUnits,
  ) {
    this.size = u.units.length;
    this.firstStatement = u.firstStatement;
    this.firstEntity = u.firstEntity;
  }

  unit(id: number): Unit {
    return this.u.units[id]!;
  }

  entity(index: number): EntityRef {
    return this.u.entities[index]!;
  }

  entityMentions(index: number): readonly MentionRef[] {
    return this.u.entities[index]!.mentions;
  }

  entitySummary(index: number): EntitySummary {
    return summarize(this.u.entities[index]!.mentions, (d) => this.docId(d));
  }

  text(id: number): string {
    const unit = this.u.units[id]!;
    return this.corpus.documents[unit.doc]!.text.slice(unit.start, unit.end);
  }

  docId(doc: number): string {
    return this.corpus.documents[doc]?.id ?? '';
  }

  docDate(doc: number): string | null | undefined {
    return this.corpus.documents[doc]?.meta.date;
  }

  statement(doc: number, ref: number): StatementInfo {
    return this.corpus.documents[doc]!.statements[ref]!;
  }

  statements(doc: number): readonly StatementInfo[] {
    return this.corpus.documents[doc]!.statements;
  }
}
