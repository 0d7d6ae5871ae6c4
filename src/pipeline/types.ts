/**
 * The shapes a document takes as it moves through the pipeline. Each stage is a pure function
 * from one shape to the next; `extractDocument` (src/pipeline/extract.ts) chains them.
 */
import type { Block, Entity, IsnadEvent, Meta, Relation, Sentence, Statement } from '../model/schema';

/** What the read stage yields: the text exactly as written plus its metadata. */
export interface SourceDocument {
  id: string;
  /** Path relative to the seeds folder (forward slashes), or the path given on the command line. */
  file: string;
  meta: Meta;
  text: string;
  textOffset: number;
}

/** After segmentation. */
export interface SegmentedDocument extends SourceDocument {
  dir: 'rtl' | 'ltr';
  blocks: Block[];
  sentences: Sentence[];
}

/** After entity recognition and coreference. */
export interface EntityDocument extends SegmentedDocument {
  entities: Entity[];
}

/** After statement and time extraction. */
export interface StatementDocument extends EntityDocument {
  statements: Statement[];
  events: IsnadEvent[];
}

/** After relation extraction: the full document as stored in the corpus. */
export interface ExtractedDocument extends StatementDocument {
  relations: Relation[];
}
