/**
 * `npm run bench` (1, 100, 1,000 and 10,000 synthetic documents) or `npm run bench -- --quick`
 * (1 and 100): the seed corpus and each synthetic corpus through the real pipeline, the real built
 * page and, side by side on the same documents, Pagefind and TimelineJS; then the diagram alone at
 * 2,000 entities (bench/diagram.ts). Writes bench/results.json and bench/results.md (`--report-only`
 * re-renders the Markdown from the JSON; `--diagram-only` measures the diagram again and updates its
 * part; `--search-only 0,1000,10000` measures the two search engines again at those sizes, 0 being the
 * seed, and updates their part). Work files go to bench/.work/ (gitignored).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Corpus } from '../src/model/schema';
import { measureApp, type AppResult } from './browser';
import { launchChromium } from './chromium';
import { writeCorpus, type WrittenDocument } from './corpus';
import { loadKnowledge } from '../src/pipeline/knowledge';
import { measureDiagram, type DiagramResult } from './diagram';
import { measureEngines, readJudgments, type EngineResult, type Query } from './pagefind';
import { measurePipeline, measurePipelinePool, type PipelineResult } from './pipeline';
import { renderMarkdown } from './report';
import { buildSite, firstViewBytes, type FirstViewBytes } from './site';
import { measureTimelineJs, type TimedStatement, type TimelineJsResult } from './timelinejs';

const SEED = 20240501;
const WORK = 'bench/.work';
const JUDGMENTS = 'tests/fixtures/search-judgments.json';
/** TimelineJS draws a slide per statement; past this many it is not given the corpus (see the report). */
const TIMELINEJS_MAX_STATEMENTS = 10_000;
/**
 * How long TimelineJS is given to draw its first slide. At 1,000 documents (7,827 statements) it had drawn
 * nothing after 45 s; waiting 20 s says as much (Isnad's timeline draws in about 4 s) and keeps the run
 * inside its ten minutes.
 */
export const TIMELINEJS_GIVE_UP_MS = 20_000;
/** Judged queries timed on the seed (each in a fresh page, in both engines); all of them count for recall. */
const TIMED_JUDGED_QUERIES = 12;
/**
 * From this many documents on, the pipeline is measured only with its worker pool on two cores (one
 * core would take minutes), and search is not typed into the page: it would load every document first
 * (the page's search reads the whole corpus until the index is sharded; see docs/scale.md). The page
 * itself is built and measured: it loads the manifest and the first document's file.
 */
const SPLIT_FROM = 10_000;

/** Queries typed into both engines on the synthetic corpora (words the generator writes). */
const SYNTHETIC_QUERIES: Query[] = [
  { q: 'المساعدات الإنسانية', lang: 'ar' },
  { q: 'فرق الإنقاذ', lang: 'ar' },
  { q: 'rescue teams', lang: 'en' },
  { q: 'fuel prices', lang: 'en' },
];
/** Queries on the seed article (Arabic) when there are no search judgments on it. */
const SEED_QUERIES: Query[] = [
  { q: 'بوتين', lang: 'ar' },
  { q: 'تنظيم داعش', lang: 'ar' },
  { q: 'الرئيس الأمريكي', lang: 'ar' },
];

export interface CorpusRun {
  name: string;
  documents: number;
  pipeline?: PipelineResult;
  firstView?: FirstViewBytes;
  singleFileBytes?: number;
  app?: AppResult;
  engines?: { isnad: EngineResult; pagefind: EngineResult; queries: string[]; judged: boolean };
  timelinejs?: TimelineJsResult & { statementsFrom: 'pipeline' | 'generator' };
  skipped: string[];
  errors: string[];
  seconds: number;
}

export interface BenchResults {
  date: string;
  /** When the search engines were measured again on their own (`--search-only`). */
  searchOnly?: string;
  quick: boolean;
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    node: string;
    chromium: string;
    commit: string;
    dirtySources: boolean;
  };
  seed: number;
  judgments: string;
  runs: CorpusRun[];
  /** The diagram alone at 2,000 entities (bench/diagram.ts). */
  diagram?: DiagramResult;
  totalSeconds: number;
}

function machine(): Omit<BenchResults['machine'], 'chromium'> {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    commit: git('rev-parse', '--short', 'HEAD') || 'not a git checkout',
    dirtySources: git('status', '--porcelain', '--', 'src', 'vite.config.ts') !== '',
  };
}

/** Statements as TimelineJS takes them: the pipeline's when it finds any, else the generator's own. */
function timedStatements(corpus: Corpus, written: WrittenDocument[]): { list: TimedStatement[]; from: 'pipeline' | 'generator' } {
  const list = corpus.documents.flatMap((d) =>
    d.statements
      .filter((s) => s.when.start)
      .map((s) => ({
        speaker: s.speakerText?.text ?? s.speaker ?? d.meta.outlet ?? '',
        text: d.text.slice(s.start, s.end),
        date: s.when.start!,
      })),
  );
  if (list.length > 0 || written.length === 0) return { list, from: 'pipeline' };
  return { list: written.flatMap((d) => d.statements), from: 'generator' };
}

async function main() {
  if (process.argv.includes('--diagram-only')) {
    // Measures the diagram again and updates its part of bench/results.json and bench/results.md.
    const previous = JSON.parse(readFileSync('bench/results.json', 'utf8')) as BenchResults;
    const browser = await launchChromium();
    try {
      previous.diagram = await measureDiagram(browser, join(WORK, 'diagram'));
    } finally {
      await browser.close();
    }
    writeFileSync('bench/results.json', JSON.stringify(previous, null, 2) + '\n');
    writeFileSync('bench/results.md', renderMarkdown(previous));
    return;
  }
  const searchOnly = process.argv.indexOf('--search-only');
  if (searchOnly >= 0) {
    await measureSearchOnly((process.argv[searchOnly + 1] ?? '').split(',').map(Number));
    return;
  }
  if (process.argv.includes('--report-only')) {
    // Re-renders bench/results.md from bench/results.json (after a change to the report's layout).
    writeFileSync('bench/results.md', renderMarkdown(JSON.parse(readFileSync('bench/results.json', 'utf8')) as BenchResults));
    return;
  }
  const quick = process.argv.includes('--quick');
  const sizes = quick ? [1, 100] : [1, 100, 1000, 10_000];
  const started = performance.now();
  mkdirSync(WORK, { recursive: true });
  const browser = await launchChromium();
  const results: BenchResults = {
    date: new Date().toISOString(),
    quick,
    machine: { ...machine(), chromium: `Chromium ${browser.version()}` },
    seed: SEED,
    judgments: `${JUDGMENTS}: not read`,
    runs: [],
    totalSeconds: 0,
  };
  try {
    for (const size of [0, ...sizes]) {
      const t0 = performance.now();
      const name = size === 0 ? 'seed' : String(size);
      const run: CorpusRun = { name, documents: size, skipped: [], errors: [], seconds: 0 };
      results.runs.push(run);
      const step = async (what: string, f: () => Promise<void> | void) => {
        const s0 = performance.now();
        try {
          await f();
        } catch (e) {
          run.errors.push(`${what}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        }
        // Where the run's ten minutes go (the issue's limit for the whole benchmark).
        console.log(`Isnad bench:   ${what} ${Math.round((performance.now() - s0) / 1000)} s`);
      };
      console.log(`Isnad bench: ${name}…`);
      const seedsDir = size === 0 ? 'seeds' : join(WORK, `corpus-${size}`);
      const split = size >= SPLIT_FROM;
      const written = size === 0 ? [] : writeCorpus(seedsDir, size, SEED);
      const corpusFile = join(WORK, `corpus-${name}.json`);
      await step('pipeline', async () => {
        // One core, then the worker pool on two; from SPLIT_FROM on, only the pool (one core would take minutes).
        run.pipeline = split
          ? measurePipelinePool(seedsDir, corpusFile, 2)
          : measurePipeline(seedsDir, corpusFile, size > 0 ? 2 : undefined);
        run.documents = run.pipeline.documents;
      });
      if (!run.pipeline) continue;
      const corpus = JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus;
      const siteDir = join(WORK, `site-${name}`);
      await step('site build', async () => {
        await buildSite(seedsDir, siteDir);
        run.firstView = firstViewBytes(siteDir);
      });
      if (size === 0)
        await step('single-file build', async () => {
          const dir = join(WORK, 'single-seed');
          await buildSite(seedsDir, dir, { singleFile: true });
          run.singleFileBytes = statSync(join(dir, 'index.html')).size;
        });
      if (run.firstView)
        await step(
          'app in Chromium',
          // Typed at every size: the explorer's search reads the manifest and its index's shards, never the
          // documents. At 10,000 two queries, as for the engines (each keystroke there lights the diagram
          // and timeline of 10,000 documents: the run would pass its ten minutes).
          async () =>
            void (run.app = await measureApp(
              browser,
              siteDir,
              typedAt(size).map((q) => q.q),
            )),
        );
      await step('search engines', async () => {
        const { engines, judgmentsNote } = await enginesAt(browser, size, corpus, seedsDir);
        if (judgmentsNote) results.judgments = judgmentsNote;
        run.engines = engines;
      });
      const timed = timedStatements(corpus, written);
      if (timed.list.length === 0) run.skipped.push('TimelineJS: no dated statements');
      else if (timed.list.length > TIMELINEJS_MAX_STATEMENTS)
        run.skipped.push(`TimelineJS: ${timed.list.length} statements, more than ${TIMELINEJS_MAX_STATEMENTS}`);
      else
        await step('TimelineJS', async () => {
          run.timelinejs = {
            ...(await measureTimelineJs(browser, timed.list, join(WORK, `timelinejs-${name}`), TIMELINEJS_GIVE_UP_MS)),
            statementsFrom: timed.from,
          };
        });
      run.seconds = (performance.now() - t0) / 1000;
      console.log(
        `Isnad bench: ${name} done in ${Math.round(run.seconds)} s${run.errors.length ? `; errors: ${run.errors.join('; ')}` : ''}`,
      );
    }
    console.log('Isnad bench: the diagram at 2,000 entities…');
    try {
      results.diagram = await measureDiagram(browser, join(WORK, 'diagram'));
    } catch (e) {
      console.log(`Isnad bench: diagram: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  } finally {
    await browser.close();
  }
  results.totalSeconds = (performance.now() - started) / 1000;
  writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
  writeFileSync('bench/results.md', renderMarkdown(results));
  console.log(`Isnad bench: wrote bench/results.md and bench/results.json in ${Math.round(results.totalSeconds)} s`);
}

/**
 * The search engines alone, at the given sizes (0: the seed, with its judged queries and recall):
 * each corpus through the pipeline's worker pool, then `measureEngines`; the runs of bench/results.json
 * with those names get the new `engines` (and `searchOnly` notes when), and the report is re-rendered.
 */
async function measureSearchOnly(sizes: number[]) {
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 0))
    throw new Error('Isnad bench: --search-only expects sizes such as 0,1000,10000');
  const previous = JSON.parse(readFileSync('bench/results.json', 'utf8')) as BenchResults;
  mkdirSync(WORK, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const size of sizes) {
      const name = size === 0 ? 'seed' : String(size);
      console.log(`Isnad bench: search engines at ${name}…`);
      const seedsDir = size === 0 ? 'seeds' : join(WORK, `corpus-${size}`);
      if (size > 0) writeCorpus(seedsDir, size, SEED);
      const corpusFile = join(WORK, `corpus-${name}.json`);
      measurePipelinePool(seedsDir, corpusFile, 2);
      const corpus = JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus;
      const { engines } = await enginesAt(browser, size, corpus, seedsDir);
      const run = previous.runs.find((r) => r.name === name);
      if (run) run.engines = engines;
      console.log(JSON.stringify({ name, ...engines }, null, 2));
    }
  } finally {
    await browser.close();
  }
  const commit = machine().commit;
  previous.searchOnly = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}: the search engines measured again at ${sizes.map((n) => n || 'seed').join(', ')} documents (\`--search-only\`; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end)`;
  writeFileSync('bench/results.json', JSON.stringify(previous, null, 2) + '\n');
  writeFileSync('bench/results.md', renderMarkdown(previous));
}

function queriesFor(size: number): Query[] {
  return size === 0 ? SEED_QUERIES : SYNTHETIC_QUERIES;
}

/** Queries typed in full at a size: from SPLIT_FROM on two, each keystroke there being costly to measure. */
function typedAt(size: number): Query[] {
  return size >= SPLIT_FROM ? [SYNTHETIC_QUERIES[0]!, SYNTHETIC_QUERIES[2]!] : queriesFor(size);
}

/**
 * The two search engines on one corpus (the full run and `--search-only` alike). On the seed the judged
 * queries are used, which also give recall; `judgmentsNote` says where they came from.
 */
async function enginesAt(
  browser: Browser,
  size: number,
  corpus: Corpus,
  seedsDir: string,
): Promise<{ engines: NonNullable<CorpusRun['engines']>; judgmentsNote?: string }> {
  // The judgments quote the seed: they give the seed's queries and its recall.
  const judgments = size === 0 ? readJudgments(JUDGMENTS, 'seed', corpus) : null;
  const judgmentsNote = judgments
    ? `${JUDGMENTS}: ${judgments.queries.length} queries on the seed (of ${judgments.total}; the others quote tests/fixtures/articles/search/), all for recall, the first ${Math.min(TIMED_JUDGED_QUERIES, judgments.queries.length)} timed${judgments.missingQuotes ? `; ${judgments.missingQuotes} quotes not in the seed corpus` : ''}`
    : undefined;
  const useJudged = judgments !== null && judgments.queries.length > 0;
  // Recall is measured on every judged query (one page per engine); timing opens a page per query, so a
  // sample of them is timed: twelve queries give over a hundred keystrokes, and the run keeps its ten minutes.
  const queries = useJudged ? judgments.queries.slice(0, TIMED_JUDGED_QUERIES) : typedAt(size);
  const name = size === 0 ? 'seed' : String(size);
  const measured = await measureEngines(
    browser,
    corpus,
    join(WORK, `engines-${name}`),
    queries,
    loadKnowledge(seedsDir).names(),
    useJudged ? judgments.judged : new Map(),
  );
  return {
    engines: { ...measured, queries: queries.map((q) => q.q), judged: useJudged },
    ...(judgmentsNote ? { judgmentsNote } : {}),
  };
}

await main();
