/**
 * Search speed in Node, no browser: `node --import tsx bench/search-speed.ts [--docs N] [--base B] [--worst]`.
 *
 * Builds a deterministic corpus of N documents (default 10,000): B synthetic articles (default 200, from
 * bench/corpus.ts) run through the real pipeline once, then copied under new ids until there are N (the
 * pipeline is too slow to run 10,000 times here, and search cost depends on postings, not on novelty).
 * `--worst` copies the seed article instead: nearly every document then matches a name query.
 * Then it builds the search bundle, measures how long the page takes to load it (JSON.parse plus
 * `loadSearchEngine`), and types a few Arabic and English queries letter by letter, timing every
 * keystroke's `engine.search` (median, p95, max over all keystrokes).
 *
 * The sharded index (src/search/buildShards.ts, what the main build's worker fetches) is measured
 * after it: its files' sizes, and for each query typed into a fresh engine (nothing loaded but the
 * meta file) the files and bytes fetched before its first answer, then every keystroke's time with
 * the files served from memory (fetching and parsing them counted, as the worker does it; the network
 * is not). `--skip-whole` measures only the sharded index.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Corpus, IsnadDocument } from '../src/model/schema';
import { buildCorpus } from '../src/pipeline/corpus';
import { extractDocument } from '../src/pipeline/extract';
import { loadKnowledge } from '../src/pipeline/knowledge';
import { buildSearchBundle } from '../src/search/build';
import { buildSearchShards } from '../src/search/buildShards';
import { loadSearchEngine, loadSearchEngineAsync, type SearchBundle } from '../src/search/engine';
import { loadShardedSearch } from '../src/search/shardedEngine';
import { writeCorpus } from './corpus';
import { gzipBytes, median, quantile } from './stats';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 1) throw new Error(`Isnad bench: --${name} expects a positive number`);
  return Math.floor(v);
}

const N = arg('docs', 10_000);
const worst = process.argv.includes('--worst');
const B = Math.min(N, arg('base', worst ? 1 : 200));
const ms = (t: number) => `${t.toFixed(1)} ms`;

let skipped = 0;

/**
 * The base documents through the real pipeline, one by one: a document the pipeline fails on is
 * skipped (and counted) rather than failing the whole benchmark, which measures search, not extraction.
 */
function baseCorpus(): { corpus: Corpus; names: string[] } {
  if (worst) {
    const knowledge = loadKnowledge(resolve('seeds'));
    return { corpus: buildCorpus(resolve('seeds'), knowledge), names: knowledge.names?.() ?? [] };
  }
  const dir = mkdtempSync(join(tmpdir(), 'isnad-search-speed-'));
  try {
    const written = writeCorpus(dir, B, 20_240_601);
    const knowledge = loadKnowledge(dir);
    const documents: IsnadDocument[] = [];
    for (const w of written) {
      try {
        const sidecar = readFileSync(join(dir, w.file.replace(/\.txt$/, '.meta.json')), 'utf8');
        const doc = extractDocument(readFileSync(join(dir, w.file)), `seeds/${w.file}`, knowledge, { sidecar, idPath: w.file });
        documents.push({ ...doc, file: w.file });
      } catch {
        skipped++;
      }
    }
    const shape = buildCorpus(resolve('seeds'), knowledge);
    return { corpus: { ...shape, documents }, names: knowledge.names?.() ?? [] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Copies the base documents under new ids until there are n. */
function scaled(base: Corpus, n: number): Corpus {
  const documents: IsnadDocument[] = [];
  for (let i = 0; i < n; i++) {
    const d = base.documents[i % base.documents.length]!;
    const copy = Math.floor(i / base.documents.length);
    if (copy === 0) documents.push(d);
    else {
      const suffix = `~${copy}`;
      documents.push({ ...d, id: `${d.id}${suffix}`, statements: d.statements.map((s) => ({ ...s, id: `${s.id}${suffix}` })) });
    }
  }
  return { ...base, documents };
}

/** The most mentioned person whose label exists in a language. */
function frequentPerson(corpus: Corpus, lang: 'ar' | 'en'): string {
  const counts = new Map<string, number>();
  for (const d of corpus.documents)
    for (const e of d.entities) {
      const label = e.label[lang];
      if (e.type === 'person' && label) counts.set(label, (counts.get(label) ?? 0) + e.mentions.length);
    }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? (lang === 'ar' ? 'الرئيس' : 'president');
}

const skipWhole = process.argv.includes('--skip-whole');
let t = performance.now();
const { corpus: base, names } = baseCorpus();
const pipelineMs = performance.now() - t;
const corpus = scaled(base, N);
const queries = [
  frequentPerson(corpus, 'ar'),
  'المساعدات الإنسانية',
  'الاتفاق الجديد',
  frequentPerson(corpus, 'en'),
  'talks in',
  'the new agreement',
];
console.log(
  `Isnad search speed: ${N} documents (${worst ? 'seed copies, worst case' : `${B} synthetic articles copied, ${skipped} the pipeline failed on left out`})`,
);
if (!skipWhole) await wholeIndex();
await shardedIndex();

async function wholeIndex() {
  t = performance.now();
  /** The bundle as the page receives it (only the JSON is kept, so the built index can be collected). */
  const { json, units } = (() => {
    const bundle = buildSearchBundle(corpus, names);
    return { json: JSON.stringify(bundle), units: bundle.index.documentCount };
  })();
  const buildMs = performance.now() - t;

  // Loading as the page does: the bundle module is parsed, then the engine is built around it, at once
  // (the CLI, the tests) or in slices that give the page back (the browser: the longest slice matters).
  const parses: number[] = [];
  const loads: number[] = [];
  const asyncLoads: number[] = [];
  const slices: number[] = [];
  let engine = loadSearchEngine(JSON.parse(json) as SearchBundle, corpus);
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const parsed = JSON.parse(json) as SearchBundle;
    parses.push(performance.now() - t);
    t = performance.now();
    engine = loadSearchEngine(parsed, corpus);
    loads.push(performance.now() - t);
    t = performance.now();
    engine = await loadSearchEngineAsync(parsed, corpus, (s) => slices.push(s));
    asyncLoads.push(performance.now() - t);
  }

  const times: number[][] = [[], []];
  const perQuery: string[] = [];
  for (let round = 0; round < 2; round++) {
    for (const q of queries) {
      const own: number[] = [];
      let total = 0;
      for (let k = 1; k <= q.length; k++) {
        const typed = q.slice(0, k);
        if (!typed.trim()) continue;
        const t0 = performance.now();
        const r = engine.search(typed);
        const dt = performance.now() - t0;
        total = r.total;
        own.push(dt);
        times[round]!.push(dt);
      }
      if (round === 1) perQuery.push(`  ${q.padEnd(24)} median ${ms(median(own))}  max ${ms(Math.max(...own))}  hits ${total}`);
    }
  }

  console.log(`  units ${units}, pipeline on the base ${ms(pipelineMs)}, bundle built in ${ms(buildMs)}`);
  console.log(`  bundle ${(json.length / 1e6).toFixed(1)} MB, ${(gzipBytes(json) / 1e6).toFixed(1)} MB gzip`);
  console.log(
    `  load: JSON.parse ${ms(median(parses))}, then loadSearchEngine ${ms(median(loads))} at once, or loadSearchEngineAsync ${ms(median(asyncLoads))} in ${Math.round(slices.length / 3)} slices (longest ${ms(Math.max(...slices))})`,
  );
  times.forEach((all, round) =>
    console.log(
      `  per keystroke, ${round ? 'typed again' : 'first time'} (${all.length}): median ${ms(median(all))}  p95 ${ms(quantile(all, 0.95))}  max ${ms(Math.max(...all))}`,
    ),
  );
  console.log(perQuery.join('\n'));
}

/** The sharded index: sizes, bytes before a first answer, keystrokes. */
async function shardedIndex() {
  let t0 = performance.now();
  const built = buildSearchShards(corpus, names);
  const buildMs = performance.now() - t0;
  const sizes = [...built.files].map(([name, json]) => ({ name, raw: Buffer.byteLength(json), gz: gzipBytes(json) }));
  const raw = (kind: string) => sizes.filter((f) => f.name[0] === kind);
  const sum = (fs: typeof sizes, k: 'raw' | 'gz') => fs.reduce((n, f) => n + f[k], 0);
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const gzOf = new Map(sizes.map((f) => [f.name, f.gz] as const));
  const rawOf = new Map(sizes.map((f) => [f.name, f.raw] as const));
  const metaGz = gzipBytes(built.metaJson);
  console.log(
    `\nSharded index (built in ${ms(buildMs)}): ${sizes.length + 1} files, ${mb(sum(sizes, 'raw') + built.metaJson.length)} raw, ${mb(sum(sizes, 'gz') + metaGz)} gzip`,
  );
  console.log(`  meta ${kb(Buffer.byteLength(built.metaJson))} raw, ${kb(metaGz)} gzip`);
  for (const [kind, label] of [
    ['t', 'term shards'],
    ['l', 'term lists (fuzzy)'],
    ['n', 'entity files'],
    ['m', 'mention files'],
    ['d', 'document files'],
  ] as const) {
    const fs = raw(kind);
    const gz = fs.map((f) => f.gz).sort((a, b) => a - b);
    console.log(
      `  ${label.padEnd(20)} ${String(fs.length).padStart(6)}: ${mb(sum(fs, 'raw'))} raw, ${mb(sum(fs, 'gz'))} gzip; gzip median ${kb(median(gz))}, largest ${kb(gz[gz.length - 1] ?? 0)}`,
    );
  }
  const serve = (fetched: string[]) => async (url: string) => {
    const name = url.slice(url.lastIndexOf('/') + 1);
    fetched.push(name);
    return JSON.parse(name === 'search.json' ? built.metaJson : built.files.get(name)!) as unknown;
  };
  const firsts: string[] = [];
  const all: number[] = [];
  const again: number[] = [];
  for (const q of queries) {
    // A fresh engine per query: what a reader's first query costs.
    const fetched: string[] = [];
    t0 = performance.now();
    const engine = await loadShardedSearch('https://isnad.test/assets/search.json', serve(fetched));
    const first = performance.now();
    const r = await engine.search(q);
    const answerMs = performance.now() - first;
    // The same query in another fresh engine, asking for the first 12 hits per group (the panel's page).
    const paged: string[] = [];
    const pagedEngine = await loadShardedSearch('https://isnad.test/assets/search.json', serve(paged));
    await pagedEngine.search(q, {}, { limit: 12 });
    const pagedBytes = paged.slice(1).reduce((n, f) => n + gzOf.get(f)!, 0);
    const files = fetched.slice(1);
    const bytes = (kind?: string) => files.filter((f) => !kind || f[0] === kind).reduce((n, f) => n + gzOf.get(f)!, 0);
    firsts.push(
      `  ${q.padEnd(24)} ${String(files.length).padStart(4)} files, ${kb(metaGz + bytes())} gzip (${kb(rawOf.size ? metaGz : 0)} meta, ${kb(bytes('t') + bytes('l'))} terms, ${kb(bytes('n') + bytes('m'))} entities, ${kb(bytes('d'))} documents), answer ${ms(answerMs)} after the meta (${ms(first - t0)}), hits ${r.total}; 12 hits per group: ${paged.length - 1} files, ${kb(metaGz + pagedBytes)}`,
    );
    // Typed letter by letter into a fresh engine, then again, asking for 12 hits per group as the panel does.
    const typing = await loadShardedSearch('https://isnad.test/assets/search.json', serve([]));
    for (const round of [all, again]) {
      for (let k = 1; k <= q.length; k++) {
        const typed = q.slice(0, k);
        if (!typed.trim()) continue;
        const t1 = performance.now();
        await typing.search(typed, {}, { limit: 12 });
        round.push(performance.now() - t1);
      }
    }
  }
  console.log('  first query, fresh engine (bytes gzip as served; meta counted):');
  console.log(firsts.join('\n'));
  console.log(
    `  per keystroke, 12 hits per group, typed into a fresh engine (${all.length}, fetch and parse of new files included): median ${ms(median(all))}  p95 ${ms(quantile(all, 0.95))}  max ${ms(Math.max(...all))}`,
  );
  console.log(
    `  per keystroke, typed again (${again.length}): median ${ms(median(again))}  p95 ${ms(quantile(again, 0.95))}  max ${ms(Math.max(...again))}`,
  );
}
