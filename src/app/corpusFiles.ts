/**
 * Fetches the files of a split build (src/pipeline/chunks.ts): the manifest first, then a document's
 * chunk file when the document is needed (src/app/corpusStore.svelte.ts). A file that cannot be loaded (the
 * site copied without its data/ folder, a network error) is named: a missing manifest stops the
 * explorer with a message in the page (the prerendered article stays readable, and nothing is shown
 * as if the corpus were complete); a missing chunk is named where its document would show.
 */
import type { IsnadDocument } from '../model/schema';
import type { Manifest } from '../model/manifest';

export class CorpusLoadError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Isnad: could not load the corpus file ${url}: ${reason}`);
    this.name = 'CorpusLoadError';
  }
}

/** Where the documents come from: inline (one-file build, element, dev) or fetched from `root`. */
export interface CorpusSource {
  manifest: Manifest;
  /** Every document, when they are inline. */
  documents?: IsnadDocument[];
  /** The site's root URL, against which the manifest's chunk names resolve. */
  root?: string;
}

async function fetchJson(url: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new CorpusLoadError(url, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw new CorpusLoadError(url, `HTTP ${res.status}`);
  try {
    return await res.json();
  } catch {
    throw new CorpusLoadError(url, 'not JSON');
  }
}

/** The documents of one chunk file. */
export async function fetchChunk(url: string): Promise<IsnadDocument[]> {
  const data = await fetchJson(url);
  if (!Array.isArray(data)) throw new CorpusLoadError(url, 'expected an array of documents');
  return data as IsnadDocument[];
}

/** Shows the failure at the top of the page (as text, never as markup). */
export function tell(error: unknown): void {
  if (typeof document === 'undefined') return;
  const p = document.createElement('p');
  p.className = 'isnad-load-error';
  p.setAttribute('role', 'alert');
  p.textContent = error instanceof Error ? error.message : String(error);
  document.body.prepend(p);
  // The prerendered article may have been hidden until hydration (LANG_GATE): it is all there is now.
  document.documentElement.removeAttribute('data-prerender');
}

/** The manifest of a split build; its chunk names resolve against `root`. */
export async function fetchManifest(url: string, root: string): Promise<CorpusSource> {
  try {
    const data = await fetchJson(url);
    if (!data || typeof data !== 'object' || !Array.isArray((data as Manifest).documents))
      throw new CorpusLoadError(url, 'expected a manifest');
    return { manifest: data as Manifest, root };
  } catch (e) {
    tell(e);
    throw e;
  }
}

/**
 * Up to this size every view is prerendered (src/app/App.svelte) and every document is loaded before
 * the page is hydrated (src/main.ts), as the page did before documents were fetched on demand; the
 * build preloads all of their files (src/pipeline/vitePlugin.ts).
 */
export const SMALL_CORPUS = { documents: 20, statements: 300 };

/** Is the corpus small enough to be loaded and drawn whole at once? */
export function smallCorpus(m: Pick<Manifest, 'documents'>): boolean {
  return (
    m.documents.length <= SMALL_CORPUS.documents &&
    m.documents.reduce((n, d) => n + d.statements.length, 0) <= SMALL_CORPUS.statements
  );
}
