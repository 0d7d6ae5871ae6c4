// @vitest-environment node
// The worker pool and the extraction cache (src/pipeline/pool.ts, cache.ts): the same bytes as the
// sequential build, every bad file named, and a cache that cannot serve a stale document.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus';
import { cacheDirFromEnv, pipelineFingerprint } from '../../src/pipeline/cache';
import { buildCorpus, IsnadBuildError } from '../../src/pipeline/corpus';
import { buildCorpusParallel, type BuildStats } from '../../src/pipeline/pool';

const dirs: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function seeds(files: Record<string, string | Uint8Array>): string {
  const dir = temp('isnad-pool-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function problemsOf(build: () => unknown): Promise<string[]> {
  try {
    await build();
  } catch (e) {
    if (e instanceof IsnadBuildError) return e.problems;
    throw e;
  }
  throw new Error('the build did not stop');
}

/** Two worker threads and every document extracted in them. */
const POOL = { workers: 2, threshold: 0, cache: false, alsoHere: false } as const;

describe('buildCorpusParallel', () => {
  const synthetic = temp('isnad-pool-synthetic-');
  writeCorpus(synthetic, 40, 7);

  it('gives the sequential build’s bytes on synthetic documents, with worker threads', async () => {
    let stats: BuildStats | undefined;
    const pooled = JSON.stringify(await buildCorpusParallel(synthetic, POOL, (s) => (stats = s)));
    expect(stats).toEqual({ documents: 40, fromCache: 0, extracted: 40, workers: 2, inWorkers: 40 });
    expect(pooled === JSON.stringify(buildCorpus(synthetic))).toBe(true);
  }, 120_000);

  it.each(['seeds', 'tests/fixtures/articles'])(
    'gives the sequential build’s bytes on %s',
    async (dir) => {
      const pooled = JSON.stringify(await buildCorpusParallel(resolve(dir), POOL));
      expect(pooled === JSON.stringify(buildCorpus(resolve(dir)))).toBe(true);
    },
    120_000,
  );

  it('names every bad file, in file order, as the sequential build does', async () => {
    const files: Record<string, string | Uint8Array> = {
      'empty.txt': '',
      'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'date.txt': 'Title\n\nText.',
      'date.meta.json': '{"date": "2017-02-31"}',
      'a b.txt': 'One\n\nText.',
      'a-b.txt': 'Same id\n\nText.',
    };
    for (let i = 0; i < 12; i++) files[`good${i}.txt`] = `Title ${i}\n\nThe minister said on Thursday that talks went on.`;
    const dir = seeds(files);
    const sequential = await problemsOf(() => buildCorpus(dir));
    expect(sequential).toHaveLength(4);
    let stats: BuildStats | undefined;
    expect(await problemsOf(() => buildCorpusParallel(dir, POOL, (s) => (stats = s)))).toEqual(sequential);
    expect(stats!.inWorkers).toBe(17);
  }, 120_000);

  it('extracts in this thread what a dying worker held, and loses nothing', async () => {
    let stats: BuildStats | undefined;
    const entry = pathToFileURL(resolve('tests/fixtures/pool/dyingWorker.ts')).href;
    const pooled = JSON.stringify(await buildCorpusParallel(synthetic, { ...POOL, workerEntry: entry }, (s) => (stats = s)));
    expect(stats).toMatchObject({ extracted: 40, workers: 2, inWorkers: 0 });
    expect(pooled === JSON.stringify(buildCorpus(synthetic))).toBe(true);
  }, 120_000);

  it('stays in this thread below the threshold', async () => {
    let stats: BuildStats | undefined;
    await buildCorpusParallel(seeds({ 'a.txt': 'Title\n\nText.' }), { workers: 2, cache: false }, (s) => (stats = s));
    expect(stats?.workers).toBe(0);
  });
});

describe('the extraction cache', () => {
  it('serves unchanged documents, re-extracts changed ones, and gives the same bytes', async () => {
    const cache = temp('isnad-cache-');
    const dir = seeds({
      'a.txt': 'Title\n\nThe minister said on Thursday that talks went on.',
      'b.txt': 'عنوان\n\nقال الوزير يوم الخميس إن المحادثات مستمرة.',
      'c.md': '---\ndate: 2017-01-28\nlang: en\n---\n# Head\n\nHe said yesterday the talks ended.',
    });
    const run = async () => {
      let stats: BuildStats | undefined;
      const json = JSON.stringify(await buildCorpusParallel(dir, { cache, workers: 0 }, (s) => (stats = s)));
      expect(json === JSON.stringify(buildCorpus(dir))).toBe(true);
      return stats!;
    };
    expect(await run()).toMatchObject({ fromCache: 0, extracted: 3 });
    expect(await run()).toMatchObject({ fromCache: 3, extracted: 0 });
    writeFileSync(join(dir, 'b.txt'), 'عنوان\n\nقال الوزير يوم الجمعة إن المحادثات انتهت.');
    expect(await run()).toMatchObject({ fromCache: 2, extracted: 1 });
    // A sidecar is part of the document: a new one changes its key.
    writeFileSync(join(dir, 'a.meta.json'), '{"date": "2020-05-01"}');
    expect(await run()).toMatchObject({ fromCache: 2, extracted: 1 });
    // Overrides change what every document's entities are: nothing is served from before.
    writeFileSync(join(dir, 'overrides.json'), '{"entities": []}');
    expect(await run()).toMatchObject({ fromCache: 0, extracted: 3 });
    // An entry that cannot be read is extracted again, never trusted.
    for (const sub of readdirSync(cache))
      for (const f of readdirSync(join(cache, sub))) writeFileSync(join(cache, sub, f), '{"id": tr');
    expect(await run()).toMatchObject({ fromCache: 0, extracted: 3 });
  }, 120_000);

  it('fingerprints the sources the pipeline imports and its data, and nothing else', () => {
    // A copy of the project's sources, with its node_modules, so that files can be changed.
    const root = temp('isnad-fingerprint-');
    cpSync('src', join(root, 'src'), { recursive: true });
    symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
    const pipeline = join(root, 'src/pipeline');
    const seedsDir = seeds({ 'a.txt': 'x' });
    let last = pipelineFingerprint(seedsDir, pipeline);
    expect(pipelineFingerprint(seedsDir, pipeline)).toBe(last);
    // Each edit is kept, so each must change the fingerprint from the one before it.
    const change = (file: string, f: () => void) => {
      f();
      const now = pipelineFingerprint(seedsDir, pipeline);
      const changed = now !== last;
      last = now;
      return { file, changed };
    };
    // Outside the pipeline's imports: the app's code.
    expect(change('src/app', () => writeFileSync(join(root, 'src/app/unrelated.ts'), 'export {};\n'))).toEqual({
      file: 'src/app',
      changed: false,
    });
    const append = (file: string) => () => writeFileSync(join(root, file), '\n', { flag: 'a' });
    expect([
      change('search/normalize.ts', append('src/search/normalize.ts')),
      change('data/titles.json', append('src/pipeline/data/titles.json')),
      change('model/schema.ts', append('src/model/schema.ts')),
      change('statements rules', append('src/pipeline/statements/tokens.ts')),
      change('overrides.json', () => writeFileSync(join(seedsDir, 'overrides.json'), '{}')),
    ]).toEqual(
      ['search/normalize.ts', 'data/titles.json', 'model/schema.ts', 'statements rules', 'overrides.json'].map((file) => ({
        file,
        changed: true,
      })),
    );
  });

  it('is turned off or moved by ISNAD_CACHE', () => {
    expect(cacheDirFromEnv('off')).toBe(false);
    expect(cacheDirFromEnv('/tmp/somewhere')).toBe('/tmp/somewhere');
    expect(cacheDirFromEnv(undefined)).toMatch(/node_modules\/\.cache\/isnad$/);
  });
});
