/**
 * JSON files that users and curators edit by hand: parse them and remember on which line each
 * top-level element starts, so that a bad entry stops the build with the file, line and reason.
 */

/** An error in a knowledge file, phrased for the person who edits it. */
export class KnowledgeError extends Error {
  constructor(file: string, line: number | undefined, reason: string) {
    super(`Isnad: ${file}${line !== undefined ? ` line ${line}` : ''}: ${reason}`);
    this.name = 'KnowledgeError';
  }
}

/** Line (1-based) of each character offset's position. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Offsets where each element of the top-level array (or each key of the top-level object) starts. */
function elementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let keyExpected = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      if (depth === 1 && keyExpected) {
        offsets.push(i);
        keyExpected = false;
      }
      inString = true;
    } else if (ch === '[' || ch === '{') {
      if (depth === 1 && keyExpected) {
        offsets.push(i);
        keyExpected = false;
      }
      depth++;
      if (depth === 1) keyExpected = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) keyExpected = true;
    else if (depth === 1 && keyExpected && /[^\s:]/.test(ch)) {
      offsets.push(i);
      keyExpected = false;
    }
  }
  return offsets;
}

/** Parses a hand-edited JSON file; `lines[i]` is the line where top-level element (or key) i starts. */
export function parseWithLines(text: string, file: string): { value: unknown; lines: number[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const line = at ? lineAt(text, Number(at[1])) : undefined;
    throw new KnowledgeError(file, line, `not valid JSON (${message.replace(/ in JSON at position \d+.*$/, '')})`);
  }
  const starts = elementOffsets(text);
  const lines: number[] = [];
  let line = 1;
  let last = 0;
  for (const off of starts) {
    for (let i = last; i < off; i++) if (text.charCodeAt(i) === 10) line++;
    last = off;
    lines.push(line);
  }
  return { value, lines };
}
