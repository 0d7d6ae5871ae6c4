/**
 * Builds the explorer for one corpus with the real Vite build and the real Isnad plugin, and measures
 * what a first view downloads. The config mirrors vite.config.ts with `isnad({ seedsDir })`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build, type PluginOption } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { singleFileFonts } from '../scripts/build-single';
import { isnad } from '../src/pipeline/vitePlugin';
import { gzipBytes } from './stats';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export interface FirstViewBytes {
  /** JavaScript loaded by the first view (entry chunk and its static imports), corpus included. */
  jsRaw: number;
  jsGzip: number;
  /** The same without the inlined corpus literal: the app's own code. */
  appJsRaw: number;
  appJsGzip: number;
  cssRaw: number;
  cssGzip: number;
  /** Number of JavaScript files in the first view. */
  jsFiles: number;
  /** The corpus as data files (data/*.json, fetched by the page; src/pipeline/chunks.ts). */
  dataRaw: number;
  dataGzip: number;
  dataFiles: number;
}

/** Runs `vite build` of the explorer on `seedsDir` into `outDir` (with a manifest to follow imports). */
export async function buildSite(
  seedsDir: string,
  outDir: string,
  extra: { singleFile?: boolean; chunkBytes?: number } = {},
): Promise<void> {
  // The one-file build mirrors scripts/build-single.ts: four fonts, gzipped corpus and index, no previews.
  const plugins: PluginOption[] = extra.singleFile
    ? [singleFileFonts(), svelte(), isnad({ seedsDir, quiet: true, csp: false, previews: false, compress: true })]
    : [svelte(), isnad({ seedsDir, quiet: true, prerender: true, split: true, chunkBytes: extra.chunkBytes })];
  if (extra.singleFile) plugins.push(viteSingleFile({ removeViteModuleLoader: true }));
  await build({
    configFile: false,
    root: process.cwd(),
    mode: 'production',
    logLevel: 'error',
    base: './',
    ...(extra.singleFile ? { publicDir: false as const } : {}),
    plugins,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: extra.singleFile ? undefined : 0,
      reportCompressedSize: false,
      manifest: !extra.singleFile,
    },
  });
}

/**
 * Cuts the corpus out of a chunk: the plugin emits `JSON.parse("…")` with a string literal holding
 * the corpus JSON; the literal is replaced by `"{}"`. Returns the code unchanged when there is none.
 */
export function stripCorpusLiteral(code: string): { code: string; corpusChars: number } {
  const at = code.search(/JSON\.parse\((["'`])\{\\?["']schemaVersion/);
  if (at < 0) return { code, corpusChars: 0 };
  const open = code.indexOf('(', at) + 1;
  const quote = code[open]!;
  let i = open + 1;
  while (i < code.length && code[i] !== quote) i += code[i] === '\\' ? 2 : 1;
  return { code: `${code.slice(0, open)}"{}"${code.slice(i + 1)}`, corpusChars: i + 1 - open };
}

/** What the first view of a built site loads, from Vite's manifest: the entry, its static imports, their CSS. */
export function firstViewBytes(outDir: string): FirstViewBytes {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key]!;
    for (const c of chunk.css ?? []) css.add(c);
    for (const k of chunk.imports ?? []) visit(k);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry && key.endsWith('.html')) visit(key);
  const out: FirstViewBytes = {
    jsRaw: 0,
    jsGzip: 0,
    appJsRaw: 0,
    appJsGzip: 0,
    cssRaw: 0,
    cssGzip: 0,
    jsFiles: 0,
    dataRaw: 0,
    dataGzip: 0,
    dataFiles: 0,
  };
  for (const key of seen) {
    const code = readFileSync(join(outDir, manifest[key]!.file), 'utf8');
    const app = stripCorpusLiteral(code).code;
    out.jsRaw += Buffer.byteLength(code);
    out.jsGzip += gzipBytes(code);
    out.appJsRaw += Buffer.byteLength(app);
    out.appJsGzip += gzipBytes(app);
    out.jsFiles++;
  }
  const data = join(outDir, 'data');
  for (const name of existsSync(data) ? readdirSync(data) : []) {
    const bytes = readFileSync(join(data, name));
    out.dataRaw += bytes.length;
    out.dataGzip += gzipBytes(bytes);
    out.dataFiles++;
  }
  for (const file of css) {
    const text = readFileSync(join(outDir, file));
    out.cssRaw += text.length;
    out.cssGzip += gzipBytes(text);
  }
  return out;
}
