/**
 * `npm run --silent extract -- FILE [--date YYYY-MM-DD] [--lang ar|en]`
 * Prints one document's JSON (the same code path and schema as the build) and nothing else on stdout.
 * Errors go to stderr with exit code 1 (bad input) or 2 (bad usage).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFailure } from '../pipeline/corpus';
import { extractDocument } from '../pipeline/extract';
import { loadKnowledge } from '../pipeline/knowledge';
import type { Meta } from '../model/schema';

const USAGE = 'usage: npm run --silent extract -- FILE [--date YYYY-MM-DD] [--lang ar|en] [--outlet NAME]';

function main(argv: string[]): number {
  let file: string | undefined;
  const defaults: Partial<Meta> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`Isnad: ${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--date') defaults.date = value();
    else if (arg === '--lang') defaults.lang = value();
    else if (arg === '--outlet') defaults.outlet = value();
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith('--')) throw new Error(`Isnad: unknown option ${arg}\n${USAGE}`);
    else if (file === undefined) file = arg;
    else throw new Error(`Isnad: only one FILE at a time\n${USAGE}`);
  }
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`Isnad: ${file}: no such file`);
  const sidecarPath = [path.replace(/\.[^./]+$/, '.meta.json'), `${path}.meta.json`].find((p) => p !== path && existsSync(p));
  const seedsDir = dirname(path);
  const knowledge = loadKnowledge(existsSync(join(seedsDir, 'overrides.json')) ? seedsDir : undefined);
  let doc;
  try {
    doc = extractDocument(readFileSync(path), file, knowledge, {
      defaults,
      ...(sidecarPath ? { sidecar: readFileSync(sidecarPath, 'utf8'), sidecarFile: basename(sidecarPath) } : {}),
    });
  } catch (e) {
    throw new Error(describeFailure(e, file)); // the same line the build prints for this file
  }
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
