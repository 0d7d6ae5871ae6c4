/**
 * Builds dist/isnad-element.js, the <isnad-explorer> custom element (src/element.ts), as one classic script.
 * Every component's CSS is compiled as injected styles, which Svelte appends to the shadow root the
 * component renders in, so nothing leaks into the host page. Run after `vite build`.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import { isnad } from '../src/pipeline/vitePlugin';
import { singleFileFonts } from './build-single';

const outDir = mkdtempSync(join(tmpdir(), 'isnad-element-'));
try {
  await build({
    configFile: false,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    plugins: [
      singleFileFonts(),
      svelte({
        configFile: false,
        preprocess: vitePreprocess(),
        emitCss: false,
        compilerOptions: { css: 'injected', runes: true },
      }),
      isnad({ csp: false, quiet: true, previews: false }),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      // A classic script, not a module: hosts on another origin can load it without CORS headers.
      lib: { entry: resolve('src/element.ts'), formats: ['iife'], name: 'IsnadElement', fileName: () => 'isnad-element.js' },
    },
  });
  copyFileSync(join(outDir, 'isnad-element.js'), 'dist/isnad-element.js');
  console.log(`Isnad: wrote dist/isnad-element.js (${Math.round(statSync('dist/isnad-element.js').size / 1024)} KB)`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
