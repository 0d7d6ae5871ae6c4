/**
 * The Vite plugin that turns seeds/ into the app's data, at build time and in `vite dev`.
 *
 * `virtual:isnad/corpus` is the validated corpus (imported by the app's first view).
 * The pipeline re-runs when a seed changes in dev, and the page reloads. A bad seed stops
 * `vite build` with the file and the reason; in dev the error overlay shows the same message.
 */
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { Corpus } from '../model/schema';
import { buildCorpus, summarize } from './corpus';
import { buildSearchBundle } from '../search/build';
import { loadKnowledge, type Knowledge } from './knowledge';
import { oembedJson, previewSvg, previewTags, renderPng, type PreviewNode } from './preview';

const CORPUS_ID = 'virtual:isnad/corpus';
const RESOLVED_CORPUS = `\0${CORPUS_ID}`;
/** The serialized search index: imported with `import()`, so it is its own chunk, fetched on first search. */
const SEARCH_ID = 'virtual:isnad/search';
const RESOLVED_SEARCH = `\0${SEARCH_ID}`;
const VIRTUAL = new Map([
  [CORPUS_ID, RESOLVED_CORPUS],
  [SEARCH_ID, RESOLVED_SEARCH],
]);

export interface IsnadPluginOptions {
  /** Folder of seed documents (default: `seeds` at the project root). */
  seedsDir?: string;
  /** Called with the corpus after each pipeline run (used by the build to emit extra files). */
  onCorpus?: (corpus: Corpus, knowledge: Knowledge) => void;
  /** Do not print the bundling summary (a second build of the same seeds). */
  quiet?: boolean;
  /** Emit link previews (preview.png, oembed.json, Open Graph tags); default true. */
  previews?: boolean;
  /** Nodes of the diagram to draw in the preview image. */
  previewNodes?: (corpus: Corpus) => PreviewNode[];
  /** Add the Content Security Policy meta tag (default true; the single-file build adds its own with hashes). */
  csp?: boolean;
}

/** Serialises data as a JS module; JSON.parse of a string literal parses faster than an object literal. */
export function jsonModule(data: unknown): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`;
}

/** The corpus as a JS module. */
export function corpusModule(corpus: Corpus): string {
  return jsonModule(corpus);
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

/** Vite plugin: runs the Isnad pipeline on seeds/ and serves the corpus as a virtual module. */
export function isnad(options: IsnadPluginOptions = {}): Plugin {
  let seedsDir = '';
  let cached: { corpus: Corpus; knowledge: Knowledge } | null = null;
  let server: ViteDevServer | undefined;

  const run = () => {
    if (!cached) {
      const knowledge = loadKnowledge(seedsDir);
      const corpus = buildCorpus(seedsDir, knowledge);
      cached = { corpus, knowledge };
      if (!options.quiet) console.log(summarize(corpus));
      options.onCorpus?.(corpus, knowledge);
    }
    return cached;
  };

  return {
    name: 'isnad-pipeline',
    configResolved(config) {
      seedsDir = resolve(config.root, options.seedsDir ?? 'seeds');
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
          html = html.replace('<link rel="icon"', `${tags}\n    <link rel="icon"`);
        }
        // Preload the two faces every first view needs (Arabic reading and interface text), so the
        // text does not wait for the CSS to be parsed before its fonts start downloading.
        const fonts = Object.keys(ctx.bundle ?? {}).filter((f) =>
          /(noto-naskh-arabic-arabic-400|ibm-plex-sans-arabic-arabic-400)-normal-[^/]*\.woff2$/.test(f),
        );
        const preload = fonts
          .map((f) => `<link rel="preload" href="./${f}" as="font" type="font/woff2" crossorigin />`)
          .join('\n    ');
        if (preload) html = html.replace('<link rel="icon"', `${preload}\n    <link rel="icon"`);
        if (options.csp === false) return html;
        return html.replace(
          '<meta charset="UTF-8" />',
          `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
        );
      },
    },
    async generateBundle() {
      if (options.previews === false) return;
      const { corpus } = run();
      const base = baseUrlFromEnv();
      const png = await renderPng(previewSvg(corpus, options.previewNodes?.(corpus) ?? []));
      this.emitFile({ type: 'asset', fileName: 'preview.png', source: png });
      this.emitFile({ type: 'asset', fileName: 'oembed.json', source: oembedJson(corpus, base) });
    },
    resolveId(id) {
      return VIRTUAL.get(id);
    },
    load(id) {
      if (id !== RESOLVED_CORPUS && id !== RESOLVED_SEARCH) return undefined;
      try {
        const { corpus, knowledge } = run();
        if (id === RESOLVED_SEARCH) return jsonModule(buildSearchBundle(corpus, knowledge.names()));
        return corpusModule(corpus);
      } catch (e) {
        if (server) server.config.logger.error(e instanceof Error ? e.message : String(e));
        throw e;
      }
    },
  };
}
