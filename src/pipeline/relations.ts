/** Relation extraction stage (placeholder until the relations issue lands). */
import type { ExtractedDocument, StatementDocument } from './types';

/** Finds typed relations between entities, with evidence spans. */
export function extractRelations(doc: StatementDocument): ExtractedDocument {
  return { ...doc, relations: [] };
}
