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
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    throw new IsnadInputError(file, 'is UTF-32 text, which is not read; save it as UTF-8', 1);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) skip = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, skip] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, skip] = ['utf-16be', 2];
  else refuseNonText(bytes, file);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    if (encoding !== 'utf-8') {
      const at = firstInvalidUtf16(bytes, skip, encoding === 'utf-16le');
      throw new IsnadInputError(
        file,
        `is not valid ${encoding.toUpperCase()} text (${at.reason} at byte offset ${at.offset}); save it as UTF-8`,
        lineAtUtf16Byte(bytes, skip, at.offset, encoding === 'utf-16le'),
      );
    }
    const at = firstInvalidUtf8(bytes);
    throw new IsnadInputError(
      file,
      `is not valid UTF-8 text (first bad byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} at byte offset ${at}); it may be in a legacy encoding such as Windows-1256 or Latin-1: save it as UTF-8`,
      lineAtByte(bytes, at),
    );
  }
  // eslint-disable-next-line no-control-regex -- NUL and other C0 controls are exactly what we look for
  const ctl = text.search(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/);
  if (ctl >= 0) {
    const code = `U+${text.charCodeAt(ctl).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new IsnadInputError(
      file,
      `looks like a binary file (it contains the control character ${code}), not text`,
      lineAt(text, ctl),
    );
  }
  return text;
}

/** Characters of ordinary text in the scripts we expect, to recognise UTF-16 without a BOM. */
const READABLE = /[\p{Script=Latin}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Cyrillic}\p{Script=Greek}\s\p{P}\p{N}]/u;

/** Without a BOM, NUL bytes mean binary data, or UTF-16 saved without its byte order mark. */
function refuseNonText(bytes: Uint8Array, file: string): void {
  const nul = bytes.indexOf(0);
  if (nul < 0) return;
  // UTF-16 saved without its BOM: one of the two byte orders reads as ordinary letters and punctuation.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  for (const encoding of ['utf-16le', 'utf-16be']) {
    const chars = [...new TextDecoder(encoding).decode(sample)];
    const readable = chars.filter((c) => READABLE.test(c)).length;
    if (chars.length >= 2 && !chars.includes('\0') && readable >= chars.length * 0.9) {
      throw new IsnadInputError(file, 'looks like UTF-16 text without a byte order mark (BOM); save it as UTF-8', 1);
    }
  }
  throw new IsnadInputError(
    file,
    `looks like a binary file (it contains a NUL byte at byte offset ${nul}), not text`,
    lineAtByte(bytes, nul),
  );
}

/** Byte offset of the first byte that cannot be part of valid UTF-8 (one linear pass). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min = 0x80; // the smallest valid second byte (rules out overlong forms and surrogates)
    let max = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i; // truncated at the end of the file
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i; // the character that starts here is broken
    }
    i += need + 1;
  }
  return bytes.length;
}

/** The first bad UTF-16 code unit after the BOM: an odd byte count or an unpaired surrogate. */
function firstInvalidUtf16(bytes: Uint8Array, skip: number, le: boolean): { offset: number; reason: string } {
  const unit = (i: number) => (le ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  for (let i = skip; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) i += 2;
      else return { offset: i, reason: 'an unpaired high surrogate' };
    } else if (u >= 0xdc00 && u <= 0xdfff) return { offset: i, reason: 'an unpaired low surrogate' };
  }
  return { offset: bytes.length - 1, reason: 'an odd number of bytes, the last one is half a character' };
}

function lineAtUtf16Byte(bytes: Uint8Array, skip: number, at: number, le: boolean): number {
  let line = 1;
  for (let i = skip; i + 1 < bytes.length && i < at; i += 2) {
    if (bytes[le ? i : i + 1] === 0x0a && bytes[le ? i + 1 : i] === 0) line++;
  }
  return line;
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
    // yaml's own "at line N, column M" counts from the first line after ---: the file's line is ours.
    const reason = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new IsnadInputError(file, `front matter is not valid YAML: ${reason}`, line);
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

/**
 * Guesses the language from the script when the metadata does not say: Arabic script is `ar`, or
 * `fa` when Persian ی and ک outnumber Arabic ي and ك (Urdu reads as `fa` too: right to left either
 * way); Hebrew script is `he`; anything else is `en`. A French article needs `lang` in its metadata.
 */
export function guessLang(text: string): string {
  const sample = text.slice(0, 2000);
  const count = (re: RegExp) => (sample.match(re) ?? []).length;
  const arabic = count(/[\u0600-\u06FF]/g);
  const hebrew = count(/[\u0590-\u05FF]/g);
  const latin = count(/[A-Za-z]/g);
  if (hebrew > arabic && hebrew >= latin) return 'he';
  // Persian writes ی and ک where Arabic writes ي and ك: a Persian name in an Arabic article does not tip it.
  if (arabic >= latin && hasArabic(sample)) return count(/[\u06A9\u06CC]/g) > count(/[\u0643\u064A]/g) ? 'fa' : 'ar';
  return 'en';
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

/** 1-based line of the first match of `re` in `source`, if any. */
function keyLine(source: string, re: RegExp): number | undefined {
  const m = re.exec(source);
  return m ? lineAt(source, m.index) : undefined;
}

/** Whitespace and format characters (zero-width, bidi controls, BOM) only: nothing a reader could see. */
const INVISIBLE_ONLY = /^[\s\p{Cf}]*$/u;

/** Read stage: decodes a seed and its metadata into a SourceDocument. */
export function readSeed(bytes: Uint8Array, file: string, options: ReadOptions = {}): SourceDocument {
  const decoded = decodeSeed(bytes, file);
  const { fields, bodyStart } = splitFrontMatter(decoded, file);
  const text = decoded.slice(bodyStart);
  if (text.trim().length === 0) {
    throw new IsnadInputError(file, bodyStart > 0 ? 'has front matter but no text' : 'is empty (no text to read)');
  }
  if (INVISIBLE_ONLY.test(text)) {
    throw new IsnadInputError(
      file,
      'has no visible text (only spaces and invisible format characters such as zero-width or bidi marks)',
    );
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
  // The line a metadata field is written on, in the sidecar or the front matter, for messages.
  const lineOf = (key: string): number | undefined => {
    // A one-line sidecar gets no line number: "line 1" would add nothing.
    if (key in sidecarFields)
      return /\n./.test(options.sidecar!.trim()) ? keyLine(options.sidecar!, new RegExp(`"${key}"\\s*:`)) : undefined;
    if (key in fields) return keyLine(decoded.slice(0, bodyStart), new RegExp(`^${key}\\s*:`, 'm'));
    return undefined;
  };
  const metaWhere = (key: string) => (key in sidecarFields || !(key in fields) ? metaFile : file);
  const raw = {
    date: merged.date instanceof Date ? merged.date.toISOString().slice(0, 10) : (merged.date ?? null),
    lang: merged.lang ?? guessLang(text),
    outlet: merged.outlet,
    source: merged.source,
    title: merged.title,
  };
  for (const key of Object.keys(raw) as (keyof typeof raw)[]) if (raw[key] === undefined) delete raw[key];
  if (typeof raw.date === 'string' && !isRealDate(raw.date)) {
    throw new IsnadInputError(
      metaWhere('date'),
      `metadata date "${raw.date}" is not a date (expected YYYY-MM-DD)`,
      lineOf('date'),
    );
  }
  const parsed = v.safeParse(MetaSchema, raw);
  if (!parsed.success) {
    const key = parsed.issues[0]?.path?.[0]?.key;
    const line = typeof key === 'string' ? lineOf(key) : undefined;
    throw new IsnadInputError(
      typeof key === 'string' ? metaWhere(key) : metaFile,
      `metadata: ${describeIssues(parsed.issues)}`,
      line,
    );
  }
  return { id: documentId(options.idPath ?? file), file, meta: parsed.output, text, textOffset: bodyStart };
}
