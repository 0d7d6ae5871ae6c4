/**
 * World knowledge used by extraction, loaded once per build: the gazetteer (curated entries in
 * data/gazetteer.json plus CLDR countries), the rule lexicon (titles, head nouns, nationality
 * adjectives) and the user's overrides from `seeds/overrides.json`. Build time only (Node).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndex, cldrCountries, validateEntry, type GazetteerEntry, type NameIndex } from './entities/gazetteer';
import { KnowledgeError, parseWithLines } from './entities/jsonLines';
import { lexicon, type Lexicon } from './entities/lexicon';
import { parseOverrides, type Override } from './entities/overrides';

/** Everything the extraction stages know about the world, loaded once per build. */
export interface Knowledge {
  /** Bumped when the knowledge format changes. */
  readonly version: number;
  /** Gazetteer entries by id. */
  readonly entries: ReadonlyMap<string, GazetteerEntry>;
  /** Normalised first word → names. */
  readonly index: NameIndex;
  readonly lexicon: Lexicon;
  /** Document-level corrections, applied after extraction. */
  readonly overrides: readonly Override[];
  /** Every gazetteer name and alias (Arabic and English, as written): protects names from stemming. */
  names(): string[];
}

const GAZETTEER_FILE = 'src/pipeline/data/gazetteer.json';
/**
 * The curated gazetteer files, read in this order (an earlier file's names win ties): the main file,
 * then the organizations and places added in the organizations round (clubs, companies, banks,
 * religious bodies, rivers and mountains), kept apart so that rounds on other entity types do not
 * edit the same file.
 */
export const GAZETTEER_FILES = [GAZETTEER_FILE, 'src/pipeline/data/gazetteer-bodies.json'];

/** Reads and validates the curated gazetteer text; throws with file and line on a bad entry. */
export function parseGazetteer(text: string, file = GAZETTEER_FILE): GazetteerEntry[] {
  const { value, lines } = parseWithLines(text, file);
  if (!Array.isArray(value)) throw new KnowledgeError(file, 1, 'the gazetteer must be a JSON list of entries');
  const seen = new Map<string, number>();
  return value.map((raw: unknown, i) => {
    const entry = validateEntry(raw, file, lines[i]);
    const before = seen.get(entry.id);
    if (before !== undefined) throw new KnowledgeError(file, lines[i], `duplicate id "${entry.id}" (first on line ${before})`);
    seen.set(entry.id, lines[i] ?? 0);
    return entry;
  });
}

/** Curated entries first (their names win ties), then CLDR countries merged into or added after them. */
export function mergeCountries(curated: GazetteerEntry[]): GazetteerEntry[] {
  const byId = new Map(curated.map((e) => [e.id, { ...e, ar: [...e.ar], en: [...e.en] }]));
  const extra: GazetteerEntry[] = [];
  for (const c of cldrCountries()) {
    const known = byId.get(c.id);
    if (known) {
      known.ar.push(...c.ar.filter((n) => !known.ar.includes(n)));
      known.en.push(...c.en.filter((n) => !known.en.includes(n)));
    } else extra.push(c);
  }
  return [...byId.values(), ...extra];
}

let curatedCache: GazetteerEntry[] | undefined;

/** A gazetteer file next to this module; under a test runner that serves modules over http, from the project root. */
function gazetteerPath(file: string): string {
  // Literal URLs: a bundler rewrites `new URL('./x', import.meta.url)` only when the path is a plain string.
  const urls: Record<string, URL> = {
    [GAZETTEER_FILES[0]!]: new URL('./data/gazetteer.json', import.meta.url),
    [GAZETTEER_FILES[1]!]: new URL('./data/gazetteer-bodies.json', import.meta.url),
  };
  const url = urls[file];
  return url?.protocol === 'file:' ? fileURLToPath(url) : join(process.cwd(), file);
}

/** Every curated file's entries in order; an id defined in two files stops the build like a duplicate in one. */
export function parseGazetteers(files: { file: string; text: string }[]): GazetteerEntry[] {
  const seen = new Map<string, string>();
  const out: GazetteerEntry[] = [];
  for (const { file, text } of files) {
    for (const entry of parseGazetteer(text, file)) {
      const before = seen.get(entry.id);
      if (before !== undefined) throw new KnowledgeError(file, entry.line, `id "${entry.id}" is already defined in ${before}`);
      seen.set(entry.id, file);
      out.push(entry);
    }
  }
  return out;
}

function curated(): GazetteerEntry[] {
  curatedCache ??= mergeCountries(
    parseGazetteers(GAZETTEER_FILES.map((file) => ({ file, text: readFileSync(gazetteerPath(file), 'utf8') }))),
  );
  return curatedCache;
}

/** Builds knowledge from gazetteer entries and overrides (aliases are added to their entities). */
export function buildKnowledge(entries: GazetteerEntry[], overrides: Override[]): Knowledge {
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const o of overrides) {
    if (o.op !== 'alias') continue;
    const arabic = /[\u0600-\u06FF]/.test(o.name);
    const known = byId.get(o.entity);
    const type = ({ person: 'person', org: 'organization', place: 'place', other: 'other' } as const)[
      o.entity.split(':')[0] as 'person'
    ];
    const target: GazetteerEntry = known
      ? { ...known, ar: [...known.ar], en: [...known.en], weak: [...known.weak] }
      : { id: o.entity, type, ar: [], en: [], weak: [], titles: [], source: 'override', line: o.line };
    (arabic ? target.ar : target.en).push(o.name);
    byId.set(o.entity, target);
  }
  const all = [...byId.values()];
  const index = buildIndex(all);
  return {
    version: 1,
    entries: byId,
    index,
    lexicon: lexicon(),
    overrides: overrides.filter((o) => o.op !== 'alias'),
    names: () => [...new Set(all.flatMap((e) => [...e.ar, ...e.en, ...e.weak]))],
  };
}

const knowledgeCache = new Map<string, Knowledge>();

/** Loads the knowledge files once; `seedsDir` may hold the user's `overrides.json`. */
export function loadKnowledge(seedsDir?: string): Knowledge {
  const key = seedsDir ?? '';
  const hit = knowledgeCache.get(key);
  if (hit) return hit;
  let overrides: Override[] = [];
  if (seedsDir) {
    const path = join(seedsDir, 'overrides.json');
    if (existsSync(path))
      overrides = parseOverrides(readFileSync(path, 'utf8'), `${seedsDir.replace(/\/$/, '').split('/').pop()}/overrides.json`);
  }
  const knowledge = buildKnowledge(curated(), overrides);
  knowledgeCache.set(key, knowledge);
  return knowledge;
}
