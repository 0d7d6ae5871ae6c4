// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeSeed, documentId, isRealDate, readSeed, IsnadInputError } from '../../src/pipeline/read';

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
