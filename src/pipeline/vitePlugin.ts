/**
 * The Vite plugin that turns seeds/ into the app's data, at build time and in `vite dev`.
 *
 * `virtual:isnad/corpus` is the validated corpus (imported by the app's first view).
 * The pipeline re-runs when a seed changes in dev, and the page reloads. A bad seed stops
 * `vite build` with the file and the reason; in dev the error overlay shows the same message.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin, ViteDevServer } from 'vite';
import type { Corpus } from '../model/schema';
import { summarize } from './corpus';
import { buildCorpusCached, buildCorpusParallel, type BuildStats } from './pool';
import { buildSearchBundle } from '../search/build';
import { buildGraphLayout, type GraphLayout } from '../graph/layout';
import { loadKnowledge, type Knowledge } from './knowledge';
import { oembedJson, previewSvg, previewTags, renderPng, type PreviewNode } from './preview';

const CORPUS_ID = 'virtual:isnad/corpus';
const RESOLVED_CORPUS = `\0${CORPUS_ID}`;
/** The serialized search index: imported with `import()`, so it is its own chunk, fetched on first search. */
const SEARCH_ID = 'virtual:isnad/search';
const RESOLVED_SEARCH = `\0${SEARCH_ID}`;
/** The diagram's layout, computed at build time so the first paint needs no simulation. */
const LAYOUT_ID = 'virtual:isnad/layout';
const RESOLVED_LAYOUT = `\0${LAYOUT_ID}`;
const VIRTUAL = new Map([
  [CORPUS_ID, RESOLVED_CORPUS],
  [SEARCH_ID, RESOLVED_SEARCH],
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
    c.layout ??= buildGraphLayout(c.corpus);
    return c.layout;
  };
  let server: ViteDevServer | undefined;

  const run = (built?: Corpus) => {
    if (!cached) {
      const knowledge = loadKnowledge(seedsDir);
      const corpus = built ?? buildCorpusCached(seedsDir);
      cached = { corpus, knowledge };
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
      seedsDir = resolve(config.root, options.seedsDir ?? 'seeds');
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
        if (options.csp === false) return html;
        return html.replace(
          '<meta charset="UTF-8" />',
          () => `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
        );
      },
    },
    async generateBundle() {
      if (options.previews === false) return;
      const { corpus } = run();
      const base = baseUrlFromEnv();
      const png = await renderPng(previewSvg(corpus, options.previewNodes?.(corpus) ?? previewNodesOf(corpus, layoutOf())));
      this.emitFile({ type: 'asset', fileName: 'preview.png', source: png });
      this.emitFile({ type: 'asset', fileName: 'oembed.json', source: oembedJson(corpus, base) });
    },
    resolveId(id) {
      return VIRTUAL.get(id);
    },
    load(id) {
      if (id !== RESOLVED_CORPUS && id !== RESOLVED_SEARCH && id !== RESOLVED_LAYOUT) return undefined;
      try {
        const { corpus, knowledge } = run();
        const compress = options.compress === true;
        if (id === RESOLVED_SEARCH) return jsonModule(buildSearchBundle(corpus, knowledge.names()), compress);
        if (id === RESOLVED_LAYOUT) return jsonModule(layoutOf());
        return corpusModule(corpus, compress);
      } catch (e) {
        if (server) server.config.logger.error(e instanceof Error ? e.message : String(e));
        throw e;
      }
    },
  };
}
