/**
 * Read stage: bytes of a seed file (and its optional sidecar) → SourceDocument.
 *
 * Metadata comes from, in order of precedence: the `.meta.json` sidecar next to the file,
 * YAML front matter at the top of the file (`---` … `---`), then what the command line gives.
 * Anything we cannot read stops with an error naming the file and, where it applies, the line.
 */
import * as v from 'valibot';
import { parseDocument } from 'yaml';
import { describeIssues, MetaSchema, type Meta } from '../model/schema';
import { hasArabic } from '../search/normalize';
import type { SourceDocument } from './types';

/** An input problem: names the file (and line) so the user can fix it. */
export class IsnadInputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`Isnad: ${file}${line !== undefined ? ` line ${line}` : ''}: ${reason}`);
    this.name = 'IsnadInputError';
  }
}

/** File extensions the build reads as documents. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md'];

/** Decodes a seed's bytes: UTF-8 (BOM optional) or UTF-16 with a BOM; rejects binary and invalid UTF-8. */
export function decodeSeed(bytes: Uint8Array, file: string): string {
  let encoding = 'utf-8';
  let skip = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) skip = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, skip] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, skip] = ['utf-16be', 2];
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new IsnadInputError(
      file,
      `is not valid ${encoding.toUpperCase()} text (first bad byte at offset ${at}); save it as UTF-8`,
      lineAtByte(bytes, at),
    );
  }
  // eslint-disable-next-line no-control-regex -- NUL and other C0 controls are exactly what we look for
  const ctl = text.search(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/);
  if (ctl >= 0) {
    throw new IsnadInputError(file, 'looks like a binary file (it contains control characters), not text', lineAt(text, ctl));
  }
  return text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 1; i <= bytes.length; i++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, i));
    } catch {
      // A truncated sequence at the end is not yet an error: look for one that cannot continue.
      if (i === bytes.length || (bytes[i]! & 0xc0) !== 0x80) return i - 1;
    }
  }
  return bytes.length;
}

function lineAtByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** 1-based line number of a UTF-16 offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits YAML front matter from the body; returns the parsed fields and where the body starts. */
export function splitFrontMatter(text: string, file: string): { fields: Record<string, unknown>; bodyStart: number } {
  if (!/^---[ \t]*\r?\n/.test(text)) return { fields: {}, bodyStart: 0 };
  const m = FRONT_MATTER.exec(text);
  if (!m) throw new IsnadInputError(file, 'front matter opened with --- is never closed with ---', 1);
  const yamlDoc = parseDocument(m[1]!);
  if (yamlDoc.errors.length > 0) {
    const err = yamlDoc.errors[0]!;
    const line = (err.linePos?.[0]?.line ?? 0) + 1; // +1 for the opening ---
    throw new IsnadInputError(file, `front matter is not valid YAML: ${err.message.split('\n')[0]}`, line);
  }
  const fields: unknown = yamlDoc.toJS();
  if (fields !== null && (typeof fields !== 'object' || Array.isArray(fields))) {
    throw new IsnadInputError(file, 'front matter must be a set of key: value lines', 2);
  }
  return { fields: (fields ?? {}) as Record<string, unknown>, bodyStart: m[0].length };
}

/** Is `YYYY-MM-DD` a real calendar day? */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** Guesses the language from the script when the metadata does not say. */
export function guessLang(text: string): string {
  const sample = text.slice(0, 2000);
  const arabic = (sample.match(/[\u0600-\u06FF]/g) ?? []).length;
  const latin = (sample.match(/[A-Za-z]/g) ?? []).length;
  return arabic >= latin && hasArabic(sample) ? 'ar' : 'en';
}

/** Builds a stable document id from its path: `world/قمة 1.txt` → `world~قمة-1`. */
export function documentId(relPath: string): string {
  return relPath
    .replace(/\\/g, '/')
    .replace(/\.[^./]+$/, '')
    .split('/')
    .map(
      (part) =>
        part
          .normalize('NFC')
          .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
          .replace(/^-+|-+$/g, '') || '_',
    )
    .join('~');
}

export interface ReadOptions {
  /** Raw sidecar JSON text, if a `.meta.json` file exists beside the document. */
  sidecar?: string;
  /** Name of the sidecar file, for error messages. */
  sidecarFile?: string;
  /** Values from the command line; the file's own metadata wins over them. */
  defaults?: Partial<Meta>;
  /** Path the document id is derived from, when `file` (used in messages) carries a prefix. */
  idPath?: string;
}

/** Read stage: decodes a seed and its metadata into a SourceDocument. */
export function readSeed(bytes: Uint8Array, file: string, options: ReadOptions = {}): SourceDocument {
  const decoded = decodeSeed(bytes, file);
  const { fields, bodyStart } = splitFrontMatter(decoded, file);
  const text = decoded.slice(bodyStart);
  if (text.trim().length === 0) {
    throw new IsnadInputError(file, bodyStart > 0 ? 'has front matter but no text' : 'is empty (no text to read)');
  }
  let sidecarFields: Record<string, unknown> = {};
  if (options.sidecar !== undefined) {
    const where = options.sidecarFile ?? `${file}.meta.json`;
    try {
      sidecarFields = JSON.parse(options.sidecar) as Record<string, unknown>;
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const pos = /position (\d+)/.exec(msg);
      throw new IsnadInputError(where, `is not valid JSON: ${msg}`, pos ? lineAt(options.sidecar, +pos[1]!) : undefined);
    }
    if (typeof sidecarFields !== 'object' || sidecarFields === null || Array.isArray(sidecarFields)) {
      throw new IsnadInputError(where, 'must be a JSON object such as {"date": "2017-01-28", "lang": "ar"}');
    }
  }
  const merged: Record<string, unknown> = { ...options.defaults, ...fields, ...sidecarFields };
  const metaFile = options.sidecar !== undefined ? (options.sidecarFile ?? file) : file;
  const raw = {
    date: merged.date instanceof Date ? merged.date.toISOString().slice(0, 10) : (merged.date ?? null),
    lang: merged.lang ?? guessLang(text),
    outlet: merged.outlet,
    source: merged.source,
    title: merged.title,
  };
  for (const key of Object.keys(raw) as (keyof typeof raw)[]) if (raw[key] === undefined) delete raw[key];
  if (typeof raw.date === 'string' && !isRealDate(raw.date)) {
    throw new IsnadInputError(metaFile, `metadata date "${raw.date}" is not a date (expected YYYY-MM-DD)`);
  }
  const parsed = v.safeParse(MetaSchema, raw);
  if (!parsed.success) throw new IsnadInputError(metaFile, `metadata: ${describeIssues(parsed.issues)}`);
  return { id: documentId(options.idPath ?? file), file, meta: parsed.output, text, textOffset: bodyStart };
}
