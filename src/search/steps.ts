/**
 * Long loading work written once as a generator that yields between small steps, then run either at
 * once (`drain`: the build, the CLI, tests) or in time slices that give the page back between them
 * (`drainAsync`: the browser), so that loading a large index never freezes typing or scrolling.
 */

/** Work that yields (`undefined`) between steps and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Gives the event loop a turn: `scheduler.yield` where it exists, else a message (not clamped like `setTimeout`). */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  if (typeof MessageChannel !== 'undefined') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs the steps in slices of about `sliceMs`, yielding to the page between slices; `onSlice` sees each slice's length. */
export async function drainAsync<T>(steps: Steps<T>, sliceMs = 8, onSlice?: (ms: number) => void): Promise<T> {
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    const now = performance.now();
    if (r.done) {
      onSlice?.(now - start);
      return r.value;
    }
    if (now - start >= sliceMs) {
      onSlice?.(now - start);
      await yieldToPage();
      start = performance.now();
    }
  }
}
