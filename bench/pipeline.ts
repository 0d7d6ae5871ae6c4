/**
 * Pipeline throughput and peak memory: the real `buildCorpus` in a child process per corpus, pinned
 * to one core with taskset (when present) because the target is per core; and the real
 * `buildCorpusParallel` (worker threads, no cache) in a child pinned to two cores.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipBytes } from './stats';

/** The worker pool's run of the same corpus. */
export interface PoolResult {
  cores: number;
  workerThreads: number;
  pipelineMs: number;
  /** CPU time of every thread of the process (start-up of the workers included). */
  cpuMs: number;
  docsPerSecond: number;
  maxRssBytes: number;
  /** Documents the workers extracted (the rest, the main thread). */
  inWorkers: number;
}

export interface PipelineResult {
  documents: number;
  /** From the process's start to the pipeline's modules loaded (Node, tsx, imports). */
  importMs?: number;
  knowledgeMs: number;
  /** CPU time of `buildCorpus` alone (all threads of the process), without start-up and knowledge. */
  pipelineCpuMs?: number;
  pipelineMs: number;
  cpuMs: number;
  docsPerSecond: number;
  maxRssBytes: number;
  corpusJsonBytes: number;
  corpusModuleBytes: number;
  corpusGzipBytes: number;
  sentences: number;
  entityMentions: number;
  distinctEntities: number;
  statements: number;
  relations: number;
  events: number;
  pinnedToOneCore: boolean;
  /** Absent when the one-core run was the only one; `docsPerSecond` is then that run's. */
  pool?: PoolResult;
}

const TASKSET = '/usr/bin/taskset';

type ChildOutput = Omit<PipelineResult, 'docsPerSecond' | 'corpusGzipBytes' | 'pinnedToOneCore' | 'pool'> & {
  inWorkers: number;
};

/** Runs bench/pipelineChild.ts on `cores` cores (pinned when taskset exists), with `workers` threads or none. */
function child(seedsDir: string, outJson: string, cores: number, workers?: number): ChildOutput & { pinned: boolean } {
  const pinned = existsSync(TASKSET);
  const node = [process.execPath, '--import', 'tsx', 'bench/pipelineChild.ts', seedsDir, outJson];
  if (workers !== undefined) node.push(String(workers));
  const list = Array.from({ length: cores }, (_, i) => i).join(',');
  const stdout = execFileSync(pinned ? TASKSET : node[0]!, pinned ? ['-c', list, ...node] : node.slice(1), {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return { ...(JSON.parse(stdout.trim().split('\n').pop()!) as ChildOutput), pinned };
}

/** The pool on `cores` cores: the main thread and one worker per other core. */
function poolRun(seedsDir: string, outJson: string, cores: number): { result: PoolResult; out: ChildOutput } {
  const out = child(seedsDir, outJson, cores, cores - 1);
  return {
    out,
    result: {
      cores,
      workerThreads: cores - 1,
      pipelineMs: out.pipelineMs,
      cpuMs: out.cpuMs,
      docsPerSecond: out.documents / (out.pipelineMs / 1000),
      maxRssBytes: out.maxRssBytes,
      inWorkers: out.inWorkers,
    },
  };
}

function result(m: ChildOutput & { pinned?: boolean }, outJson: string, pinnedToOneCore: boolean): PipelineResult {
  const { inWorkers: _, pinned: __, ...rest } = m;
  return {
    ...rest,
    docsPerSecond: m.documents / (m.pipelineMs / 1000),
    corpusGzipBytes: gzipBytes(readFileSync(outJson)),
    pinnedToOneCore,
  };
}

/**
 * Builds the corpus of `seedsDir` on one core and writes its JSON to `outJson`; with `poolCores`,
 * again with the worker pool on that many cores (the same JSON is checked, byte for byte).
 */
export function measurePipeline(seedsDir: string, outJson: string, poolCores?: number): PipelineResult {
  const one = child(seedsDir, outJson, 1);
  const measured = result(one, outJson, one.pinned);
  if (!poolCores) return measured;
  const pooled = poolRun(seedsDir, `${outJson}.pool`, poolCores);
  if (!readFileSync(`${outJson}.pool`).equals(readFileSync(outJson)))
    throw new Error('the worker pool gave another corpus than buildCorpus');
  return { ...measured, pool: pooled.result };
}

/**
 * Only the worker pool, on `cores` cores (for the largest corpus, where one core would take most of
 * the benchmark's time). `docsPerSecond` is the pool's.
 */
export function measurePipelinePool(seedsDir: string, outJson: string, cores: number): PipelineResult {
  const pooled = poolRun(seedsDir, outJson, cores);
  return { ...result(pooled.out, outJson, false), pool: pooled.result };
}
