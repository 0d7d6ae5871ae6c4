/**
 * Where the pipeline spends its time, stage by stage, on one core:
 * `node --import tsx bench/pipeline-profile.ts [--docs N] [--dir SEEDS_DIR] [--seed S] [--passes P]`.
 *
 * Without `--dir`, N synthetic documents (bench/corpus.ts, default 300) are written to a temporary
 * folder first. Each document goes through the same stages as `extractSource` (src/pipeline/extract.ts),
 * timed one by one: read, segment, entities, statements (time and events included), relations and
 * schema validation. Files are read into memory before the clock starts, so the disk is not measured.
 * Stages are timed in CPU time (`process.cpuUsage`, all of the process's threads), which a busy shared
 * machine disturbs much less than wall time; the wall time of the whole run is printed too.
 * The warm-up line gives the CPU cost per document by range (documents 1–10, 11–100, …): V8 compiles
 * and optimises the pipeline's code while the first documents go through, so they cost several times
 * what later ones do. With `--passes 2` the same documents go through again in the same process: the
 * second pass is the steady state (compiled code, and the per-word memories of the stages filled).

 * For hot functions, run it under `node --cpu-prof --import tsx bench/pipeline-profile.ts` and open
 * the `.cpuprofile` in Chrome DevTools.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listSeedFiles } from '../src/pipeline/corpus';
import { extractEntities } from '../src/pipeline/entities';
import { loadKnowledge } from '../src/pipeline/knowledge';
import { readSeed } from '../src/pipeline/read';
import { extractRelations } from '../src/pipeline/relations';
import { segment } from '../src/pipeline/segment';
import { validateExtracted } from '../src/pipeline/validate';
import { extractStatements } from '../src/pipeline/statements';
import { writeCorpus } from './corpus';

const STAGES = ['read', 'segment', 'entities', 'statements', 'relations', 'validation'] as const;
type Stage = (typeof STAGES)[number];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const n = Number(option('docs') ?? 300);
const given = option('dir');
const dir = given ?? mkdtempSync(join(tmpdir(), 'isnad-profile-'));
if (!given) writeCorpus(dir, n, Number(option('seed') ?? 20240501));

const k0 = performance.now();
const knowledge = loadKnowledge(existsSync(join(dir, 'overrides.json')) ? dir : undefined);
const knowledgeMs = performance.now() - k0;

const inputs = listSeedFiles(dir).map((rel) => {
  const sidecarPath = join(dir, rel.replace(/\.[^./]+$/, '.meta.json'));
  return {
    rel,
    bytes: readFileSync(join(dir, rel)),
    ...(existsSync(sidecarPath) ? { sidecar: readFileSync(sidecarPath, 'utf8'), sidecarFile: sidecarPath } : {}),
  };
});

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const passes = Math.max(1, Number(option('passes') ?? 1));
for (let pass = 1; pass <= passes; pass++) run(pass);
if (!given) rmSync(dir, { recursive: true, force: true });

function run(pass: number): void {
  const spent: Record<Stage, number> = { read: 0, segment: 0, entities: 0, statements: 0, relations: 0, validation: 0 };
  let failed = 0;
  // CPU time at the end of documents 10, 100, 1000, …: the warm-up curve.
  const marks: [number, number][] = [];
  const t0 = performance.now();
  const c0 = cpuMs();
  for (const [n, input] of inputs.entries()) {
    if (n > 0 && Number.isInteger(Math.log10(n))) marks.push([n, cpuMs() - c0]);
    let at = cpuMs();
    const lap = (stage: Stage) => {
      const now = cpuMs();
      spent[stage] += now - at;
      at = now;
    };
    try {
      const source = readSeed(input.bytes, `seeds/${input.rel}`, {
        sidecar: input.sidecar,
        sidecarFile: input.sidecarFile,
        idPath: input.rel,
      });
      lap('read');
      const segmented = segment(source);
      lap('segment');
      const withEntities = extractEntities(segmented, knowledge);
      lap('entities');
      const withStatements = extractStatements(withEntities);
      lap('statements');
      const doc = extractRelations(withStatements);
      lap('relations');
      validateExtracted(doc, doc.file);
      lap('validation');
    } catch (e) {
      failed++;
      if (failed <= 3) console.error(`${input.rel}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const totalMs = cpuMs() - c0;
  const wallMs = performance.now() - t0;
  marks.push([inputs.length, totalMs]);

  const docs = inputs.length;
  const row = (name: string, ms: number) =>
    `| ${name.padEnd(11)} | ${(ms / docs).toFixed(2).padStart(7)} | ${((100 * ms) / totalMs).toFixed(1).padStart(5)} % |`;
  console.log(
    `Isnad pipeline profile${passes > 1 ? `, pass ${pass} of ${passes}` : ''}: ${docs} documents from ${given ?? 'bench/corpus.ts'}, knowledge loaded in ${knowledgeMs.toFixed(0)} ms`,
  );
  console.log('| stage (CPU) |  ms/doc | share   |');
  console.log('| ----------- | ------- | ------- |');
  for (const s of STAGES) console.log(row(s, spent[s]));
  console.log(row('total', totalMs));
  console.log(
    `${(docs / (totalMs / 1000)).toFixed(1)} docs/s of CPU time, ${(docs / (wallMs / 1000)).toFixed(1)} docs/s of wall time${failed > 0 ? ` (${failed} document(s) failed and were skipped)` : ''}`,
  );
  console.log(
    `warm-up, CPU ms/doc: ${marks
      .map(([n, ms], i) => {
        const [from, before] = i === 0 ? [0, 0] : marks[i - 1]!;
        return `documents ${from + 1}–${n} ${((ms - before) / (n - from)).toFixed(2)}`;
      })
      .join(', ')}`,
  );
}
