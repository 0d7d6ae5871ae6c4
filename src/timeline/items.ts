/**
 * Corpus → timeline items: every statement and event of every document as one flat, sorted
 * list with the facts the timeline draws (lane, honest interval, precision, reported, future,
 * undated). Pure: no runes, no DOM.
 */
import type { Precision } from '../model/schema';
import type { DocDigest, EventDigest, Manifest, StatementDigest, WhenDigest } from '../model/manifest';
import { entityName } from '../reader/names';

/** Lane key for statements whose speaker is neither an entity nor named in the text. */
export const UNKNOWN_LANE = 'unknown';
/** Lane key for events (they have participants, not a speaker). */
export const EVENTS_LANE = 'events';
/** Lane key for the speakers folded together below the top lanes (see lanes.ts). */
export const OTHERS_LANE = 'others';

/** One mark on the timeline. */
export interface TimelineItem {
  /** Statement or event id (unique within the corpus). */
  id: string;
  kind: 'statement' | 'event';
  /** Id of the document that holds it. */
  doc: string;
  /** Lane key: an entity id, `text:<speaker words>`, {@link UNKNOWN_LANE} or {@link EVENTS_LANE}. */
  lane: string;
  /** First day covered (ISO), or null when open towards the past or undated. */
  start: string | null;
  /** Last day covered, inclusive (ISO), or null when open towards the future or undated. */
  end: string | null;
  precision: Precision;
  /** Dated only by the publication date of its document. */
  reported: boolean;
  /** Planned for, or dated after, the publication date. */
  future: boolean;
  /** Not placed on the axis: relative time without an anchor, or no date at all. */
  undated: boolean;
  /** The time expression in the text ("يوم الخميس الماضي"), if any. */
  expr: string | null;
  /** The first words of what was said (statements) or the event's label. */
  label: string;
  /** Where it starts in the document's text: orders items of the same day. */
  offset: number;
  /** Entity id of the speaker, if any. */
  speaker: string | null;
  /** Entity ids this item concerns: speaker, members of a group speaker, every link of the chain, event participants. */
  entities: string[];
}

/** A lane: one speaker (or the unknown-speaker or events lane). */
export interface Lane {
  key: string;
  /** Display name; null for the two special lanes, which the interface names. */
  label: string | null;
  /** Number of items in the lane. */
  count: number;
}

const WORDS = 8;

/** The first `n` words of a text, with an ellipsis when cut. Whitespace is collapsed. */
export function firstWords(text: string, n = WORDS): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const head = words.slice(0, n).join(' ');
  return words.length > n ? `${head}…` : head;
}

/** True when the item has a place on the axis: anchored and with at least one bound. */
function isDated(when: WhenDigest): boolean {
  return !when.relative && (when.start !== null || when.end !== null);
}

/** True when the time lies after the publication date (a plan, a deadline, a promised meeting). */
function isAfter(when: WhenDigest, published: string | null): boolean {
  if (!published) return false;
  const first = when.start ?? when.end;
  return first !== null && first > published;
}

function laneOfStatement(s: StatementDigest): string {
  if (s.speaker) return s.speaker;
  const words = s.speakerText?.trim();
  if (words && s.speakerKind !== 'unnamed') return `text:${words}`;
  return UNKNOWN_LANE;
}

function statementItem(s: StatementDigest, doc: DocDigest): TimelineItem {
  const chainEntities = s.chain ?? [];
  return {
    id: s.id,
    kind: 'statement',
    doc: doc.id,
    lane: laneOfStatement(s),
    start: s.when.start,
    end: s.when.end,
    precision: s.when.precision,
    reported: s.when.reported === true,
    future: isAfter(s.when, doc.meta.date),
    undated: !isDated(s.when),
    expr: s.when.expr ?? null,
    label: s.excerpt,
    offset: s.start,
    speaker: s.speaker,
    // A group speaker (الرئيسان) concerns each of its members.
    entities: [...new Set([...(s.speaker ? [s.speaker] : []), ...(s.speakers ?? []), ...chainEntities])],
  };
}

function eventItem(e: EventDigest, doc: DocDigest): TimelineItem {
  return {
    id: e.id,
    kind: 'event',
    doc: doc.id,
    lane: EVENTS_LANE,
    start: e.when.start,
    end: e.when.end,
    precision: e.when.precision,
    reported: e.when.reported === true,
    future: e.future === true || isAfter(e.when, doc.meta.date),
    undated: !isDated(e.when),
    expr: e.when.expr ?? null,
    label: e.excerpt,
    offset: e.start,
    speaker: null,
    entities: [...new Set(e.participants)],
  };
}

/**
 * Time order: earliest first (open-start items by their end), then document, then position in the
 * text, so many statements of one day read in the order the article tells them. Undated last.
 */
export function compareItems(a: TimelineItem, b: TimelineItem): number {
  if (a.undated !== b.undated) return a.undated ? 1 : -1;
  const ta = a.start ?? a.end ?? '';
  const tb = b.start ?? b.end ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.doc !== b.doc) return a.doc < b.doc ? -1 : 1;
  if (a.offset !== b.offset) return a.offset - b.offset;
  return a.kind === b.kind ? 0 : a.kind === 'statement' ? -1 : 1;
}

/**
 * Each document's items, made once: documents arrive progressively on a large corpus, and the
 * timeline derives again on each arrival, so only the new documents' items are built.
 */
const perDocument = new WeakMap<DocDigest, TimelineItem[]>();

function documentItems(doc: DocDigest): TimelineItem[] {
  let items = perDocument.get(doc);
  if (!items) {
    items = [...doc.statements.map((s) => statementItem(s, doc)), ...doc.events.map((e) => eventItem(e, doc))];
    perDocument.set(doc, items);
  }
  return items;
}

/** The last corpus sorted: when documents are only appended, the new items are merged into it. */
let lastDocs: readonly DocDigest[] = [];
let lastSorted: TimelineItem[] = [];

/**
 * Every statement and event of the corpus as timeline items, in time order (undated last). A corpus
 * that extends the previous call's (the same documents first, more after) costs a sort of the new
 * items and one merge: sorting 126,000 items anew on each arrival took most of a second.
 */
export function timelineItems(corpus: Pick<Manifest, 'documents'>): TimelineItem[] {
  const docs = corpus.documents;
  const extends_ = lastDocs.length > 0 && docs.length >= lastDocs.length && lastDocs.every((d, i) => docs[i] === d);
  const fresh: TimelineItem[] = [];
  for (const doc of extends_ ? docs.slice(lastDocs.length) : docs) for (const it of documentItems(doc)) fresh.push(it);
  fresh.sort(compareItems);
  const sorted = extends_ ? merge(lastSorted, fresh) : fresh;
  lastDocs = [...docs];
  lastSorted = sorted;
  return [...sorted];
}

/** Two sorted lists as one (stable: ties keep `a` first). */
function merge(a: readonly TimelineItem[], b: readonly TimelineItem[]): TimelineItem[] {
  if (b.length === 0) return [...a];
  const out: TimelineItem[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    out[k++] = compareItems(b[j] as TimelineItem, a[i] as TimelineItem) < 0 ? (b[j++] as TimelineItem) : (a[i++] as TimelineItem);
  while (i < a.length) out[k++] = a[i++] as TimelineItem;
  while (j < b.length) out[k++] = b[j++] as TimelineItem;
  return out;
}

/**
 * The lanes of a set of items: named speakers by number of items (most first, ties by name),
 * then the unknown-speaker lane, then events. Labels come from the entity in the interface
 * language (first document that knows it), or the speaker's words.
 */
export function timelineLanes(items: readonly TimelineItem[], corpus: Pick<Manifest, 'entities'>, lang: 'ar' | 'en'): Lane[] {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(it.lane, (counts.get(it.lane) ?? 0) + 1);
  // The manifest's entity table (names merged at build time, first document first).
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  const labelOf = (key: string): string | null => {
    if (key === UNKNOWN_LANE || key === EVENTS_LANE) return null;
    if (key.startsWith('text:')) return key.slice(5);
    const e = entities.get(key);
    return e ? entityName(e, lang) : key;
  };
  const rank = (key: string) => (key === EVENTS_LANE ? 2 : key === UNKNOWN_LANE ? 1 : 0);
  const collator = new Intl.Collator(lang);
  return [...counts]
    .map(([key, count]) => ({ key, label: labelOf(key), count }))
    .sort(
      (a, b) =>
        rank(a.key) - rank(b.key) ||
        b.count - a.count ||
        collator.compare(a.label ?? '', b.label ?? '') ||
        (a.key < b.key ? -1 : 1),
    );
}

/** True when the item concerns the entity: its speaker, a link of its chain, or a participant. */
export function itemConcerns(item: TimelineItem, entity: string): boolean {
  return item.entities.includes(entity);
}

/** Documents whose relative times stay relative because they have no publication date. */
export function undatedDocuments(corpus: Pick<Manifest, 'documents'>): DocDigest[] {
  return corpus.documents.filter((d) => d.meta.date === null && (d.statements.length > 0 || d.events.length > 0));
}
