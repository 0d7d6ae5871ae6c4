/**
 * Loads the corpus of a split build (src/pipeline/chunks.ts): its files are fetched in parallel and
 * joined in order. A file that cannot be loaded (the site copied without its data/ folder, a
 * network error) stops the explorer with a message in the page that names the file: the
 * prerendered article stays readable, and nothing is shown as if the corpus were complete.
 */
import type { Corpus, IsnadDocument } from '../model/schema';

export class CorpusLoadError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Isnad: could not load the corpus file ${url}: ${reason}`);
    this.name = 'CorpusLoadError';
  }
}

async function fetchPart(url: string): Promise<IsnadDocument[]> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new CorpusLoadError(url, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw new CorpusLoadError(url, `HTTP ${res.status}`);
  let data: unknown;
  try {
    data = await res.json();
  } catch {
    throw new CorpusLoadError(url, 'not JSON');
  }
  if (!Array.isArray(data)) throw new CorpusLoadError(url, 'expected an array of documents');
  return data as IsnadDocument[];
}

/** Shows the failure at the top of the page (as text, never as markup). */
function tell(error: unknown): void {
  if (typeof document === 'undefined') return;
  const p = document.createElement('p');
  p.className = 'isnad-load-error';
  p.setAttribute('role', 'alert');
  p.textContent = error instanceof Error ? error.message : String(error);
  document.body.prepend(p);
  // The prerendered article may have been hidden until hydration (LANG_GATE): it is all there is now.
  document.documentElement.removeAttribute('data-prerender');
}

/** The corpus: its header and the documents of every file, in order. */
export async function fetchCorpus(head: Omit<Corpus, 'documents'>, urls: string[]): Promise<Corpus> {
  try {
    const parts = await Promise.all(urls.map(fetchPart));
    return { ...head, documents: parts.flat() };
  } catch (e) {
    tell(e);
    throw e;
  }
}
