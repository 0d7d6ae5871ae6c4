/**
 * Text normalisation shared by the build (pipeline, index) and the browser (queries).
 * One function so that documents and queries can never be folded differently.
 *
 * The steps follow ../shared/notes/arabic-text.md: NFKC, invisible/bidi controls out,
 * tatweel and harakat out, letter folds, Arabic-Indic and Persian digits to ASCII,
 * all kinds of spaces to a plain space. Case is folded for Latin script.
 */

/** Zero-width and bidi controls, BOM and ALM: invisible, they only break matching. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]/g;
/** NO-BREAK SPACE and the other Unicode spaces. */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;
/** Tatweel, Quranic marks, harakat, superscript alef, small high marks. */
// eslint-disable-next-line no-misleading-character-class -- a class of lone combining marks is the point
const MARKS = /[\u0640\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;

const LETTER_FOLDS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
  ک: 'ك',
};
const FOLDABLE = /[أإآٱىیةؤئک]/g;
const DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Maps one Arabic-Indic (U+0660–0669) or Persian (U+06F0–06F9) digit to ASCII. */
function asciiDigit(d: string): string {
  const c = d.charCodeAt(0);
  return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
}

/**
 * Text that one more round cannot change: ASCII (already lower case), Arabic letters without marks
 * (already folded, so none of FOLDABLE is left), Arabic punctuation and the common quotes and dashes;
 * none of them has an NFKC decomposition or a case. Most words and sentences are like this, so they
 * skip the second round, which would only give them back.
 */
const SETTLED =
  /^[\t\n\r\x20-\x7E\u00AB\u00BB\u060C\u061B\u061F\u0621-\u063A\u0641-\u064A\u2013\u2014\u2018\u2019\u201C\u201D]*$/;

/**
 * Normalises text for matching: `normalize('الأمريكى')` → `الامريكي`.
 * Never changes the number of words; may change lengths (do not use its offsets).
 */
export function normalize(text: string): string {
  // Removing an invisible character can bring a letter and its combining mark together, which NFKC
  // then composes: repeat until nothing changes, so normalising twice is normalising once.
  let out = foldLetters(stripMarks(text));
  if (SETTLED.test(out)) return out;
  for (let i = 0; i < 3; i++) {
    const again = foldLetters(stripMarks(out));
    if (again === out) break;
    out = again;
  }
  return out;
}

/**
 * The first half of `normalize`: NFKC, invisible controls out, spaces unified, tatweel and harakat
 * out, but letters kept as written (`على` stays `على`, where `normalize` gives `علي`, a name).
 */
export function stripMarks(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(SPACES, ' ').replace(MARKS, '');
}

/** The second half of `normalize`: letter folds, digits to ASCII, lower case. */
export function foldLetters(text: string): string {
  return text
    .replace(FOLDABLE, (ch) => LETTER_FOLDS[ch] ?? ch)
    .replace(DIGITS, asciiDigit)
    .toLowerCase();
}

/** True when the text contains Arabic-script letters. */
export function hasArabic(text: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/.test(text);
}
