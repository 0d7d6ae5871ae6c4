/**
 * Arabic reporting structures → raw statements. Works on one sentence's tokens:
 * - verb first: `[و]قال SPEAKER [adjuncts] (إن|أن|:|“) CONTENT`, `أشار SPEAKER إلى أن …`
 * - subject first: `وكان SPEAKER أعلن … أن`, `أن SPEAKER قال …`
 * - relay: `نقل RELAY عن SPEAKER قوله … إن …`
 * - participles that carry the speaker on: `مضيفا`، `مشيرا إلى أن`، `واصفا … بـ`
 * - sources: `حسب البيان`، `بحسب X`، `وفقا لـ X`
 */
import { AR, arabicCue, type Cue } from './lexicon';
import type { RawStatement, Range } from './raw';
import { matchesAt, withoutConjunction, type Token } from './tokens';

const MAX_NP = 14;
/** A subject before its verb is short: longer runs are clauses, not names. */
const MAX_BACK = 9;
const QUOTE_OPEN = new Set(['“', '«', '"', '„', '‹']);
const FI = 'في';
const NP_PUNCT_OK = new Set(['(', ')', '-', '.']);

interface Ctx {
  tokens: Token[];
  sentence: number;
  /** Is this token inside a time expression? */
  isTime: (t: Token) => boolean;
}

function cueAt(t: Token | undefined) {
  return t && t.word ? arabicCue(t.norm) : null;
}

function isComplementizer(t: Token | undefined): boolean {
  return !!t && AR.complementizers.has(t.norm);
}

/** Where a speaker phrase that starts at `j` ends (exclusive token index). */
function phraseEnd(ctx: Ctx, j: number, stopPrep: string | null): number {
  const { tokens } = ctx;
  let k = j;
  while (k < tokens.length && k - j < MAX_NP) {
    const t = tokens[k]!;
    if (!t.word) {
      if (t.text === '(') {
        const close = tokens.findIndex((x, n) => n > k && n <= k + 6 && x.text === ')');
        if (close > 0) {
          k = close + 1;
          continue;
        }
      }
      if (!NP_PUNCT_OK.has(t.text) || t.text === '.' || t.text === ')') break;
      k++;
      continue;
    }
    if (isComplementizer(t) || AR.quoteWords.has(t.norm) || AR.pluperfect.has(t.norm) || ctx.isTime(t)) break;
    if (t.norm === stopPrep || (k > j && AR.prepositions.has(t.norm) && t.norm !== 'من')) break;
    if (k === j && stopPrep === 'ب' && t.norm.startsWith('ب')) break;
    if (AR.adjuncts.has(t.norm) || AR.addressees.has(t.norm)) break;
    if (
      (t.norm === FI || t.norm === 'فى') &&
      (AR.speechNouns.has(tokens[k + 1]?.norm ?? '') || (tokens[k + 1] && ctx.isTime(tokens[k + 1]!)))
    )
      break;
    if (k > j && (cueAt(t) || AR.relayVerbs.has(t.norm) || AR.relayVerbs.has(withoutConjunction(t.norm) ?? ''))) break;
    if (t.norm === 'الذي' || t.norm === 'التي') break;
    k++;
  }
  // A phrase never ends on a joining word.
  while (k > j && ['و', '-', '(', 'من', 'في'].includes(tokens[k - 1]!.norm)) k--;
  return k;
}

/** A subject before the verb (`وكان SPEAKER أكد`, `أن SPEAKER قال`): the tokens back to a clause boundary. */
function phraseBefore(ctx: Ctx, i: number): { from: number; to: number; opener: number | null } | null {
  const { tokens } = ctx;
  let k = i - 1;
  if (tokens[k]?.norm === 'قد') k--;
  // "المرصد السوري، ومقره بريطانيا، قال": step over one short apposition between commas.
  if (tokens[k] && (tokens[k]!.text === '،' || tokens[k]!.text === ',')) {
    const comma = tokens.findLastIndex((x, n) => n < k && n >= k - 6 && (x.text === '،' || x.text === ','));
    if (comma <= 0) return null;
    k = comma - 1;
  }
  const end = k + 1;
  while (k >= 0 && end - k <= MAX_BACK) {
    const t = tokens[k]!;
    if (!t.word && t.text !== ')' && t.text !== '(') break;
    if (t.norm === 'قد') break;
    if (isComplementizer(t) || AR.pluperfect.has(t.norm) || AR.openers.has(t.norm) || cueAt(t) || ctx.isTime(t)) break;
    if (t.norm === 'الذي' || t.norm === 'التي' || t.norm === 'ما') return null;
    k--;
  }
  const from = k + 1;
  if (from >= end || end - k > MAX_BACK) return null;
  const before = tokens[k];
  if (before && before.word && !isComplementizer(before) && !AR.pluperfect.has(before.norm) && !AR.openers.has(before.norm))
    return null;
  return { from, to: end, opener: before && AR.pluperfect.has(before.norm) ? k : null };
}

/** Finds where the content starts after the speaker and adjuncts; returns token index or -1. */
function contentStart(ctx: Ctx, k: number, prep: string | null): { at: number; to: Range | null } {
  const { tokens } = ctx;
  let to: Range | null = null;
  for (let n = k; n < tokens.length && n - k < 30; n++) {
    const t = tokens[n]!;
    if (AR.addressees.has(t.norm) && !to) {
      const e = phraseEnd(ctx, n + 1, prep);
      to = { start: t.start, end: tokens[Math.max(n, e - 1)]!.end };
    }
    if (isComplementizer(t)) return { at: n + 1, to };
    if (t.text === ':') return { at: isComplementizer(tokens[n + 1]) ? n + 2 : n + 1, to };
    if (QUOTE_OPEN.has(t.text)) return { at: n, to };
    if (prep && (t.norm === prep || (prep === 'ب' && t.norm.startsWith('ب') && n === k))) {
      return { at: isComplementizer(tokens[n + 1]) ? n + 2 : n + 1, to };
    }
    if (n > k && (cueAt(t) || AR.relayVerbs.has(t.norm))) break;
  }
  return { at: -1, to };
}

function range(tokens: Token[], from: number, to: number): Range | null {
  if (to <= from || !tokens[from]) return null;
  return { start: tokens[from]!.start, end: tokens[to - 1]!.end };
}

function statement(
  ctx: Ctx,
  i: number,
  cue: Cue,
  form: RawStatement['form'],
  speaker: Range | null,
  start: number,
  bodyFrom: number,
  relays: Range[] = [],
  needMarker = false,
): RawStatement | null {
  const { tokens } = ctx;
  const found = contentStart(ctx, bodyFrom, cue.prep);
  let at = found.at;
  if (at < 0) {
    if (needMarker || (form === 'verb' && speaker === null)) return null;
    at = bodyFrom;
  }
  if (at >= tokens.length) return null;
  const sentenceEnd = tokens[tokens.length - 1]!.end;
  const contentFrom = tokens[at]!.start;
  return {
    sentence: ctx.sentence,
    cue: { start: tokens[i]!.start, end: tokens[i]!.end },
    lemma: cue.lemma,
    form,
    number: cue.number,
    speaker,
    pronoun: false,
    relays,
    to: found.to,
    start,
    content: { start: contentFrom, end: sentenceEnd },
    frame: [{ start, end: contentFrom }],
    continues: cue.continues || form === 'participle',
  };
}

function relayAt(ctx: Ctx, i: number): RawStatement | null {
  const { tokens } = ctx;
  const from = tokens.findIndex((t, n) => n > i && n <= i + 10 && t.norm === AR.relayFrom);
  if (from < 0) return null;
  const relay = range(tokens, i + 1, from);
  const end = phraseEnd(ctx, from + 1, null);
  const speaker = range(tokens, from + 1, end);
  if (!relay || !speaker) return null;
  const body = AR.quoteWords.has(tokens[end]?.norm ?? '') ? end + 1 : end;
  const cue: Cue = {
    lemma: 'نقل',
    number: 'sg',
    participle: false,
    continues: false,
    prep: null,
    ambiguous: false,
    present: false,
  };
  const s = statement(ctx, i, cue, 'relay', speaker, tokens[i]!.start, body, [relay]);
  if (s) s.cue = { start: tokens[i]!.start, end: tokens[Math.min(body, tokens.length) - 1]!.end };
  return s;
}

function sourceAt(ctx: Ctx, i: number, len: number): RawStatement {
  const { tokens } = ctx;
  const end = phraseEnd(ctx, i + len, null);
  const speaker = range(tokens, i + len, Math.max(end, i + len + 1));
  const cueRange = { start: tokens[i]!.start, end: tokens[i + len - 1]!.end };
  const first = tokens[0]!;
  const atStart = i <= 1;
  const afterNp = tokens[end]?.text === '،' || tokens[end]?.text === ',' ? end + 1 : end;
  const content = atStart
    ? { start: tokens[Math.min(afterNp, tokens.length - 1)]!.start, end: tokens[tokens.length - 1]!.end }
    : { start: first.start, end: tokens[Math.max(0, i - 1)]!.end };
  return {
    sentence: ctx.sentence,
    cue: cueRange,
    lemma: tokens[i]!.norm,
    form: 'source',
    number: 'sg',
    speaker,
    pronoun: false,
    relays: [],
    to: null,
    start: atStart ? cueRange.start : first.start,
    content,
    fixedContent: true,
    frame: [cueRange],
    continues: false,
  };
}

/** Finds the Arabic statements of one sentence. */
export function arabicStatements(tokens: Token[], sentence: number, isTime: (t: Token) => boolean): RawStatement[] {
  const ctx: Ctx = { tokens, sentence, isTime };
  const out: RawStatement[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word) continue;
    const bare = withoutConjunction(t.norm);
    if (AR.relayVerbs.has(t.norm) || (bare && AR.relayVerbs.has(bare))) {
      const s = relayAt(ctx, i);
      if (s) out.push(s);
      continue;
    }
    const src = AR.sources.find((p) => matchesAt(tokens, i, p) || (bare && p.length === 1 && p[0] === bare));
    if (src) {
      out.push(sourceAt(ctx, i, src.length));
      continue;
    }
    const found = cueAt(t);
    if (!found) continue;
    const { cue, prefixed } = found;
    if (cue.participle) {
      const s = statement(ctx, i, cue, 'participle', null, t.start, i + 1);
      if (s) out.push(s);
      continue;
    }
    const prev = tokens[i - 1];
    const clauseStart = prefixed || !prev || !prev.word || AR.openers.has(prev.norm) || AR.pluperfect.has(prev.norm);
    const strict = cue.ambiguous || cue.present;
    // A present tense or a noun-like form mid-sentence ("دليل يشير إلى") is not a report.
    if (
      strict &&
      !prefixed &&
      prev &&
      !AR.openers.has(prev.norm) &&
      !AR.pluperfect.has(prev.norm) &&
      prev.norm !== 'قد' &&
      !['.', ':', '،', ','].includes(prev.text)
    )
      continue;
    // "وكانت روسيا قد وصفت إدلب": after قد the subject came first and what follows is the object.
    const afterQad = prev?.norm === 'قد';
    const end = afterQad ? i + 1 : phraseEnd(ctx, i + 1, cue.prep);
    let speaker = range(tokens, i + 1, end);
    let start = t.start;
    if (!speaker && !prefixed) {
      const before = strict && !afterQad ? null : phraseBefore(ctx, i);
      if (before) {
        speaker = range(tokens, before.from, before.to);
        start = tokens[before.opener ?? before.from]!.start;
      } else if (!clauseStart || (strict && prev && prev.word && !AR.openers.has(prev.norm))) continue;
    } else if (!clauseStart && strict) continue;
    const body = speaker && start === t.start ? end : i + 1;
    const s = statement(ctx, i, cue, 'verb', speaker, start, body, [], !clauseStart && start === t.start);
    if (s) out.push(s);
  }
  return out;
}
