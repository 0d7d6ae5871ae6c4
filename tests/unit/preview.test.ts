// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/model/schema';
import { extractDocument } from '../../src/pipeline/extract';
import { loadKnowledge } from '../../src/pipeline/knowledge';
import { oembedJson, previewSvg, previewTags, renderPng, wrap } from '../../src/pipeline/preview';
import { baseUrlFromEnv } from '../../src/pipeline/vitePlugin';

const doc = extractDocument(new TextEncoder().encode('عنوان "مقتبس" <b>وسوم</b> & رموز\n\nنص.'), 'a.txt', loadKnowledge(), {
  defaults: { lang: 'ar', date: '2020-01-01' },
});
const corpus: Corpus = { schemaVersion: 1, generator: 'test', documents: [doc] };

describe('link previews', () => {
  it('escapes the headline in every tag', () => {
    const tags = previewTags(corpus, 'https://example.org/isnad/');
    expect(tags).toContain('og:title" content="عنوان &quot;مقتبس&quot; &lt;b&gt;وسوم&lt;/b&gt; &amp; رموز · Isnad"');
    expect(tags).toContain('<meta property="og:image" content="https://example.org/isnad/preview.png" />');
    expect(tags).toContain('<link rel="canonical" href="https://example.org/isnad/" />');
    expect(tags).not.toContain('<b>');
  });
  it('uses relative URLs when no base URL is set', () => {
    expect(previewTags(corpus)).toContain('content="./preview.png"');
    expect(previewTags(corpus)).not.toContain('canonical');
  });
  it('writes an oEmbed rich response with the embed snippet', () => {
    const o = JSON.parse(oembedJson(corpus, 'https://example.org/isnad/')) as Record<string, unknown>;
    expect(o).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Isnad' });
    expect(o.html).toContain('src="https://example.org/isnad/?embed=1"');
    expect(o.html).toContain('embed.js');
  });
  it('draws the headline right-to-left for an Arabic corpus and rasterises it', async () => {
    const svg = previewSvg(corpus, [{ x: 0, y: 0, r: 6, type: 'person' }]);
    expect(svg).toContain('direction="rtl"');
    expect(svg).toContain('&lt;b&gt;');
    expect(svg).toContain('<circle');
    const png = await renderPng(svg);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
  it('wraps long headlines and marks the cut', () => {
    expect(wrap('a b c d e f g h', 3, 2)).toEqual(['a b', 'c …']);
    expect(wrap('short', 30, 3)).toEqual(['short']);
  });
  it('baseUrlFromEnv accepts http(s) URLs and refuses the rest', () => {
    expect(baseUrlFromEnv('https://example.org/isnad')).toBe('https://example.org/isnad/');
    expect(baseUrlFromEnv('')).toBeUndefined();
    expect(() => baseUrlFromEnv('javascript:alert(1)')).toThrow(/must be http/);
    expect(() => baseUrlFromEnv('not a url')).toThrow(/is not a URL/);
  });
});
