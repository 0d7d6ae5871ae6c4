/**
 * From recognised spans to the schema's entities: one entity per key, with a stable id derived
 * from the canonical name (`person:angela-merkel`, `place:SY`, `org:لجنة-الدفاع-والامن`), labels,
 * aliases as written, every mention (titles included) and the roles the text gives.
 */
import type { Entity, EntityType, Mention, Role } from '../../model/schema';
import { normalize } from '../../search/normalize';
import type { Found } from './found';

const PREFIX: Record<EntityType, string> = { person: 'person', organization: 'org', place: 'place', other: 'other' };

/** Slug of a name: lowercase words joined by hyphens (Arabic normalised, Latin accents dropped). */
export function slug(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return normalize(ascii)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join('-');
}

/** The longest of a key's spans (the first of the longest): the one that names the entity. */
function longestOf(fs: readonly Found[]): Found {
  let best = fs[0]!;
  for (let k = 1; k < fs.length; k++) if (fs[k]!.end - fs[k]!.start > best.end - best.start) best = fs[k]!;
  return best;
}

/** The first span of a key that carries a gazetteer entry. */
function entryOf(fs: readonly Found[]): Found['entry'] {
  for (const f of fs) if (f.entry) return f.entry;
  return undefined;
}

/** Names (titles aside) grouped by entity key, in order of first appearance. */
function groupByKey(found: readonly Found[]): Map<string, Found[]> {
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    if (f.kind === 'title') continue;
    const g = groups.get(f.key);
    if (g) g.push(f);
    else groups.set(f.key, [f]);
  }
  return groups;
}

/** Each key's entity id: the gazetteer's, or the type and the slug of its longest name. */
function idsOf(groups: ReadonlyMap<string, Found[]>, text: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [key, fs] of groups) {
    const entry = entryOf(fs);
    if (entry) ids.set(key, entry.id);
    else {
      const longest = longestOf(fs);
      ids.set(key, `${PREFIX[longest.type]}:${slug(text.slice(longest.start, longest.end))}`);
    }
  }
  return ids;
}

/** Title mentions by the key they were resolved to (two keys for `الرئيسان`). */
function titlesByKey(found: readonly Found[]): Map<string, Found[]> {
  const titles = new Map<string, Found[]>();
  for (const f of found) {
    if (f.kind !== 'title' || !f.targets) continue;
    for (const t of f.targets) {
      const list = titles.get(t);
      if (list) list.push(f);
      else titles.set(t, [f]);
    }
  }
  return titles;
}

/** The roles the text gives on a key's spans, with the body they are held in when it is an entity. */
function rolesOf(fs: readonly Found[], ids: ReadonlyMap<string, string>): Role[] {
  const roles: Role[] = [];
  for (const f of fs) {
    const r = f.role;
    if (!r) continue;
    const of = r.of && ids.get(r.of);
    roles.push(of ? { text: r.text, start: r.start, end: r.end, of } : { text: r.text, start: r.start, end: r.end });
  }
  return roles;
}

/** The nationality of a key: the gazetteer's country, else the first its spans or their roles say. */
function nationalityOf(fs: readonly Found[], entry: Found['entry']): string | undefined {
  if (entry?.country != null) return entry.country;
  for (const f of fs) if (f.nationality) return f.nationality;
  for (const f of fs) if (f.role?.nationality) return f.role.nationality;
  return undefined;
}

/**
 * One key's entity. Optional fields are set one by one, in the schema's order, rather than spread from
 * `cond ? { x } : {}`: the spreads gave the entities a dozen hidden classes, and each new one made V8
 * compile `assemble` again.
 */
function entityOf(fs: Found[], id: string, mentions: Mention[], roles: Role[], text: string): Entity {
  const entry = entryOf(fs);
  const longest = longestOf(fs);
  const surfaceLabel = text.slice(longest.start, longest.end);
  const seen = [...new Set(fs.map((f) => text.slice(f.start, f.end)))];
  const type = entry?.type ?? longest.type;
  const label: Entity['label'] = {};
  if (entry) {
    if (entry.ar[0]) label.ar = entry.ar[0];
    if (entry.en[0]) label.en = entry.en[0];
  } else if (/[\u0600-\u06FF]/.test(surfaceLabel)) label.ar = surfaceLabel;
  else label.en = surfaceLabel;
  const entity = {
    id,
    type,
    label,
    aliases: [...new Set([...seen, ...(entry ? [...entry.ar, ...entry.en].slice(0, 12) : [])])],
  } as Entity;
  if (entry?.wikidata) entity.wikidata = entry.wikidata;
  entity.source = entry ? 'gazetteer' : 'rule';
  const nationality = nationalityOf(fs, entry);
  if (nationality && type !== 'place') entity.nationality = nationality;
  if (roles.length) entity.roles = roles;
  entity.mentions = mentions;
  return entity;
}

/** Builds the entities of one document from its recognised spans. */
export function assemble(found: readonly Found[], text: string): Entity[] {
  const groups = groupByKey(found);
  const ids = idsOf(groups, text);
  const titleMentions = titlesByKey(found);
  const byId = new Map<string, Entity>();
  for (const [key, fs] of groups) {
    const id = ids.get(key)!;
    const mentions: Mention[] = [];
    for (const f of fs) mentions.push({ start: f.start, end: f.end, kind: f.kind });
    for (const f of titleMentions.get(key) ?? []) mentions.push({ start: f.start, end: f.end, kind: f.kind });
    const roles = rolesOf(fs, ids);
    const existing = byId.get(id);
    if (existing) {
      // Two keys with one id (a rule name and its gazetteer entry): one entity with both's mentions.
      existing.mentions.push(...mentions);
      const seen = [...new Set(fs.map((f) => text.slice(f.start, f.end)))];
      existing.aliases.push(...seen.filter((s) => !existing.aliases.includes(s)));
      if (roles.length) existing.roles = [...(existing.roles ?? []), ...roles];
      continue;
    }
    byId.set(id, entityOf(fs, id, mentions, roles, text));
  }
  const entities = [...byId.values()];
  for (const e of entities) {
    const uniq = new Map(e.mentions.map((m) => [`${m.start}:${m.end}`, m]));
    e.mentions = [...uniq.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    if (e.roles) e.roles = [...new Map(e.roles.map((r) => [`${r.start}:${r.end}`, r])).values()];
  }
  return entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}
