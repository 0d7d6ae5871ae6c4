/**
 * The extraction cache: one file per document, named by the hash of everything its extraction
 * depends on, so a rebuild only extracts what changed.
 *
 * The key of a document hashes its bytes, its sidecar, its path (the id comes from it) and the
 * pipeline's fingerprint: every source file the extraction imports (followed from extract.ts and
 * knowledge.ts through their relative imports), every data file under src/pipeline/data, the
 * versions of the packages those files import, the Node, ICU and CLDR versions (the gazetteer's
 * countries come from Intl) and the seeds folder's overrides.json. Any change to any of them changes
 * every key: a stale result cannot be served, it is never looked up again. When the pipeline's
 * sources cannot be read (the code was bundled somewhere else), there is no cache.
 *
 * Entries are written to a temporary name and renamed, so a build that is interrupted never leaves
 * half an entry; one that cannot be parsed is a miss. Old entries are not pruned: delete the folder
 * (`node_modules/.cache/isnad`) to reclaim the space.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import type { IsnadDocument } from '../model/schema';
import type { SeedInput } from './corpus';

/** Bumped when the format of an entry changes. */
const FORMAT = 'isnad-extraction-cache/1';

export interface ExtractionCache {
  /** Folder of the entries. */
  readonly dir: string;
  /** Hash of the pipeline's code, data and the seeds folder's overrides. */
  readonly fingerprint: string;
}

/** This module's folder (src/pipeline), or undefined when the module was not loaded from a file. */
function pipelineDir(): string | undefined {
  const url = new URL('.', import.meta.url);
  const dir = url.protocol === 'file:' ? fileURLToPath(url) : join(process.cwd(), 'src/pipeline');
  return existsSync(join(dir, 'extract.ts')) ? dir : undefined;
}

/** Where entries go: `ISNAD_CACHE` (a folder, or `off`), else node_modules/.cache/isnad at the project root. */
export function cacheDirFromEnv(value = process.env.ISNAD_CACHE): string | false {
  if (value === 'off' || value === '0' || value === 'false') return false;
  if (value) return resolve(value);
  const dir = pipelineDir();
  return dir ? join(dir, '..', '..', 'node_modules', '.cache', 'isnad') : false;
}

/** Static imports and re-exports (at the start of a line, as the formatter writes them) and dynamic imports. */
const IMPORT =
  /^(?:import|export)\s[^;]*?\bfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The files a module imports, relative ones resolved to paths, bare ones as package names. */
function importsOf(file: string, text: string): { files: string[]; packages: string[] } {
  const files: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = (m[1] ?? m[2] ?? m[3])!;
    if (spec.startsWith('node:')) continue;
    if (!spec.startsWith('.')) {
      packages.push(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      continue;
    }
    const base = resolve(dirname(file), spec);
    const found = [base, `${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
    // A relative import that cannot be found would leave part of the pipeline out of the hash.
    if (!found) throw new Error(`Isnad cache: ${file} imports ${spec}, which was not found`);
    files.push(found);
  }
  return { files, packages };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The version of an installed package, looked up from the project's node_modules. */
function packageVersion(root: string, name: string): string {
  const file = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(file)) throw new Error(`Isnad cache: package ${name} not found`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?';
}

/**
 * Hash of what every extraction depends on besides the document itself. `dir` is the pipeline's
 * folder (tests give a copy).
 */
export function pipelineFingerprint(seedsDir: string, dir: string): string {
  const root = join(dir, '..', '..');
  const hash = createHash('sha256');
  const add = (label: string, content: string | Uint8Array) => {
    hash.update(`${label}\0${Buffer.byteLength(content)}\0`);
    hash.update(content);
  };
  add('format', FORMAT);
  add('runtime', JSON.stringify([process.versions.node, process.versions.icu, process.versions.cldr, process.versions.unicode]));
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = ['extract.ts', 'knowledge.ts', 'corpus.ts', 'cache.ts', 'pool.ts', 'extractWorker.ts'].map((f) => join(dir, f));
  for (const f of filesUnder(join(dir, 'data'))) queue.push(f);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const bytes = readFileSync(file);
    add(`file ${file.slice(root.length)}`, bytes);
    if (!file.endsWith('.ts')) continue;
    const found = importsOf(file, bytes.toString('utf8'));
    queue.push(...found.files);
    for (const p of found.packages) packages.add(p);
  }
  for (const p of [...packages].sort()) add(`package ${p}`, packageVersion(root, p));
  const overrides = join(seedsDir, 'overrides.json');
  add('overrides', existsSync(overrides) ? readFileSync(overrides) : '');
  return hash.digest('hex');
}

/** Opens the cache for a seeds folder; undefined when it is turned off or the pipeline's sources are not at hand. */
export function openCache(seedsDir: string, dir: string | false = cacheDirFromEnv()): ExtractionCache | undefined {
  const sources = pipelineDir();
  if (dir === false || !sources) return undefined;
  return { dir, fingerprint: pipelineFingerprint(seedsDir, sources) };
}

/** The entry's file for one document. */
export function entryPath(cache: ExtractionCache, input: SeedInput): string {
  const hash = createHash('sha256');
  for (const part of [cache.fingerprint, input.rel, input.sidecarFile ?? '', input.sidecar ?? '']) {
    hash.update(`${Buffer.byteLength(part)}\0`);
    hash.update(part);
  }
  hash.update(`${input.bytes.byteLength}\0`);
  hash.update(input.bytes);
  const key = hash.digest('hex');
  return join(cache.dir, key.slice(0, 2), `${key}.json`);
}

/** The cached document, or undefined (absent or unreadable: extract it again). */
export function readEntry(path: string): IsnadDocument | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as IsnadDocument;
  } catch {
    return undefined;
  }
}

let written = 0;

/** Stores a document's JSON; a cache that cannot be written is not an error (the build goes on without it). */
export function writeEntry(path: string, json: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}-${threadId}-${written++}.tmp`;
    writeFileSync(temporary, json);
    renameSync(temporary, path);
  } catch {
    // A read-only or full disk: the next build extracts this document again.
  }
}
