/**
 * The search engine's module worker (main build): index fetch, parse and load, and every query, run
 * off the page's thread. The conversation is in workerProtocol.ts; workerClient.ts is the page's side.
 */
import { createSearchWorkerHandler, type WorkerRequest } from './workerProtocol';

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};
const handle = createSearchWorkerHandler((reply) => scope.postMessage(reply));
scope.onmessage = (event) => void handle(event.data);
