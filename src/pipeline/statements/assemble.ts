/**
 * Tidies one sentence's raw statements: each content ends where the next statement starts; a
 * trailing source (`… حسب البيان`) becomes a relay of the statements it closes; a statement
 * whose content is itself a statement (`ذكرت رويترز أن المرصد قال إن …`, "X said Y said")
 * becomes a relay of the inner one.
 */
import type { RawStatement } from './raw';

const TRAILING = /[\s.,،:؛;!?؟\-–—]+$/u;
const LEADING = /^[\s,،:؛;\-–—]+/u;

/** Trims punctuation and spaces from both ends of a content span. */
function trimContent(text: string, s: RawStatement): void {
  const slice = text.slice(s.content.start, s.content.end);
  const lead = LEADING.exec(slice)?.[0].length ?? 0;
  const trail = TRAILING.exec(slice)?.[0].length ?? 0;
  // Keep a closing quote's own full stop out, but keep the quote mark.
  s.content = { start: s.content.start + lead, end: Math.max(s.content.start + lead, s.content.end - trail) };
}

/** Applies the rules above to the statements of one sentence (in text order). */
export function assembleSentence(text: string, raws: RawStatement[]): RawStatement[] {
  let list = [...raws].sort((a, b) => a.start - b.start || a.cue.start - b.cue.start);
  // Sources at the end attach to what precedes them.
  const kept: RawStatement[] = [];
  for (const s of list) {
    const before = kept.filter((k) => k.form !== 'source' && k.cue.start < s.cue.start);
    if (s.form === 'source' && s.content.start < s.cue.start && before.length > 0) {
      for (const k of before) {
        if (k.content.end > s.cue.start) k.content = { ...k.content, end: s.cue.start };
        if (s.speaker) k.relays = [...k.relays, s.speaker];
      }
      continue;
    }
    kept.push(s);
  }
  list = kept;
  // Cut each content at the next statement.
  list.forEach((s, n) => {
    if (s.fixedContent) return;
    const next = list
      .slice(n + 1)
      .find((x) => x.start > s.content.start || (x.start === s.content.start && x !== s && x.cue.start > s.cue.start));
    if (next && next.start < s.content.end) s.content = { ...s.content, end: Math.max(s.content.start, next.start) };
  });
  // "X said that Y said …": X relays Y.
  const out: RawStatement[] = [];
  for (const s of list) {
    const inner = list.find(
      (x) =>
        x !== s && x.speaker && x.form === 'verb' && x.start >= s.content.start && x.start - s.content.start <= 2 && s.speaker,
    );
    if (inner && s.speaker && s.form !== 'participle') {
      inner.relays = [...s.relays, s.speaker, ...inner.relays];
      inner.start = Math.min(inner.start, s.start);
      continue;
    }
    out.push(s);
  }
  for (const s of out) trimContent(text, s);
  return out.filter((s) => s.content.end > s.content.start);
}
