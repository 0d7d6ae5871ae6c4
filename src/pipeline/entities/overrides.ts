/**
 * User corrections from `seeds/overrides.json` (documented in docs/entities.md): a JSON list of
 * operations, one per line, applied at build. `alias` feeds the gazetteer before matching; the
 * others rewrite each document's entities after extraction.
 */
import type { Entity, EntityType } from '../../model/schema';
import { normalize } from '../../search/normalize';
import { KnowledgeError, parseWithLines } from './jsonLines';

/** One correction, with the line it came from. */
export type Override =
  | { op: 'alias'; entity: string; name: string; line: number }
  | { op: 'merge'; entities: string[]; line: number }
  | { op: 'split'; entity: string; name: string; id: string; line: number }
  | { op: 'rename'; entity: string; label: { ar?: string; en?: string }; line: number }
  | { op: 'type'; entity: string; type: EntityType; line: number }
  | { op: 'ignore'; entity?: string; name?: string; line: number };

const ID = /^(person|org|place|other):[^\s]+$/;
const TYPES = new Set(['person', 'organization', 'place', 'other']);
const PREFIX: Record<string, string> = { person: 'person', organization: 'org', place: 'place', other: 'other' };

/** Parses and checks an overrides file; any bad entry stops the build with file, line and reason. */
export function parseOverrides(text: string, file: string): Override[] {
  const { value, lines } = parseWithLines(text, file);
  if (!Array.isArray(value)) throw new KnowledgeError(file, 1, 'overrides must be a JSON list of operations');
  return value.map((raw: unknown, i) => {
    const line = lines[i] ?? 1;
    const fail = (reason: string): never => {
      throw new KnowledgeError(file, line, reason);
    };
    if (typeof raw !== 'object' || raw === null) return fail('an operation must be an object with "op"');
    const o = raw as Record<string, unknown>;
    const id = (k: string) =>
      typeof o[k] === 'string' && ID.test(o[k] as string)
        ? (o[k] as string)
        : fail(`${String(o.op)} needs "${k}": an entity id like "person:angela-merkel"`);
    const name = () =>
      typeof o.name === 'string' && o.name.trim()
        ? o.name
        : fail(`${String(o.op)} needs "name": the words as written in the text`);
    switch (o.op) {
      case 'alias':
        return { op: 'alias', entity: id('entity'), name: name(), line };
      case 'merge':
        if (
          !Array.isArray(o.entities) ||
          o.entities.length < 2 ||
          !o.entities.every((e) => typeof e === 'string' && ID.test(e))
        ) {
          return fail('merge needs two entity ids');
        }
        return { op: 'merge', entities: o.entities as string[], line };
      case 'split':
        return { op: 'split', entity: id('entity'), name: name(), id: id('id'), line };
      case 'rename': {
        const label = o.label as Record<string, unknown> | undefined;
        if (!label || typeof label !== 'object' || (typeof label.ar !== 'string' && typeof label.en !== 'string'))
          return fail('rename needs "label": {"ar": …, "en": …}');
        return { op: 'rename', entity: id('entity'), label: label as { ar?: string; en?: string }, line };
      }
      case 'type':
        if (typeof o.type !== 'string' || !TYPES.has(o.type))
          return fail('type needs "type": person, organization, place or other');
        return { op: 'type', entity: id('entity'), type: o.type as EntityType, line };
      case 'ignore':
        if (o.entity === undefined && o.name === undefined) return fail('ignore needs "entity" or "name"');
        return {
          op: 'ignore',
          ...(o.entity !== undefined ? { entity: id('entity') } : {}),
          ...(o.name !== undefined ? { name: name() } : {}),
          line,
        };
      default:
        return fail(`unknown op ${JSON.stringify(o.op)} (expected alias, merge, split, rename, type or ignore)`);
    }
  });
}

/** Applies the document-level corrections (merge, split, rename, type, ignore) to extracted entities. */
export function applyOverrides(entities: Entity[], overrides: readonly Override[], text: string): Entity[] {
  let list = entities.map((e) => ({ ...e, mentions: [...e.mentions], aliases: [...e.aliases] }));
  const surface = (m: { start: number; end: number }) => normalize(text.slice(m.start, m.end));
  for (const o of overrides) {
    if (o.op === 'merge') {
      const [keep, ...rest] = o.entities;
      const target = list.find((e) => e.id === keep);
      const others = list.filter((e) => rest.includes(e.id));
      if (others.length === 0) continue;
      if (!target) {
        others[0]!.id = keep!;
        continue;
      }
      for (const e of others) {
        target.mentions.push(...e.mentions);
        target.aliases.push(...e.aliases.filter((a) => !target.aliases.includes(a)));
      }
      target.mentions.sort((a, b) => a.start - b.start);
      list = list.filter((e) => !others.includes(e));
    } else if (o.op === 'split') {
      const from = list.find((e) => e.id === o.entity);
      if (!from) continue;
      const key = normalize(o.name);
      const moved = from.mentions.filter((m) => surface(m) === key);
      if (moved.length === 0) continue;
      from.mentions = from.mentions.filter((m) => !moved.includes(m));
      list.push({
        id: o.id,
        type: from.type,
        label: { [/[\u0600-\u06FF]/.test(o.name) ? 'ar' : 'en']: o.name },
        aliases: [o.name],
        source: 'override',
        mentions: moved,
      });
    } else if (o.op === 'rename') {
      const e = list.find((x) => x.id === o.entity);
      if (e) e.label = { ...e.label, ...o.label };
    } else if (o.op === 'type') {
      const e = list.find((x) => x.id === o.entity);
      if (e) {
        e.type = o.type;
        e.id = `${PREFIX[o.type]}:${e.id.slice(e.id.indexOf(':') + 1)}`;
      }
    } else if (o.op === 'ignore') {
      const key = o.name !== undefined ? normalize(o.name) : undefined;
      list = list.filter((e) => e.id !== o.entity);
      if (key !== undefined) {
        for (const e of list) e.mentions = e.mentions.filter((m) => surface(m) !== key);
        list = list.filter((e) => e.mentions.length > 0);
      }
    }
  }
  return list;
}
