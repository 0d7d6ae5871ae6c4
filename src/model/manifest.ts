/**
 * The manifest of a split build: what the views that span the corpus need (diagram, timeline,
 * document picker, search filters, links), without any document's text, blocks, sentences or
 * mention offsets. A document's full data is in the chunk file the digest names, fetched when the
 * document is opened (src/app/corpusStore.svelte.ts). Derived from the corpus by `manifestOf`
 * (src/model/digest.ts); documented in docs/corpus-schema.md.
 */
import * as v from 'valibot';
import { EntityTypeSchema, MetaSchema, StatementSchema, WhenSchema } from './schema';
import { SCHEMA_VERSION } from './version';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** An entity once for the whole corpus: its names and roles merged across documents (first document first). */
export const EntityInfoSchema = v.object({
  id: v.string(),
  type: EntityTypeSchema,
  label: v.object({ ar: v.optional(v.string()), en: v.optional(v.string()) }),
  /** Up to 12 aliases, deduplicated, in corpus order. */
  aliases: v.array(v.string()),
  /** Up to 12 role words the texts give it (the role's text only), deduplicated. */
  roles: v.array(v.string()),
  wikidata: v.optional(v.string()),
  nationality: v.optional(v.string()),
});

/** A time as the timeline draws it: the statement's or event's `when`, its expression's words without offsets. */
export const WhenDigestSchema = v.object({
  ...v.omit(WhenSchema, ['expr']).entries,
  /** The time expression's words ("يوم الخميس الماضي"), if any. */
  expr: v.optional(v.string()),
});

/**
 * A statement as the views that span the corpus need it (timeline, diagram, links): who, to whom,
 * when, through whom, and its first words. The cue, the spans and the chain's words are in the
 * full document.
 */
export const StatementDigestSchema = v.object({
  id: v.string(),
  speaker: v.nullable(v.string()),
  /** The speaker's words, when the speaker is not an entity (the timeline's lane). */
  speakerText: v.optional(v.string()),
  speakerKind: StatementSchema.entries.speakerKind,
  speakers: v.optional(v.array(v.string())),
  to: v.optional(v.array(v.string())),
  /** Entity ids of the chain's named links, outermost first. */
  chain: v.optional(v.array(v.string())),
  direct: v.optional(v.boolean()),
  implicit: v.optional(v.boolean()),
  events: v.optional(v.array(v.string())),
  when: WhenDigestSchema,
  /** Where the statement starts in the text (orders statements of one day). */
  start: count,
  /** The first words of what was said, cut at build time (the timeline's label). */
  excerpt: v.string(),
});

export const EventDigestSchema = v.object({
  id: v.string(),
  kind: v.string(),
  participants: v.array(v.string()),
  when: WhenDigestSchema,
  future: v.optional(v.boolean()),
  start: count,
  /** The event's label, or the first words of its text. */
  excerpt: v.string(),
});

/**
 * A relation without its evidence's words: `at` holds the evidence offsets as flat pairs
 * `[start, end, start, end, …]`. The id is `type:source->target` (src/pipeline/relations/collect.ts)
 * and is written only when it is not.
 */
export const RelationDigestSchema = v.object({
  id: v.optional(v.string()),
  source: v.string(),
  target: v.string(),
  type: v.string(),
  directed: v.optional(v.boolean()),
  weight: v.optional(v.number()),
  count: v.optional(count),
  at: v.array(count),
});

/** One document without its text. */
export const DocDigestSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  file: v.string(),
  meta: MetaSchema,
  dir: v.picklist(['rtl', 'ltr']),
  /** The title to list it by: the metadata's, else the title block's text, else the file name. */
  title: v.string(),
  /** Length of the text in UTF-16 code units (a linked passage must fall inside it). */
  length: count,
  /** Index in the manifest's `chunks` of the file that holds the full document. */
  chunk: count,
  /** Entity id → mentions in this document, in the document's entity order. */
  mentions: v.record(v.string(), count),
  relations: v.array(RelationDigestSchema),
  statements: v.array(StatementDigestSchema),
  events: v.array(EventDigestSchema),
});

export const ManifestSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  generator: v.string(),
  /** The chunk files, relative to the site's root (`data/corpus-<sha>.json`); empty when the documents are inline. */
  chunks: v.array(v.string()),
  /** Every entity of the corpus, in order of first mention. */
  entities: v.array(EntityInfoSchema),
  documents: v.array(DocDigestSchema),
});

export type EntityInfo = v.InferOutput<typeof EntityInfoSchema>;
export type StatementDigest = v.InferOutput<typeof StatementDigestSchema>;
export type EventDigest = v.InferOutput<typeof EventDigestSchema>;
export type RelationDigest = v.InferOutput<typeof RelationDigestSchema>;
export type WhenDigest = v.InferOutput<typeof WhenDigestSchema>;
export type DocDigest = v.InferOutput<typeof DocDigestSchema>;
export type Manifest = v.InferOutput<typeof ManifestSchema>;
