/**
 * A document's tokens, cut once and shared: the time rules read whole blocks, the statement and
 * event rules read sentences, and all three used to tokenise the same text again. A sentence's
 * tokens are the block's tokens inside it, renumbered from 0; tokenising the sentence on its own
 * gives the same list whenever no token straddles its edges (the pattern looks at nothing before
 * a match and nothing past its end), and where one does the sentence is tokenised on its own.
 */
import type { SegmentedDocument } from '../types';
import { tokenize, type Token } from './tokens';

export class TokenCache {
  private readonly blocks = new Map<number, Token[]>();
  private readonly sentences = new Map<number, Token[]>();

  constructor(private readonly doc: Pick<SegmentedDocument, 'text' | 'blocks' | 'sentences'>) {}

  /** Tokens of block `index`, as `tokenize(text, block.start, block.end)`. */
  block(index: number): Token[] {
    let tokens = this.blocks.get(index);
    if (!tokens) {
      const b = this.doc.blocks[index]!;
      tokens = tokenize(this.doc.text, b.start, b.end);
      this.blocks.set(index, tokens);
    }
    return tokens;
  }

  /** Tokens of sentence `index`, as `tokenize(text, sentence.start, sentence.end)`. */
  sentence(index: number): Token[] {
    let tokens = this.sentences.get(index);
    if (!tokens) {
      const s = this.doc.sentences[index]!;
      tokens = this.fromBlock(s.block, s) ?? tokenize(this.doc.text, s.start, s.end);
      this.sentences.set(index, tokens);
    }
    return tokens;
  }

  /** Tokens of any span (a speaker phrase), as `tokenize(text, start, end)`. */
  span(start: number, end: number): Token[] {
    const block = this.doc.blocks.findIndex((b) => b.start <= start && end <= b.end);
    return (block >= 0 ? this.fromBlock(block, { start, end }) : null) ?? tokenize(this.doc.text, start, end);
  }

  /** The span's tokens cut from its block's, or null when a token crosses its edges. */
  private fromBlock(block: number, s: { start: number; end: number }): Token[] | null {
    const b = this.doc.blocks[block];
    if (!b || s.start < b.start || s.end > b.end) return null;
    const all = this.block(block);
    // First token ending after the sentence starts.
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid]!.end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    const out: Token[] = [];
    for (let k = lo; k < all.length && all[k]!.start < s.end; k++) {
      const t = all[k]!;
      if (t.start < s.start || t.end > s.end) return null;
      // Same property order as tokenize's objects: one hidden class for every token the rules read.
      out.push(t.i === out.length ? t : { i: out.length, start: t.start, end: t.end, text: t.text, norm: t.norm, word: t.word });
    }
    return out;
  }
}
