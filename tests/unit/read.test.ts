// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSeed,
  documentId,
  firstInvalidUtf8,
  guessLang,
  isRealDate,
  readSeed,
  IsnadInputError,
} from '../../src/pipeline/read';

const enc = (s: string) => new TextEncoder().encode(s);

describe('readSeed', () => {
  it('reads front matter and keeps offsets into the body', () => {
    const d = readSeed(enc('---\ndate: 2017-01-28\nlang: ar\noutlet: SANA\n---\nعنوان\n'), 'x.md');
    expect(d.meta).toEqual({ date: '2017-01-28', lang: 'ar', outlet: 'SANA' });
    expect(d.text).toBe('عنوان\n');
    expect(d.textOffset).toBeGreaterThan(0);
  });
  it('lets the sidecar win over front matter and command-line defaults', () => {
    const d = readSeed(enc('---\ndate: 2017-01-01\n---\nText.'), 'x.md', {
      sidecar: '{"date":"2018-02-02","lang":"en"}',
      defaults: { date: '1999-01-01' },
    });
    expect(d.meta.date).toBe('2018-02-02');
  });
  it('guesses the language from the script and leaves the date null when unknown', () => {
    expect(readSeed(enc('خبر عاجل'), 'a.txt').meta).toEqual({ date: null, lang: 'ar' });
    expect(readSeed(enc('Breaking news'), 'a.txt').meta.lang).toBe('en');
  });
  it('rejects an empty or whitespace-only file, naming it', () => {
    expect(() => readSeed(enc(''), 'seeds/empty.txt')).toThrow(/seeds\/empty\.txt: is empty/);
    expect(() => readSeed(enc(' \n\u00A0\n'), 'seeds/ws.txt')).toThrow(/seeds\/ws\.txt: is empty/);
  });
  it('rejects an impossible date with the metadata file named', () => {
    expect(() => readSeed(enc('Text.'), 'a.txt', { sidecar: '{"date":"2017-02-30"}', sidecarFile: 'seeds/a.meta.json' })).toThrow(
      'Isnad: seeds/a.meta.json: metadata date "2017-02-30" is not a date',
    );
  });
  it('rejects malformed front matter with a line number', () => {
    const err = (() => {
      try {
        readSeed(enc('---\ndate: 2017-01-28\nlang: [ar\n---\nText'), 'seeds/bad.md');
      } catch (e) {
        return e as IsnadInputError;
      }
    })();
    expect(err).toBeInstanceOf(IsnadInputError);
    expect(err!.message).toMatch(/seeds\/bad\.md line \d+: front matter is not valid YAML/);
  });
  it('rejects unclosed front matter and broken sidecar JSON', () => {
    expect(() => readSeed(enc('---\ndate: 2017-01-28\nText'), 'u.md')).toThrow(/never closed/);
    expect(() => readSeed(enc('Text'), 'u.txt', { sidecar: '{"date": ', sidecarFile: 'u.meta.json' })).toThrow(
      /u\.meta\.json.*not valid JSON/,
    );
  });
});

describe('decodeSeed', () => {
  it('decodes UTF-16 with a BOM', () => {
    const s = 'نص عربي';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      bytes[2 + i * 2] = s.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    expect(decodeSeed(bytes, 'u16.txt')).toBe(s);
  });
  it('rejects invalid UTF-8 with the line of the bad byte', () => {
    expect(() => decodeSeed(new Uint8Array([...enc('ok\nfine\n'), 0xff, 0x41]), 'seeds/latin1.txt')).toThrow(
      /seeds\/latin1\.txt line 3: is not valid UTF-8/,
    );
  });
  it('rejects binary content', () => {
    expect(() => decodeSeed(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'seeds/x.txt')).toThrow(/binary/);
  });
});

describe('ids and dates', () => {
  it('documentId is stable and readable', () => {
    expect(documentId('000_3a34eed36ca8e033.txt')).toBe('000_3a34eed36ca8e033');
    expect(documentId('world/قمة جديدة.md')).toBe('world~قمة-جديدة');
    expect(documentId('a/x.txt')).not.toBe(documentId('b/x.txt'));
  });
  it('isRealDate', () => {
    expect(isRealDate('2016-02-29')).toBe(true);
    expect(isRealDate('2017-02-29')).toBe(false);
    expect(isRealDate('2017-13-01')).toBe(false);
  });
});

const utf16 = (s: string, le: boolean, bom = true) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) [out[0], out[1]] = le ? [0xff, 0xfe] : [0xfe, 0xff];
  for (let i = 0, o = bom ? 2 : 0; i < s.length; i++, o += 2) {
    const u = s.charCodeAt(i);
    [out[o], out[o + 1]] = le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff];
  }
  return out;
};

describe('decodeSeed on hostile bytes', () => {
  it('reads UTF-16 BE and LE with a BOM, CRLF kept', () => {
    const s = 'عنوان\r\nنص 😀.';
    expect(decodeSeed(utf16(s, false), 'be.txt')).toBe(s);
    expect(decodeSeed(utf16(s, true), 'le.txt')).toBe(s);
  });
  it('names an unpaired surrogate or a half character in UTF-16, with its line', () => {
    expect(() => decodeSeed(utf16('a\nb\n\uD800x', true), 'seeds/s.txt')).toThrow(
      'Isnad: seeds/s.txt line 3: is not valid UTF-16LE text (an unpaired high surrogate at byte offset 10); save it as UTF-8',
    );
    expect(() => decodeSeed(utf16('ab\uDC00', false), 'seeds/s.txt')).toThrow(
      /line 1: .*unpaired low surrogate at byte offset 6/,
    );
    expect(() => decodeSeed(new Uint8Array([...utf16('ab', true), 0x41]), 'seeds/odd.txt')).toThrow(/odd number of bytes/);
  });
  it('recognises UTF-16 without a BOM and UTF-32 instead of calling them binary', () => {
    expect(() => decodeSeed(utf16('Plain English text\n', true, false), 'seeds/nobom.txt')).toThrow(
      'Isnad: seeds/nobom.txt line 1: looks like UTF-16 text without a byte order mark (BOM); save it as UTF-8',
    );
    expect(() => decodeSeed(utf16('نص عربي', false, false), 'seeds/nobom.txt')).toThrow(/UTF-16 text without a byte order mark/);
    expect(() => decodeSeed(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), 'seeds/u32.txt')).toThrow(/is UTF-32 text/);
  });
  it('calls a PNG or a ZIP binary, with the offset of the first NUL', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]);
    expect(() => decodeSeed(png, 'seeds/p.txt')).toThrow(
      'Isnad: seeds/p.txt line 3: looks like a binary file (it contains a NUL byte at byte offset 8), not text',
    );
    expect(() => decodeSeed(enc('text\u0007bell'), 'seeds/c.txt')).toThrow(
      /line 1: looks like a binary file \(it contains the control character U\+0007\)/,
    );
  });
  it('points at the first byte of a broken UTF-8 sequence and suggests the legacy encodings', () => {
    expect(() => decodeSeed(new Uint8Array([...enc('ok\n'), 0xe2, 0x82, 0x41]), 'seeds/cut.txt')).toThrow(
      'Isnad: seeds/cut.txt line 2: is not valid UTF-8 text (first bad byte 0xe2 at byte offset 3); it may be in a legacy encoding such as Windows-1256 or Latin-1: save it as UTF-8',
    );
    // Windows-1256 Arabic: "عربي" is C5 D1 C8 ED.
    expect(() => decodeSeed(new Uint8Array([0xc5, 0xd1, 0xc8, 0xed]), 'seeds/cp1256.txt')).toThrow(
      /byte offset 0\b.*Windows-1256/,
    );
  });
  it('firstInvalidUtf8 agrees with TextDecoder on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        const at = firstInvalidUtf8(bytes);
        expect(at === bytes.length).toBe(valid);
        if (!valid) {
          // Everything before the reported byte decodes: it is the start of the first bad sequence.
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, at))).not.toThrow();
        }
      }),
      { numRuns: 3000 },
    );
  });
  it('finds a bad byte at the end of 10 MB in linear time', () => {
    const bytes = new Uint8Array(10_000_001).fill(0x61);
    bytes[5_000_000] = 0x0a;
    bytes[10_000_000] = 0xff;
    // The byte-by-byte re-decoding this replaces was quadratic: it would not finish within the timeout.
    expect(() => decodeSeed(bytes, 'seeds/big.txt')).toThrow(
      /line 2: is not valid UTF-8 text \(first bad byte 0xff at byte offset 10000000\)/,
    );
  });
});

describe('readSeed on invisible text', () => {
  it('rejects a file of zero-width and bidi marks only', () => {
    expect(() => readSeed(enc('\u200B\u200C\n\u202E\u2066\uFEFF \u2069'), 'seeds/zw.txt')).toThrow(
      'Isnad: seeds/zw.txt: has no visible text (only spaces and invisible format characters such as zero-width or bidi marks)',
    );
  });
  it('keeps zero-width and bidi marks inside real text', () => {
    const text = 'عنوان\u200F\n\u202Eنص\u200C مقلوب\u202C.';
    expect(readSeed(enc(text), 'a.txt').text).toBe(text);
  });
});

describe('guessLang and metadata lines', () => {
  it('guessLang tells Persian and Hebrew from Arabic and English', () => {
    expect(guessLang('وزیر امور خارجه ایران گفت که گفتگوها ادامه خواهد یافت')).toBe('fa');
    expect(guessLang('قال وزير الخارجية الإيراني إن المحادثات ستستمر مع پاکستان')).toBe('ar');
    expect(guessLang('שר החוץ אמר כי השיחות יימשכו')).toBe('he');
    expect(guessLang('Le ministre a déclaré')).toBe('en');
  });
  it('names the line of a bad metadata field in front matter and in a multi-line sidecar', () => {
    expect(() => readSeed(enc('---\nlang: ar\ndate: 2017-02-30\n---\nText'), 'seeds/x.md')).toThrow(
      'Isnad: seeds/x.md line 3: metadata date "2017-02-30" is not a date',
    );
    expect(() =>
      readSeed(enc('Text'), 'x.txt', { sidecar: '{\n"outlet": "A",\n"lang": "Arabic"\n}', sidecarFile: 'seeds/x.meta.json' }),
    ).toThrow('Isnad: seeds/x.meta.json line 3: metadata: lang:');
  });
  it('blames the front matter, not the sidecar, for a bad date written in the front matter', () => {
    expect(() =>
      readSeed(enc('---\ndate: 2017-02-30\n---\nText'), 'seeds/x.md', {
        sidecar: '{"lang": "en"}',
        sidecarFile: 'seeds/x.meta.json',
      }),
    ).toThrow('Isnad: seeds/x.md line 2: metadata date');
  });
  it('gives the YAML reason without yaml’s own line count, which is off by the opening ---', () => {
    expect(() => readSeed(enc('---\ndate: 2017-01-28\nlang: [ar\n---\nText'), 'seeds/bad.md')).toThrow(
      /line 3: front matter is not valid YAML: [^\n]*\]$/,
    );
  });
});
