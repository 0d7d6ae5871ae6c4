/**
 * `npm run --silent score:entities [-- --verbose]`: scores the entities stage against hand-made
 * gold files: the seed (tests/fixtures/gold/seed-entities.json) and our own test articles
 * (tests/fixtures/articles/entities/*.gold.json). Prints, per document and in total, entity
 * precision and recall, how many real entities were split into several, type errors, and
 * mention-level precision and recall (a mention counts when it overlaps a gold occurrence).
 *
 * Gold format: {document, lang, date?, entities: [{id, type, mentions: [string | {text, nth}], optional?}]}.
 * A mention string stands for every whole-word occurrence (clitics و ف ب ل ك allowed in front).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractEntities } from '../src/pipeline/entities';
import { readSeed } from '../src/pipeline/read';
import { segment } from '../src/pipeline/segment';
import { loadKnowledge } from '../src/pipeline/knowledge';
import type { Entity } from '../src/model/schema';
import { normalize } from '../src/search/normalize';

/** One gold entity. */
export interface GoldEntity {
  id: string;
  type: string;
  mentions: (string | { text: string; nth: number })[];
  optional?: boolean;
}

/** A gold file. */
export interface Gold {
  document: string;
  lang: string;
  date?: string;
  entities: GoldEntity[];
}

/** Counts for one document (sum them for totals). */
export interface Score {
  predicted: number;
  correct: number;
  gold: number;
  found: number;
  splits: number;
  merges: number;
  typeErrors: number;
  mentionsPredicted: number;
  mentionsCorrect: number;
  mentionsGold: number;
  mentionsFound: number;
  falseEntities: string[];
  missed: string[];
  split: string[];
  merged: string[];
}

/** Folds each code unit alone, so offsets in the folded text are offsets in the original. */
function foldChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const f = normalize(ch);
    out += f.length === ch.length ? f : ch;
  }
  return out;
}

const LETTER = /[\p{L}\p{M}]/u;

/** Whole-word occurrences of `needle` in `text` (clitics allowed before; `لل` for a dropped `ال`). */
export function occurrences(text: string, needle: string): { start: number; end: number }[] {
  const hay = foldChars(text);
  const variants = [foldChars(needle)];
  if (variants[0]!.startsWith('ال')) variants.push(`ل${variants[0]!.slice(2)}`);
  const out: { start: number; end: number }[] = [];
  variants.forEach((n, vi) => {
    for (let at = hay.indexOf(n); at >= 0; at = hay.indexOf(n, at + 1)) {
      const end = at + n.length;
      if (end < hay.length && LETTER.test(hay[end]!)) continue;
      let s = at;
      if (vi === 1) {
        if (hay[at - 1] !== 'ل') continue;
      } else {
        while (s > 0 && s > at - 2 && /[وفبلك]/.test(hay[s - 1]!)) s--;
      }
      if (s > 0 && LETTER.test(hay[s - 1]!) && vi === 0) continue;
      if (vi === 1 && at - 2 >= 0 && LETTER.test(hay[at - 2]!) && !/[وفب]/.test(hay[at - 2]!)) continue;
      out.push({ start: at, end });
    }
  });
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Gold spans per entity; a span inside a longer span of another entity is dropped (longest wins). */
export function goldSpans(text: string, gold: Gold): Map<GoldEntity, { start: number; end: number }[]> {
  const all: { g: GoldEntity; start: number; end: number }[] = [];
  for (const g of gold.entities) {
    for (const m of g.mentions) {
      const occ =
        typeof m === 'string' ? occurrences(text, m) : [occurrences(text, m.text)[m.nth - 1]].filter((x) => x !== undefined);
      if (occ.length === 0)
        throw new Error(`Isnad: gold ${gold.document}: mention "${typeof m === 'string' ? m : m.text}" not found`);
      for (const o of occ) all.push({ g, ...o });
    }
  }
  const kept = all.filter(
    (a) => !all.some((b) => b.g !== a.g && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start),
  );
  const map = new Map<GoldEntity, { start: number; end: number }[]>();
  for (const k of kept) {
    const list = map.get(k.g) ?? [];
    if (!list.some((x) => x.start === k.start && x.end === k.end)) list.push({ start: k.start, end: k.end });
    map.set(k.g, list);
  }
  return map;
}

/** Scores predicted entities against the gold of one document. */
export function scoreEntities(text: string, entities: readonly Entity[], gold: Gold): Score {
  const spans = goldSpans(text, gold);
  const score: Score = {
    predicted: 0,
    correct: 0,
    gold: 0,
    found: 0,
    splits: 0,
    merges: 0,
    typeErrors: 0,
    mentionsPredicted: 0,
    mentionsCorrect: 0,
    mentionsGold: 0,
    mentionsFound: 0,
    falseEntities: [],
    missed: [],
    split: [],
    merged: [],
  };
  const assigned = new Map<GoldEntity, Entity[]>();
  for (const e of entities) {
    let best: GoldEntity | undefined;
    let bestCount = 0;
    const touched = new Set<GoldEntity>();
    for (const [g, ss] of spans) {
      const count = e.mentions.filter((m) => ss.some((s) => overlaps(m, s))).length;
      if (count > 0 && !g.optional && e.mentions.some((m) => m.kind !== 'title' && ss.some((s) => overlaps(m, s))))
        touched.add(g);
      if (count > bestCount) [best, bestCount] = [g, count];
    }
    const optional = best?.optional;
    if (!optional) score.predicted++;
    if (touched.size > 1) {
      score.merges++;
      score.merged.push(`${e.id} ← ${[...touched].map((g) => g.id).join(', ')}`);
    }
    if (!best) {
      score.falseEntities.push(`${e.id} «${text.slice(e.mentions[0]!.start, e.mentions[0]!.end)}»`);
      score.mentionsPredicted += e.mentions.length;
      continue;
    }
    if (!optional) score.correct++;
    if (best.type !== e.type) score.typeErrors++;
    assigned.set(best, [...(assigned.get(best) ?? []), e]);
    if (!optional) {
      score.mentionsPredicted += e.mentions.length;
      score.mentionsCorrect += e.mentions.filter((m) => spans.get(best!)!.some((s) => overlaps(m, s))).length;
    }
  }
  for (const [g, ss] of spans) {
    if (g.optional) continue;
    score.gold++;
    score.mentionsGold += ss.length;
    const es = assigned.get(g) ?? [];
    if (es.length > 0) score.found++;
    else score.missed.push(`${g.id} «${text.slice(ss[0]!.start, ss[0]!.end)}»`);
    if (es.length > 1) {
      score.splits++;
      score.split.push(`${g.id} → ${es.map((e) => e.id).join(', ')}`);
    }
    score.mentionsFound += ss.filter((s) => es.some((e) => e.mentions.some((m) => overlaps(m, s)))).length;
  }
  return score;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The gold files: the seed's and our own articles'. */
export function goldFiles(): string[] {
  const dir = join(ROOT, 'tests/fixtures/articles/entities');
  const own = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.gold.json'))
        .sort()
        .map((f) => join(dir, f))
    : [];
  return [join(ROOT, 'tests/fixtures/gold/seed-entities.json'), ...own];
}

/** Runs the pipeline on a gold file's document and scores it. */
export function scoreGoldFile(path: string): { gold: Gold; score: Score } {
  const gold = JSON.parse(readFileSync(path, 'utf8')) as Gold;
  const docPath = join(ROOT, gold.document);
  const sidecar = docPath.replace(/\.[^./]+$/, '.meta.json');
  const source = readSeed(readFileSync(docPath), gold.document, {
    defaults: { lang: gold.lang, date: gold.date ?? null },
    ...(existsSync(sidecar) ? { sidecar: readFileSync(sidecar, 'utf8'), sidecarFile: sidecar } : {}),
  });
  const doc = extractEntities(segment(source), loadKnowledge());
  return { gold, score: scoreEntities(doc.text, doc.entities, gold) };
}

const pct = (a: number, b: number) => (b === 0 ? '  -  ' : (a / b).toFixed(3));

function main(argv: string[]): void {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const total: Score = {
    predicted: 0,
    correct: 0,
    gold: 0,
    found: 0,
    splits: 0,
    merges: 0,
    typeErrors: 0,
    mentionsPredicted: 0,
    mentionsCorrect: 0,
    mentionsGold: 0,
    mentionsFound: 0,
    falseEntities: [],
    missed: [],
    split: [],
    merged: [],
  };
  const line = (name: string, s: Score) =>
    `${name.padEnd(44)} P ${pct(s.correct, s.predicted)}  R ${pct(s.found, s.gold)}  false ${String(s.predicted - s.correct).padStart(2)}  splits ${s.splits}  merges ${s.merges}  type-err ${s.typeErrors}  | mentions P ${pct(s.mentionsCorrect, s.mentionsPredicted)} R ${pct(s.mentionsFound, s.mentionsGold)}`;
  for (const file of goldFiles()) {
    const { gold, score } = scoreGoldFile(file);
    console.log(line(gold.document.split('/').pop()!, score));
    if (verbose) {
      for (const f of score.falseEntities) console.log(`    false:  ${f}`);
      for (const m of score.missed) console.log(`    missed: ${m}`);
      for (const s of score.split) console.log(`    split:  ${s}`);
      for (const s of score.merged) console.log(`    merged: ${s}`);
    }
    for (const k of Object.keys(total) as (keyof Score)[]) {
      if (Array.isArray(total[k])) (total[k] as string[]).push(...(score[k] as string[]));
      else (total[k] as number) += score[k] as number;
    }
  }
  console.log(line('TOTAL', total));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
