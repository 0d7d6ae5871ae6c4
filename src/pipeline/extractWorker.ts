/**
 * A worker thread of the extraction pool (pool.ts): loads the knowledge once, then extracts the
 * batches of documents it is sent and answers with each one's JSON or its problem line. It writes
 * the cache entries of what it extracted, so the main thread only parses.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeEntry } from './cache';
import { extractInput, type SeedInput } from './corpus';
import { loadKnowledge } from './knowledge';

export interface WorkerTask {
  index: number;
  input: SeedInput;
  /** Cache entry to write, when the cache is on. */
  entry?: string;
}
export interface WorkerResult {
  index: number;
  json?: string;
  problem?: string;
}

const knowledge = loadKnowledge((workerData as { seedsDir: string }).seedsDir);

parentPort!.on('message', (batch: WorkerTask[]) => {
  const results = batch.map(({ index, input, entry }): WorkerResult => {
    const outcome = extractInput(input, knowledge);
    if ('problem' in outcome) return { index, problem: outcome.problem };
    const json = JSON.stringify(outcome.doc);
    if (entry) writeEntry(entry, json);
    return { index, json };
  });
  parentPort!.postMessage(results);
});
// Started: the pool sends work from now on (until then, the main thread takes it).
parentPort!.postMessage('ready');
