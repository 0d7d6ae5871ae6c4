/**
 * The build for many documents: each document is taken from the extraction cache (cache.ts) when
 * its entry is there, and the rest are extracted by this thread and, when there are enough of them
 * to pay for the workers' start-up, by worker threads (extractWorker.ts), one per other core.
 * Documents are independent until the corpus is joined, and the join (corpus.ts) is the sequential
 * build's: same order, same id check, same bytes, and every file's problem named.
 *
 * The workers run the pipeline's TypeScript sources through tsx (a devDependency, as for the
 * scripts); their entry is found next to this module, which also holds when vite.config.ts is
 * bundled (Vite keeps each module's own import.meta.url). If tsx or the worker cannot be loaded, or a
 * worker dies, what it had not answered is extracted in this thread: slower, never lost.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Corpus, IsnadDocument } from '../model/schema';
import { cacheDirFromEnv, entryPath, openCache, readEntry, writeEntry } from './cache';
import { describeFailure, extractInput, joinCorpus, readInput, seedFilesOf, type Outcome, type SeedInput } from './corpus';
import type { WorkerResult, WorkerTask } from './extractWorker';
import { loadKnowledge, type Knowledge } from './knowledge';

/**
 * Fewest documents to extract for the pool to be used. A worker costs about 1 s of CPU before its
 * first document (tsx, the pipeline's modules, the knowledge), and its first documents run cold (its
 * own JIT warm-up): with two threads the build used 40-60% more CPU than one thread at 1,000
 * documents (docs/scale.md). Below a few hundred documents that is most of what a second core saves.
 */
export const POOL_THRESHOLD = 300;

export interface ParallelOptions {
  /**
   * Worker threads beside this one (default: `ISNAD_WORKERS`, else one per other core, so that with
   * this thread there is one per core); 0: none.
   */
  workers?: number;
  /** Fewest documents to extract for the pool to be used (default POOL_THRESHOLD). */
  threshold?: number;
  /** This thread extracts too, beside the workers (default true; false for tests and measurements). */
  alsoHere?: boolean;
  /** The workers' entry module as a file URL (default extractWorker.ts; tests give one that fails). */
  workerEntry?: string;
  /** Cache folder, or false for none (default: `ISNAD_CACHE`, else node_modules/.cache/isnad). */
  cache?: string | false;
}

export interface BuildStats {
  documents: number;
  fromCache: number;
  extracted: number;
  /** Worker threads started (0: extracted in this thread). */
  workers: number;
  /** Documents extracted by the workers. */
  inWorkers: number;
}

function workerEntry(): string {
  const url = new URL('./extractWorker.ts', import.meta.url);
  return (url.protocol === 'file:' ? url : pathToFileURL(join(process.cwd(), 'src/pipeline/extractWorker.ts'))).href;
}

/** tsx's module API (its ESM entry, as its package.json exports it), resolved from here as a file URL. */
function tsxApi(): string {
  const base = import.meta.url.startsWith('file:') ? fileURLToPath(import.meta.url) : join(process.cwd(), 'package.json');
  const manifest = createRequire(base).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}

/**
 * A worker's first script: registers tsx in its thread, then loads the TypeScript entry. (On Node 20,
 * `--import tsx` in a worker's execArgv does not reach the worker's own module loader.)
 */
const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });`;

/** Lets the event loop deliver the workers' messages between two documents of this thread. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Extracts `tasks` in this thread and `count` worker threads at once, from the front of one queue:
 * this thread starts at once and the workers join when they have started, so a pool is never much
 * slower than this thread alone. Each worker holds up to two batches, so it does not wait while this
 * thread is busy with a document. What a worker could not answer (it failed to start or died) goes
 * back to this thread. `here` extracts one task in this thread; `got` takes a worker's result.
 */
async function extractInPool(
  seedsDir: string,
  tasks: WorkerTask[],
  count: number,
  here: (task: WorkerTask) => void,
  got: (result: WorkerResult) => void,
  alsoHere: boolean,
  entry = workerEntry(),
): Promise<void> {
  let next = 0;
  const retry: WorkerTask[] = [];
  const threads = count + 1;
  const take = (n: number) => {
    const batch = tasks.slice(next, next + n);
    next += batch.length;
    return batch;
  };
  /** Documents per message: a few per thread's share of what is left, at most 8, so the ends come together. */
  const batchSize = () => Math.max(1, Math.min(8, Math.ceil((tasks.length - next) / (threads * 4))));
  let wake: (() => void) | undefined;
  const poke = () => {
    wake?.();
    wake = undefined;
  };

  interface Member {
    worker: Worker;
    inFlight: WorkerTask[][];
    done: boolean;
    stop: () => void;
  }
  const members: Member[] = [];
  let workerData: { seedsDir: string; tsx: string; entry: string } | undefined;
  try {
    workerData = { seedsDir, tsx: tsxApi(), entry };
  } catch {
    // No tsx at hand: everything is extracted in this thread.
  }
  for (let i = 0; workerData && i < count; i++) {
    const worker = new Worker(BOOT, { eval: true, workerData, execArgv: [] });
    const member: Member = { worker, inFlight: [], done: false, stop: () => stop() };
    const stop = () => {
      if (member.done) return;
      member.done = true;
      // What it held is done here: a dead worker never drops a document.
      for (const batch of member.inFlight.splice(0)) retry.push(...batch);
      void member.worker.terminate();
      poke();
    };
    // Nothing is sent before the worker has started: until then, this thread takes the documents.
    const refill = () => {
      while (member.inFlight.length < 2 && next < tasks.length) {
        const batch = take(batchSize());
        member.inFlight.push(batch);
        member.worker.postMessage(batch);
      }
      if (member.inFlight.length === 0) stop();
    };
    member.worker.on('message', (results: WorkerResult[] | 'ready') => {
      if (results !== 'ready') {
        for (const r of results) got(r);
        member.inFlight.shift();
      }
      refill();
      poke();
    });
    member.worker.on('error', stop);
    member.worker.on('exit', stop);
    members.push(member);
  }
  try {
    for (;;) {
      const task = retry.pop() ?? (alsoHere || members.every((m) => m.done) ? take(1)[0] : undefined);
      if (task) {
        here(task);
        await yieldToEvents();
        continue;
      }
      // Nothing left to hand out: a worker with nothing in hand (one still starting) is not waited for.
      if (next >= tasks.length) for (const m of members) if (m.inFlight.length === 0) m.stop();
      if (members.every((m) => m.done)) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await Promise.all(members.map((m) => m.worker.terminate()));
  }
}

/** A build under way: each file's outcome so far, the documents left to extract, and how to extract one here. */
interface Build {
  files: string[];
  outcomes: Outcome[];
  tasks: WorkerTask[];
  here: (task: WorkerTask) => void;
}

/** Reads every file and takes what it can from the cache. */
function startBuild(seedsDir: string, cacheOption: string | false | undefined): Build {
  const files = seedFilesOf(seedsDir);
  const cacheDir = cacheOption ?? cacheDirFromEnv();
  const cache = cacheDir === false ? undefined : openCache(seedsDir, cacheDir);
  const outcomes: Outcome[] = new Array<Outcome>(files.length);
  const tasks: WorkerTask[] = [];
  files.forEach((rel, index) => {
    let input: SeedInput;
    try {
      input = readInput(seedsDir, rel);
    } catch (e) {
      outcomes[index] = { problem: describeFailure(e, `seeds/${rel}`) };
      return;
    }
    const entry = cache ? entryPath(cache, input) : undefined;
    const doc = entry ? readEntry(entry) : undefined;
    if (doc) outcomes[index] = { doc };
    else tasks.push({ index, input, ...(entry ? { entry } : {}) });
  });
  let knowledge: Knowledge | undefined;
  const here = ({ index, input, entry }: WorkerTask) => {
    knowledge ??= loadKnowledge(seedsDir);
    const outcome = extractInput(input, knowledge);
    if (entry && 'doc' in outcome) writeEntry(entry, JSON.stringify(outcome.doc));
    outcomes[index] = outcome;
  };
  return { files, outcomes, tasks, here };
}

/**
 * `buildCorpus` through the cache, in this thread (for hooks that cannot wait, such as a rebuild in
 * `vite dev`). Throws IsnadBuildError listing every bad file.
 */
export function buildCorpusCached(seedsDir: string, cache?: string | false): Corpus {
  const { files, outcomes, tasks, here } = startBuild(seedsDir, cache);
  for (const task of tasks) here(task);
  return joinCorpus(files, outcomes);
}

/**
 * Builds the corpus of a seeds folder like `buildCorpus`, with the cache and, for many documents,
 * worker threads. Throws IsnadBuildError listing every bad file.
 */
export async function buildCorpusParallel(
  seedsDir: string,
  options: ParallelOptions = {},
  onStats?: (stats: BuildStats) => void,
): Promise<Corpus> {
  const { files, outcomes, tasks, here } = startBuild(seedsDir, options.cache);
  const fromEnv = process.env.ISNAD_WORKERS ? Number(process.env.ISNAD_WORKERS) : NaN;
  const wanted = options.workers ?? (Number.isInteger(fromEnv) && fromEnv >= 0 ? fromEnv : availableParallelism() - 1);
  const count = Math.min(wanted, tasks.length);
  const pooled = count > 0 && tasks.length >= (options.threshold ?? POOL_THRESHOLD);
  let inWorkers = 0;
  const got = (r: WorkerResult) => {
    inWorkers++;
    outcomes[r.index] = r.problem !== undefined ? { problem: r.problem } : { doc: JSON.parse(r.json!) as IsnadDocument };
  };
  if (pooled) await extractInPool(seedsDir, tasks, count, here, got, options.alsoHere ?? true, options.workerEntry);
  else for (const task of tasks) here(task);
  onStats?.({
    documents: files.length,
    fromCache: files.length - tasks.length,
    extracted: tasks.length,
    workers: pooled ? count : 0,
    inWorkers,
  });
  return joinCorpus(files, outcomes);
}
