/**
 * Pipeline throughput and peak memory: the real `buildCorpus` in a child process per corpus, pinned
 * to one core with taskset (when present) because the target is per core.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
