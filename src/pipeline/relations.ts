/**
 * Relation extraction: typed, evidenced links between the entities of one document.
 *
 * 1. Cue words from src/pipeline/data/relation-cues.json are found on folded text; where cues
 *    overlap the longest wins (النائب الأول لرئيس beats رئيس).
 * 2. Each cue's matcher (relations/matchers.ts) fills its slots from the mentions around it
 *    in the same sentence: spokesperson of, chair/member/deputy of, adviser to, spoke with,
 *    said to, quoted by, against, located in.
 * 3. The statements stage adds what it knows: `to` (said to) and the chain (quoted by); the
 *    entities stage adds roles held `of` a body.
 * 4. Pairs that share a sentence and are typed nowhere in the document get a weak
 *    `mentioned-with` link.
 */
import type { Entity } from '../model/schema';
import { SentenceContext, type Hit } from './relations/context';
import { MENTIONED_WITH, RelationCollector } from './relations/collect';
import { CUE_INDEX, type CompiledCue } from './relations/cues';
import { fold, foldWithMap } from './relations/fold';
import {
  matchAgainst,
  matchPair,
  matchPlaceCue,
  matchPlaces,
  matchRelay,
  matchRole,
  matchSpeech,
  type Found,
  type Match,
  type Referents,
} from './relations/matchers';
import { fromRoles, fromStatements } from './relations/fromStages';
import type { ExtractedDocument, StatementDocument } from './types';

/** At most this many entities of one sentence are paired for `mentioned-with` (nearest first beyond it). */
const COOCCURRENCE_WINDOW = 6;

interface CueHit {
  cue: CompiledCue;
  start: number;
  end: number;
}

const MATCHERS: Record<CompiledCue['shape'], (m: Match) => void> = {
  role: matchRole,
  pair: matchPair,
  speech: matchSpeech,
  relay: matchRelay,
  against: matchAgainst,
  place: matchPlaceCue,
};

/** Every mention of every entity, in reading order. */
function mentionHits(entities: readonly Entity[]): Hit[] {
  const hits: Hit[] = [];
  for (const e of entities) {
    for (const m of e.mentions) hits.push({ entity: e.id, type: e.type, start: m.start, end: m.end, kind: m.kind });
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Every cue in the text, overlaps resolved longest first, in reading order. */
function findCues(text: string): CueHit[] {
  const folded = foldWithMap(text);
  const all: CueHit[] = CUE_INDEX.find(folded.text).map((h) => ({
    cue: h.value,
    start: folded.map[h.start]!,
    end: folded.map[h.end - 1]! + 1,
  }));
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.cue.index - b.cue.index);
  const taken: CueHit[] = [];
  for (const c of all) {
    if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Earlier people, for pronouns (نائبه) and bare titles (مستشار الرئيس). */
function referentsOf(doc: StatementDocument, hits: readonly Hit[]): Referents {
  const people = hits.filter((h) => h.type === 'person');
  const roles = new Map(doc.entities.map((e) => [e.id, (e.roles ?? []).map((r) => r.text)]));
  const before = (pos: number, ok: (h: Hit) => boolean) => {
    for (let i = people.length - 1; i >= 0; i--) {
      const h = people[i]!;
      if (h.end <= pos && ok(h)) return h;
    }
    return undefined;
  };
  // The object of a preposition (اتصل مع فلان) is rarely whom a later pronoun points back to.
  const isObject = (h: Hit) => /(?:^|\s)(?:مع|عن|with|to|by)\s*$/u.test(fold(doc.text.slice(Math.max(0, h.start - 6), h.start)));
  // A title names whom it starts (الرئيس الروسي), not whom it merely contains (مستشار الرئيس).
  const startsWith = (text: string, title: string) => fold(text).replace(/^ال/, '').startsWith(title);
  const titledMention = (h: Hit, title: string) => startsWith(doc.text.slice(h.start, h.end), title);
  const titledRole = (h: Hit, title: string) => (roles.get(h.entity) ?? []).some((r) => startsWith(r, title));
  return {
    person: (pos, exclude) => before(pos, (h) => h.entity !== exclude && !isObject(h)),
    titled: (pos, title, exclude) =>
      before(pos, (h) => h.entity !== exclude && !isObject(h) && titledMention(h, title)) ??
      before(pos, (h) => h.entity !== exclude && !isObject(h) && titledRole(h, title)),
  };
}

/** Finds typed relations between entities, with evidence spans, direction and counts. */
export function extractRelations(doc: StatementDocument): ExtractedDocument {
  const known = new Set(doc.entities.map((e) => e.id));
  const collector = new RelationCollector(known);
  if (known.size < 2) return { ...doc, relations: [] };

  const hits = mentionHits(doc.entities);
  const cues = findCues(doc.text);
  const referents = referentsOf(doc, hits);
  const emit = (f: Found) => collector.add(f);
  const sentenceHits: Hit[][] = [];

  let h = 0;
  let c = 0;
  for (const s of doc.sentences) {
    while (h < hits.length && hits[h]!.start < s.start) h++;
    const inside: Hit[] = [];
    for (let k = h; k < hits.length && hits[k]!.start < s.end; k++) inside.push(hits[k]!);
    sentenceHits.push(doc.blocks[s.block]?.kind === 'dateline' ? [] : inside);
    while (c < cues.length && cues[c]!.start < s.start) c++;
    if (inside.length === 0) continue;
    const ctx = new SentenceContext(doc.text, s.start, s.end, inside);
    for (let k = c; k < cues.length && cues[k]!.start < s.end; k++) {
      const cue = cues[k]!;
      MATCHERS[cue.cue.shape]({ ctx, cue: cue.cue, start: cue.start, end: cue.end, emit, referents });
    }
    matchPlaces(ctx, 'ar', emit);
    matchPlaces(ctx, 'en', emit);
  }

  for (const f of fromStatements(doc)) emit(f);
  for (const f of fromRoles(doc)) emit(f);

  doc.sentences.forEach((s, i) => {
    const ids = [...new Set(sentenceHits[i]!.map((x) => x.entity))];
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length && b - a <= COOCCURRENCE_WINDOW; b++) {
        if (!collector.typed(ids[a]!, ids[b]!)) {
          emit({ type: MENTIONED_WITH, source: ids[a]!, target: ids[b]!, start: s.start, end: s.end });
        }
      }
    }
  });

  return { ...doc, relations: collector.relations() };
}
