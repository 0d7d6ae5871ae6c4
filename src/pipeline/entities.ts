/** Entity recognition stage (placeholder until the entities issue lands). */
import type { EntityDocument, SegmentedDocument } from './types';
import type { Knowledge } from './knowledge';

/** Finds every mention of people, organizations and places and links them into entities. */
export function extractEntities(doc: SegmentedDocument, _knowledge: Knowledge): EntityDocument {
  return { ...doc, entities: [] };
}
