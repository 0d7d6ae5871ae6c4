/**
 * The one schema of Isnad's corpus JSON, shared by the build-time pipeline and the browser.
 *
 * Every offset is a pair of UTF-16 code-unit indices `[start, end)` into the document's `text`,
 * which is the seed file's content exactly as written (BOM and front matter removed, nothing
 * else touched: CRLF, NO-BREAK SPACE and bidi marks stay, so evidence can always be quoted
 * verbatim). Normalised forms are stored beside the original, never instead of it.
 *
 * Types are derived from the schema (`v.InferOutput`), so the code cannot drift from it.
 * Documented for humans in docs/corpus-schema.md.
 */
import * as v from 'valibot';

import { SCHEMA_VERSION } from './version';

export { SCHEMA_VERSION };

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'));

/** A half-open range of UTF-16 code units in a document's text. */
export const SpanSchema = v.object({ start: offset, end: offset });

/** A span with the exact words it covers, for display without slicing. */
export const QuotedSpanSchema = v.object({ start: offset, end: offset, text: v.string() });

export const LangSchema = v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'expected a language code'));

/** Facts about a document that its text does not carry: from a sidecar or front matter. */
export const MetaSchema = v.object({
  /** Publication date; null when unknown (relative times then stay relative). */
  date: v.nullable(isoDate),
  lang: LangSchema,
  /** The outlet that published the text, e.g. "SANA". */
  outlet: v.optional(v.string()),
  /** Where the text came from (URL or archive reference). */
  source: v.optional(v.string()),
  /** A title that overrides the first line, when the file has none. */
  title: v.optional(v.string()),
});

export const BlockKindSchema = v.picklist(['title', 'dateline', 'subhead', 'paragraph']);

/** A block of the article's layout: headline, dateline, subheading or paragraph. */
export const BlockSchema = v.object({
  id: v.string(),
  kind: BlockKindSchema,
  start: offset,
  end: offset,
});

/** A sentence inside a block, with its normalised form for search and matching. */
export const SentenceSchema = v.object({
  id: v.string(),
  /** Index of the block that holds it. */
  block: offset,
  start: offset,
  end: offset,
  /** Normalised text (see src/search/normalize.ts); not aligned code unit for code unit. */
  norm: v.string(),
});

export const EntityTypeSchema = v.picklist(['person', 'organization', 'place', 'other']);

export const MentionSchema = v.object({
  start: offset,
  end: offset,
  /** How the mention names the entity: full name, shorter alias, title or role, pronoun/affix. */
  kind: v.optional(v.picklist(['name', 'alias', 'title', 'pronoun'])),
});

/** A role or description the text gives an entity, with its evidence. */
export const RoleSchema = v.object({
  text: v.string(),
  start: offset,
  end: offset,
  /** Entity id of the body the role is held in, when known. */
  of: v.optional(v.string()),
});

export const EntitySchema = v.object({
  /** Stable across rebuilds: derived from the canonical name, never an array index. */
  id: v.pipe(v.string(), v.regex(/^[a-z]+:[^\s]+$/, 'expected type:slug')),
  type: EntityTypeSchema,
  label: v.object({ ar: v.optional(v.string()), en: v.optional(v.string()) }),
  aliases: v.array(v.string()),
  wikidata: v.optional(v.pipe(v.string(), v.regex(/^Q\d+$/))),
  /** Where the entity's identity came from. */
  source: v.optional(v.picklist(['gazetteer', 'rule', 'override'])),
  roles: v.optional(v.array(RoleSchema)),
  /** ISO 3166 code of the person's or body's country, when the gazetteer or the text gives it. */
  nationality: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/))),
  mentions: v.array(MentionSchema),
});

export const RelationSchema = v.object({
  id: v.string(),
  source: v.string(),
  target: v.string(),
  type: v.string(),
  directed: v.optional(v.boolean()),
  /** Weight for drawing: typed relations weigh more than co-occurrence. */
  weight: v.optional(v.number()),
  /** How many places in the document state it (the length of `evidence`). */
  count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  evidence: v.array(SpanSchema),
});

export const PrecisionSchema = v.picklist(['day', 'month', 'year', 'range', 'unknown']);

/** A time as an honest interval, with where it came from. */
export const WhenSchema = v.object({
  start: v.nullable(isoDate),
  end: v.nullable(isoDate),
  precision: PrecisionSchema,
  /** The time expression in the text, if any. */
  expr: v.optional(QuotedSpanSchema),
  /** True when the statement has no time of its own and is dated by publication. */
  reported: v.optional(v.boolean()),
  /** True when the time could not be anchored (no publication date): kept relative. */
  relative: v.optional(v.boolean()),
});

export const ChainLinkSchema = v.object({
  /** Entity id, or null for an unnamed source ("a senior official") or a document. */
  entity: v.nullable(v.string()),
  text: v.string(),
  start: v.optional(offset),
  end: v.optional(offset),
});

export const StatementSchema = v.object({
  /** Stable: derived from the document id and the content's text. */
  id: v.string(),
  /** Entity id of the speaker, or null for a group, a document or an unnamed source. */
  speaker: v.nullable(v.string()),
  speakerText: v.optional(QuotedSpanSchema),
  speakerKind: v.optional(v.picklist(['entity', 'group', 'document', 'unnamed'])),
  /** The reporting cue ("قال", "said", "according to"). */
  cue: v.optional(QuotedSpanSchema),
  /** Span of the whole statement (cue to end of content). */
  start: offset,
  end: offset,
  /** Span of what was said. */
  content: v.optional(SpanSchema),
  direct: v.optional(v.boolean()),
  /** The isnad, outermost first: publisher, then each relay, ending with the speaker. */
  chain: v.optional(v.array(ChainLinkSchema)),
  /** Entity ids the statement is addressed to (an outlet, an audience). */
  to: v.optional(v.array(v.string())),
  when: WhenSchema,
  /** Ids of events the statement is about. */
  events: v.optional(v.array(v.string())),
  /** For a group speaker (speakerKind 'group'): the entity ids it is made of, when known (الرئيسان). */
  speakers: v.optional(v.array(v.string())),
  /** The speaker is not named at the cue (وأضاف، مضيفا، he said): carried on from context. */
  implicit: v.optional(v.boolean()),
});

export const EventSchema = v.object({
  id: v.string(),
  kind: v.string(),
  label: v.optional(v.string()),
  start: offset,
  end: offset,
  participants: v.array(v.string()),
  when: WhenSchema,
  /** Is the event planned for later than the publication? */
  future: v.optional(v.boolean()),
  /** The words that name the event (اتصال هاتفي, phone call). */
  trigger: v.optional(QuotedSpanSchema),
});

export const DocumentSchema = v.object({
  /** Stable: derived from the file's path inside seeds/. */
  id: v.pipe(v.string(), v.minLength(1)),
  /** Path relative to the seeds folder, with forward slashes. */
  file: v.string(),
  meta: MetaSchema,
  dir: v.picklist(['rtl', 'ltr']),
  /** The text exactly as written (BOM and front matter removed). All offsets point here. */
  text: v.string(),
  /** Where `text` starts in the decoded file, in UTF-16 code units (after front matter). */
  textOffset: offset,
  blocks: v.array(BlockSchema),
  sentences: v.array(SentenceSchema),
  entities: v.array(EntitySchema),
  relations: v.array(RelationSchema),
  statements: v.array(StatementSchema),
  events: v.array(EventSchema),
});

export const CorpusSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  generator: v.string(),
  documents: v.array(DocumentSchema),
});

export type Span = v.InferOutput<typeof SpanSchema>;
export type QuotedSpan = v.InferOutput<typeof QuotedSpanSchema>;
export type Meta = v.InferOutput<typeof MetaSchema>;
export type BlockKind = v.InferOutput<typeof BlockKindSchema>;
export type Block = v.InferOutput<typeof BlockSchema>;
export type Sentence = v.InferOutput<typeof SentenceSchema>;
export type EntityType = v.InferOutput<typeof EntityTypeSchema>;
export type Mention = v.InferOutput<typeof MentionSchema>;
export type Role = v.InferOutput<typeof RoleSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type Relation = v.InferOutput<typeof RelationSchema>;
export type Precision = v.InferOutput<typeof PrecisionSchema>;
export type When = v.InferOutput<typeof WhenSchema>;
export type ChainLink = v.InferOutput<typeof ChainLinkSchema>;
export type Statement = v.InferOutput<typeof StatementSchema>;
export type IsnadEvent = v.InferOutput<typeof EventSchema>;
export type IsnadDocument = v.InferOutput<typeof DocumentSchema>;
export type Corpus = v.InferOutput<typeof CorpusSchema>;

/** Formats valibot issues as "path: message" lines for build errors. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 10)
    .map((issue) => {
      const path = v.getDotPath(issue) ?? '(root)';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

/** Validates a document, throwing an Isnad error that names the file and the first problems. */
export function validateDocument(doc: unknown, file: string): IsnadDocument {
  const result = v.safeParse(DocumentSchema, doc);
  if (!result.success) {
    throw new Error(`Isnad: ${file}: extracted document does not match the schema: ${describeIssues(result.issues)}`);
  }
  return result.output;
}
