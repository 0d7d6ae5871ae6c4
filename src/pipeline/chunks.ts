/**
 * Splits the corpus into content-hashed JSON files for the static site (the bundle stage's other
 * output, beside the inline module used by the one-file page and the custom element).
 *
 * Why: inlined in the entry script, the corpus made the page download, compile and parse it as
 * JavaScript before anything ran (3 MB gzip of script at 1,000 documents), and any change to the
 * app invalidated the cached corpus with it. As data files named by their content, the corpus is
 * fetched in parallel with the script (the page preloads them), parsed as JSON, and cached by the
 * browser until a document changes; a changed document only renames its own file.
 */
import { createHash } from 'node:crypto';
import type { Corpus } from '../model/schema';
import type { Manifest } from '../model/manifest';
import { manifestOf } from '../model/digest';

/**
 * About this much JSON per file: a document is fetched with its file when it is opened, so files
 * are small (about six synthetic articles, 20 KB gzip); few enough that a static host copes with
 * 10,000 documents (about 1,600 files).
 */
export const CHUNK_TARGET_BYTES = 128 * 1024;

export interface CorpusChunk {
  /** Path inside the build's output folder, e.g. `data/corpus-3f2a9c1b04de.json`. */
  fileName: string;
  /** The JSON text: an array of whole documents, in corpus order. */
  json: string;
  /** How many documents it holds. */
  documents: number;
}

const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);

/**
 * Consecutive documents grouped up to about `target` bytes (a document larger than that is a file of
 * its own; a document is never cut). Deterministic: the same corpus gives the same files.
 */
export function splitCorpus(corpus: Corpus, target = CHUNK_TARGET_BYTES): CorpusChunk[] {
  const out: CorpusChunk[] = [];
  let group: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (group.length === 0) return;
    const json = `[${group.join(',')}]`;
    out.push({ fileName: `data/corpus-${hash(json)}.json`, json, documents: group.length });
    group = [];
    bytes = 0;
  };
  for (const doc of corpus.documents) {
    const json = JSON.stringify(doc);
    if (bytes > 0 && bytes + json.length > target) flush();
    group.push(json);
    bytes += json.length;
  }
  flush();
  return out;
}

/** The manifest file of a split build: the corpus's digest, naming for each document the file that holds it. */
export interface ManifestFile {
  fileName: string;
  json: string;
  manifest: Manifest;
}

/** The manifest of a split corpus, named by its content (`data/manifest-<sha>.json`). */
export function manifestFile(corpus: Corpus, chunks: CorpusChunk[]): ManifestFile {
  const chunkOf: number[] = [];
  chunks.forEach((c, i) => {
    for (let k = 0; k < c.documents; k++) chunkOf.push(i);
  });
  const manifest = manifestOf(
    corpus,
    chunks.map((c) => c.fileName),
    (i) => chunkOf[i] ?? 0,
  );
  const json = JSON.stringify(manifest);
  return { fileName: `data/manifest-${hash(json)}.json`, json, manifest };
}

/**
 * The `virtual:isnad/corpus` module of a split build: it resolves (top-level await) to the
 * manifest, fetched from its file; documents are fetched later, file by file, as the views ask
 * (src/app/corpusStore.svelte.ts). URLs are relative to the module itself (it is bundled into `assets/`),
 * so the site works from any sub-path.
 */
export function splitCorpusModule(manifest: ManifestFile, loader: string): string {
  // @vite-ignore: the files are emitted by the plugin itself, after Vite looks for assets to bundle.
  const url = `new URL(/* @vite-ignore */ ${JSON.stringify(`../${manifest.fileName}`)}, import.meta.url).href`;
  const root = `new URL(/* @vite-ignore */ "../", import.meta.url).href`;
  return `import { fetchManifest } from ${JSON.stringify(loader)};\n` + `export default await fetchManifest(${url}, ${root});\n`;
}
