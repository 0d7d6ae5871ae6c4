// Types of the virtual modules served by the Isnad Vite plugin (src/pipeline/vitePlugin.ts).
declare module 'virtual:isnad/corpus' {
  /** The manifest, and every document when they are inline (src/app/corpusFiles.ts). */
  const source: import('./app/corpusFiles').CorpusSource;
  export default source;
}
declare module 'virtual:isnad/search' {
  const bundle: import('./search/engine').SearchBundle;
  export default bundle;
}
declare module 'virtual:isnad/layout' {
  const layout: import('./graph/layout').GraphLayout;
  export default layout;
}
declare module 'virtual:isnad/search-loader' {
  /**
   * The engine in a worker (main build: it fetches the sharded index itself, `corpus` is not used and
   * may be left out) or on the page (one-file build, custom element: the corpus is required there).
   */
  /** `corpus` is asked for only where search runs on the page (the one-file page, the element). */
  export function loadSearch(
    corpus?: () => Promise<import('./model/schema').Corpus>,
  ): Promise<import('./search/engine').SearchEngine | import('./search/engine').AsyncSearchEngine>;
}
