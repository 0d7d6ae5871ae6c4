/**
 * Where the pipeline spends its time, stage by stage, on one core:
 * `node --import tsx bench/pipeline-profile.ts [--docs N] [--dir SEEDS_DIR] [--seed S]`.
 *
 * Without `--dir`, N synthetic documents (bench/corpus.ts, default 300) are written to a temporary
 * folder first. Each document goes through the same stages as `extractSource` (src/pipeline/extract.ts),
 * timed one by one: read, segment, entities, statements (time and events included), relations and
 * schema validation. Files are read into memory before the clock starts, so the disk is not measured.
 * Stages are timed in CPU time (`process.cpuUsage`, all of the process's threads), which a busy shared
 * machine disturbs much less than wall time; the wall time of the whole run is printed too.
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

const spent: Record<Stage, number> = { read: 0, segment: 0, entities: 0, statements: 0, relations: 0, validation: 0 };
let failed = 0;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t0 = performance.now();
const c0 = cpuMs();
for (const input of inputs) {
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
if (!given) rmSync(dir, { recursive: true, force: true });

const docs = inputs.length;
const row = (name: string, ms: number) =>
  `| ${name.padEnd(11)} | ${(ms / docs).toFixed(2).padStart(7)} | ${((100 * ms) / totalMs).toFixed(1).padStart(5)} % |`;
console.log(
  `Isnad pipeline profile: ${docs} documents from ${given ?? 'bench/corpus.ts'}, knowledge loaded in ${knowledgeMs.toFixed(0)} ms`,
);
console.log('| stage (CPU) |  ms/doc | share   |');
console.log('| ----------- | ------- | ------- |');
for (const s of STAGES) console.log(row(s, spent[s]));
console.log(row('total', totalMs));
console.log(
  `${(docs / (totalMs / 1000)).toFixed(1)} docs/s of CPU time, ${(docs / (wallMs / 1000)).toFixed(1)} docs/s of wall time${failed > 0 ? ` (${failed} document(s) failed and were skipped)` : ''}`,
);
