/**
 * The Vite plugin that turns seeds/ into the app's data, at build time and in `vite dev`.
 *
 * `virtual:isnad/corpus` is the validated corpus (imported by the app's first view).
 * The pipeline re-runs when a seed changes in dev, and the page reloads. A bad seed stops
 * `vite build` with the file and the reason; in dev the error overlay shows the same message.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin, ViteDevServer } from 'vite';
import type { Corpus } from '../model/schema';
import { summarize } from './corpus';
import { buildCorpusCached, buildCorpusParallel, type BuildStats } from './pool';
import { buildSearchBundle } from '../search/build';
import { buildSearchShards, type ShardedIndex } from '../search/buildShards';
import { digest } from '../search/shards';
import { buildGraphLayout, type GraphLayout } from '../graph/layout';
import { loadKnowledge, type Knowledge } from './knowledge';
import { oembedJson, previewSvg, previewTags, renderPng, type PreviewNode } from './preview';
import { FIRST_VIEW_SWAP, injectFirstView, renderFirstViewHtml } from './prerender';
import { manifestFile, splitCorpus, splitCorpusModule, type CorpusChunk, type ManifestFile } from './chunks';
import { manifestOf } from '../model/digest';
import { smallCorpus } from '../app/corpusFiles';

const CORPUS_ID = 'virtual:isnad/corpus';
const RESOLVED_CORPUS = `\0${CORPUS_ID}`;
/** The serialized search index: imported with `import()`, so it is its own chunk, fetched on first search. */
const SEARCH_ID = 'virtual:isnad/search';
const RESOLVED_SEARCH = `\0${SEARCH_ID}`;
/**
 * How the page loads search: in a module worker that fetches the sharded index's meta file, then the
 * shards each query needs (main build), or on the page from the `virtual:isnad/search` module
 * (one-file build, custom element).
 */
const SEARCH_LOADER_ID = 'virtual:isnad/search-loader';
const RESOLVED_SEARCH_LOADER = `\0${SEARCH_LOADER_ID}`;
/** Where the dev server serves the index for the worker. */
const DEV_SEARCH_URL = '/@isnad/search.json';
/** Where the dev server serves the shards (the meta file names them relative to itself: `search/…`). */
const DEV_SHARDS_URL = '/@isnad/search/';
/** The diagram's layout, computed at build time so the first paint needs no simulation. */
const LAYOUT_ID = 'virtual:isnad/layout';
const RESOLVED_LAYOUT = `\0${LAYOUT_ID}`;
const VIRTUAL = new Map([
  [CORPUS_ID, RESOLVED_CORPUS],
  [SEARCH_ID, RESOLVED_SEARCH],
  [SEARCH_LOADER_ID, RESOLVED_SEARCH_LOADER],
  [LAYOUT_ID, RESOLVED_LAYOUT],
]);

export interface IsnadPluginOptions {
  /** Folder of seed documents (default: `seeds` at the project root). */
  seedsDir?: string;
  /** Called with the corpus after each pipeline run (used by the build to emit extra files). */
  onCorpus?: (corpus: Corpus, knowledge: Knowledge) => void;
  /** Gzip the corpus and index inside the JS (one-file builds, where the server cannot compress). */
  compress?: boolean;
  /** Do not print the bundling summary (a second build of the same seeds). */
  quiet?: boolean;
  /** Emit link previews (preview.png, oembed.json, Open Graph tags); default true. */
  previews?: boolean;
  /** Nodes of the diagram to draw in the preview image. */
  previewNodes?: (corpus: Corpus) => PreviewNode[];
  /** Add the Content Security Policy meta tag (default true; the single-file build adds its own with hashes). */
  csp?: boolean;
  /** Render the first view into index.html at build time (src/pipeline/prerender.ts); default false. */
  prerender?: boolean;
  /**
   * Write the corpus as content-hashed JSON files in data/ that the page fetches (src/pipeline/chunks.ts),
   * instead of inlining it in the script; build only (the dev server inlines it). Default false.
   */
  split?: boolean;
  /** About this many bytes of JSON per corpus file of a split build (default: chunks.ts's CHUNK_TARGET_BYTES). */
  chunkBytes?: number;
  /**
   * Search in a Web Worker that fetches the index as its own JSON file. Default: yes, except in
   * one-file builds (`compress`) and library builds (the custom element), which search on the page.
   */
  searchWorker?: boolean;
}

/**
 * Serialises data as a JS module; JSON.parse of a string literal parses faster than an object literal.
 * With `compress`, the JSON is gzipped and base64-encoded, and the module unpacks it with the
 * browser's DecompressionStream: a third of the bytes, for one-file builds where nothing else
 * compresses it.
 */
export function jsonModule(data: unknown, compress = false): string {
  const json = JSON.stringify(data);
  if (!compress) return `export default JSON.parse(${JSON.stringify(json)});\n`;
  const packed = gzipSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64');
  return (
    `const bytes = Uint8Array.from(atob(${JSON.stringify(packed)}), (c) => c.charCodeAt(0));\n` +
    `const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));\n` +
    `export default JSON.parse(await new Response(stream).text());\n`
  );
}

/**
 * The corpus inline (one-file build, custom element, dev server): every document, and the manifest
 * the views read, derived in the page by the same function as the split build's manifest file (the
 * code is smaller than the manifest's JSON, and the one-file page is at its byte budget).
 */
export function inlineCorpusModule(corpus: Corpus, digest: string, compress = false): string {
  return (
    jsonModule(corpus, compress).replace('export default ', 'const corpus = ') +
    `import { manifestOf } from ${JSON.stringify(digest)};\n` +
    `export default { manifest: manifestOf(corpus), documents: corpus.documents };\n`
  );
}

/** The corpus as a JS module. */
export function corpusModule(corpus: Corpus, compress = false): string {
  return jsonModule(corpus, compress);
}

/**
 * The Content Security Policy of the built page: nothing from another origin, no eval, no inline
 * script. (`frame-ancestors` cannot be set from a meta tag; the page is meant to be embeddable.)
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Runs in the head of a prerendered page, before its first paint. The first view is prerendered in
 * Arabic; a reader who will get the English interface (from ?lang= or the browser's languages, as
 * src/app/i18n.svelte.ts decides) would see it switch language and direction when the script runs, a
 * large layout shift. For them the prerendered view stays hidden until src/main.ts has hydrated it.
 */
export const LANG_GATE =
  "(function(){var q=new URLSearchParams(location.search).get('lang');var l=q==='ar'||q==='en'?q:null;" +
  "if(!l){var n=navigator.languages||[];for(var i=0;i<n.length&&!l;i++){var b=String(n[i]).toLowerCase().split('-')[0];" +
  "if(b==='ar'||b==='en')l=b;}}if((l||'en')!=='ar')document.documentElement.setAttribute('data-prerender','hidden');})();";

/** The CSP source that admits exactly one inline script. */
export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/**
 * The canonical address of the explorer, from ISNAD_BASE_URL at build time (for absolute preview
 * URLs). Anything that is not an http(s) URL stops the build rather than producing broken tags.
 */
export function baseUrlFromEnv(value = process.env.ISNAD_BASE_URL): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Isnad: ISNAD_BASE_URL "${value}" is not a URL (expected e.g. https://example.org/isnad/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`Isnad: ISNAD_BASE_URL must be http(s), not ${url.protocol}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Files in seeds/ that are neither documents nor their metadata: listed so nothing is ignored silently. */
export function unreadFiles(seedsDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!/\.(txt|md)$/i.test(name) && !/\.meta\.json$/i.test(name) && name !== 'overrides.json') {
        out.push(`seeds/${relative(seedsDir, full).split(sep).join('/')}`);
      }
    }
  };
  walk(seedsDir);
  return out;
}

/** The diagram's nodes with their entity types, for the preview image. */
function previewNodesOf(corpus: Corpus, layout: GraphLayout): PreviewNode[] {
  const types = new Map(corpus.documents.flatMap((d) => d.entities.map((e) => [e.id, e.type] as const)));
  return layout.nodes.flatMap((n) => {
    const type = types.get(n.id);
    return type ? [{ x: n.x, y: n.y, r: n.r, type }] : [];
  });
}

/** Vite plugin: runs the Isnad pipeline on seeds/ and serves the corpus as a virtual module. */
export function isnad(options: IsnadPluginOptions = {}): Plugin {
  let seedsDir = '';
  let cached: { corpus: Corpus; knowledge: Knowledge; layout?: GraphLayout } | null = null;
  const layoutOf = () => {
    const c = run();
    c.layout ??= buildGraphLayout(manifestOf(c.corpus));
    return c.layout;
  };
  let server: ViteDevServer | undefined;
  let root = process.cwd();
  let building = false;
  let chunks: CorpusChunk[] | null = null;
  let manifest: ManifestFile | null = null;
  const split = () => options.split === true && building && options.compress !== true;
  const chunksOf = () => (chunks ??= splitCorpus(run().corpus, options.chunkBytes));
  const manifestFileOf = () => (manifest ??= manifestFile(run().corpus, chunksOf()));
  /** The corpus as the app receives it (src/app/corpusFiles.ts, CorpusSource): split, the manifest alone; else inline. */
  const sourceOf = () => {
    const { corpus } = run();
    return split() ? { manifest: manifestFileOf().manifest } : { manifest: manifestOf(corpus), documents: corpus.documents };
  };
  let searchWorker = true;
  let searchBundle: { corpus: Corpus; json: string } | null = null;
  /** The index as JSON, built once per corpus (the worker's file and the inline module share it). */
  const searchJson = () => {
    const { corpus, knowledge } = run();
    if (searchBundle?.corpus !== corpus)
      searchBundle = { corpus, json: JSON.stringify(buildSearchBundle(corpus, knowledge.names())) };
    return searchBundle.json;
  };
  let searchShards: { corpus: Corpus; index: ShardedIndex } | null = null;
  /** The sharded index (the worker's files), built once per corpus. */
  const shards = () => {
    const { corpus, knowledge } = run();
    if (searchShards?.corpus !== corpus) searchShards = { corpus, index: buildSearchShards(corpus, knowledge.names()) };
    return searchShards.index;
  };

  const run = (built?: Corpus) => {
    if (!cached) {
      const knowledge = loadKnowledge(seedsDir);
      const corpus = built ?? buildCorpusCached(seedsDir);
      cached = { corpus, knowledge };
      chunks = null;
      manifest = null;
      if (!options.quiet) {
        console.log(summarize(corpus));
        const unread = unreadFiles(seedsDir);
        if (unread.length > 0) console.warn(`Isnad: not read, as only .txt and .md files are documents: ${unread.join(', ')}`);
      }
      options.onCorpus?.(corpus, knowledge);
    }
    return cached;
  };

  return {
    name: 'isnad-pipeline',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
      seedsDir = resolve(config.root, options.seedsDir ?? 'seeds');
      searchWorker = options.searchWorker ?? !(options.compress || config.build.lib);
    },
    async buildStart() {
      // The corpus from the cache and, for many documents, worker threads (src/pipeline/pool.ts) before
      // the synchronous hooks below ask for it. A failure is theirs to report, as it always was: they
      // run the build again, through the cache, and throw where the build or the overlay shows it.
      const tell = (s: BuildStats) =>
        options.quiet ||
        (s.fromCache === 0 && s.workers === 0) ||
        console.log(
          `Isnad: ${s.documents} document(s): ${s.fromCache} from the cache, ${s.extracted} extracted` +
            (s.workers > 0 ? ` (${s.inWorkers} of them in ${s.workers} worker thread(s))` : ''),
        );
      if (!cached) await buildCorpusParallel(seedsDir, {}, tell).then(run, () => undefined);
    },
    configureServer(s) {
      server = s;
      s.watcher.add(seedsDir);
      const onChange = (file: string) => {
        if (!resolve(file).startsWith(seedsDir)) return;
        cached = null;
        for (const id of VIRTUAL.values()) {
          const mod = s.moduleGraph.getModuleById(id);
          if (mod) s.moduleGraph.invalidateModule(mod);
        }
        s.ws.send({ type: 'full-reload' });
      };
      s.watcher.on('change', onChange);
      s.watcher.on('add', onChange);
      s.watcher.on('unlink', onChange);
      s.middlewares.use(DEV_SEARCH_URL, (_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(shards().metaJson);
      });
      s.middlewares.use(DEV_SHARDS_URL, (req, res) => {
        const json = shards().files.get((req.url ?? '').replace(/^\//, '').replace(/\?.*$/, ''));
        res.statusCode = json === undefined ? 404 : 200;
        res.setHeader('Content-Type', 'application/json');
        res.end(json ?? '{}');
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // Only in the build: the dev server needs inline scripts and a websocket for hot reload.
        if (ctx.server) return html;
        if (options.previews !== false) {
          const tags = previewTags(run().corpus, baseUrlFromEnv());
          // A function, not a string: `$&` or `$'` in a headline must not be read as replacement patterns.
          html = html.replace('<link rel="icon"', () => `${tags}\n    <link rel="icon"`);
        }
        // Preload the two faces every first view needs (Arabic reading and interface text), so the
        // text does not wait for the CSS to be parsed before its fonts start downloading.
        const fonts = Object.keys(ctx.bundle ?? {}).filter((f) =>
          /(noto-naskh-arabic-arabic-400|ibm-plex-sans-arabic-arabic-400)-normal-[^/]*\.woff2$/.test(f),
        );
        const preload = fonts
          .map((f) => `<link rel="preload" href="./${f}" as="font" type="font/woff2" crossorigin />`)
          .join('\n    ');
        if (preload) html = html.replace('<link rel="icon"', () => `${preload}\n    <link rel="icon"`);
        // The manifest and the first document's file start downloading with the script, not after it
        // has run (every file when the corpus is small: the page then loads it whole before hydrating).
        if (split()) {
          const m = manifestFileOf().manifest;
          const first = m.documents[0]?.chunk;
          const files = smallCorpus(m) ? m.chunks : first === undefined ? [] : [m.chunks[first]!];
          const data = [manifestFileOf().fileName, ...files]
            .map((f) => `<link rel="preload" href="./${f}" as="fetch" type="application/json" crossorigin="anonymous" />`)
            .join('\n    ');
          html = html.replace('<link rel="icon"', () => `${data}\n    <link rel="icon"`);
        }
        const gate = options.prerender === true;
        if (gate) html = html.replace('</title>', () => `</title>\n    <script>${LANG_GATE}</script>`);
        if (options.csp === false) return html;
        const csp = gate
          ? CSP.replace("script-src 'self'", () => `script-src 'self' ${scriptHash(LANG_GATE)} ${scriptHash(FIRST_VIEW_SWAP)}`)
          : CSP;
        return html.replace(
          '<meta charset="UTF-8" />',
          () => `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
        );
      },
    },
    async generateBundle() {
      if (split()) {
        for (const c of chunksOf()) this.emitFile({ type: 'asset', fileName: c.fileName, source: c.json });
        this.emitFile({ type: 'asset', fileName: manifestFileOf().fileName, source: manifestFileOf().json });
      }
      if (options.previews === false) return;
      const { corpus } = run();
      const base = baseUrlFromEnv();
      const png = await renderPng(previewSvg(corpus, options.previewNodes?.(corpus) ?? previewNodesOf(corpus, layoutOf())));
      this.emitFile({ type: 'asset', fileName: 'preview.png', source: png });
      this.emitFile({ type: 'asset', fileName: 'oembed.json', source: oembedJson(corpus, base) });
    },
    async writeBundle(output, bundle) {
      if (!options.prerender || !output.dir || !('index.html' in bundle)) return;
      const file = join(output.dir, 'index.html');
      const views = await renderFirstViewHtml(root, { ...sourceOf(), documents: run().corpus.documents }, layoutOf());
      writeFileSync(file, injectFirstView(readFileSync(file, 'utf8'), views.ar, views.en));
    },
    resolveId(id) {
      return VIRTUAL.get(id);
    },
    load(id) {
      if (![RESOLVED_CORPUS, RESOLVED_SEARCH, RESOLVED_SEARCH_LOADER, RESOLVED_LAYOUT].includes(id)) return undefined;
      try {
        const { corpus } = run();
        const compress = options.compress === true;
        if (id === RESOLVED_SEARCH) return jsonModule(JSON.parse(searchJson()), compress);
        if (id === RESOLVED_SEARCH_LOADER) {
          const from = (file: string) => JSON.stringify(fileURLToPath(new URL(`../search/${file}`, import.meta.url)));
          if (!searchWorker) return `export { loadSearch } from ${from('loadInPage.ts')};\n`;
          // The build emits the sharded index as content-hashed files next to the chunks: the meta file
          // (its URL goes to the worker) and, under assets/search/, the files it names.
          let url = JSON.stringify(DEV_SEARCH_URL);
          if (!server) {
            const index = shards();
            for (const [name, source] of index.files) this.emitFile({ type: 'asset', fileName: `assets/search/${name}`, source });
            const fileName = `assets/search-${digest(index.metaJson)}.json`;
            url = `import.meta.ROLLUP_FILE_URL_${this.emitFile({ type: 'asset', fileName, source: index.metaJson })}`;
          }
          return `import { loadSearchInWorker } from ${from('loadInWorker.ts')};\nexport const loadSearch = () => loadSearchInWorker(${url});\n`;
        }
        if (id === RESOLVED_LAYOUT) return jsonModule(layoutOf());
        if (split()) return splitCorpusModule(manifestFileOf(), join(root, 'src/app/corpusFiles.ts'));
        return inlineCorpusModule(corpus, join(root, 'src/model/digest.ts'), compress);
      } catch (e) {
        if (server) server.config.logger.error(e instanceof Error ? e.message : String(e));
        throw e;
      }
    },
  };
}
