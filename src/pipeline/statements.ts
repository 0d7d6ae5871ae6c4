/** Statement and event extraction stage (placeholder until the statements issue lands). */
import type { EntityDocument, StatementDocument } from './types';

/** Finds reported statements, their speakers, chains of transmission and times. */
export function extractStatements(doc: EntityDocument): StatementDocument {
  return { ...doc, statements: [], events: [] };
}
