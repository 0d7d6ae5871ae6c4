/**
 * From recognised spans to the schema's entities: one entity per key, with a stable id derived
 * from the canonical name (`person:donald-trump`, `place:SY`, `org:لجنة-الدفاع-والامن`), labels,
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

/** Builds the entities of one document from its recognised spans. */
export function assemble(found: readonly Found[], text: string): Entity[] {
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    if (f.kind === 'title') continue;
    const g = groups.get(f.key) ?? [];
    g.push(f);
    groups.set(f.key, g);
  }
  const ids = new Map<string, string>();
  for (const [key, fs] of groups) {
    const entry = fs.find((f) => f.entry)?.entry;
    if (entry) ids.set(key, entry.id);
    else {
      const longest = fs.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
      ids.set(key, `${PREFIX[longest.type]}:${slug(text.slice(longest.start, longest.end))}`);
    }
  }
  const titleMentions = new Map<string, Found[]>();
  for (const f of found)
    for (const t of f.kind === 'title' ? (f.targets ?? []) : []) titleMentions.set(t, [...(titleMentions.get(t) ?? []), f]);
  const byId = new Map<string, Entity>();
  for (const [key, fs] of groups) {
    const id = ids.get(key)!;
    const entry = fs.find((f) => f.entry)?.entry;
    const names = fs.filter((f) => f.kind !== 'title');
    const longest = names.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    const surfaceLabel = text.slice(longest.start, longest.end);
    const arabic = /[\u0600-\u06FF]/.test(surfaceLabel);
    const mentions: Mention[] = [...fs, ...(titleMentions.get(key) ?? [])].map((f) => ({
      start: f.start,
      end: f.end,
      kind: f.kind,
    }));
    const roles: Role[] = fs
      .filter((f) => f.role)
      .map((f) => ({
        text: f.role!.text,
        start: f.role!.start,
        end: f.role!.end,
        ...(f.role!.of && ids.get(f.role!.of) ? { of: ids.get(f.role!.of)! } : {}),
      }));
    const nationality =
      entry?.country ?? fs.find((f) => f.nationality)?.nationality ?? fs.find((f) => f.role?.nationality)?.role?.nationality;
    const seen = [...new Set(names.map((f) => text.slice(f.start, f.end)))];
    const existing = byId.get(id);
    if (existing) {
      existing.mentions.push(...mentions);
      existing.aliases.push(...seen.filter((s) => !existing.aliases.includes(s)));
      if (roles.length) existing.roles = [...(existing.roles ?? []), ...roles];
      continue;
    }
    const entity: Entity = {
      id,
      type: entry?.type ?? longest.type,
      label: entry
        ? { ...(entry.ar[0] ? { ar: entry.ar[0] } : {}), ...(entry.en[0] ? { en: entry.en[0] } : {}) }
        : { [arabic ? 'ar' : 'en']: surfaceLabel },
      aliases: [...new Set([...seen, ...(entry ? [...entry.ar, ...entry.en].slice(0, 12) : [])])],
      ...(entry?.wikidata ? { wikidata: entry.wikidata } : {}),
      source: entry ? 'gazetteer' : 'rule',
      ...(nationality && (entry?.type ?? longest.type) !== 'place' ? { nationality } : {}),
      ...(roles.length ? { roles } : {}),
      mentions,
    };
    byId.set(id, entity);
  }
  const entities = [...byId.values()];
  for (const e of entities) {
    const uniq = new Map(e.mentions.map((m) => [`${m.start}:${m.end}`, m]));
    e.mentions = [...uniq.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    if (e.roles) e.roles = [...new Map(e.roles.map((r) => [`${r.start}:${r.end}`, r])).values()];
  }
  return entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}
