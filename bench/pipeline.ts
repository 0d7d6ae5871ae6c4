/**
 * Pipeline throughput and peak memory: the real `buildCorpus` in a child process per corpus, pinned
 * to one core with taskset (when present) because the target is per core.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzipBytes } from './stats';

export interface PipelineResult {
  documents: number;
  knowledgeMs: number;
  pipelineMs: number;
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
}

const TASKSET = '/usr/bin/taskset';

/** Builds the corpus of `seedsDir` in a child process and writes its JSON to `outJson`. */
export function measurePipeline(seedsDir: string, outJson: string): PipelineResult {
  const pinned = existsSync(TASKSET);
  const node = [process.execPath, '--import', 'tsx', 'bench/pipelineChild.ts', seedsDir, outJson];
  const stdout = execFileSync(pinned ? TASKSET : node[0]!, pinned ? ['-c', '0', ...node] : node.slice(1), {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = stdout.trim().split('\n').pop()!;
  const m = JSON.parse(line) as Omit<PipelineResult, 'docsPerSecond' | 'corpusGzipBytes' | 'pinnedToOneCore'>;
  return {
    ...m,
    docsPerSecond: m.documents / (m.pipelineMs / 1000),
    corpusGzipBytes: gzipBytes(readFileSync(outJson)),
    pinnedToOneCore: pinned,
  };
}

/**
 * The same on several folders at once, one child per folder, each pinned to its own core (the
 * "worker per core" design), the corpora joined in folder order. docs/s counts the wall time of the slowest child.
 */
export async function measurePipelineParallel(seedsDirs: string[], outJson: string): Promise<PipelineResult> {
  const pinned = existsSync(TASKSET);
  const parts = await Promise.all(
    seedsDirs.map(async (dir, core) => {
      const node = [process.execPath, '--import', 'tsx', 'bench/pipelineChild.ts', dir, `${outJson}.${core}`];
      const { stdout } = await promisify(execFile)(
        pinned ? TASKSET : node[0]!,
        pinned ? ['-c', String(core), ...node] : node.slice(1),
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      return JSON.parse(stdout.trim().split('\n').pop()!) as Omit<
        PipelineResult,
        'docsPerSecond' | 'corpusGzipBytes' | 'pinnedToOneCore'
      >;
    }),
  );
  const corpora = seedsDirs.map((_, core) => JSON.parse(readFileSync(`${outJson}.${core}`, 'utf8')) as { documents: unknown[] });
  const joined = JSON.stringify({ ...corpora[0]!, documents: corpora.flatMap((c) => c.documents) });
  writeFileSync(outJson, joined);
  const sum = (k: keyof (typeof parts)[number]) => parts.reduce((n, p) => n + (p[k] as number), 0);
  const wall = Math.max(...parts.map((p) => p.pipelineMs));
  return {
    documents: sum('documents'),
    knowledgeMs: Math.max(...parts.map((p) => p.knowledgeMs)),
    pipelineMs: wall,
    docsPerSecond: sum('documents') / (wall / 1000),
    maxRssBytes: Math.max(...parts.map((p) => p.maxRssBytes)),
    corpusJsonBytes: Buffer.byteLength(joined),
    corpusModuleBytes: sum('corpusModuleBytes'),
    corpusGzipBytes: gzipBytes(joined),
    sentences: sum('sentences'),
    entityMentions: sum('entityMentions'),
    // Entities shared between the halves are counted once per half: an upper bound.
    distinctEntities: sum('distinctEntities'),
    statements: sum('statements'),
    relations: sum('relations'),
    events: sum('events'),
    pinnedToOneCore: false,
  };
}
