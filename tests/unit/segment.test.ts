import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { segment, splitSentences, looksLikeDateline, quoteRanges, trimSpan } from '../../src/pipeline/segment';
import { readSeed } from '../../src/pipeline/read';
import abbreviations from '../../src/pipeline/data/abbreviations.json';

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

// The splitter as it was before the quote tests were made linear: the reference the fast one must match.
const OLD = {
  terminators: new Set(['.', '!', '?', '؟', '؛', '…', '۔']),
  closers: new Set(['”', '»', '"', "'", '’', ')', ']', '›']),
  openers: { '“': '”', '«': '»', '‹': '›', '„': '”' } as Record<string, string>,
};
const isSpaceRef = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);
function quoteRangesRef(text: string, start: number, end: number): [number, number][] {
  const pairs: [number, number][] = [];
  const stack: { at: number; close: string }[] = [];
  let straight = -1;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      if (straight < 0) straight = i;
      else {
        pairs.push([straight, i + 1]);
        straight = -1;
      }
    } else if (OLD.openers[ch]) stack.push({ at: i, close: OLD.openers[ch] });
    else if (stack.length > 0 && ch === stack[stack.length - 1]!.close) pairs.push([stack.pop()!.at, i + 1]);
    else if (stack.length > 0 && stack.some((s) => s.close === ch)) {
      while (stack.length > 0 && stack[stack.length - 1]!.close !== ch) stack.pop();
      pairs.push([stack.pop()!.at, i + 1]);
    }
  }
  return pairs;
}
function splitSentencesRef(text: string, start: number, end: number): { start: number; end: number }[] {
  const quotes = quoteRangesRef(text, start, end);
  const inside = (i: number) => quotes.some(([a, b]) => i > a && i < b - 1);
  const abbr = (dot: number) => {
    let s = dot;
    while (s > start && !isSpaceRef(text[s - 1]) && !'(“«"'.includes(text[s - 1]!)) s--;
    const w = text.slice(s, dot);
    if (w.length === 0) return false;
    return abbreviations.en.includes(w) || /^\p{Lu}$/u.test(w) || /^(?:\p{L}\.)+\p{L}$/u.test(w) || abbreviations.ar.includes(w);
  };
  const out: { start: number; end: number }[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (!OLD.terminators.has(ch) || inside(i) || (ch === '.' && abbr(i))) continue;
    if (ch === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
    let j = i + 1;
    while (j < end && (OLD.terminators.has(text[j]!) || OLD.closers.has(text[j]!))) j++;
    if (j < end && !isSpaceRef(text[j])) continue;
    const span = trimSpan(text, from, j);
    if (span.end > span.start) out.push(span);
    from = j;
    i = j - 1;
  }
  const rest = trimSpan(text, from, end);
  if (rest.end > rest.start) out.push(rest);
  const split: { start: number; end: number }[] = [];
  for (const span of out) {
    let f = span.start;
    for (const [, qEnd] of quotes) {
      if (qEnd <= f || qEnd >= span.end) continue;
      const before = text[qEnd - 2];
      if (before === undefined || !OLD.terminators.has(before) || !isSpaceRef(text[qEnd])) continue;
      if (quotes.some(([a, b]) => a < qEnd - 1 && b > qEnd)) continue;
      const piece = trimSpan(text, f, qEnd);
      if (piece.end > piece.start) split.push(piece);
      f = qEnd;
    }
    const last = trimSpan(text, f, span.end);
    if (last.end > last.start) split.push(last);
  }
  return split;
}

describe('splitSentences on long and hostile text', () => {
  // Words of at most 8 marks, so no word is long enough to meet the abbreviation look-back bound.
  const word = fc
    .array(fc.constantFrom('a', 'B', 'ب', '3', '.', '.', '!', '؟', '“', '”', '«', '»', '"', '…', ')', 'Mr', 'د'), {
      minLength: 1,
      maxLength: 8,
    })
    .map((a) => a.join(''));
  const prose = fc
    .array(word, { maxLength: 40 })
    .chain((ws) =>
      fc
        .array(fc.constantFrom(' ', ' ', '\u00A0', '\n'), { minLength: ws.length, maxLength: ws.length })
        .map((sp) => ws.map((w, i) => w + sp[i]).join('')),
    );
  it('splitSentences and quoteRanges give what the quadratic reference gives', () => {
    fc.assert(
      fc.property(prose, (text) => {
        expect(quoteRanges(text, 0, text.length)).toEqual(quoteRangesRef(text, 0, text.length));
        expect(splitSentences(text, 0, text.length)).toEqual(splitSentencesRef(text, 0, text.length));
      }),
      { numRuns: 2000 },
    );
  });
  it('segments a 2 MB paragraph full of quotes in linear time', () => {
    const piece = 'قال “الاجتماع كان مفيدا. وسنعود” ثم غادر. وأضاف "أن المحادثات." في «دمشق. ستستمر» Mr. Smith 3.5 p.m. ';
    const text = `عنوان\n\n${piece.repeat(Math.ceil(2_000_000 / piece.length))}`;
    // About 0.8 s here; the quadratic version took minutes, far past the test's timeout.
    const d = doc(text);
    expect(d.sentences.length).toBeGreaterThan(30_000);
  });
  it('does not go quadratic on runs of unclosed quotes, dots and long words', () => {
    const n = 200_000;
    for (const text of ['“'.repeat(n) + '»'.repeat(n), `a${'.'.repeat(n)}b`, 'x.'.repeat(n), '«'.repeat(n) + '. '.repeat(n)]) {
      // Quadratic on any of these, 200,000 characters would take far past the test's timeout.
      const spans = splitSentences(text, 0, text.length);
      for (const s of spans) expect(s.end).toBeGreaterThan(s.start);
    }
  });
  it('keeps a bidi or zero-width mark at a sentence edge out of the span', () => {
    const text = '\u202Bقال الوزير.\u202C \u200Bثم غادر.\u2069';
    expect(texts(text)).toEqual(['قال الوزير.', 'ثم غادر.']);
  });
});
