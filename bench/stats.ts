/** Small numeric and file helpers shared by the benchmark's parts. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: a tiny seeded PRNG, so the same seed always writes the same corpus. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The q-quantile (0…1) of some numbers, by the nearest-rank method; NaN when there are none. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: number[]) => quantile(values, 0.5);

/** Bytes of a string or buffer after gzip at the level static hosts commonly use (6, zlib's default). */
export function gzipBytes(data: string | Uint8Array): number {
  return gzipSync(typeof data === 'string' ? Buffer.from(data, 'utf8') : data).length;
}

/** Every file under a folder, as full paths. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** Raw and gzip bytes of the files under a folder (optionally only some of them). */
export function folderBytes(
  dir: string,
  keep: (file: string) => boolean = () => true,
): { raw: number; gzip: number; files: number } {
  let raw = 0;
  let gzip = 0;
  let files = 0;
  for (const f of listFiles(dir).filter(keep)) {
    const bytes = readFileSync(f);
    raw += bytes.length;
    gzip += gzipBytes(bytes);
    files++;
  }
  return { raw, gzip, files };
}

/** Rounds for the report: 3 significant digits, integers kept whole. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (Math.abs(x) >= 100) return Math.round(x);
  return Number(x.toPrecision(3));
}
