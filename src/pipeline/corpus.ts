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

/** Reads the sidecar beside a document, if any: `x.txt` → `x.meta.json` or `x.txt.meta.json`. */
function sidecarOf(seedsDir: string, rel: string): { sidecar?: string; sidecarFile?: string } {
  for (const candidate of [rel.replace(/\.[^./]+$/, '.meta.json'), `${rel}.meta.json`]) {
    const full = join(seedsDir, candidate);
    if (existsSync(full)) return { sidecar: readFileSync(full, 'utf8'), sidecarFile: `seeds/${candidate}` };
  }
  return {};
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

/** Builds the corpus from a seeds folder. Throws IsnadBuildError listing every bad file. */
export function buildCorpus(seedsDir: string, knowledge: Knowledge = loadKnowledge(seedsDir)): Corpus {
  const files = listSeedFiles(seedsDir);
  if (files.length === 0) throw new IsnadBuildError([`seeds folder ${seedsDir} holds no .txt or .md document`]);
  const documents: IsnadDocument[] = [];
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const rel of files) {
    try {
      const bytes = readFileSync(join(seedsDir, rel));
      const doc = extractDocument(bytes, `seeds/${rel}`, knowledge, { ...sidecarOf(seedsDir, rel), idPath: rel });
      const clash = ids.get(doc.id);
      if (clash) throw new IsnadInputError(`seeds/${rel}`, `its id "${doc.id}" is the same as ${clash}'s; rename one of them`);
      ids.set(doc.id, `seeds/${rel}`);
      documents.push({ ...doc, file: rel });
    } catch (e) {
      problems.push(describeFailure(e, `seeds/${rel}`));
    }
  }
  if (problems.length > 0) throw new IsnadBuildError(problems);
  // Every document was checked against the schema as it was extracted (extract.ts) and the wrapper's
  // fields are constants: parsing the whole corpus again only doubled the cost of validation.
  return { schemaVersion: SCHEMA_VERSION, generator: GENERATOR, documents };
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
