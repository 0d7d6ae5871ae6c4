/**
 * The manifest of a split build: what the views that span the corpus need (diagram, timeline,
 * document picker, search filters, links), without any document's text, blocks, sentences or
 * mention offsets. A document's full data is in the chunk file the digest names, fetched when the
 * document is opened (src/app/corpusStore.svelte.ts). Derived from the corpus by `manifestOf`
 * (src/model/digest.ts); documented in docs/corpus-schema.md.
 */
import * as v from 'valibot';
import { EventSchema, MetaSchema, RelationSchema, EntityTypeSchema, StatementSchema } from './schema';
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

/** A statement as the views that span the corpus need it: the statement's fields plus its first words. */
export const StatementDigestSchema = v.object({
  ...StatementSchema.entries,
  /** The first words of what was said, cut at build time (the timeline's label). */
  excerpt: v.string(),
});

export const EventDigestSchema = v.object({
  ...EventSchema.entries,
  /** The event's label, or the first words of its text. */
  excerpt: v.string(),
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
  relations: v.array(RelationSchema),
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
export type DocDigest = v.InferOutput<typeof DocDigestSchema>;
export type Manifest = v.InferOutput<typeof ManifestSchema>;
