/**
 * Statements stage: every reported statement of a document with its speaker, reporting cue,
 * content, direct or reported form, chain of transmission (isnad) and time; then the events
 * the statements are about (src/pipeline/events.ts).
 *
 * Order of work: time expressions of each paragraph → raw statements per sentence (Arabic or
 * English rules) → tidy each sentence → speakers (named, or carried on from the previous
 * statement for pronouns, subjectless verbs and participles) → times → chains → stable ids.
 */
import type { ChainLink, Statement, When } from '../model/schema';
import { hasArabic, normalize } from '../search/normalize';
import { extractEvents } from './events';
import { arabicStatements } from './statements/arabic';
import { assembleSentence } from './statements/assemble';
import { englishStatements } from './statements/english';
import { stableId } from './statements/ids';
import { MentionIndex } from './statements/mentions';
import type { Range, RawStatement } from './statements/raw';
import { speakerOf, trimToMentions, type Speaker } from './statements/speaker';
import { TokenCache } from './statements/tokenCache';
import type { Token } from './statements/tokens';
import { resolveTimes, whenOf, type FoundTime } from './time';
import { quoteRanges } from './segment';
import type { EntityDocument, StatementDocument } from './types';

/** A speaker found in the text around a subjectless cue, with where it is named. */
type Carried = Speaker & { at: Range };

interface Resolved {
  raw: RawStatement;
  speaker: Speaker;
  speakerRange: Range | null;
  when: When;
  ownTime: boolean;
}

/** The document's language as the rules see it. */
export function rulesLanguage(doc: EntityDocument): 'ar' | 'en' {
  if (doc.meta.lang === 'ar') return 'ar';
  if (doc.meta.lang === 'en') return 'en';
  return hasArabic(doc.text) ? 'ar' : 'en';
}

/** Every time expression of the document's text blocks, in order. */
export function documentTimes(doc: EntityDocument, mentions: MentionIndex, tokens = new TokenCache(doc)): FoundTime[] {
  const lang = rulesLanguage(doc);
  const skip = (t: Token) => mentions.covers(t.start, t.end);
  // Only the Arabic rules read tokens; English goes to chrono with the text.
  return doc.blocks.flatMap((b, i) =>
    resolveTimes(doc.text, b, doc.meta.date, lang, skip, lang === 'ar' ? tokens.block(i) : undefined),
  );
}

/** Raw statements of the body (headlines, datelines and subheadings repeat the body, so they are left out). */
function rawStatements(doc: EntityDocument, times: FoundTime[], cache: TokenCache): RawStatement[] {
  const lang = rulesLanguage(doc);
  const out: RawStatement[] = [];
  doc.sentences.forEach((s, index) => {
    if (doc.blocks[s.block]?.kind !== 'paragraph') return;
    const tokens = cache.sentence(index);
    // The sentence's time spans as two lists of offsets: a filtered list of spans has one hidden class
    // when empty and another when not, and each change recompiled the statement rules that test it.
    const starts: number[] = [];
    const ends: number[] = [];
    for (const t of times)
      if (t.start >= s.start && t.end <= s.end) {
        starts.push(t.start);
        ends.push(t.end);
      }
    const isTime = (t: Token) => {
      for (let k = 0; k < starts.length; k++) if (starts[k]! <= t.start && ends[k]! >= t.end) return true;
      return false;
    };
    const raws = lang === 'ar' ? arabicStatements(tokens, index, isTime) : englishStatements(tokens, index, isTime);
    out.push(...assembleSentence(doc.text, raws));
  });
  return out;
}

/** The statement a subjectless one continues: in the same sentence first, else the last one. */
function carrier(raw: RawStatement, done: Resolved[], doc: EntityDocument, mentions: MentionIndex): Resolved | Carried | null {
  const same = done.filter((d) => d.raw.sentence === raw.sentence);
  if (same.length > 0) return same[same.length - 1]!;
  // "بيد أن المتحدث … سليمان رفض التحذير وقال إن": a person named earlier in the sentence.
  const sentence = doc.sentences[raw.sentence]!;
  const person = subjectBefore(doc, mentions, sentence, raw.cue.start);
  if (person && raw.number === 'sg')
    return { entity: person.entity, kind: 'entity', at: { start: person.start, end: person.end } };
  return done[done.length - 1] ?? null;
}

/**
 * The person a subjectless cue refers to, named earlier in its sentence and outside quotations:
 * in Arabic the latest one (…سليمان رفض التحذير وقال), in English the first, the sentence's subject.
 */
function subjectBefore(doc: EntityDocument, mentions: MentionIndex, sentence: { start: number; end: number }, before: number) {
  const quotes = quoteRanges(doc.text, sentence.start, sentence.end);
  const found = mentions
    .personsBefore(sentence.start, before)
    .filter((m) => !quotes.some(([a, b]) => m.start >= a && m.end <= b));
  return rulesLanguage(doc) === 'en' ? found[found.length - 1] : found[0];
}

/** Members of a two-person group named earlier (الرئيسان): the last sentence naming two persons. */
function pairBefore(doc: EntityDocument, mentions: MentionIndex, before: number): string[] {
  for (let i = doc.sentences.length - 1; i >= 0; i--) {
    const s = doc.sentences[i]!;
    if (s.start >= before) continue;
    const ids = [...new Set(mentions.personsBefore(s.start, Math.min(s.end, before)).map((m) => m.entity))];
    if (ids.length >= 2) return ids.slice(0, 2).reverse();
  }
  return [];
}

function resolveSpeakers(
  doc: EntityDocument,
  raws: RawStatement[],
  times: FoundTime[],
  mentions: MentionIndex,
  tokens: TokenCache,
): Resolved[] {
  const lang = rulesLanguage(doc);
  const done: Resolved[] = [];
  for (const raw of raws) {
    let speaker: Speaker = { entity: null, kind: 'entity' };
    let speakerRange = raw.speaker;
    let carried: Resolved | null = null;
    if (raw.speaker && !raw.pronoun) {
      speakerRange = lang === 'ar' ? trimToMentions(raw.speaker, mentions) : raw.speaker;
      speaker = speakerOf(doc.text, speakerRange, lang, mentions, tokens);
    } else {
      const c = raw.pronoun && lang === 'en' ? pronounCarrier(raw, done, doc, mentions) : carrier(raw, done, doc, mentions);
      if (c && 'raw' in c) {
        carried = c;
        speaker = c.speaker;
        speakerRange = c.speakerRange;
        // مضيفا after "نقل موقع X عن Y": Y still speaks through X.
        if (raw.relays.length === 0) raw.relays = c.raw.relays;
      } else if (c) {
        speaker = { entity: c.entity, kind: c.kind };
        speakerRange = c.at;
      }
      if (raw.number !== 'sg' && speaker.kind === 'entity') speaker = { entity: null, kind: 'group' };
    }
    if (speaker.kind === 'group' && (speaker.dual || raw.number === 'dual') && (speaker.members?.length ?? 0) < 2) {
      const pair = pairBefore(doc, mentions, raw.cue.start);
      if (pair.length === 2) speaker = { ...speaker, members: pair };
    }
    const sentence = doc.sentences[raw.sentence]!;
    const first = !done.some((d) => d.raw.sentence === raw.sentence);
    const frame = first && raw.frame[0] ? [{ start: sentence.start, end: raw.frame[0].end }, ...raw.frame.slice(1)] : raw.frame;
    const found = times.find((t) => frame.some((f) => t.start >= f.start && t.end <= f.end)) ?? null;
    let when = whenOf(found, doc.meta.date);
    if (!found && carried && raw.continues && carried.ownTime) when = carried.when;
    done.push({ raw, speaker, speakerRange, when, ownTime: !!found || (!!carried && raw.continues && carried.ownTime) });
  }
  return done;
}

/** "he said": the person named last before the cue in the same sentence, else the previous speaker. */
function pronounCarrier(
  raw: RawStatement,
  done: Resolved[],
  doc: EntityDocument,
  mentions: MentionIndex,
): Resolved | Carried | null {
  const sentence = doc.sentences[raw.sentence]!;
  // '"…," he said': the speaker of the quote before is the one already speaking.
  if (doc.text.slice(sentence.start, raw.start).trim() === '' && done.length > 0) return done[done.length - 1]!;
  const person = subjectBefore(doc, mentions, sentence, raw.speaker?.start ?? raw.cue.start);
  if (person) return { entity: person.entity, kind: 'entity', at: { start: person.start, end: person.end } };
  return done[done.length - 1] ?? null;
}

function quoted(text: string, r: Range) {
  return { start: r.start, end: r.end, text: text.slice(r.start, r.end) };
}

/** Drops the brackets around a relay such as `(ا ف ب)`. */
function unbracket(text: string, r: Range): Range {
  let { start, end } = r;
  if (text[start] === '(' && text[end - 1] === ')') [start, end] = [start + 1, end - 1];
  return { start, end };
}

function chainOf(doc: EntityDocument, r: Resolved, mentions: MentionIndex, tokens: TokenCache): ChainLink[] {
  const links: ChainLink[] = [];
  if (doc.meta.outlet) links.push({ entity: mentions.byName(doc.meta.outlet), text: doc.meta.outlet });
  for (const relay of r.raw.relays) {
    const span = unbracket(doc.text, relay);
    const rs = speakerOf(doc.text, span, rulesLanguage(doc), mentions, tokens);
    links.push({ entity: rs.entity, ...quoted(doc.text, span) });
  }
  if (r.speakerRange) links.push({ entity: r.speaker.entity, ...quoted(doc.text, r.speakerRange) });
  else links.push({ entity: r.speaker.entity, text: '' });
  return links;
}

function isDirect(text: string, content: Range): boolean {
  const first = text[content.start];
  return first === '“' || first === '«' || first === '"' || first === '„';
}

/** Finds reported statements, their speakers, chains of transmission and times, then events. */
export function extractStatements(doc: EntityDocument): StatementDocument {
  const mentions = new MentionIndex(doc.entities);
  const tokens = new TokenCache(doc);
  const times = documentTimes(doc, mentions, tokens);
  const resolved = resolveSpeakers(doc, rawStatements(doc, times, tokens), times, mentions, tokens);
  const used = new Set<string>();
  const statements: Statement[] = resolved.map((r) => {
    const { raw } = r;
    const content = doc.text.slice(raw.content.start, raw.content.end);
    const id = stableId(`${doc.id}:st`, `${normalize(doc.text.slice(raw.cue.start, raw.cue.end))}|${normalize(content)}`, used);
    const to = raw.to ? [...new Set(mentions.within(raw.to.start, raw.to.end).map((m) => m.entity))] : [];
    return {
      id,
      speaker: r.speaker.entity,
      ...(r.speakerRange ? { speakerText: quoted(doc.text, r.speakerRange) } : {}),
      speakerKind: r.speaker.kind,
      ...(r.speaker.members && r.speaker.members.length > 0 ? { speakers: r.speaker.members } : {}),
      cue: quoted(doc.text, raw.cue),
      start: Math.min(raw.start, raw.cue.start, raw.content.start),
      end: Math.max(raw.content.end, raw.cue.end),
      content: raw.content,
      direct: isDirect(doc.text, raw.content),
      chain: chainOf(doc, r, mentions, tokens),
      ...(to.length > 0 ? { to } : {}),
      when: r.when,
      ...(raw.speaker === null || raw.pronoun ? { implicit: true } : {}),
    };
  });
  const events = extractEvents(doc, statements, times, mentions, tokens);
  return { ...doc, statements, events };
}
