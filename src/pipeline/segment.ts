/**
 * Segment stage: text → blocks (title, dateline, subheadings, paragraphs) → sentences.
 *
 * Layout conventions of agency text: the first block is the headline; a short second block with
 * separators and no final stop is the dateline (or a short prefix ending in `--` at the start of
 * the first paragraph); a short block without a final stop between paragraphs is a subheading.
 * `.txt` files take one block per line; `.md` files join wrapped lines and read `#` headings.
 * Every span is trimmed and points into the original text.
 */
import abbreviations from './data/abbreviations.json';
import { normalize } from '../search/normalize';
import type { Block, BlockKind, Sentence } from '../model/schema';
import type { SegmentedDocument, SourceDocument } from './types';

const RTL_LANGS = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'ckb', 'yi', 'dv']);

/** Sentence-final marks: Latin and Arabic full stop, question and exclamation marks, Arabic semicolon, ellipsis. */
const TERMINATORS = new Set(['.', '!', '?', '؟', '؛', '…', '۔']);
/** Marks that may close a sentence after its terminator. */
const CLOSERS = new Set(['”', '»', '"', "'", '’', ')', ']', '›']);
const OPENERS: Record<string, string> = { '“': '”', '«': '»', '‹': '›', '„': '”' };
/** Every mark `quoteRanges` acts on: it jumps from one to the next instead of visiting every character. */
const QUOTE_MARK = new RegExp(`["${[...new Set(Object.entries(OPENERS).flat())].join('')}]`, 'g');
const FINAL_STOP = /[.!?؟…۔:]["'”»’)\]]*\s*$|[”»"]\s*[.؛]?\s*$/u;
const SEPARATORS = /[-–—,،:|/()]/;

const EN_ABBR = new Set(abbreviations.en);
const AR_ABBR = new Set(abbreviations.ar);

interface RawBlock {
  start: number;
  end: number;
  heading?: number;
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/u.test(ch);
}

/** Invisible marks: zero-width characters, bidi marks, embeddings, overrides and isolates, BOM. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;
const BLANK = /[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/** Trims a span of whitespace (including NO-BREAK SPACE and bidi marks) on both sides. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && BLANK.test(text[start]!)) start++;
  while (end > start && BLANK.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Splits text into raw blocks: one per line (txt), or per blank-line paragraph (md). */
function rawBlocks(text: string, markdown: boolean): RawBlock[] {
  const blocks: RawBlock[] = [];
  const lines = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let current: RawBlock | null = null;
  for (let m = lines.exec(text); m && m[0].length > 0; m = lines.exec(text)) {
    const { start, end } = trimSpan(text, m.index, m.index + m[0].length);
    if (start === end) {
      current = null;
      continue;
    }
    const heading = markdown ? /^(#{1,6})\s+/.exec(text.slice(start, end)) : null;
    if (heading) {
      blocks.push({ start: start + heading[0].length, end, heading: heading[1]!.length });
      current = null;
    } else if (markdown && current) {
      current.end = end;
    } else {
      current = { start, end };
      blocks.push(current);
    }
    if (lines.lastIndex >= text.length) break;
  }
  return blocks;
}

function wordCount(s: string): number {
  return s.split(/\s+/u).filter(Boolean).length;
}

/** Is this short line a dateline (`موسكو-واشنطن-سانا`, `PARIS, April 10, 1997 (AFP)`)? */
export function looksLikeDateline(line: string): boolean {
  return line.length <= 80 && wordCount(line) <= 10 && !FINAL_STOP.test(line) && SEPARATORS.test(line);
}

/** Is this block a subheading: short and without a final stop? */
export function looksLikeSubhead(line: string): boolean {
  return wordCount(line) <= 25 && !FINAL_STOP.test(line);
}

/** An inline dateline at the start of a paragraph: a short prefix ending in `--` or `—`. */
const INLINE_DATELINE = /^([^\n]{2,60}?)\s*(?:--|—|–\s)\s*/u;

function classify(text: string, raw: RawBlock[], markdown: boolean): { kind: BlockKind; start: number; end: number }[] {
  const out: { kind: BlockKind; start: number; end: number }[] = [];
  raw.forEach((b, i) => {
    const line = text.slice(b.start, b.end);
    let kind: BlockKind = 'paragraph';
    if (i === 0) kind = 'title';
    else if (markdown && b.heading !== undefined) kind = 'subhead';
    else if (i === 1 && looksLikeDateline(line)) kind = 'dateline';
    else if (i < raw.length - 1 && !markdown && looksLikeSubhead(line)) kind = 'subhead';
    if (kind === 'paragraph' && !out.some((o) => o.kind === 'paragraph' || o.kind === 'dateline')) {
      const m = INLINE_DATELINE.exec(line);
      if (m && wordCount(m[1]!) <= 6 && SEPARATORS.test(m[0]) && !TERMINATORS.has(m[1]!.slice(-1))) {
        const d = trimSpan(text, b.start, b.start + m[1]!.length);
        out.push({ kind: 'dateline', ...d });
        out.push({ kind: 'paragraph', ...trimSpan(text, b.start + m[0].length, b.end) });
        return;
      }
    }
    out.push({ kind, start: b.start, end: b.end });
  });
  return out;
}

/** Finds matched quotation pairs in a span; unbalanced marks are ignored so they cannot swallow the text. */
export function quoteRanges(text: string, start: number, end: number): [number, number][] {
  const pairs: [number, number][] = [];
  const stack: { at: number; close: string }[] = [];
  // How many openers on the stack wait for each closer, so "is this an outer quote's closer?" is O(1).
  const waiting = new Map<string, number>();
  const pop = () => {
    const top = stack.pop()!;
    waiting.set(top.close, waiting.get(top.close)! - 1);
    return top;
  };
  let straight = -1;
  // Within the slice, so that the search for the next mark stops at `end`.
  const part = text.slice(start, end);
  QUOTE_MARK.lastIndex = 0;
  for (let m = QUOTE_MARK.exec(part); m; m = QUOTE_MARK.exec(part)) {
    const i = start + m.index;
    const ch = m[0];
    if (ch === '"') {
      if (straight < 0) straight = i;
      else {
        pairs.push([straight, i + 1]);
        straight = -1;
      }
    } else if (OPENERS[ch]) {
      stack.push({ at: i, close: OPENERS[ch] });
      waiting.set(OPENERS[ch], (waiting.get(OPENERS[ch]) ?? 0) + 1);
    } else if (stack.length > 0 && ch === stack[stack.length - 1]!.close) {
      pairs.push([pop().at, i + 1]);
    } else if ((waiting.get(ch) ?? 0) > 0) {
      // A closer for an outer quote: drop the unclosed inner ones.
      while (stack[stack.length - 1]!.close !== ch) pop();
      pairs.push([pop().at, i + 1]);
    }
  }
  return pairs;
}

/** Longest word read as an abbreviation or a run of initials (`a.m`, `U.S.A`): bounds the look-back. */
const MAX_ABBREVIATION = 24;

/**
 * For points asked in increasing order: does any interval `[lo, hi]` (inclusive) hold the point? A
 * sweep over the intervals sorted by `lo` keeps quote tests linear in long texts, where testing every
 * quote at every full stop was quadratic (a 400,000-character paragraph took 10 s).
 */
function sweep(pairs: readonly [number, number][], loShift: number, hiShift: number): (point: number) => boolean {
  // The intervals are `[a + loShift, b + hiShift]` of the pairs `[a, b)`, built here in a literal: a
  // `.map()` made by the caller gave arrays whose hidden class changed once V8 compiled the caller,
  // and splitSentences was compiled again for each.
  const sorted: [number, number][] = [];
  for (const [a, b] of pairs) if (a + loShift <= b + hiShift) sorted.push([a + loShift, b + hiShift]);
  sorted.sort((x, y) => x[0] - y[0]);
  let next = 0;
  let reach = -Infinity;
  return (point) => {
    for (; next < sorted.length && sorted[next]![0] <= point; next++) reach = Math.max(reach, sorted[next]![1]);
    return reach >= point;
  };
}

/** Does a full stop at `dot` end an abbreviation or an initial rather than a sentence? */
function isAbbreviation(text: string, blockStart: number, dot: number): boolean {
  let s = dot;
  const limit = Math.max(blockStart, dot - MAX_ABBREVIATION);
  while (s > blockStart && !isSpace(text[s - 1]) && !'(“«"'.includes(text[s - 1]!)) {
    if (s === limit) return false; // a run this long without a space is not an abbreviation
    s--;
  }
  const word = text.slice(s, dot);
  if (word.length === 0) return false;
  if (EN_ABBR.has(word)) return true;
  // `[\p{Lu}]`, not `\p{Lu}`: esbuild (tsx, Vite's config bundle) turns a literal with a property escape
  // outside brackets into `new RegExp(...)`, built again at every call (0.3 µs against 0.06).
  if (/^[\p{Lu}]$/u.test(word)) return true; // an initial: "J. Smith"
  if (/^(?:[\p{L}]\.)+[\p{L}]$/u.test(word)) return true; // "U.S", "a.m"
  if (AR_ABBR.has(word)) return true;
  return false;
}

/** Splits one block into sentence spans. */
export function splitSentences(text: string, start: number, end: number): { start: number; end: number }[] {
  const quotes = quoteRanges(text, start, end);
  // Strictly inside a pair [a, b): a < i < b - 1.
  const insideQuote = sweep(quotes, 1, -2);
  const out: { start: number; end: number }[] = [];
  let sentenceStart = start;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (!TERMINATORS.has(ch)) continue;
    if (insideQuote(i)) continue;
    if (ch === '.' && isAbbreviation(text, start, i)) continue;
    if (ch === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
    let j = i + 1;
    // Closing marks, and invisible bidi or zero-width marks (`قال.\u202C ثم`), stay with the sentence.
    while (j < end && (TERMINATORS.has(text[j]!) || CLOSERS.has(text[j]!) || INVISIBLE.test(text[j]!))) j++;
    if (j < end && !isSpace(text[j])) {
      i = j - 1; // the rest of this run of marks gets the same answer: skip it
      continue; // "3.5", "U.S.-led", ".com"
    }
    const span = trimSpan(text, sentenceStart, j);
    if (span.end > span.start) out.push(span);
    sentenceStart = j;
    i = j - 1;
  }
  // A terminator at the very end of a quoted passage that closes the quote: split after the quote.
  const rest = trimSpan(text, sentenceStart, end);
  if (rest.end > rest.start) out.push(rest);
  return splitAfterQuotedEnds(text, out, quotes);
}

/** `قال: “… انتهى.” ثم` — a quote ending with its own stop closes the sentence after the quote mark. */
function splitAfterQuotedEnds(
  text: string,
  spans: { start: number; end: number }[],
  quotes: [number, number][],
): { start: number; end: number }[] {
  // Quote ends where a sentence may close: after the quote's own stop, followed by a space, and not
  // nested inside another quote. `quotes` come in the order they close, so these ends are ascending.
  // Nested: another pair [a, b) with a < qEnd - 1 and b > qEnd, i.e. a <= p <= b - 3 for p = qEnd - 2.
  const nested = sweep(quotes, 0, -3);
  const ends: number[] = [];
  for (const [, qEnd] of quotes) {
    const inside = nested(qEnd - 2); // asked for every quote, in order, to keep the sweep monotonic
    const before = text[qEnd - 2];
    if (before === undefined || !TERMINATORS.has(before) || !isSpace(text[qEnd])) continue;
    if (inside) continue;
    ends.push(qEnd);
  }
  const out: { start: number; end: number }[] = [];
  let k = 0;
  for (const span of spans) {
    let from = span.start;
    while (k < ends.length && ends[k]! <= from) k++;
    for (; k < ends.length && ends[k]! < span.end; k++) {
      const piece = trimSpan(text, from, ends[k]!);
      if (piece.end > piece.start) out.push(piece);
      from = ends[k]!;
    }
    const last = trimSpan(text, from, span.end);
    if (last.end > last.start) out.push(last);
  }
  return out;
}

/** Segment stage: adds blocks and sentences (with normalised forms) to a document. */
export function segment(doc: SourceDocument): SegmentedDocument {
  const markdown = /\.md$/i.test(doc.file);
  const text = doc.text;
  const classified = classify(text, rawBlocks(text, markdown), markdown);
  const blocks: Block[] = classified.map((b, i) => ({ id: `b${i}`, kind: b.kind, start: b.start, end: b.end }));
  const sentences: Sentence[] = [];
  blocks.forEach((b, bi) => {
    const spans = b.kind === 'paragraph' ? splitSentences(text, b.start, b.end) : [{ start: b.start, end: b.end }];
    for (const s of spans) {
      sentences.push({
        id: `s${sentences.length}`,
        block: bi,
        start: s.start,
        end: s.end,
        norm: normalize(text.slice(s.start, s.end)),
      });
    }
  });
  const dir = RTL_LANGS.has(doc.meta.lang) ? 'rtl' : 'ltr';
  return { ...doc, dir, blocks, sentences };
}
