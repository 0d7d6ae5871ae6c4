/**
 * Folding with an offset map: cue words are matched on folded text, and every match is mapped
 * back to the original UTF-16 offsets so evidence always quotes the text as written.
 * The folds follow src/search/normalize.ts (hamza forms, alef maqsura, Latin case), but one
 * character at a time, dropping tatweel, harakat and invisible controls. Taa marbuta is kept:
 * here it tells the feminine نائبة (a deputy) from the possessive نائبه (his deputy).
 */

const FOLDS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ی: 'ي', ؤ: 'و', ئ: 'ي', ک: 'ك', '’': "'" };

/** Folded text and, for each folded code unit, the offset of the original code unit it came from. */
export interface Folded {
  text: string;
  /** `map[i]` is the original offset of folded unit `i`; `map[text.length]` is the original length. */
  map: number[];
}

/** True for code units that matching ignores: tatweel, harakat, Quranic marks, bidi and zero-width controls. */
function dropped(c: number): boolean {
  return (
    c === 0x0640 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06ed) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x061c ||
    c === 0xfeff ||
    c === 0x00ad
  );
}

/** True for the Unicode spaces folded to a plain space. */
function space(c: number): boolean {
  return (
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Folds one code unit (or returns '' to drop it). */
function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x41) return c === 0x09 ? ' ' : ch;
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : ch;
  if (dropped(c)) return '';
  if (space(c)) return ' ';
  const f = FOLDS[ch];
  if (f) return f;
  if (c >= 0x0660 && c <= 0x0669) return String(c - 0x0660);
  if (c >= 0x06f0 && c <= 0x06f9) return String(c - 0x06f0);
  if (c >= 0x0600 && c <= 0x06ff) return ch;
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

/** `UNCHANGED[c]` is 1 when `foldChar` leaves code unit `c` as it is (ASCII and the Arabic block): most of any text. */
const UNCHANGED = new Uint8Array(0x0700);
for (let c = 0; c < UNCHANGED.length; c++) UNCHANGED[c] = foldChar(String.fromCharCode(c)) === String.fromCharCode(c) ? 1 : 0;

/** Folds text for matching, keeping a map back to the original offsets: `fold('الأمريكى')` → `الامريكي`. */
export function foldWithMap(text: string): Folded {
  // Runs of unchanged units are copied in one slice; every kept unit folds to exactly one unit.
  let out = '';
  let run = 0;
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x0700 && UNCHANGED[c] === 1) {
      map.push(i);
      continue;
    }
    out += text.slice(run, i);
    run = i + 1;
    const f = foldChar(text[i]!);
    if (f) {
      out += f;
      map.push(i);
    }
  }
  out += text.slice(run);
  map.push(text.length);
  return { text: out, map };
}

/** Folds text without the map (for data words and short gaps). */
export function fold(text: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x0700 && UNCHANGED[c] === 1) continue;
    out += text.slice(run, i) + foldChar(text[i]!);
    run = i + 1;
  }
  return run === 0 ? text : out + text.slice(run);
}
