// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusSchema } from '../../src/model/schema';
import { buildCorpus, describeFailure, IsnadBuildError, listSeedFiles, summarize } from '../../src/pipeline/corpus';
import { IsnadInputError } from '../../src/pipeline/read';

const dirs: string[] = [];
function seeds(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-seeds-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('buildCorpus', () => {
  it('bundles every .txt and .md document in sorted order, including sub-folders', () => {
    const dir = seeds({
      'b.txt': 'Second title\n\nBody text.',
      'a.md': '---\ndate: 2020-05-01\nlang: en\n---\n# First\n\nBody.',
      'world/c.txt': 'عنوان\n\nنص الخبر.',
      'world/c.meta.json': '{"date": "2021-01-02", "lang": "ar", "outlet": "Agency"}',
      'notes.json': '{}',
    });
    const corpus = buildCorpus(dir);
    expect(corpus.documents.map((d) => d.file)).toEqual(['a.md', 'b.txt', 'world/c.txt']);
    expect(corpus.documents.map((d) => d.id)).toEqual(['a', 'b', 'world~c']);
    expect(corpus.documents[2]!.meta).toEqual({ date: '2021-01-02', lang: 'ar', outlet: 'Agency' });
    expect(v.is(CorpusSchema, corpus)).toBe(true);
    expect(summarize(corpus)).toMatch(/^Isnad: bundled 3 document\(s\) \(ar, en\)/);
  });

  it('keeps files with the same name in different folders apart', () => {
    const dir = seeds({ 'x/a.txt': 'One\n\nText.', 'y/a.txt': 'Two\n\nText.' });
    const ids = buildCorpus(dir).documents.map((d) => d.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('stops with every bad file named, and never drops one silently', () => {
    const dir = seeds({
      'good.txt': 'Title\n\nText.',
      'empty.txt': '',
      'binary.txt': new Uint8Array([0x00, 0x01, 0x02, 0x03]),
      'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'bad.md': '---\ndate: [\n---\nText',
      'date.txt': 'Title\n\nText.',
      'date.meta.json': '{"date": "2017-02-31"}',
    });
    let error: IsnadBuildError | undefined;
    try {
      buildCorpus(dir);
    } catch (e) {
      error = e as IsnadBuildError;
    }
    expect(error).toBeInstanceOf(IsnadBuildError);
    expect(error!.problems).toHaveLength(5);
    const message = error!.message;
    expect(message).toContain('seeds/empty.txt: is empty');
    expect(message).toContain('seeds/binary.txt');
    expect(message).toMatch(/seeds\/latin1\.txt line 1: is not valid UTF-8/);
    expect(message).toMatch(/seeds\/bad\.md line \d+: front matter/);
    expect(message).toContain('seeds/date.meta.json: metadata date "2017-02-31" is not a date');
  });

  it('refuses an empty seeds folder', () => {
    expect(() => buildCorpus(seeds({ 'README.md': '# notes' }))).toThrow(/holds no .txt or .md document/);
  });

  it('lists documents but not sidecars, overrides or notes', () => {
    const dir = seeds({ 'a.txt': 'x', 'a.meta.json': '{}', 'overrides.json': '{}', 'README.md': '#', 'FACTS.md': '#' });
    expect(listSeedFiles(dir)).toEqual(['a.txt']);
  });
});

describe('describeFailure', () => {
  it('keeps an input error as it is and names the file and the code for a bug in a stage', () => {
    expect(describeFailure(new IsnadInputError('seeds/a.txt', 'is empty'), 'seeds/a.txt')).toBe('Isnad: seeds/a.txt: is empty');
    const bug = new TypeError("Cannot read properties of undefined (reading 'first')");
    bug.stack = `TypeError: x\n    at findEnglishNames (/work/main/src/pipeline/entities/englishRules.ts:187:23)\n    at y (/z.js:1:1)`;
    expect(describeFailure(bug, 'seeds/b.txt')).toBe(
      "Isnad: seeds/b.txt: the pipeline failed on this document (a bug, please report it with the file): Cannot read properties of undefined (reading 'first') at src/pipeline/entities/englishRules.ts:187",
    );
    expect(describeFailure(new Error('Isnad: seeds/c.txt: extracted document does not match the schema'), 'seeds/c.txt')).toBe(
      'Isnad: seeds/c.txt: extracted document does not match the schema',
    );
  });
});
