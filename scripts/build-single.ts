/**
 * Builds dist/isnad.html: the whole explorer in one file (scripts, styles, fonts and corpus inlined)
 * that works when opened from disk. Run after `vite build` (npm run build does both).
 *
 * vite-plugin-singlefile inlines the bundle; this script then adds a Content Security Policy that
 * allows exactly the inlined script and styles (by their SHA-256 hashes) and nothing from outside.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { isnad } from '../src/pipeline/vitePlugin';

/**
 * Fonts for one-file builds, where every font is inlined whether used or not: the reading face in
 * Arabic (regular and bold) and the interface face (regular, Arabic and Latin). The other weights
 * and subsets are synthesised or fall back to the next face in the stack.
 */
const SINGLE_FILE_FONTS = [
  'noto-naskh-arabic-arabic-400',
  'noto-naskh-arabic-arabic-700',
  'ibm-plex-sans-arabic-arabic-400',
  'ibm-plex-sans-arabic-latin-400',
];

/** Vite plugin keeping only SINGLE_FILE_FONTS in src/app/fonts.css. */
export function singleFileFonts(): Plugin {
  return {
    name: 'isnad-single-file-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\?.*$/, '').endsWith('src/app/fonts.css')) return undefined;
      const blocks = code.split(/(?=\/\* [\w-]+-normal \*\/)/);
      return blocks
        .filter(
          (b) =>
            !b.startsWith('/* ') ||
            b.startsWith('/* Generated') ||
            SINGLE_FILE_FONTS.some((f) => b.startsWith(`/* ${f}-normal */`)),
        )
        .join('');
    },
  };
}

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** Adds a CSP meta tag allowing only the page's own inline code and data: fonts and images. */
export function withHashCsp(html: string): string {
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]!));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]!));
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.join(' ') || "'none'"}`,
    `style-src ${styles.join(' ') || "'none'"}`,
    'font-src data:',
    'img-src data: blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return html.replace(
    '<meta charset="UTF-8" />',
    () => `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
  );
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'isnad-single-'));
  try {
    await build({
      configFile: false,
      mode: 'production',
      logLevel: 'warn',
      base: './',
      publicDir: false,
      plugins: [
        singleFileFonts(),
        svelte(),
        isnad({ csp: false, quiet: true, previews: false, compress: true }),
        viteSingleFile({ removeViteModuleLoader: true }),
      ],
      build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
    });
    const favicon = `data:image/svg+xml;base64,${readFileSync('public/favicon.svg').toString('base64')}`;
    const html = withHashCsp(
      readFileSync(join(outDir, 'index.html'), 'utf8').replace('href="./favicon.svg"', () => `href="${favicon}"`),
    );
    writeFileSync('dist/isnad.html', html);
    console.log(`Isnad: wrote dist/isnad.html (${Math.round(Buffer.byteLength(html) / 1024)} KB, works from file://)`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

// Run only as a script, so build-element.ts can import singleFileFonts.
if (process.argv[1]?.endsWith('build-single.ts')) await main();
