/**
 * A synthetic corpus shaped for the diagram alone: `entities` entities with Zipf-like mention counts
 * and `relations` relations drawn by preferential attachment (a few hubs, a long tail), spread over
 * documents of about 20 relations each. The documents carry no real text (the diagram reads entities
 * and relations; the card quotes a placeholder). Deterministic from the seed, so the 2,000-entity
 * measurement draws the same picture every run, without running the pipeline on 1,000 documents.
 */
import type { Corpus, EntityType, IsnadDocument } from '../src/model/schema';
import { SCHEMA_VERSION } from '../src/model/version';
import { RELATION_TYPES } from '../src/graph/edgeStyle';
import { mulberry32 } from './stats';

const TYPES: EntityType[] = ['person', 'person', 'person', 'organization', 'organization', 'place', 'other'];
const GIVEN = ['Amal', 'Bashir', 'Dalia', 'Farid', 'Hana', 'Jamal', 'Karim', 'Layla', 'Nabil', 'Rania', 'Samir', 'Yusuf'];
const FAMILY = ['Haddad', 'Khoury', 'Mansour', 'Nassar', 'Saleh', 'Tamimi', 'Yassin', 'Zein', 'Aziz', 'Hamdan'];
const TEXT = 'A placeholder sentence for the synthetic diagram corpus. '.repeat(4);
const PER_DOC = 20;

/** A corpus of `entities` entities and about `relations` relations, deterministic from `seed`. */
export function graphCorpus(entities: number, relations: number, seed = 1): Corpus {
  const random = mulberry32(seed);
  const ents = Array.from({ length: entities }, (_, i) => {
    const type = TYPES[i % TYPES.length]!;
    const name = `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]} ${i}`;
    // Zipf: the i-th entity is mentioned about 400 / (i + 1) times, at least once.
    return { id: `${type}:synthetic-${i}`, type, name, mentions: Math.max(1, Math.round(400 / (i + 1) + random() * 2)) };
  });
  // Preferential attachment: an end is picked with probability proportional to its mentions plus its
  // degree (the most mentioned are the most connected, as in news); one end in three is any entity.
  const ends: number[] = ents.flatMap((e, i) => Array.from({ length: e.mentions }, () => i));
  const seen = new Set<string>();
  const rels: { source: number; target: number; type: string }[] = [];
  for (let tries = 0; rels.length < relations && tries < relations * 10; tries++) {
    const a = ends[Math.floor(random() * ends.length)]!;
    const b = random() < 0.33 ? Math.floor(random() * entities) : ends[Math.floor(random() * ends.length)]!;
    if (a === b) continue;
    const type = RELATION_TYPES[Math.floor(random() * RELATION_TYPES.length)]!;
    const [s, t] = type === 'spoke-with' || type === 'mentioned-with' ? [Math.min(a, b), Math.max(a, b)] : [a, b];
    const key = `${type}:${s}->${t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rels.push({ source: s, target: t, type });
    ends.push(a, b);
  }
  const docCount = Math.max(1, Math.ceil(rels.length / PER_DOC));
  const documents: IsnadDocument[] = [];
  for (let d = 0; d < docCount; d++) {
    const mine = rels.slice(d * PER_DOC, (d + 1) * PER_DOC);
    const ids = new Set(mine.flatMap((r) => [r.source, r.target]));
    // Every entity belongs somewhere, even without a relation.
    for (let i = d; i < entities; i += docCount) ids.add(i);
    const entityList = [...ids]
      .sort((x, y) => x - y)
      .map((i) => {
        const e = ents[i]!;
        // Mentions are spread over the entity's documents; the first one takes the remainder.
        const share = i % docCount === d ? e.mentions : 1;
        return {
          id: e.id,
          type: e.type,
          label: { en: e.name },
          aliases: [e.name],
          mentions: Array.from({ length: share }, () => ({ start: 0, end: 10 })),
        };
      });
    documents.push({
      id: `synthetic-${d}`,
      file: `synthetic-${d}.txt`,
      meta: { date: '2024-01-01', lang: 'en' },
      dir: 'ltr',
      text: TEXT,
      textOffset: 0,
      blocks: [{ id: 'b0', kind: 'paragraph', start: 0, end: TEXT.length }],
      sentences: [{ id: 's0', block: 0, start: 0, end: 57, norm: '' }],
      entities: entityList,
      relations: mine.map((r) => {
        const directed = r.type !== 'spoke-with' && r.type !== 'mentioned-with';
        const s = ents[r.source]!.id;
        const t = ents[r.target]!.id;
        return {
          id: `${r.type}:${s}->${t}`,
          source: s,
          target: t,
          type: r.type,
          directed,
          weight: r.type === 'mentioned-with' ? 0.25 : 1,
          count: 1,
          evidence: [{ start: 0, end: 57 }],
        };
      }),
      statements: [],
      events: [],
    });
  }
  return { schemaVersion: SCHEMA_VERSION, generator: 'bench/graphCorpus.ts', documents } as Corpus;
}
