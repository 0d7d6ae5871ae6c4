/**
 * The corpus in the page: the manifest (every view that spans the corpus reads it) and the full
 * documents loaded so far. `load(id)` fetches the file that holds a document once: the promise is
 * cached per file, so parallel calls share one fetch, and a failed file can be asked for again.
 * Reactive: a view that reads `get(id)` or `error(id)` draws again when the document arrives.
 */
import { getContext, setContext } from 'svelte';
import type { Corpus, IsnadDocument } from '../model/schema';
import type { DocDigest, Manifest } from '../model/manifest';
import { fetchChunk, type CorpusSource } from './corpusFiles';

export class CorpusStore {
  readonly manifest: Manifest;
  readonly #digests: Map<string, DocDigest>;
  readonly #docs = new Map<string, IsnadDocument>();
  readonly #errors = new Map<string, string>();
  /** Bumped when a file arrives or fails: what reads the maps draws again (cheaper than a reactive map). */
  #version = $state(0);
  readonly #files = new Map<number, Promise<void>>();
  readonly #root: string;
  readonly #fetch: (url: string) => Promise<IsnadDocument[]>;
  #all: Promise<Corpus> | null = null;
  #whole: Corpus | null = null;

  /** `fetcher` fetches one chunk file (tests pass their own). */
  constructor(source: CorpusSource, fetcher: (url: string) => Promise<IsnadDocument[]> = fetchChunk) {
    this.manifest = source.manifest;
    this.#digests = new Map(source.manifest.documents.map((d) => [d.id, d]));
    this.#root = source.root ?? '';
    this.#fetch = fetcher;
    for (const d of source.documents ?? []) this.#docs.set(d.id, d);
  }

  /** The digest of a document. */
  digest(id: string): DocDigest | undefined {
    return this.#digests.get(id);
  }

  /** The full document, if it has been loaded. */
  get(id: string): IsnadDocument | undefined {
    void this.#version;
    return this.#docs.get(id);
  }

  /** Why the document could not be loaded, if it could not. */
  error(id: string): string | undefined {
    void this.#version;
    return this.#errors.get(id);
  }

  /** The full document, fetched with its file if need be. */
  async load(id: string): Promise<IsnadDocument> {
    const have = this.#docs.get(id);
    if (have) return have;
    const digest = this.#digests.get(id);
    if (!digest) throw new Error(`Isnad: there is no document "${id}" in the corpus`);
    await this.#loadFile(digest.chunk);
    const doc = this.#docs.get(id);
    if (!doc) throw new Error(`Isnad: the corpus file ${this.manifest.chunks[digest.chunk]} does not hold document "${id}"`);
    return doc;
  }

  #loadFile(chunk: number): Promise<void> {
    let pending = this.#files.get(chunk);
    if (pending) return pending;
    const name = this.manifest.chunks[chunk] ?? '';
    // The root is the module's own address in the page (absolute); tests may give a path.
    const url = /^[a-z][a-z0-9+.-]*:/i.test(this.#root) ? new URL(name, this.#root).href : this.#root + name;
    pending = this.#fetch(url).then(
      (docs) => {
        for (const d of docs) {
          this.#docs.set(d.id, d);
          this.#errors.delete(d.id);
        }
        this.#version++;
      },
      (e: unknown) => {
        // Forgotten, so that asking again tries again (the network may come back).
        this.#files.delete(chunk);
        const message = e instanceof Error ? e.message : String(e);
        for (const d of this.manifest.documents) if (d.chunk === chunk) this.#errors.set(d.id, message);
        this.#version++;
        throw e;
      },
    );
    this.#files.set(chunk, pending);
    return pending;
  }

  /** The whole corpus once every document is loaded, else null (reactive; the same object each time). */
  get whole(): Corpus | null {
    void this.#version;
    if (this.#docs.size < this.manifest.documents.length) return null;
    if (!this.#whole) {
      const { schemaVersion, generator } = this.manifest;
      this.#whole = { schemaVersion, generator, documents: this.manifest.documents.map((d) => this.#docs.get(d.id)!) };
    }
    return this.#whole;
  }

  /** Every document (search and the data downloads need the texts): the files not yet loaded, in parallel. */
  loadAll(): Promise<Corpus> {
    this.#all ??= (async () => {
      const missing = new Set(this.manifest.documents.filter((d) => !this.#docs.has(d.id)).map((d) => d.chunk));
      await Promise.all([...missing].map((c) => this.#loadFile(c))).catch((e: unknown) => {
        this.#all = null;
        throw e;
      });
      return this.whole!;
    })();
    return this.#all;
  }
}

const KEY = Symbol('isnad-corpus');

/** Makes the store available to the components below (App does this once). */
export function provideCorpus(store: CorpusStore): CorpusStore {
  return setContext(KEY, store);
}

/** The store provided by App (or a test's harness). */
export function useCorpus(): CorpusStore {
  const store = getContext<CorpusStore | undefined>(KEY);
  if (!store) throw new Error('Isnad: no corpus store in context (App provides it)');
  return store;
}
