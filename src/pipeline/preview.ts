/**
 * Link previews, made at build time: the Open Graph / Twitter card tags, the preview image (an SVG
 * of the corpus's headline and diagram rasterised with resvg, shaping Arabic with the same fonts the
 * page uses), and the oEmbed JSON that lets a CMS turn a link to the explorer into an embed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Corpus, EntityType } from '../model/schema';

/** A node of the diagram to draw in the preview, in layout coordinates. */
export interface PreviewNode {
  x: number;
  y: number;
  r: number;
  type: EntityType;
}

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;
const COLORS: Record<EntityType, string> = { person: '#0072b2', organization: '#a3480b', place: '#00795a', other: '#7a4d8c' };

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The first document's headline: what the preview and the page title lead with. */
export function headline(corpus: Corpus): string {
  const doc = corpus.documents[0];
  if (!doc) return '';
  const t = doc.blocks.find((b) => b.kind === 'title');
  return (doc.meta.title ?? (t ? doc.text.slice(t.start, t.end) : '')).replace(/\s+/g, ' ').trim();
}

/** A one-line summary of the corpus, in English and Arabic. */
export function describeCorpus(corpus: Corpus): string {
  const sum = (f: (d: Corpus['documents'][number]) => number) => corpus.documents.reduce((s, d) => s + f(d), 0);
  const ids = new Set(corpus.documents.flatMap((d) => d.entities.map((e) => e.id)));
  const n = corpus.documents.length;
  return (
    `${n} article${n === 1 ? '' : 's'}, ${ids.size} people, organizations and places, ${sum((d) => d.statements.length)} statements: ` +
    `who said what, to whom, when, and who reported it. · من قال ماذا، ولمن، ومتى، ومن نقل عنه.`
  );
}

/** Breaks a headline into at most `lines` lines of about `width` characters. */
export function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
      if (out.length === lines) break;
    } else line = line ? `${line} ${word}` : word;
  }
  if (out.length < lines && line) out.push(line);
  if (out.length === lines && out.join(' ').length < text.length) out[lines - 1] = `${out[lines - 1]!.replace(/\s*\S*$/, '')} …`;
  return out;
}

/** The preview as SVG: brand, headline in its own direction, counts, and the diagram if given. */
export function previewSvg(corpus: Corpus, nodes: readonly PreviewNode[] = []): string {
  const doc = corpus.documents[0];
  const rtl = doc?.dir === 'rtl';
  const lines = wrap(headline(corpus) || 'Isnad', 34, 3);
  const x = rtl ? PREVIEW_WIDTH - 70 : 70;
  const anchor = rtl ? 'end' : 'start';
  const entities = new Set(corpus.documents.flatMap((d) => d.entities.map((e) => e.id))).size;
  const statements = corpus.documents.reduce((s, d) => s + d.statements.length, 0);
  let graph = '';
  if (nodes.length > 0) {
    const xs = nodes.map((n) => n.x);
    const ys = nodes.map((n) => n.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.min(360 / Math.max(1, maxX - minX), 200 / Math.max(1, maxY - minY));
    const ox = rtl ? 70 : PREVIEW_WIDTH - 430;
    graph = nodes
      .slice(0, 80)
      .map((n) => {
        const cx = ox + (n.x - minX) * scale;
        const cy = 360 + (n.y - minY) * scale;
        return `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${Math.max(4, Math.min(18, n.r)).toFixed(1)}" fill="${COLORS[n.type]}" opacity="0.85"/>`;
      })
      .join('');
  }
  const text = lines
    .map(
      (l, i) =>
        `<text x="${x}" y="${170 + i * 64}" font-family="Noto Naskh Arabic" font-weight="700" font-size="48" text-anchor="${anchor}" direction="${rtl ? 'rtl' : 'ltr'}" fill="#1d1b16">${escapeXml(l)}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}">` +
    `<rect width="100%" height="100%" fill="#f7f5f0"/><rect width="100%" height="12" fill="#0b5d6b"/>` +
    `<text x="70" y="86" font-family="IBM Plex Sans Arabic" font-weight="600" font-size="34" fill="#0b5d6b">Isnad · إسناد</text>` +
    text +
    graph +
    `<text x="70" y="${PREVIEW_HEIGHT - 56}" font-family="IBM Plex Sans Arabic" font-size="28" fill="#5a554a">` +
    `${corpus.documents.length} article${corpus.documents.length === 1 ? '' : 's'} · ${entities} entities · ${statements} statements</text>` +
    `</svg>`
  );
}

const FONT_FILES = [
  'noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2',
  'noto-naskh-arabic/files/noto-naskh-arabic-latin-700-normal.woff2',
  'ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-400-normal.woff2',
  'ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-latin-400-normal.woff2',
  'ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-600-normal.woff2',
  'ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-latin-600-normal.woff2',
];

/** Rasterises the preview SVG to PNG with the page's own fonts (WOFF2 unpacked to TrueType for resvg). */
export async function renderPng(svg: string): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  const { Resvg } = (await import('@resvg/resvg-js')) as typeof import('@resvg/resvg-js');
  const wawoff = await import('wawoff2');
  // resvg reads TrueType from files (its typings lack in-memory fonts): unpack into a temporary folder.
  const dir = mkdtempSync(join(tmpdir(), 'isnad-fonts-'));
  try {
    const fontFiles = await Promise.all(
      FONT_FILES.map(async (f, i) => {
        const path = join(dir, `${i}.ttf`);
        writeFileSync(path, await wawoff.decompress(readFileSync(require.resolve(`@fontsource/${f}`))));
        return path;
      }),
    );
    const resvg = new Resvg(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'IBM Plex Sans Arabic' } });
    return resvg.render().asPng();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The tags for link previews; `base` is the canonical URL of the explorer (ending in '/') when known. */
export function previewTags(corpus: Corpus, base?: string): string {
  const title = headline(corpus) ? `${headline(corpus)} · Isnad` : 'Isnad · إسناد';
  const description = describeCorpus(corpus);
  const image = `${base ?? './'}preview.png`;
  const tags = [
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="Isnad" />`,
    `<meta property="og:title" content="${escapeXml(title)}" />`,
    `<meta property="og:description" content="${escapeXml(description)}" />`,
    `<meta property="og:image" content="${escapeXml(image)}" />`,
    `<meta property="og:image:width" content="${PREVIEW_WIDTH}" />`,
    `<meta property="og:image:height" content="${PREVIEW_HEIGHT}" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
    `<meta name="twitter:title" content="${escapeXml(title)}" />`,
    `<meta name="twitter:description" content="${escapeXml(description)}" />`,
    `<meta name="twitter:image" content="${escapeXml(image)}" />`,
    `<link rel="alternate" type="application/json+oembed" href="${escapeXml(`${base ?? './'}oembed.json`)}" title="${escapeXml(title)}" />`,
  ];
  if (base)
    tags.push(`<link rel="canonical" href="${escapeXml(base)}" />`, `<meta property="og:url" content="${escapeXml(base)}" />`);
  return tags.join('\n    ');
}

/** oEmbed (https://oembed.com) "rich" response for the explorer. */
export function oembedJson(corpus: Corpus, base?: string): string {
  const src = `${base ?? './'}?embed=1`;
  const html =
    `<iframe src="${escapeXml(src)}" title="Isnad" loading="lazy" style="width:100%;height:600px;border:0"></iframe>` +
    `<script src="${escapeXml(`${base ?? './'}embed.js`)}" async></script>`;
  return `${JSON.stringify(
    {
      version: '1.0',
      type: 'rich',
      provider_name: 'Isnad',
      title: headline(corpus) || 'Isnad',
      html,
      width: 960,
      height: 600,
      thumbnail_url: `${base ?? './'}preview.png`,
      thumbnail_width: PREVIEW_WIDTH,
      thumbnail_height: PREVIEW_HEIGHT,
    },
    null,
    2,
  )}\n`;
}
