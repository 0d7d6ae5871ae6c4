// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLetters, normalize, stripMarks } from '../../src/search/normalize';

/** `normalize` without its shortcut: rounds until nothing changes (at most four). */
function reference(text: string): string {
  let out = foldLetters(stripMarks(text));
  for (let i = 0; i < 3; i++) {
    const again = foldLetters(stripMarks(out));
    if (again === out) break;
    out = again;
  }
  return out;
}

// Letters that fold, marks, invisible controls, spaces, digits, cased and compatibility characters.
const TRICKY = [
  ...'أإآٱىیةؤئکاويهبلكالعربية، ؛؟«»“”‘’–—…',
  ...'ABCxyzİIKﬁℌ①Ｓ',
  '\u0640',
  '\u064B',
  '\u0650',
  '\u0653',
  '\u0654',
  '\u0655',
  '\u0670',
  '\u06D6',
  '\u0610',
  '\u200B',
  '\u200F',
  '\u202B',
  '\u2066',
  '\u061C',
  '\uFEFF',
  '\u00AD',
  '\u00A0',
  '\u2009',
  '\u3000',
  '\u0301',
  '\u0307',
  '٣',
  '۴',
  '0',
  '9',
  ' ',
  '\n',
  '\t',
];

describe('normalize’s shortcut for settled text', () => {
  it('gives what rounding until nothing changes gives', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRICKY), { maxLength: 24 }), (chars) => {
        const s = chars.join('');
        return normalize(s) === reference(s);
      }),
      { numRuns: 20000, seed: 7 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 16 }), (s) => normalize(s) === reference(s)),
      { numRuns: 20000, seed: 8 },
    );
  });
  it('still folds what the first round leaves foldable', () => {
    // An invisible control between a letter and its mark: the first round brings them together.
    expect(normalize('ا\u200B\u0654')).toBe(reference('ا\u200B\u0654'));
    expect(normalize('İstanbul')).toBe(reference('İstanbul'));
  });
});
