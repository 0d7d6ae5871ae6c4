import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldWithMap } from '../../src/pipeline/relations/fold';

/** Folding one code unit at a time: what fold and foldWithMap must agree with on any text. */
function unitByUnit(text: string) {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = fold(text[i]!);
    expect(f.length).toBeLessThanOrEqual(1);
    if (f) {
      out += f;
      map.push(i);
    }
  }
  map.push(text.length);
  return { text: out, map };
}

describe('fold and foldWithMap', () => {
  it("fold('الأمريكى') → الامريكي; foldWithMap maps each folded unit back", () => {
    expect(fold('الأمريكى')).toBe('الامريكي');
    const f = foldWithMap('Aـبَ\u200fإ');
    expect(f.text).toBe('aبا');
    expect(f.map).toEqual([0, 2, 5, 6]);
  });

  it('copying runs of unchanged units gives what folding unit by unit gives (property)', () => {
    const units = fc.constantFrom(...'abcXYZ 09.,;:\t\u00a0ابتةىیأإآؤئکـًٌُ٠٩۰\u200b\u200f\u202a\ufeffÉßİ’"«»'.split(''));
    fc.assert(
      fc.property(
        fc.array(units, { maxLength: 60 }).map((a) => a.join('')),
        (text) => {
          const expected = unitByUnit(text);
          expect(fold(text)).toBe(expected.text);
          expect(foldWithMap(text)).toEqual(expected);
        },
      ),
    );
  });
});
