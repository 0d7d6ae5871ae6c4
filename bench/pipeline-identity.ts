/**
 * Checks that a change to the pipeline leaves its output byte for byte as it was:
 * `node --import tsx bench/pipeline-identity.ts --write REF.json` before the change, then
 * `node --import tsx bench/pipeline-identity.ts --check REF.json` after it (exit code 1 and the
 * documents that differ when it does not hold). The corpora are seeds/, tests/fixtures/articles and
 * 300 synthetic documents (bench/corpus.ts, seed 20240501), built with `buildCorpus` in one thread.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCorpus } from '../src/pipeline/corpus';
import { writeCorpus } from './corpus';

type Hashes = Record<string, Record<string, string>>;

const [mode, file] = process.argv.slice(2);
if ((mode !== '--write' && mode !== '--check') || !file)
  throw new Error('usage: pipeline-identity.ts --write REF.json | --check REF.json');

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const synthetic = mkdtempSync(join(tmpdir(), 'isnad-identity-'));
writeCorpus(synthetic, 300, 20240501);
const hashes: Hashes = {};
try {
  for (const [name, dir] of [
    ['seeds', resolve('seeds')],
    ['fixtures', resolve('tests/fixtures/articles')],
    ['synthetic-300', synthetic],
  ] as const) {
    const corpus = buildCorpus(dir);
    hashes[name] = { '(corpus)': sha(JSON.stringify(corpus)) };
    for (const d of corpus.documents) hashes[name][d.file] = sha(JSON.stringify(d));
  }
} finally {
  rmSync(synthetic, { recursive: true, force: true });
}

if (mode === '--write') {
  writeFileSync(file, `${JSON.stringify(hashes, null, 1)}\n`);
  console.log(
    `Isnad: wrote the output hashes of ${Object.values(hashes).reduce((n, h) => n + Object.keys(h).length - 1, 0)} documents to ${file}`,
  );
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')) as Hashes;
  const differ: string[] = [];
  for (const name of new Set([...Object.keys(before), ...Object.keys(hashes)]))
    for (const key of new Set([...Object.keys(before[name] ?? {}), ...Object.keys(hashes[name] ?? {})]))
      if (before[name]?.[key] !== hashes[name]?.[key]) differ.push(`${name}: ${key}`);
  if (differ.length === 0) console.log('Isnad: the pipeline output is byte-identical on every corpus');
  else {
    console.error(`Isnad: ${differ.length} output(s) differ:\n  ${differ.slice(0, 40).join('\n  ')}`);
    process.exitCode = 1;
  }
}
