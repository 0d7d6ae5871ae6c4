import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Analyzer, tokenize } from '../../src/search/analyze';
import { hasArabic, normalize } from '../../src/search/normalize';
import type { Lexicon } from '../../src/search/stem';
import stopwords from '../../src/search/data/stopwords.json';

const analyzer = new Analyzer();
const terms = (w: string) => analyzer.forms(w).map((f) => [f.surface, f.stem]);

describe('tokenize', () => {
  it('gives offsets into the original text, across NO-BREAK SPACE, bidi marks and punctuation', () => {
    const text = 'قال\u00A0بوتين: «الإرهاب‏ الدولي» في عام ٢٠١٥م، U.S. Putin’s';
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual(['قال', 'بوتين', 'الإرهاب', 'الدولي', 'في', 'عام', '٢٠١٥', 'م', 'U.S.', 'Putin’s']);
  });
  it('keeps tatweel, harakat and ZWNJ inside a word', () => {
    expect(tokenize('الاجتمـــاع وَزِيرُ ab\u200Ccd').map((t) => t.text)).toEqual(['الاجتمـــاع', 'وَزِيرُ', 'ab\u200Ccd']);
  });
  it('skips runs of invisible characters', () => {
    expect(tokenize('\u200F \u200E\u200F')).toEqual([]);
  });
});

describe('Analyzer.forms', () => {
  it.each([
    ['الأمريكي', [['امريكي', 'امريك']]],
    ['الامريكى', [['امريكي', 'امريك']]],
    ['المكالمة', [['مكالمه', 'مكالم']]],
    ['مكالمة', [['مكالمه', 'مكالم']]],
    ['بُوتِين', [['بوتين', 'بوت']]],
    ['الاجتمـــاع', [['اجتماع', 'اجتماع']]],
    ['٢٠١٥', [['2015', '2015']]],
    ['۱۹۹۴', [['1994', '1994']]],
    ['٣٫٥', [['3.5', '3.5']]],
    ['Putin’s', [['putin', 'putin']]],
    ['U.S.', [['us', 'us']]],
    ['Niinistö', [['niinisto', 'niinisto']]],
    ['meetings', [['meetings', 'meet']]],
  ])('forms(%s)', (word, want) => {
    expect(terms(word)).toEqual(want);
  });
  it('drops stopwords, but keeps the name علي apart from the preposition على', () => {
    expect(terms('في')).toEqual([]);
    expect(terms('على')).toEqual([]);
    expect(terms('the')).toEqual([]);
    expect(terms('علي')).toEqual([['علي', 'علي']]);
  });
  it('never stems a protected name', () => {
    const lex: Lexicon = { isProtected: (w) => w === 'بوتين', isKnown: () => false };
    expect(new Analyzer(lex).forms('بوتين')).toEqual([{ surface: 'بوتين', stem: 'بوتين' }]);
  });
});

describe('stopwords.json', () => {
  it('lists normalised, unique, non-empty words', () => {
    for (const list of [stopwords.arabic, stopwords.english]) {
      expect(new Set(list).size).toBe(list.length);
      for (const w of list) expect(normalize(w)).toBe(w);
    }
  });
});

describe('analysis properties', () => {
  const arabicLetters = fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئءـًٌٍَُِّْ'.split(''));
  const arabicWord = fc.array(arabicLetters, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
  const anyText = fc.string({ unit: 'binary', maxLength: 40 });
  const words = fc.oneof(arabicWord, anyText, fc.string({ unit: 'grapheme', maxLength: 12 }));

  it('never throws', () => {
    fc.assert(
      fc.property(words, (w) => {
        analyzer.forms(w);
        tokenize(w);
      }),
    );
  });
  it('never returns an empty term for a word with letters', () => {
    fc.assert(
      fc.property(words, (w) => {
        for (const f of analyzer.forms(w)) {
          expect(f.surface.length).toBeGreaterThan(0);
          expect(f.stem.length).toBeGreaterThan(0);
        }
        if (hasArabic(w) && /[\u0621-\u064A]/.test(normalize(w))) {
          // a letter-bearing Arabic word gives a term unless it is a stopword
          const forms = analyzer.forms(w);
          for (const f of forms) expect(f.stem).toMatch(/\S/);
        }
      }),
    );
  });
  it('is idempotent: analysing a term gives the term back', () => {
    fc.assert(
      fc.property(words, (w) => {
        for (const f of analyzer.forms(w)) {
          for (const t of [f.surface, f.stem]) {
            const again = analyzer.forms(t);
            if (again.length === 0) continue; // a term can be a stopword's shape only if it was one
            expect(again[0]!.stem).toBe(f.stem);
          }
          expect(analyzer.forms(f.stem)[0]?.surface ?? f.stem).toBe(f.stem);
        }
      }),
    );
  });
  it('normalize is idempotent', () => {
    fc.assert(
      fc.property(words, (w) => {
        expect(normalize(normalize(w))).toBe(normalize(w));
      }),
    );
  });
});
