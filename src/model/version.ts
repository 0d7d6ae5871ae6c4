/**
 * The corpus schema's version, apart from the schema itself so the browser can check it without
 * loading valibot (the page only reads corpora the build has already validated).
 * Bumped on any incompatible change; the page refuses a corpus of another version.
 */
export const SCHEMA_VERSION = 1;
