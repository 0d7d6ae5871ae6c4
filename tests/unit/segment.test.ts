import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { segment, splitSentences, looksLikeDateline, quoteRanges } from '../../src/pipeline/segment';
import { readSeed } from '../../src/pipeline/read';

const enc = (s: string) => new TextEncoder().encode(s);
const doc = (text: string, file = 'a.txt', lang = 'ar') =>
  segment(readSeed(enc(text), file, { defaults: { lang, date: '2020-01-01' } }));
const texts = (text: string) => splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits Arabic text at . ؟ ! and ؛', () => {
    expect(texts('قال الوزير إن الاجتماع انتهى. هل سيعود؟ نعم! ثم غادر؛ وبقي الوفد')).toEqual([
      'قال الوزير إن الاجتماع انتهى.',
      'هل سيعود؟',
      'نعم!',
      'ثم غادر؛',
      'وبقي الوفد',
    ]);
  });
  it('does not split inside “…” or «…» quotes', () => {
    expect(texts('قال: “انتهى الأمر. لن نعود” ثم غادر. وبعد ذلك «كلام. آخر» انتهى.')).toEqual([
      'قال: “انتهى الأمر. لن نعود” ثم غادر.',
      'وبعد ذلك «كلام. آخر» انتهى.',
    ]);
  });
  it('ends a sentence after a quote that closes with its own full stop', () => {
    expect(texts('He said "It is over." Then he left.')).toEqual(['He said "It is over."', 'Then he left.']);
  });
  it('ignores an unbalanced quote instead of swallowing the paragraph', () => {
    expect(texts('قال “الأمر انتهى. ثم غادر.')).toEqual(['قال “الأمر انتهى.', 'ثم غادر.']);
  });
  it('does not split after English abbreviations, initials or decimals', () => {
    expect(texts('Mr. Smith met Dr. J. Doe in the U.S. capital at 3.5 p.m. Friday. They talked.')).toEqual([
      'Mr. Smith met Dr. J. Doe in the U.S. capital at 3.5 p.m. Friday.',
      'They talked.',
    ]);
  });
  it('does not split after an Arabic abbreviation such as د.', () => {
    expect(texts('التقى د. أحمد بالوفد. ثم عاد.')).toEqual(['التقى د. أحمد بالوفد.', 'ثم عاد.']);
  });
});

describe('segment', () => {
  it('finds title, dateline, subheading and paragraphs with offsets into the original', () => {
    const text = 'عنوان الخبر هنا\n\nدمشق-سانا\n\nالفقرة الأولى. جملة ثانية.\n\nعنوان فرعي قصير\n\nفقرة أخيرة.\n';
    const d = doc(text);
    expect(d.blocks.map((b) => b.kind)).toEqual(['title', 'dateline', 'paragraph', 'subhead', 'paragraph']);
    expect(d.blocks.map((b) => text.slice(b.start, b.end))).toEqual([
      'عنوان الخبر هنا',
      'دمشق-سانا',
      'الفقرة الأولى. جملة ثانية.',
      'عنوان فرعي قصير',
      'فقرة أخيرة.',
    ]);
    expect(d.sentences.map((s) => text.slice(s.start, s.end))).toContain('جملة ثانية.');
    expect(d.dir).toBe('rtl');
  });
  it('keeps CRLF text intact and offsets exact', () => {
    const text = 'Title line\r\n\r\nPARIS, May 1 (AFP)\r\n\r\nFirst sentence. Second one.\r\n';
    const d = doc(text, 'x.txt', 'en');
    expect(d.text).toBe(text);
    expect(d.blocks.map((b) => b.kind)).toEqual(['title', 'dateline', 'paragraph']);
    expect(d.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Title line',
      'PARIS, May 1 (AFP)',
      'First sentence.',
      'Second one.',
    ]);
    expect(d.dir).toBe('ltr');
  });
  it('strips a UTF-8 BOM without shifting offsets', () => {
    const d = segment(readSeed(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('عنوان\n\nنص.')]), 'b.txt'));
    expect(d.text.startsWith('عنوان')).toBe(true);
    expect(d.text.slice(d.blocks[1]!.start, d.blocks[1]!.end)).toBe('نص.');
  });
  it('keeps NO-BREAK SPACE in the text and folds it in the normalised form', () => {
    const text = 'عنوان\n\nالبيت\u00A0الأبيض قال.';
    const d = doc(text);
    const s = d.sentences[1]!;
    expect(text.slice(s.start, s.end)).toBe('البيت\u00A0الأبيض قال.');
    expect(s.norm).toBe('البيت الابيض قال.');
  });
  it('splits an inline dateline ending in -- from the first paragraph', () => {
    const text = 'عنوان\n\nعمان، الأردن (CNN) -- شارك الآلاف في الإضراب.';
    const d = doc(text);
    expect(d.blocks.map((b) => [b.kind, text.slice(b.start, b.end)])).toEqual([
      ['title', 'عنوان'],
      ['dateline', 'عمان، الأردن (CNN)'],
      ['paragraph', 'شارك الآلاف في الإضراب.'],
    ]);
  });
  it('reads markdown headings and joins wrapped lines', () => {
    const text = '# Headline\n\nA paragraph that\nwraps. Next.\n\n## A section\n\nLast one.\n';
    const d = doc(text, 'x.md', 'en');
    expect(d.blocks.map((b) => [b.kind, text.slice(b.start, b.end)])).toEqual([
      ['title', 'Headline'],
      ['paragraph', 'A paragraph that\nwraps. Next.'],
      ['subhead', 'A section'],
      ['paragraph', 'Last one.'],
    ]);
  });
  it('segments the bundled seed into its known layout', () => {
    const bytes = readFileSync('seeds/000_3a34eed36ca8e033.txt');
    const d = segment(readSeed(bytes, 'seed.txt', { sidecar: readFileSync('seeds/000_3a34eed36ca8e033.meta.json', 'utf8') }));
    const kinds = d.blocks.map((b) => b.kind);
    expect(kinds[0]).toBe('title');
    expect(kinds[1]).toBe('dateline');
    expect(kinds.filter((k) => k === 'subhead')).toHaveLength(2);
    for (const s of d.sentences) expect(d.text.slice(s.start, s.end).trim()).toBe(d.text.slice(s.start, s.end));
  });
});

describe('helpers', () => {
  it('looksLikeDateline', () => {
    expect(looksLikeDateline('موسكو-واشنطن-سانا')).toBe(true);
    expect(looksLikeDateline('PARIS, April 10 , 1997 (AFP)')).toBe(true);
    expect(looksLikeDateline('هذه جملة كاملة.')).toBe(false);
  });
  it('quoteRanges pairs nested quotes', () => {
    const t = '«قال “نعم” ثم»';
    expect(quoteRanges(t, 0, t.length)).toEqual([
      [5, 10],
      [0, 14],
    ]);
  });
});
