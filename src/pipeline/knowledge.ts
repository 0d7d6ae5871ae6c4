/** World knowledge used by extraction (placeholder: gazetteer and overrides land with the entities issue). */

/** Everything the extraction stages know about the world, loaded once per build. */
export interface Knowledge {
  /** Reserved for the gazetteer and the user's overrides. */
  readonly version: number;
}

/** Loads the knowledge files; `seedsDir` may hold the user's overrides. */
export function loadKnowledge(_seedsDir?: string): Knowledge {
  return { version: 0 };
}
