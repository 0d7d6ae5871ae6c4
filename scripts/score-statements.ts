/**
 * `npm run --silent score:statements [-- --verbose]`: scores the statements stage against
 * hand-made gold: the seed (tests/fixtures/gold/seed-statements.json) and our own articles
 * (tests/fixtures/articles/statements/*.gold.json, each next to its .txt and .meta.json).
 *
 * A gold statement is found when a predicted statement's content contains its `content` words;
 * its speaker is right when the kind matches and the predicted speaker (its words, or its
 * entity's names) contains the gold `speaker` words; its date is right when `when.start` and
 * `when.end` are equal. Predicted statements that match no gold one are counted as extra.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IsnadDocument, Statement } from '../src/model/schema';
import { extractDocument } from '../src/pipeline/extract';
import { loadKnowledge } from '../src/pipeline/knowledge';
import { normalize } from '../src/search/normalize';

/** One gold statement. */
export interface GoldStatement {
  speaker: string;
  kind: 'entity' | 'group' | 'document' | 'unnamed';
  content: string;
  direct?: boolean;
  chain?: string[];
  when: { start: string | null; end: string | null };
}

/** A gold file. */
export interface GoldFile {
  document: string;
  lang: string;
  date: string | null;
  statements: GoldStatement[];
}

/** Counts for one document. */
export interface StatementScore {
  gold: number;
  predicted: number;
  found: number;
  speaker: number;
  date: number;
  both: number;
  problems: string[];
  extra: string[];
}

/** Letters and digits only, normalised, single spaces: robust to quotes and punctuation. */
export function key(s: string): string {
  return normalize(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function speakerNames(doc: IsnadDocument, s: Statement): string[] {
  const names = [s.speakerText?.text ?? ''];
  const ids = [s.speaker, ...(s.speakers ?? [])].filter((x): x is string => !!x);
  for (const id of ids) {
    const e = doc.entities.find((x) => x.id === id);
    if (e) names.push(e.label.ar ?? '', e.label.en ?? '', ...e.aliases, ...e.mentions.map((m) => doc.text.slice(m.start, m.end)));
  }
  return names.map(key);
}

/** Scores one extracted document against its gold statements. */
export function scoreDocument(doc: IsnadDocument, gold: GoldFile): StatementScore {
  const score: StatementScore = {
    gold: gold.statements.length,
    predicted: doc.statements.length,
    found: 0,
    speaker: 0,
    date: 0,
    both: 0,
    problems: [],
    extra: [],
  };
  const matched = new Set<Statement>();
  for (const g of gold.statements) {
    const want = key(g.content);
    const hit = doc.statements.find(
      (s) => !matched.has(s) && s.content && key(doc.text.slice(s.content.start, s.content.end)).includes(want),
    );
    if (!hit) {
      score.problems.push(`missed: ${g.speaker} — ${g.content}`);
      continue;
    }
    matched.add(hit);
    score.found++;
    const name = key(g.speaker);
    const speakerOk = hit.speakerKind === g.kind && speakerNames(doc, hit).some((n) => n.includes(name));
    const dateOk = hit.when.start === g.when.start && hit.when.end === g.when.end;
    if (speakerOk) score.speaker++;
    if (dateOk) score.date++;
    if (speakerOk && dateOk) score.both++;
    if (!speakerOk)
      score.problems.push(
        `speaker: ${g.speaker} (${g.kind}) ≠ ${hit.speakerText?.text ?? '∅'} (${hit.speakerKind}, ${hit.speaker}) — ${g.content}`,
      );
    if (!dateOk) score.problems.push(`date: ${g.when.start}..${g.when.end} ≠ ${hit.when.start}..${hit.when.end} — ${g.content}`);
  }
  for (const s of doc.statements) {
    if (!matched.has(s) && s.content)
      score.extra.push(`${s.speakerText?.text ?? '∅'}: ${doc.text.slice(s.content.start, s.content.end).slice(0, 70)}`);
  }
  return score;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The gold files: the seed's and every test article's. */
export function goldFiles(): { gold: GoldFile; path: string; text: string; meta?: string }[] {
  const out: { gold: GoldFile; path: string; text: string; meta?: string }[] = [];
  const seedGold = JSON.parse(readFileSync(join(root, 'tests/fixtures/gold/seed-statements.json'), 'utf8')) as GoldFile;
  const seedPath = join(root, seedGold.document);
  out.push({ gold: seedGold, path: seedPath, text: seedPath, meta: seedPath.replace(/\.txt$/, '.meta.json') });
  const dir = join(root, 'tests/fixtures/articles/statements');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir)
      .filter((x) => x.endsWith('.gold.json'))
      .sort()) {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldFile;
      const path = join(dir, gold.document);
      out.push({ gold, path, text: path, meta: path.replace(/\.(txt|md)$/, '.meta.json') });
    }
  }
  return out;
}

/** Extracts one document the way the build does, with its sidecar when present. */
export function extractFile(path: string, metaPath?: string): IsnadDocument {
  const sidecar = metaPath && existsSync(metaPath) ? readFileSync(metaPath, 'utf8') : undefined;
  return extractDocument(
    readFileSync(path),
    basename(path),
    loadKnowledge(),
    sidecar ? { sidecar, sidecarFile: basename(metaPath!) } : {},
  );
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const total = { gold: 0, predicted: 0, found: 0, speaker: 0, date: 0, both: 0 };
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(0)}%`);
  for (const { gold, path, meta } of goldFiles()) {
    const s = scoreDocument(extractFile(path, meta), gold);
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += s[k];
    console.log(
      `${gold.document}: ${s.both}/${s.gold} right speaker and date (found ${s.found}, speaker ${s.speaker}, date ${s.date}; predicted ${s.predicted}, extra ${s.extra.length})`,
    );
    if (verbose) for (const p of [...s.problems, ...s.extra.map((e) => `extra: ${e}`)]) console.log(`  ${p}`);
  }
  console.log(
    `TOTAL: ${total.both}/${total.gold} right speaker and date (${pct(total.both, total.gold)}); found ${total.found} (${pct(total.found, total.gold)}), speaker ${total.speaker}, date ${total.date}; precision ${pct(total.found, total.predicted)} (${total.predicted} predicted)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
