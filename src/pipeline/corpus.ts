/**
 * Bundle stage: every document under seeds/ → one validated corpus.
 *
 * Files are visited in a fixed order (code-unit order of their relative paths) so the same seeds
 * always give byte-identical JSON. Problems with any file are collected, then reported together,
 * and the build stops: a document is never dropped silently.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SCHEMA_VERSION, type Corpus, type IsnadDocument } from '../model/schema';
import { extractDocument } from './extract';
import { loadKnowledge, type Knowledge } from './knowledge';
import { DOCUMENT_EXTENSIONS, IsnadInputError } from './read';

/** Files in seeds/ that are not documents and are handled elsewhere (metadata, overrides, notes). */
const NOT_DOCUMENTS = /(?:\.meta\.json|^README\.md|^FACTS\.md|^overrides\.json)$/i;

export const GENERATOR = 'isnad-pipeline/1';

/** Lists the document files under a folder, sorted, as paths relative to it with forward slashes. */
export function listSeedFiles(seedsDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const rel = relative(seedsDir, full).split(sep).join('/');
        const base = rel.split('/').pop()!;
        if (NOT_DOCUMENTS.test(base)) continue;
        if (DOCUMENT_EXTENSIONS.some((ext) => base.toLowerCase().endsWith(ext))) out.push(rel);
      }
    }
  };
  walk(seedsDir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A failed build: every file's problem, in file order. */
export class IsnadBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`Isnad: the build stopped; ${problems.length} file(s) need attention:\n  ${problems.join('\n  ')}`);
    this.name = 'IsnadBuildError';
  }
}

/** One document's file as read from disk: its bytes and the sidecar beside it, if any. */
export interface SeedInput {
  /** Path relative to the seeds folder, with forward slashes. */
  rel: string;
  bytes: Uint8Array;
  sidecar?: string;
  sidecarFile?: string;
}

/** Reads a document and its sidecar (`x.txt` → `x.meta.json` or `x.txt.meta.json`). */
export function readInput(seedsDir: string, rel: string): SeedInput {
  const input: SeedInput = { rel, bytes: readFileSync(join(seedsDir, rel)) };
  for (const candidate of [rel.replace(/\.[^./]+$/, '.meta.json'), `${rel}.meta.json`]) {
    const full = join(seedsDir, candidate);
    if (existsSync(full)) return { ...input, sidecar: readFileSync(full, 'utf8'), sidecarFile: `seeds/${candidate}` };
  }
  return input;
}

/**
 * One line for a file that failed. Input errors already name the file; anything else is a bug in a
 * stage, so the line names the file (to reproduce with `npm run extract`) and the code that threw.
 */
export function describeFailure(e: unknown, file: string): string {
  if (e instanceof IsnadInputError) return e.message;
  const message = e instanceof Error ? e.message : String(e);
  if (message.startsWith(`Isnad: ${file}`)) return message;
  const at = e instanceof Error ? /\(?([^()\s]*src\/[^()\s]+:\d+):\d+\)?/.exec(e.stack ?? '')?.[1] : undefined;
  const where = at ? ` at ${at.slice(at.lastIndexOf('src/'))}` : '';
  return `Isnad: ${file}: the pipeline failed on this document (a bug, please report it with the file): ${message}${where}`;
}

/** What extraction made of one file: its document, or the line that names its problem. */
export type Outcome = { doc: IsnadDocument } | { problem: string };

/** Extracts one document; never throws (a failure is the file's problem line). */
export function extractInput(input: SeedInput, knowledge: Knowledge): Outcome {
  try {
    const { sidecar, sidecarFile } = input;
    return {
      doc: extractDocument(input.bytes, `seeds/${input.rel}`, knowledge, {
        ...(sidecar === undefined ? {} : { sidecar, sidecarFile }),
        idPath: input.rel,
      }),
    };
  } catch (e) {
    return { problem: describeFailure(e, `seeds/${input.rel}`) };
  }
}

/**
 * Joins the outcomes of the files (in file order, whoever extracted them) into the corpus: the
 * same ids check and the same order, so the sequential build and the worker pool give the same
 * bytes. Throws IsnadBuildError listing every bad file.
 */
export function joinCorpus(files: readonly string[], outcomes: readonly Outcome[]): Corpus {
  const documents: IsnadDocument[] = [];
  const problems: string[] = [];
  const ids = new Map<string, string>();
  files.forEach((rel, i) => {
    const outcome = outcomes[i];
    if (!outcome) return void problems.push(`Isnad: seeds/${rel}: was not extracted (a bug in the build, please report it)`);
    if ('problem' in outcome) return void problems.push(outcome.problem);
    const doc = outcome.doc;
    const clash = ids.get(doc.id);
    if (clash)
      return void problems.push(
        new IsnadInputError(`seeds/${rel}`, `its id "${doc.id}" is the same as ${clash}'s; rename one of them`).message,
      );
    ids.set(doc.id, `seeds/${rel}`);
    documents.push({ ...doc, file: rel });
  });
  if (problems.length > 0) throw new IsnadBuildError(problems);
  // Every document was checked against the schema as it was extracted (extract.ts) and the wrapper's
  // fields are constants: parsing the whole corpus again only doubled the cost of validation.
  return { schemaVersion: SCHEMA_VERSION, generator: GENERATOR, documents };
}

/** The document files of a seeds folder; an empty folder is an error. */
export function seedFilesOf(seedsDir: string): string[] {
  const files = listSeedFiles(seedsDir);
  if (files.length === 0) throw new IsnadBuildError([`seeds folder ${seedsDir} holds no .txt or .md document`]);
  return files;
}

/** Builds the corpus from a seeds folder, one document after another. Throws IsnadBuildError listing every bad file. */
export function buildCorpus(seedsDir: string, knowledge: Knowledge = loadKnowledge(seedsDir)): Corpus {
  const files = seedFilesOf(seedsDir);
  const outcomes = files.map((rel) => {
    let input: SeedInput;
    try {
      input = readInput(seedsDir, rel);
    } catch (e) {
      return { problem: describeFailure(e, `seeds/${rel}`) };
    }
    return extractInput(input, knowledge);
  });
  return joinCorpus(files, outcomes);
}

/** A one-line summary of what was bundled, printed by the build. */
export function summarize(corpus: Corpus): string {
  const n = (f: (d: IsnadDocument) => number) => corpus.documents.reduce((s, d) => s + f(d), 0);
  const langs = [...new Set(corpus.documents.map((d) => d.meta.lang))].sort().join(', ');
  return (
    `Isnad: bundled ${corpus.documents.length} document(s) (${langs}): ` +
    `${n((d) => d.sentences.length)} sentences, ${n((d) => d.entities.length)} entities, ` +
    `${n((d) => d.statements.length)} statements, ${n((d) => d.relations.length)} relations, ${n((d) => d.events.length)} events`
  );
}
