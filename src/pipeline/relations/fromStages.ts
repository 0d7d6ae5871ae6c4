/**
 * Relations the earlier stages already know: a statement's addressees (`to` → said to), its
 * chain of transmission (each relay quoted by the one outside it), and roles an entity holds
 * `of` a body (typed by the same role cues the text matchers use).
 */
import type { EntityType } from '../../model/schema';
import type { StatementDocument } from '../types';
import { CUE_INDEX, RELATION_CUES } from './cues';
import { fold } from './fold';
import type { Found } from './matchers';

/** said-to from `statement.to`, quoted-by from consecutive named links of `statement.chain`. */
export function fromStatements(doc: StatementDocument): Found[] {
  const out: Found[] = [];
  for (const s of doc.statements) {
    const cue = s.cue ?? { start: s.start, end: Math.min(s.end, s.start + 1) };
    if (s.speaker) {
      for (const to of s.to ?? []) {
        out.push({
          type: 'said-to',
          source: s.speaker,
          target: to,
          start: Math.min(cue.start, s.start),
          end: Math.max(cue.end, s.start),
        });
      }
    }
    const chain = s.chain ?? [];
    for (let i = 0; i + 1 < chain.length; i++) {
      const outer = chain[i]!;
      const inner = chain[i + 1]!;
      if (!outer.entity || !inner.entity || outer.entity === inner.entity) continue;
      const starts = [outer.start, inner.start].filter((x): x is number => x !== undefined);
      const ends = [outer.end, inner.end].filter((x): x is number => x !== undefined);
      const start = starts.length ? Math.min(...starts) : s.start;
      const end = ends.length ? Math.max(...ends) : s.end;
      out.push({ type: 'quoted-by', source: inner.entity, target: outer.entity, start, end });
    }
  }
  return out;
}

const PARTS = { ar: RELATION_CUES.parts.ar.map(fold), en: RELATION_CUES.parts.en.map(fold) };
const PART_START = new RegExp(`^(?:${[...PARTS.ar, ...PARTS.en].join('|')})(?![\\p{L}])`, 'u');

/** The relation type a role's words name (المتحدث باسم → spokesperson-of), longest cue first. */
export function roleType(text: string, bodyType?: EntityType, partBody = false): string | undefined {
  const folded = fold(text);
  let best: { type: string; length: number } | undefined;
  for (const hit of CUE_INDEX.find(folded)) {
    const cue = hit.value;
    if (cue.shape !== 'role' || (bodyType && !cue.body.includes(bodyType))) continue;
    // رئيس لجنة … في مجلس X held "of" X: a role in a part of the body makes a member of the body.
    const last = folded.slice(hit.start, hit.end).trim().split(/\s+/).at(-1) ?? '';
    const type = cue.part && PARTS[cue.lang].includes(last) && !partBody ? cue.part : cue.type;
    if (!best || hit.end - hit.start > best.length) best = { type, length: hit.end - hit.start };
  }
  return best?.type;
}

/** Roles held `of` another entity, typed by their words. */
export function fromRoles(doc: StatementDocument): Found[] {
  const out: Found[] = [];
  const types = new Map(doc.entities.map((e) => [e.id, e.type]));
  for (const e of doc.entities) {
    for (const r of e.roles ?? []) {
      const bodyType = r.of ? types.get(r.of) : undefined;
      if (!r.of || r.of === e.id || !bodyType) continue;
      const body = doc.entities.find((x) => x.id === r.of);
      const partBody = !!body && [body.label.ar, body.label.en, ...body.aliases].some((n) => n && PART_START.test(fold(n)));
      const type = roleType(r.text, bodyType, partBody);
      if (type) out.push({ type, source: e.id, target: r.of, start: r.start, end: r.end });
    }
  }
  return out;
}
