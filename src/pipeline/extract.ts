/**
 * One document through every stage: read → segment → entities → statements (with time) →
 * relations, then validated against the schema. The build and `npm run extract` both call this,
 * so the command line shows exactly what the page gets.
 */
import type { IsnadDocument } from '../model/schema';
import { extractEntities } from './entities';
import type { Knowledge } from './knowledge';
import { readSeed, type ReadOptions } from './read';
import { extractRelations } from './relations';
import { segment } from './segment';
import { extractStatements } from './statements';
import type { SourceDocument } from './types';
import { validateExtracted } from './validate';

/** Runs the extraction stages on a document that has been read. */
export function extractSource(source: SourceDocument, knowledge: Knowledge): IsnadDocument {
  const doc = extractRelations(extractStatements(extractEntities(segment(source), knowledge)));
  const stored = {
    id: doc.id,
    file: doc.file,
    meta: doc.meta,
    dir: doc.dir,
    text: doc.text,
    textOffset: doc.textOffset,
    blocks: doc.blocks,
    sentences: doc.sentences,
    entities: doc.entities,
    relations: doc.relations,
    statements: doc.statements,
    events: doc.events,
  };
  return validateExtracted(stored, doc.file);
}

/** Reads and extracts one seed from its bytes. */
export function extractDocument(bytes: Uint8Array, file: string, knowledge: Knowledge, options: ReadOptions = {}): IsnadDocument {
  return extractSource(readSeed(bytes, file, options), knowledge);
}
