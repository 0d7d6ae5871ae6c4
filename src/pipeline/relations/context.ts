/**
 * What the matchers see of one sentence: its text, the entity mentions inside it in reading
 * order, and small helpers to find "the mention right after/before this point, with at most N
 * words between". Gaps never cross sentence punctuation or a quotation mark.
 */
import type { EntityType } from '../../model/schema';
import { fold } from './fold';

/** One mention of an entity, flattened for matching. */
export interface Hit {
  entity: string;
  type: EntityType;
  start: number;
  end: number;
  kind?: string;
}

/** Punctuation a gap may not cross: sentence ends, colons, quotation marks, line breaks. */
const BLOCK = /[.!?؟؛:;\n\r“”"«»]/;
const WORD = /[\p{L}\p{N}]+/gu;

const CONNECTORS = new WeakMap<readonly string[], Set<string>>();

/** A data list of connector words, folded once (a trailing + only marks a glued prefix). */
export function connectorSet(words: readonly string[]): Set<string> {
  let set = CONNECTORS.get(words);
  if (!set) {
    set = new Set(words.map((w) => fold(w.endsWith('+') ? w.slice(0, -1) : w)));
    CONNECTORS.set(words, set);
  }
  return set;
}

/** The sentence being matched, with helpers. `hits` are sorted by start. */
export class SentenceContext {
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly hits: Hit[],
  ) {}

  /** Words between two offsets, or -1 when the gap crosses blocking punctuation (or a comma, unless allowed). */
  gapWords(from: number, to: number, allowComma = true): number {
    if (to <= from) return from - to <= 1 ? 0 : -1;
    const gap = this.text.slice(from, to);
    if (BLOCK.test(gap)) return -1;
    if (!allowComma && /[,،]/.test(gap)) return -1;
    return gap.match(WORD)?.length ?? 0;
  }

  /** The folded words between two offsets (for connector checks), trimmed of spaces and brackets. */
  gapText(from: number, to: number): string {
    if (to <= from) return '';
    return fold(this.text.slice(from, to))
      .replace(/[()[\]\s]+/g, ' ')
      .trim();
  }

  /** The first mention starting at or after `pos` (one unit of overlap tolerated for glued prefixes). */
  firstAfter(pos: number, exclude?: string): Hit | undefined {
    // A loop rather than `.find(callback)`, which V8 inlines into the matchers as a much larger graph.
    for (let k = 0; k < this.hits.length; k++) {
      const h = this.hits[k]!;
      if (h.start >= pos - 1 && h.entity !== exclude) return h;
    }
    return undefined;
  }

  /** The last mention ending at or before `pos`. */
  lastBefore(pos: number, exclude?: string): Hit | undefined {
    for (let i = this.hits.length - 1; i >= 0; i--) {
      const h = this.hits[i]!;
      if (h.end <= pos + 1 && h.entity !== exclude) return h;
    }
    return undefined;
  }

  /** The mention right after `pos` if it is of an allowed type and at most `maxWords` words away. */
  after(pos: number, maxWords: number, types?: readonly EntityType[], exclude?: string): Hit | undefined {
    const h = this.firstAfter(pos, exclude);
    if (!h || (types && !types.includes(h.type))) return undefined;
    const words = this.gapWords(pos, h.start);
    return words >= 0 && words <= maxWords ? h : undefined;
  }

  /** The mention right before `pos` if it is of an allowed type and at most `maxWords` words away. */
  before(pos: number, maxWords: number, types?: readonly EntityType[], exclude?: string): Hit | undefined {
    const h = this.lastBefore(pos, exclude);
    if (!h || (types && !types.includes(h.type))) return undefined;
    const words = this.gapWords(h.end, pos);
    return words >= 0 && words <= maxWords ? h : undefined;
  }

  /** True when the folded gap between two offsets is exactly one of the connector words. */
  connects(from: number, to: number, words: readonly string[]): boolean {
    if (to - from > 40) return false;
    const raw = this.gapText(from, to);
    const gap = raw.replace(/^[,،]\s*|\s*[,،]$/g, '');
    const comma = /^[,،]$/.test(raw);
    return connectorSet(words).has(gap) || (comma && connectorSet(words).has(','));
  }
}
