// Vite builds the explorer as a static site with relative URLs (works from any sub-path);
// the isnad plugin runs the extraction pipeline on seeds/ at build time and in dev.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { isnad } from './src/pipeline/vitePlugin';

export default defineConfig({
  base: './',
  plugins: [svelte(), isnad({ prerender: true, split: true })],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
