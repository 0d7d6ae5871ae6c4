/**
 * Fast phrase lookup on folded text: the text is cut into words once, and each word (with its
 * Arabic clitics و/ف and ب/ك/ل peeled off) is looked up in a map of the phrases it can start.
 * One pass over the words finds every cue, where one regular expression per cue list would
 * re-scan the text dozens of times.
 */
import type { Lang } from './cues';
import { fold } from './fold';

interface Phrase<T> {
  words: string[];
  /** The last word is a prefix glued to the next word (قال ل+ → قال لشبكة). */
  glued: boolean;
  lang: Lang;
  value: T;
}

/** A phrase found in folded text, as folded offsets `[start, end)`. */
export interface PhraseHit<T> {
  start: number;
  end: number;
  value: T;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The forms of an Arabic word with its leading clitics removed, each with how many units were peeled. */
function peel(word: string): [string, number][] {
  const out: [string, number][] = [[word, 0]];
  let i = 0;
  if (/^[وف]/.test(word) && word.length > 2) i = 1;
  for (const k of new Set([0, i])) {
    const rest = word.slice(k);
    if (k > 0) out.push([rest, k]);
    if (/^[بكل]/.test(rest) && rest.length > 2) out.push([rest.slice(1), k + 1]);
    if (rest.startsWith('لل') && rest.length > 3) out.push([`ال${rest.slice(2)}`, k + 1]);
  }
  return out;
}

/** Words remembered per index (text repeats its words); past this many the memory starts again. */
const STARTS_MAX = 50_000;

export class PhraseIndex<T> {
  private readonly first = new Map<string, Phrase<T>[]>();
  /** Word → the phrases it can start, in the order `find` tries them (most words: none). */
  private readonly starts = new Map<string, Phrase<T>[]>();

  /** Adds a data phrase ("المتحدث باسم", "قال ل+", "spokesman for"). */
  add(phrase: string, lang: Lang, value: T): void {
    const glued = phrase.endsWith('+');
    const words = fold(glued ? phrase.slice(0, -1) : phrase)
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    if (words.length === 0) return;
    this.starts.clear();
    const list = this.first.get(words[0]!) ?? [];
    list.push({ words, glued, lang, value });
    this.first.set(words[0]!, list);
  }

  /** Every phrase occurrence in folded text, longest first where several start at one word. */
  find(text: string): PhraseHit<T>[] {
    const tokens: { start: number; end: number; word: string }[] = [];
    for (const m of text.matchAll(WORD)) tokens.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
    const hits: PhraseHit<T>[] = [];
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t]!;
      for (const p of this.startsOf(tok.word)) {
        const end = this.matchRest(p, tokens, t, text);
        if (end >= 0) hits.push({ start: tok.start, end, value: p.value });
      }
    }
    return hits;
  }

  /** The phrases a word can start, bare or (Arabic phrases only) with its clitics peeled. */
  private startsOf(word: string): Phrase<T>[] {
    let list = this.starts.get(word);
    if (!list) {
      list = [];
      for (const [form, peeled] of peel(word)) {
        for (const p of this.first.get(form) ?? []) if (peeled === 0 || p.lang === 'ar') list.push(p);
      }
      if (this.starts.size >= STARTS_MAX) this.starts.clear();
      this.starts.set(word, list);
    }
    return list;
  }

  /** The folded end offset of phrase `p` starting at token `t`, or -1. */
  private matchRest(p: Phrase<T>, tokens: { start: number; end: number; word: string }[], t: number, text: string): number {
    const n = p.words.length;
    if (n === 1) {
      if (!p.glued) return tokens[t]!.end;
      return -1; // a lone glued prefix is not a cue
    }
    for (let k = 1; k < n; k++) {
      const tok = tokens[t + k];
      const prev = tokens[t + k - 1]!;
      if (!tok || !/^\s+$/.test(text.slice(prev.end, tok.start))) return -1;
      const w = p.words[k]!;
      if (k === n - 1 && p.glued) {
        if (!tok.word.startsWith(w) || tok.word.length <= w.length) return -1;
        return tok.start + w.length;
      }
      if (tok.word !== w) return -1;
    }
    return tokens[t + n - 1]!.end;
  }
}
