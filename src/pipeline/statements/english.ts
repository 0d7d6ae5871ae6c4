/**
 * English reporting structures → raw statements, on one sentence's tokens:
 * `SPEAKER [also] said [Thursday] [that] CONTENT`, `"QUOTE," SPEAKER said`, `"QUOTE," said SPEAKER`,
 * `SPEAKER told OBJECT: CONTENT`, `…, adding CONTENT`, `according to SOURCE`, `was quoted as saying`,
 * and an appositive between subject and verb (`X, asked if …, declared "…"`).
 */
import { EN } from './lexicon';
import type { RawStatement, Range } from './raw';
import type { Token } from './tokens';

const MAX_NP = 10;
const QUOTES_OPEN = new Set(['"', '“', '«', '`']);
const QUOTES_CLOSE = new Set(['"', '”', '»', "'"]);
const SKIP_BEFORE_VERB = new Set([
  'also',
  'later',
  'again',
  'then',
  'has',
  'had',
  'have',
  'was',
  'were',
  'is',
  'will',
  'would',
  'earlier',
  'previously',
  'recently',
  'separately',
  'once',
  'repeatedly',
  'further',
  'reportedly',
  'publicly',
  'privately',
  'flatly',
  'quickly',
  'first',
  'only',
  'simply',
  'just',
]);
const CLAUSE_WORDS = new Set([
  'that',
  'and',
  'but',
  'while',
  'when',
  'as',
  'because',
  'if',
  'after',
  'before',
  'which',
  'who',
  'where',
  'so',
  'or',
  'since',
  'though',
  'although',
  'whether',
  'than',
  'what',
  'how',
  'why',
  'whom',
  'by',
  'for',
  'with',
  'to',
  'in',
  'on',
  'at',
  'of',
  'from',
  'not',
]);
const KEEP_IN_NP = new Set(['of', 'for', 'the', 'a', 'an', 'and', "'", 's', '-', '.', 'de', 'al', 'von', 'van']);
const DISCOURSE = new Set(['but', 'and', 'meanwhile', 'however', 'also', 'so', 'yet', 'still', 'now', 'then', 'separately']);

interface Ctx {
  tokens: Token[];
  sentence: number;
  isTime: (t: Token) => boolean;
}

const isCue = (t: Token | undefined) => !!t && (EN.verbs.has(t.norm) || EN.participles.has(t.norm));
// `[\p{Lu}]`, not `\p{Lu}`: esbuild rewrites the latter as a `new RegExp` built at every call.
const capital = (t: Token) => /^[\p{Lu}]/u.test(t.text);

/** The subject phrase ending just before token `end`: back to a clause boundary. */
function phraseBefore(ctx: Ctx, end: number): number {
  const { tokens } = ctx;
  let k = end - 1;
  while (k >= 0 && k > end - 1 - MAX_NP) {
    const t = tokens[k]!;
    if (!t.word && !["'", '-', '.'].includes(t.text)) break;
    if (isCue(t) || ctx.isTime(t)) break;
    if (CLAUSE_WORDS.has(t.norm) && !(KEEP_IN_NP.has(t.norm) && k > 0 && tokens[k - 1]!.word && capital(tokens[k + 1] ?? t)))
      break;
    k--;
  }
  let from = k + 1;
  while (from < end && (DISCOURSE.has(tokens[from]!.norm) || tokens[from]!.norm === 'the' || !tokens[from]!.word)) {
    if (tokens[from]!.norm === 'the') break;
    from++;
  }
  return from;
}

function looksLikeSpeaker(tokens: Token[], from: number, end: number): boolean {
  if (end <= from) return false;
  const words = tokens.slice(from, end);
  if (words.length === 1 && EN.pronouns.has(words[0]!.norm)) return true;
  return words.some(
    (t) => capital(t) || t.norm === 'officials' || t.norm === 'sources' || t.norm === 'statement' || t.norm === 'spokesman',
  );
}

function phraseAfter(ctx: Ctx, j: number): number {
  const { tokens } = ctx;
  let k = j;
  while (k < tokens.length && k - j < MAX_NP) {
    const t = tokens[k]!;
    if (!t.word && !["'", '-', '.'].includes(t.text)) break;
    if (t.text === '.' && k + 1 >= tokens.length) break;
    if (ctx.isTime(t) || t.norm === 'that' || (EN.adjuncts.has(t.norm) && !KEEP_IN_NP.has(t.norm)) || isCue(t)) break;
    k++;
  }
  return k;
}

/** A quotation that closes just before token `end` (`"…,"` or `"…"`), as a token range. */
function quoteBefore(tokens: Token[], end: number): [number, number] | null {
  let k = end - 1;
  if (tokens[k]?.text === ',') k--;
  if (!tokens[k] || !QUOTES_CLOSE.has(tokens[k]!.text)) return null;
  const close = tokens[k]!.text;
  for (let n = k - 1; n >= 0; n--) {
    const ch = tokens[n]!.text;
    if ((close === '"' && ch === '"') || (close !== '"' && QUOTES_OPEN.has(ch))) return [n, k + 1];
  }
  return null;
}

function contentAfter(ctx: Ctx, k: number, objectVerb: boolean): { at: number; to: Range | null } {
  const { tokens } = ctx;
  let to: Range | null = null;
  if (objectVerb && tokens[k]?.word) {
    let e = k;
    while (e < tokens.length && e - k < 8 && tokens[e]!.word && tokens[e]!.norm !== 'that' && !ctx.isTime(tokens[e]!)) e++;
    if (e > k) to = { start: tokens[k]!.start, end: tokens[e - 1]!.end };
    k = e;
  }
  while (tokens[k] && ctx.isTime(tokens[k]!)) k++;
  for (let n = k; n < tokens.length && n - k < 20; n++) {
    const t = tokens[n]!;
    if (t.norm === 'that') return { at: n + 1, to };
    if (t.text === ':') return { at: n + 1, to };
    if (QUOTES_OPEN.has(t.text)) return { at: n, to };
    if (t.text === ',' || t.text === '.' || isCue(t)) break;
  }
  // Skip a leading time or "in a statement" only when nothing marks the content.
  return { at: k, to };
}

function raw(
  ctx: Ctx,
  fields: Partial<RawStatement> & Pick<RawStatement, 'cue' | 'lemma' | 'form' | 'start' | 'content'>,
): RawStatement {
  return {
    sentence: ctx.sentence,
    number: 'sg',
    speaker: null,
    pronoun: false,
    relays: [],
    to: null,
    frame: [{ start: fields.start, end: fields.content.start }],
    continues: fields.form === 'participle',
    ...fields,
  };
}

/** Finds the English statements of one sentence. */
export function englishStatements(tokens: Token[], sentence: number, isTime: (t: Token) => boolean): RawStatement[] {
  const ctx: Ctx = { tokens, sentence, isTime };
  const out: RawStatement[] = [];
  const end = tokens[tokens.length - 1]?.end ?? 0;
  const span = (a: number, b: number): Range => ({ start: tokens[a]!.start, end: tokens[b - 1]!.end });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.norm === 'according' && tokens[i + 1]?.norm === 'to') {
      const e = phraseAfter(ctx, i + 2);
      if (e <= i + 2) continue;
      const atStart = i === 0 || (i === 1 && !tokens[0]!.word);
      const after = tokens[e]?.text === ',' ? e + 1 : e;
      const content =
        atStart && tokens[after]
          ? { start: tokens[after]!.start, end }
          : { start: tokens[0]!.start, end: tokens[Math.max(0, i - 1)]!.end };
      if (content.end <= content.start) continue;
      out.push(
        raw(ctx, {
          cue: span(i, i + 2),
          lemma: 'according to',
          form: 'source',
          speaker: span(i + 2, e),
          start: atStart ? t.start : tokens[0]!.start,
          content,
          fixedContent: true,
          frame: [span(i, e)],
        }),
      );
      continue;
    }
    if (!t.word || !isCue(t)) continue;
    const quoted = t.norm === 'quoted' && tokens[i + 1]?.norm === 'as' && tokens[i + 2]?.norm === 'saying';
    if (t.norm === 'quoted' && !quoted) continue;
    const cueEnd = quoted ? i + 3 : i + 1;
    if (EN.participles.has(t.norm)) {
      const c = contentAfter(ctx, i + 1, EN.objectVerbs.has(t.norm));
      if (!tokens[c.at]) continue;
      out.push(
        raw(ctx, {
          cue: span(i, i + 1),
          lemma: t.norm,
          form: 'participle',
          start: t.start,
          content: { start: tokens[c.at]!.start, end },
          to: c.to,
        }),
      );
      continue;
    }
    // Subject before the verb.
    let v = i;
    while (v > 0 && (SKIP_BEFORE_VERB.has(tokens[v - 1]!.norm) || isTime(tokens[v - 1]!))) v--;
    let from = phraseBefore(ctx, v);
    if (from >= v && tokens[v - 1]?.text === ',') {
      // "X, asked if …, declared": skip one appositive between commas.
      const comma = tokens.findLastIndex((x, n) => n < v - 1 && n >= v - 14 && x.text === ',');
      if (comma > 0) {
        const f = phraseBefore(ctx, comma);
        if (looksLikeSpeaker(tokens, f, comma)) {
          from = f;
          v = comma;
        }
      }
    }
    let speaker: Range | null = null;
    let start = t.start;
    let bodyFrom = cueEnd;
    if (from < v && looksLikeSpeaker(tokens, from, v)) {
      speaker = span(from, v);
      start = speaker.start;
    } else {
      const e = phraseAfter(ctx, cueEnd);
      if (e > cueEnd && looksLikeSpeaker(tokens, cueEnd, e) && quoteBefore(tokens, i)) {
        speaker = span(cueEnd, e);
        bodyFrom = e;
      } else if (from < v) continue;
    }
    const pronoun = !!speaker && EN.pronouns.has(tokens[from]!.norm) && v - from === 1;
    const q = quoteBefore(tokens, speaker && start === speaker.start ? from : i);
    const objectVerb = EN.objectVerbs.has(t.norm);
    if (q) {
      const content = span(q[0], q[1]);
      const c = objectVerb ? contentAfter(ctx, bodyFrom, true) : { to: null };
      out.push(
        raw(ctx, {
          cue: span(i, cueEnd),
          lemma: t.norm,
          form: 'verb',
          speaker,
          pronoun,
          start: content.start,
          content,
          fixedContent: true,
          to: c.to,
          frame: [{ start: content.end, end }],
        }),
      );
      continue;
    }
    const c = contentAfter(ctx, bodyFrom, objectVerb);
    if (!tokens[c.at]) continue;
    out.push(
      raw(ctx, {
        cue: span(i, cueEnd),
        lemma: t.norm,
        form: 'verb',
        speaker,
        pronoun,
        start,
        content: { start: tokens[c.at]!.start, end },
        to: c.to,
        continues: t.norm === 'added' || t.norm === 'adds',
      }),
    );
  }
  return out;
}
