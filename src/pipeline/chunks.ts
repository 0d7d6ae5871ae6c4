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

/** About this much JSON per file: big enough to keep the number of requests low, small enough to fetch in parallel. */
export const CHUNK_TARGET_BYTES = 512 * 1024;

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

/**
 * The `virtual:isnad/corpus` module of a split build: the corpus's header and its files' names; it
 * resolves to the whole corpus (top-level await) once every file has arrived. The URLs are relative
 * to the module itself (it is bundled into `assets/`), so the site works from any sub-path.
 */
export function splitCorpusModule(corpus: Corpus, chunks: CorpusChunk[], loader: string): string {
  const head = { schemaVersion: corpus.schemaVersion, generator: corpus.generator };
  // @vite-ignore: the files are emitted by the plugin itself, after Vite looks for assets to bundle.
  const urls = chunks.map((c) => `new URL(/* @vite-ignore */ ${JSON.stringify(`../${c.fileName}`)}, import.meta.url).href`);
  return (
    `import { fetchCorpus } from ${JSON.stringify(loader)};\n` +
    `export default await fetchCorpus(${JSON.stringify(head)}, [${urls.join(', ')}]);\n`
  );
}
