// @vitest-environment node
// Runs the real `vite build` (twice) and checks what lands in dist/.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_VIEW_SWAP } from '../../src/pipeline/prerender';
import { LANG_GATE, scriptHash } from '../../src/pipeline/vitePlugin';

const outs: string[] = [];

async function buildTo(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'isnad-dist-'));
  outs.push(outDir);
  await build({ configFile: 'vite.config.ts', mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  return outDir;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

let first: string;
let second: string;
beforeAll(async () => {
  first = await buildTo();
  second = await buildTo();
}, 120_000);
afterAll(() => {
  for (const o of outs) rmSync(o, { recursive: true, force: true });
});

describe('vite build', () => {
  it('writes index.html with relative asset URLs only', () => {
    const html = readFileSync(join(first, 'index.html'), 'utf8');
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(1);
    for (const u of urls) expect(u.startsWith('./') || u.startsWith('#'), u).toBe(true);
  });

  it('sets a Content Security Policy that allows no other origin, no eval and no inline script', () => {
    const html = readFileSync(join(first, 'index.html'), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    // Two inline scripts, the prerendered page's language check and the English view's swap, each
    // admitted by its hash and nothing else.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toEqual([LANG_GATE, FIRST_VIEW_SWAP]);
    expect(csp).toContain(scriptHash(LANG_GATE));
    expect(csp).toContain(scriptHash(FIRST_VIEW_SWAP));
  });

  it('writes the seed corpus as a manifest and content-hashed data the page preloads, not inlined in the script', () => {
    const files = listFiles(join(first, 'data')).map((f) => relative(first, f));
    const manifests = files.filter((f) => /^data\/manifest-[0-9a-f]{12}\.json$/.test(f));
    const chunks = files.filter((f) => /^data\/corpus-[0-9a-f]{12}\.json$/.test(f));
    expect(manifests).toHaveLength(1);
    expect(chunks.length).toBeGreaterThan(0);
    expect(manifests.length + chunks.length).toBe(files.length);
    const manifest = JSON.parse(readFileSync(join(first, manifests[0]!), 'utf8')) as {
      chunks: string[];
      documents: { id: string }[];
    };
    expect(manifest.chunks).toEqual(chunks);
    expect(manifest.documents.map((d) => d.id)).toContain('000_3a34eed36ca8e033');
    const docs = chunks.flatMap((f) => JSON.parse(readFileSync(join(first, f), 'utf8')) as { id: string }[]);
    expect(docs.map((d) => d.id)).toContain('000_3a34eed36ca8e033');
    // The seed is a small corpus: the manifest and every file are preloaded.
    const html = readFileSync(join(first, 'index.html'), 'utf8');
    for (const f of files) expect(html).toContain(`<link rel="preload" href="./${f}" as="fetch"`);
    const js = listFiles(first)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // toBe rather than toContain: a failure should not print the whole bundle.
    expect(js.includes('000_3a34eed36ca8e033')).toBe(false);
    expect(js.includes(manifests[0]!)).toBe(true);
  });

  it('needs nothing from another origin', () => {
    for (const f of listFiles(first).filter((f) => /\.(html|css|js)$/.test(f))) {
      // Block comments may show example URLs (embed.js documents its snippet); code may not.
      const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      const external = [...text.matchAll(/(?:url\(|src=|href=|import\()\s*["']?(https?:)?\/\/[^"')\s]+/g)].map((m) => m[0]);
      expect(external, relative(first, f)).toEqual([]);
    }
  });

  it('writes link previews: Open Graph tags, a PNG preview and oEmbed JSON', () => {
    const html = readFileSync(join(first, 'index.html'), 'utf8');
    expect(html).toContain('<meta property="og:image" content="./preview.png" />');
    expect(html).toContain('application/json+oembed');
    expect([...readFileSync(join(first, 'preview.png')).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(JSON.parse(readFileSync(join(first, 'oembed.json'), 'utf8')).type).toBe('rich');
  });

  it('prerenders the first view into index.html: the article, the diagram and the timeline, without inline styles', () => {
    const html = readFileSync(join(first, 'index.html'), 'utf8');
    const app = /<div id="app">([\s\S]*)<\/div><template id="isnad-first-en">/.exec(html)?.[1] ?? '';
    const english = /<template id="isnad-first-en">([\s\S]*)<\/template>/.exec(html)?.[1] ?? '';
    // The English interface's first view, inert until the page's swap takes it for an English reader.
    expect(english).toMatch(/<div class="app[^"]*" dir="ltr" lang="en"/);
    expect(english).not.toMatch(/\sstyle="/);
    // The seed's headline is in the markup, inside the reader, before any script has run.
    expect(/<article[^>]*class="[^"]*reader/.test(app)).toBe(true);
    expect(app.includes('تنسيق حقيقي')).toBe(true);
    expect(app.includes('id="graph"')).toBe(true);
    expect(app.includes('id="timeline"')).toBe(true);
    // Svelte's hydration markers: the browser takes this markup over instead of drawing it again.
    expect(app.includes('<!--[-->')).toBe(true);
    // The page's CSP allows no inline style: a style attribute in the markup would be refused.
    expect(app).not.toMatch(/\sstyle="/);
  });

  it('self-hosts the Arabic font', () => {
    const fonts = listFiles(first).filter((f) => f.endsWith('.woff2'));
    expect(fonts.some((f) => f.includes('noto-naskh-arabic-arabic'))).toBe(true);
  });

  it('is deterministic: the same seeds give byte-identical files', () => {
    const a = listFiles(first)
      .map((f) => relative(first, f))
      .sort();
    const b = listFiles(second)
      .map((f) => relative(second, f))
      .sort();
    expect(b).toEqual(a);
    for (const f of a) expect(readFileSync(join(second, f)).equals(readFileSync(join(first, f))), f).toBe(true);
  });
});
