/**
 * Runs the real pipeline once on one folder, in its own process so that its peak memory is its own:
 * `node --import tsx bench/pipelineChild.ts SEEDS_DIR OUT_JSON [WORKERS]`. Prints one JSON line of
 * measurements. Without WORKERS, `buildCorpus` in this thread; with it, `buildCorpusParallel` with
 * that many worker threads beside this one, from the first document on, without the cache.
 */
import { writeFileSync } from 'node:fs';
import { buildCorpus } from '../src/pipeline/corpus';
import { loadKnowledge } from '../src/pipeline/knowledge';
import { buildCorpusParallel, type BuildStats } from '../src/pipeline/pool';
import { corpusModule } from '../src/pipeline/vitePlugin';

const [seedsDir, out, workers] = process.argv.slice(2);
if (!seedsDir || !out) throw new Error('Isnad bench: usage: pipelineChild.ts SEEDS_DIR OUT_JSON [WORKERS]');
// performance.now() counts from the process's start: what passed before this line is start-up
// (Node, tsx and the pipeline's modules).
const t0 = performance.now();
const knowledge = loadKnowledge(seedsDir);
const t1 = performance.now();
const c1 = process.cpuUsage();
let stats: BuildStats | undefined;
const corpus =
  workers === undefined
    ? buildCorpus(seedsDir, knowledge)
    : await buildCorpusParallel(seedsDir, { workers: Number(workers), threshold: 0, cache: false }, (s) => (stats = s));
const t2 = performance.now();
const cpu = process.cpuUsage();
const pipelineCpu = process.cpuUsage(c1);
const json = JSON.stringify(corpus);
writeFileSync(out, json);
const count = (f: (d: (typeof corpus.documents)[number]) => number) => corpus.documents.reduce((s, d) => s + f(d), 0);
const distinctEntities = new Set(corpus.documents.flatMap((d) => d.entities.map((e) => e.id))).size;
console.log(
  JSON.stringify({
    documents: corpus.documents.length,
    importMs: t0,
    knowledgeMs: t1 - t0,
    pipelineCpuMs: (pipelineCpu.user + pipelineCpu.system) / 1000,
    pipelineMs: t2 - t1,
    cpuMs: (cpu.user + cpu.system) / 1000,
    inWorkers: stats?.inWorkers ?? 0,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    corpusJsonBytes: Buffer.byteLength(json),
    corpusModuleBytes: Buffer.byteLength(corpusModule(corpus)),
    sentences: count((d) => d.sentences.length),
    entityMentions: count((d) => d.entities.length),
    distinctEntities,
    statements: count((d) => d.statements.length),
    relations: count((d) => d.relations.length),
    events: count((d) => d.events.length),
  }),
);
