/**
 * The gazetteer: curated entities (src/pipeline/data/gazetteer.json, documented in docs/entities.md)
 * plus countries and territories from CLDR through `Intl.DisplayNames`, validated entry by entry
 * and indexed by the normalised first word of every name, so matching a document costs one map
 * look-up per word rather than one pattern per entry.
 */
import type { EntityType } from '../../model/schema';
import { normalize } from '../../search/normalize';
import { KnowledgeError } from './jsonLines';

/** One entity the project knows about. */
export interface GazetteerEntry {
  id: string;
  type: EntityType;
  /** Arabic names, the first is the label. */
  ar: string[];
  /** English names, the first is the label. */
  en: string[];
  /** Ambiguous short names (`الأسد`): used only when the entity is named fully or titled nearby. */
  weak: string[];
  /** Country the entity belongs to (nationality of a person, seat of a body), ISO 3166 code. */
  country?: string;
  /** Kinds of office the person is widely known for (`president`, `foreign-minister`). */
  titles: string[];
  wikidata?: string;
  source: 'gazetteer' | 'override';
  line?: number;
}

/** A name of an entry, split into normalised words. */
export interface IndexedName {
  words: string[];
  /** The name as written, split like the text (English case check). */
  rawWords: string[];
  entry: GazetteerEntry;
  weak: boolean;
  /** Is it the entry's label in its language? */
  label: boolean;
  latin: boolean;
}

/** Normalised first word → names starting with it, longest first. */
export type NameIndex = Map<string, IndexedName[]>;

const PREFIX_TYPE: Record<string, EntityType> = { person: 'person', org: 'organization', place: 'place', other: 'other' };
const KEYS = new Set(['id', 'type', 'ar', 'en', 'weak', 'country', 'titles', 'wikidata']);
/** Region codes that are not countries or that CLDR keeps only for history. */
const NOT_COUNTRIES = new Set('AN BU CS DD DY EU EZ FX HV NH QO RH SU TP UK UN VD XA XB YD YU ZR ZZ'.split(' '));

const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim().length > 0);

/** Checks one gazetteer entry; throws a KnowledgeError naming the file and line. */
export function validateEntry(raw: unknown, file: string, line: number | undefined): GazetteerEntry {
  const fail = (reason: string): never => {
    throw new KnowledgeError(file, line, reason);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('an entry must be an object');
  const e = raw as Record<string, unknown>;
  for (const k of Object.keys(e)) if (!KEYS.has(k)) fail(`unknown field "${k}"`);
  if (typeof e.id !== 'string' || !/^[a-z]+:[^\s]+$/.test(e.id)) return fail(`id ${JSON.stringify(e.id)} is not "type:slug"`);
  const prefixType = PREFIX_TYPE[e.id.split(':')[0]!];
  if (!prefixType) fail(`id "${e.id}" must start with person:, org:, place: or other:`);
  if (e.type !== prefixType) fail(`type "${String(e.type)}" does not match id "${e.id}" (expected "${prefixType}")`);
  for (const k of ['ar', 'en', 'weak', 'titles']) if (e[k] !== undefined && !strings(e[k])) fail(`${k} must be a list of names`);
  const ar = (e.ar as string[] | undefined) ?? [];
  const en = (e.en as string[] | undefined) ?? [];
  if (ar.length + en.length === 0) fail(`entry "${e.id}" has no name`);
  if (e.country !== undefined && (typeof e.country !== 'string' || !/^[A-Z]{2}$/.test(e.country)))
    fail('country must be an ISO 3166 code like "SY"');
  if (e.wikidata !== undefined && (typeof e.wikidata !== 'string' || !/^Q\d+$/.test(e.wikidata)))
    fail('wikidata must look like "Q123"');
  return {
    id: e.id,
    type: prefixType!,
    ar,
    en,
    weak: (e.weak as string[] | undefined) ?? [],
    ...(e.country ? { country: e.country as string } : {}),
    titles: (e.titles as string[] | undefined) ?? [],
    ...(e.wikidata ? { wikidata: e.wikidata as string } : {}),
    source: 'gazetteer',
    ...(line !== undefined ? { line } : {}),
  };
}

/** CLDR country names (`الكونغو - كينشاسا`, `ميانمار (بورما)`) split into plain names. */
function cldrNames(name: string | undefined): string[] {
  if (!name) return [];
  return name
    .split(/\s+-\s+|[()]/)
    .map((s) => s.replace(/&/g, 'and').trim())
    .filter((s) => s.length > 1 && !/منطقة|SAR/.test(s));
}

/** Countries and territories from CLDR (`Intl.DisplayNames`), as gazetteer entries `place:SY`. */
export function cldrCountries(): GazetteerEntry[] {
  const ar = new Intl.DisplayNames('ar', { type: 'region', fallback: 'none' });
  const en = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
  const out: GazetteerEntry[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const arName = ar.of(code);
      if (!arName || arName === code) continue;
      out.push({
        id: `place:${code}`,
        type: 'place',
        ar: cldrNames(arName),
        en: cldrNames(en.of(code)),
        weak: [],
        country: code,
        titles: [],
        source: 'gazetteer',
      });
    }
  }
  return out;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Splits a name into words the way the text is split. */
export const nameWords = (name: string) => [...name.matchAll(WORD)].map((m) => m[0]);

/** Builds the first-word index; a normalised name already taken by an earlier entry is skipped. */
export function buildIndex(entries: Iterable<GazetteerEntry>): NameIndex {
  const index: NameIndex = new Map();
  const taken = new Set<string>();
  const add = (name: string, entry: GazetteerEntry, weak: boolean, label: boolean) => {
    const rawWords = nameWords(name);
    const words = rawWords.map((w) => normalize(w));
    const latin = !/[\u0600-\u06FF]/.test(name);
    const key = `${latin ? 'l' : 'a'}:${words.join(' ')}`;
    if (words.length === 0 || taken.has(key)) return;
    taken.add(key);
    const list = index.get(words[0]!) ?? [];
    list.push({ words, rawWords, entry, weak, label, latin });
    index.set(words[0]!, list);
  };
  // Foreign g is written غ or ج (هونغ كونغ، هونج كونج): index both spellings of Arabic names.
  const withJim = (n: string) => (n.includes('غ') ? [n, n.replace(/غ/g, 'ج')] : [n]);
  // `الناتو`/`ناتو`، `آسيان`/`الآسيان`: a body's one-word Arabic name that transliterates its acronym (the entry has an
  // English name in capitals) is written with and without the article; both are indexed (after the real names).
  const acronym = (e: GazetteerEntry) => e.type === 'organization' && e.en.some((n) => /^[A-Z]{3,}$/.test(n));
  const articleVariant = (n: string) => (/^ال/.test(n) ? n.slice(2) : `ال${n}`);
  for (const e of entries) {
    e.ar.forEach((n, i) => withJim(n).forEach((v, k) => add(v, e, false, i === 0 && k === 0)));
    e.en.forEach((n, i) => add(n, e, false, i === 0));
    for (const n of e.weak) for (const v of withJim(n)) add(v, e, true, false);
  }
  for (const e of entries) {
    if (!acronym(e)) continue;
    for (const n of e.ar) if (!/\s/.test(n) && articleVariant(n).length >= 4) add(articleVariant(n), e, false, false);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}
