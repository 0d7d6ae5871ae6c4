/**
 * The message protocol between an embedded explorer (the frame) and the page that embeds it (the
 * host). Small and versioned; every message is checked by shape before anything acts on it, and
 * unknown messages are ignored. Documented in docs/embed.md; `public/embed.js` speaks it too.
 *
 * Frame → host: `isnad:ready`, `isnad:height` {height}, `isnad:state` {search}.
 * Host → frame: `isnad:navigate` {search}: show the view that link describes.
 */

export const PROTOCOL_VERSION = 1;

export type FrameMessage =
  | { type: 'isnad:ready'; version: 1 }
  | { type: 'isnad:height'; version: 1; height: number }
  | { type: 'isnad:state'; version: 1; search: string };

export type HostMessage = { type: 'isnad:navigate'; version: 1; search: string };

/** Longest query string a message may carry. */
export const MAX_SEARCH = 4000;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A query string: empty or starting with '?', bounded, no control characters. */
export function isSearch(x: unknown): x is string {
  // eslint-disable-next-line no-control-regex -- control characters make a search string invalid
  return typeof x === 'string' && x.length <= MAX_SEARCH && (x === '' || x.startsWith('?')) && !/[\u0000-\u001F\u007F]/.test(x);
}

/** Parses a message from the host; null for anything that is not exactly a navigate message. */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (!isRecord(data) || data.type !== 'isnad:navigate' || data.version !== PROTOCOL_VERSION) return null;
  if (!isSearch(data.search)) return null;
  return { type: 'isnad:navigate', version: 1, search: data.search };
}

/** Parses a message from a frame; null for anything malformed. */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  if (!isRecord(data) || data.version !== PROTOCOL_VERSION) return null;
  if (data.type === 'isnad:ready') return { type: 'isnad:ready', version: 1 };
  if (data.type === 'isnad:height') {
    const h = data.height;
    if (typeof h !== 'number' || !Number.isFinite(h) || h < 0 || h > 100_000) return null;
    return { type: 'isnad:height', version: 1, height: Math.ceil(h) };
  }
  if (data.type === 'isnad:state' && isSearch(data.search)) return { type: 'isnad:state', version: 1, search: data.search };
  return null;
}
