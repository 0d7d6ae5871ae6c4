import { describe, expect, it } from 'vitest';
import { stemEnglish, stripArabicPrefixes, stripArabicSuffixes, type Lexicon } from '../../src/search/stem';

const lexicon = (known: string[], names: string[] = []): Lexicon => ({
  isKnown: (w) => known.includes(w),
  isProtected: (w) => names.includes(w),
});

describe('stripArabicPrefixes', () => {
  const lex = lexicon(['قال', 'ترامب'], ['بوتين', 'ترامب', 'واشنطن', 'فلسطين']);
  it.each([
    ['المكالمه', 'مكالمه'],
    ['والمكالمه', 'مكالمه'],
    ['بالمكالمه', 'مكالمه'],
    ['للامن', 'امن'],
    ['وللامن', 'امن'],
    ['وترامب', 'ترامب'],
    ['وقال', 'قال'],
    ['فقال', 'قال'],
    ['واشنطن', 'واشنطن'],
    ['فلسطين', 'فلسطين'],
    ['بوتين', 'بوتين'],
    ['وزير', 'وزير'],
    ['كتاب', 'كتاب'],
    ['الله', 'الله'],
    ['الان', 'الان'],
  ])('stripArabicPrefixes(%s) → %s', (word, want) => {
    expect(stripArabicPrefixes(word, lex)).toBe(want);
  });
  it('needs four letters after a lone preposition (كتاب stays even when تاب is a word)', () => {
    expect(stripArabicPrefixes('كتاب', lexicon(['تاب']))).toBe('كتاب');
    expect(stripArabicPrefixes('بترامب', lexicon(['ترامب']))).toBe('ترامب');
  });
});

describe('stripArabicSuffixes', () => {
  const lex = lexicon([], ['بوتين', 'سوريه']);
  it.each([
    ['مكالمه', 'مكالم'],
    ['مكالمات', 'مكالم'],
    ['امريكي', 'امريك'],
    ['امريكيه', 'امريك'],
    ['هاتفيه', 'هاتف'],
    ['ارهابيين', 'ارهاب'],
    ['بوتين', 'بوتين'],
    ['سوريه', 'سوريه'],
    ['بيان', 'بيان'],
    ['كتب', 'كتب'],
  ])('stripArabicSuffixes(%s) → %s', (word, want) => {
    expect(stripArabicSuffixes(word, lex)).toBe(want);
  });
});

describe('stemEnglish', () => {
  it.each([
    ['meetings', 'meet'],
    ['meeting', 'meet'],
    ['meet', 'meet'],
    ['summits', 'summit'],
    ['agreed', 'agr'],
    ['agree', 'agr'],
    ['stopped', 'stop'],
    ['calling', 'call'],
    ['policies', 'policy'],
    ['status', 'status'],
    ["putin's", 'putin'],
    ['hope', 'hop'],
    ['hoped', 'hop'],
    ['use', 'use'],
  ])('stemEnglish(%s) → %s', (word, want) => {
    expect(stemEnglish(word)).toBe(want);
  });
});
