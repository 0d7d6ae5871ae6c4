/**
 * Deterministic synthetic corpora for the benchmark: the benchmark's own sentences (bench/phrases.ts)
 * recombined with people, organizations and places from the project's gazetteer (when it exists)
 * plus invented ones, reporting verbs, quotes and dates. Document i depends only on the seed and i,
 * so the corpus of 100 documents is the first 100 of the corpus of 1,000.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AR, EN, type Phrasebook } from './phrases';
import { mulberry32, type Random } from './stats';

type Lang = 'ar' | 'en';

/** A statement as the generator wrote it: the ground truth that TimelineJS gets when the pipeline finds none. */
export interface WrittenStatement {
  speaker: string;
  text: string;
  /** ISO date the statement refers to. */
  date: string;
}

export interface WrittenDocument {
  file: string;
  lang: Lang;
  date: string;
  headline: string;
  statements: WrittenStatement[];
}

interface Pools {
  people: string[];
  orgs: string[];
  places: string[];
}

const GAZETTEER = new URL('../src/pipeline/data/gazetteer.json', import.meta.url);

/** Names from the gazetteer in one language (the first, canonical name of each entry), if the file exists. */
function gazetteerNames(lang: Lang): Pools {
  const pools: Pools = { people: [], orgs: [], places: [] };
  if (!existsSync(GAZETTEER)) return pools;
  const entries = JSON.parse(readFileSync(GAZETTEER, 'utf8')) as { type: string; ar?: string[]; en?: string[] }[];
  for (const e of entries) {
    const name = e[lang]?.[0];
    if (!name) continue;
    if (e.type === 'person') pools.people.push(name);
    else if (e.type === 'organization') pools.orgs.push(name);
    else if (e.type === 'place') pools.places.push(name);
  }
  return pools;
}

/** Gazetteer names plus invented ones: enough distinct people and bodies for thousands of entities at 10,000 documents. */
function buildPools(lang: Lang, book: Phrasebook): Pools {
  const known = gazetteerNames(lang);
  const invented: string[] = [];
  for (const g of book.given)
    for (const f of book.family) {
      invented.push(`${g} ${f}`);
      for (const m of book.given.slice(0, 6)) if (m !== g) invented.push(`${g} ${m} ${f}`);
    }
  const places = [...known.places, ...book.places];
  const localBodies = places
    .slice(0, 120)
    .flatMap((p) => (lang === 'ar' ? [`بلدية ${p}`, `جامعة ${p}`] : [`${p} City Council`, `the University of ${p}`]));
  return { people: [...known.people, ...invented], orgs: [...known.orgs, ...book.orgs, ...localBodies], places };
}

const POOLS = { ar: buildPools('ar', AR), en: buildPools('en', EN) };
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Picks with a skew towards the front (a few names are frequent, most are rare), like news. */
const skewed = <T>(rng: Random, items: T[]): T => items[Math.floor(items.length * rng() ** 2.2)]!;
const pick = <T>(rng: Random, items: T[]): T => items[Math.floor(items.length * rng())]!;

/** A time expression and the day it means, relative to the publication day. */
function timeExpression(rng: Random, lang: Lang, book: Phrasebook, pub: number): { text: string; date: string } {
  const kind = Math.floor(rng() * 5);
  const weekday = new Date(pub).getUTCDay();
  if (kind === 0) return { text: lang === 'ar' ? 'اليوم' : `on ${book.weekdays[weekday]}`, date: iso(pub) };
  if (kind === 1) return { text: lang === 'ar' ? 'أمس' : 'yesterday', date: iso(pub - DAY) };
  if (kind === 2) {
    const back = 2 + Math.floor(rng() * 5);
    const day = book.weekdays[(weekday - back + 7) % 7]!;
    return { text: lang === 'ar' ? `يوم ${day} الماضي` : `last ${day}`, date: iso(pub - back * DAY) };
  }
  const t = pub - Math.floor(rng() * 60) * DAY;
  const d = new Date(t);
  const month = book.months[d.getUTCMonth()]!;
  const text =
    lang === 'ar'
      ? `في ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`
      : `on ${month} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
  return { text, date: iso(t) };
}

/** One document: headline, dateline, paragraphs; and the statements it contains. */
export function generateDocument(seed: number, i: number): { text: string; meta: Record<string, string>; doc: WrittenDocument } {
  const rng = mulberry32((seed ^ Math.imul(i + 1, 0x9e3779b9)) >>> 0);
  const lang: Lang = rng() < 0.6 ? 'ar' : 'en';
  const book = lang === 'ar' ? AR : EN;
  const pools = POOLS[lang];
  const pub = Date.UTC(2014, 0, 1) + Math.floor(rng() * 3650) * DAY;
  const outlet = pick(rng, book.outlets);
  const cast = Array.from({ length: 3 + Math.floor(rng() * 4) }, () => skewed(rng, pools.people));
  const statements: WrittenStatement[] = [];
  let when = { text: '', date: iso(pub) };
  let speaker = '';
  const fill = (template: string): string =>
    template.replace(/\{([A-Z])\}/g, (_, slot: string) => {
      switch (slot) {
        case 'P':
          return (speaker = pick(rng, cast));
        case 'T':
          return pick(rng, book.titles);
        case 'O':
          return skewed(rng, pools.orgs);
        case 'L':
          return skewed(rng, pools.places);
        case 'V':
          return pick(rng, book.verbs);
        case 'Q':
          return fill(pick(rng, book.quotes));
        case 'D':
          return (when = timeExpression(rng, lang, book, pub)).text;
        case 'X':
          return pick(rng, book.topics);
        case 'N':
          return String(5 + Math.floor(rng() * 5000));
        case 'W':
          return outlet;
        case 'M':
          return `${book.months[new Date(pub).getUTCMonth()]} ${new Date(pub).getUTCDate()}`;
        default:
          return slot;
      }
    });
  const headline = fill(pick(rng, book.headlines));
  const dateline = fill(pick(rng, book.datelines));
  const paragraphs: string[] = [];
  for (let p = 0, np = 4 + Math.floor(rng() * 6); p < np; p++) {
    const sentences: string[] = [];
    for (let s = 0, ns = 1 + Math.floor(rng() * 3); s < ns; s++) {
      const reported = rng() < 0.6;
      speaker = '';
      when = { text: '', date: iso(pub) };
      const sentence = fill(pick(rng, reported ? book.reported : book.narrative));
      if (reported) statements.push({ speaker: speaker || outlet, text: sentence, date: when.date });
      sentences.push(sentence);
    }
    paragraphs.push(sentences.join(' '));
  }
  const file = `${String(i).padStart(5, '0')}.txt`;
  const meta = { date: iso(pub), lang, outlet, source: `Isnad benchmark, synthetic document ${i} of seed ${seed}` };
  return {
    text: [headline, dateline, ...paragraphs].join('\n\n') + '\n',
    meta,
    doc: { file, lang, date: iso(pub), headline, statements },
  };
}

/**
 * Writes documents 0…n-1 (.txt plus .meta.json sidecars) into a fresh folder, split evenly into
 * sub-folders part0, part1, … when `parts` > 1 (one per pipeline process); returns what was written.
 */
export function writeCorpus(dir: string, n: number, seed: number, parts = 1): WrittenDocument[] {
  rmSync(dir, { recursive: true, force: true });
  for (let p = 0; p < parts; p++) mkdirSync(parts > 1 ? join(dir, `part${p}`) : dir, { recursive: true });
  const docs: WrittenDocument[] = [];
  for (let i = 0; i < n; i++) {
    const generated = generateDocument(seed, i);
    const { text, meta } = generated;
    const doc =
      parts > 1 ? { ...generated.doc, file: `part${Math.floor((i * parts) / n)}/${generated.doc.file}` } : generated.doc;
    writeFileSync(join(dir, doc.file), text);
    writeFileSync(join(dir, doc.file.replace(/\.txt$/, '.meta.json')), JSON.stringify(meta, null, 2) + '\n');
    docs.push(doc);
  }
  return docs;
}
