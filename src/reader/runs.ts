/**
 * Cuts a block of text into runs for the reader: each run is a stretch of the original text with
 * the marks that cover it (an entity mention, the selected span, a previewed span). Pure, so the
 * reader's markup is a plain `{#each}` and the logic is tested without a DOM. Text is never HTML.
 */
import type { EntityType } from '../model/schema';

/** An entity mention in document offsets. */
export interface MentionMark {
  entity: string;
  type: EntityType;
  start: number;
  end: number;
}

/** One run of text and what covers it. */
export interface Run {
  start: number;
  end: number;
  text: string;
  mention?: MentionMark;
  /** True on the first run of a mention (the one that takes keyboard focus). */
  mentionHead?: boolean;
  selected: boolean;
  previewed: boolean;
}

export interface RunMarks {
  mentions: readonly MentionMark[];
  selected?: { start: number; end: number } | null;
  previewed?: { start: number; end: number } | null;
}

const within = (span: { start: number; end: number } | null | undefined, a: number, b: number) =>
  !!span && span.start < b && span.end > a && span.start <= a && span.end >= b;

/**
 * Runs covering `[start, end)` of `text`. Overlapping mentions are resolved outside-in: the
 * longest mention wins where two overlap (nested ones are dropped), so a run has at most one.
 */
export function textRuns(text: string, start: number, end: number, marks: RunMarks): Run[] {
  const mentions = marks.mentions
    .filter((m) => m.start < end && m.end > start && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: MentionMark[] = [];
  for (const m of mentions) if (!kept.some((k) => m.start < k.end && m.end > k.start)) kept.push(m);

  const cuts = new Set<number>([start, end]);
  for (const m of kept) {
    cuts.add(Math.max(start, m.start));
    cuts.add(Math.min(end, m.end));
  }
  for (const s of [marks.selected, marks.previewed]) {
    if (!s) continue;
    if (s.start > start && s.start < end) cuts.add(s.start);
    if (s.end > start && s.end < end) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (b <= a) continue;
    const mention = kept.find((m) => m.start <= a && m.end >= b);
    const run: Run = {
      start: a,
      end: b,
      text: text.slice(a, b),
      selected: within(marks.selected, a, b),
      previewed: within(marks.previewed, a, b),
    };
    if (mention) {
      run.mention = mention;
      run.mentionHead = a === Math.max(start, mention.start);
    }
    runs.push(run);
  }
  return runs;
}
