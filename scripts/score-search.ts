/**
 * `node --import tsx scripts/score-search.ts [--verbose]`: scores the search engine on
 * tests/fixtures/search-judgments.json and prints recall@5 and MRR (overall and per set).
 * A judgment lists quotes of passages that must be found; a passage hit finds a quote when the quote
 * starts inside the hit. Ranks count passage results only (what a reader scans under "Passages").
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corpus } from '../src/model/schema';
import { buildCorpus } from '../src/pipeline/corpus';
import { loadKnowledge } from '../src/pipeline/knowledge';
import { buildSearchBundle } from '../src/search/build';
import { loadSearchEngine, type SearchEngine } from '../src/search/engine';

export interface Judgment {
  set: string;
  query: string;
  tag: string;
  expect: string[];
  stage?: string;
  note?: string;
}

export interface JudgmentFile {
  sets: Record<string, string>;
  judgments: Judgment[];
}

export interface JudgmentScore {
  judgment: Judgment;
  /** 1-based rank of each expected quote among the passage hits, or null when not found. */
  ranks: (number | null)[];
  recallAt5: number;
  reciprocalRank: number;
  /** Quotes that are not in any document of the set (a broken judgment). */
  missingQuotes: string[];
}

export const JUDGMENTS_FILE = 'tests/fixtures/search-judgments.json';

/** Reads the judgments file. */
export function readJudgments(file = JUDGMENTS_FILE): JudgmentFile {
  return JSON.parse(readFileSync(file, 'utf8')) as JudgmentFile;
}

/** Builds the corpus and engine of one set, exactly as the page does. */
export function engineFor(seedsDir: string): { corpus: Corpus; engine: SearchEngine } {
  const dir = resolve(seedsDir);
  const knowledge = loadKnowledge(dir);
  const corpus = buildCorpus(dir, knowledge);
  const names = typeof knowledge.names === 'function' ? knowledge.names() : [];
  return { corpus, engine: loadSearchEngine(buildSearchBundle(corpus, names), corpus) };
}

/** Scores one judgment against an engine. */
export function scoreJudgment(judgment: Judgment, corpus: Corpus, engine: SearchEngine): JudgmentScore {
  const hits = engine.search(judgment.query).passages;
  const missingQuotes: string[] = [];
  const ranks = judgment.expect.map((quote) => {
    const at = corpus.documents.map((d) => ({ doc: d.id, offset: d.text.indexOf(quote) })).find((x) => x.offset >= 0);
    if (!at) {
      missingQuotes.push(quote);
      return null;
    }
    const i = hits.findIndex((h) => h.doc === at.doc && h.start <= at.offset && at.offset < h.end);
    return i >= 0 ? i + 1 : null;
  });
  const found = ranks.filter((r): r is number => r !== null);
  const recallAt5 = ranks.length ? ranks.filter((r) => r !== null && r <= 5).length / Math.min(5, ranks.length) : 0;
  const reciprocalRank = found.length ? 1 / Math.min(...found) : 0;
  return { judgment, ranks, recallAt5: Math.min(1, recallAt5), reciprocalRank, missingQuotes };
}

/** Scores every judgment, building each set's corpus once. */
export function scoreAll(file: JudgmentFile = readJudgments()): JudgmentScore[] {
  const engines = new Map<string, ReturnType<typeof engineFor>>();
  return file.judgments.map((j) => {
    const dir = file.sets[j.set];
    if (!dir) throw new Error(`Isnad: ${JUDGMENTS_FILE}: query "${j.query}" names an unknown set "${j.set}"`);
    let e = engines.get(j.set);
    if (!e) {
      e = engineFor(dir);
      engines.set(j.set, e);
    }
    return scoreJudgment(j, e.corpus, e.engine);
  });
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

function main(argv: string[]) {
  const verbose = argv.includes('--verbose');
  const scores = scoreAll();
  const lines: string[] = [];
  for (const s of scores) {
    if (verbose || s.recallAt5 < 1) {
      const flag = s.recallAt5 < 1 ? '✗' : '✓';
      lines.push(`${flag} [${s.judgment.set}] ${s.judgment.query}  (${s.judgment.tag})  ranks ${JSON.stringify(s.ranks)}`);
    }
    for (const q of s.missingQuotes) lines.push(`  ! quote not found in the corpus: ${JSON.stringify(q)}`);
  }
  const sets = [...new Set(scores.map((s) => s.judgment.set)), 'all'];
  for (const set of sets) {
    const sub = set === 'all' ? scores : scores.filter((s) => s.judgment.set === set);
    lines.push(
      `${set.padEnd(9)} judgments ${String(sub.length).padStart(3)}  recall@5 ${mean(sub.map((s) => s.recallAt5)).toFixed(3)}  MRR ${mean(sub.map((s) => s.reciprocalRank)).toFixed(3)}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
