// @vitest-environment node
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, type IsnadDocument } from '../../src/model/schema';
import { buildCorpus } from '../../src/pipeline/corpus';
import { compileSchema, REFUSED, validateExtracted } from '../../src/pipeline/validate';

const check = compileSchema(DocumentSchema)!;

/** valibot's answer and the compiled one must agree: both refuse, or both give the same output, key order included. */
function agree(input: unknown): boolean {
  const slow = v.safeParse(DocumentSchema, input);
  const fast = check(input);
  if (!slow.success) return fast === REFUSED;
  return fast !== REFUSED && JSON.stringify(fast) === JSON.stringify(slow.output) && isDeepStrictEqual(fast, slow.output);
}

const docs: IsnadDocument[] = [...buildCorpus('seeds').documents, ...buildCorpus('tests/fixtures/articles').documents];

/** Every path to a value inside a document (object keys and array indices). */
function paths(x: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (x && typeof x === 'object')
    for (const [k, child] of Object.entries(x)) {
      const p = [...at, Array.isArray(x) ? Number(k) : k];
      out.push(p);
      paths(child, p, out);
    }
  return out;
}

const WEIRD = [
  null,
  undefined,
  -1,
  0,
  -0,
  1.5,
  NaN,
  Infinity,
  '',
  'x',
  'ar',
  'Q12',
  'person:x',
  '2017-01-28',
  'rtl',
  'day',
  true,
  [],
  {},
];

describe('the compiled document check', () => {
  it('compiles the schema (it must not step aside to valibot for every document)', () => {
    expect(check).toBeTypeOf('function');
  });

  it('gives valibot’s output on real documents, with unknown keys dropped and keys in schema order', () => {
    expect(docs.length).toBeGreaterThan(3);
    for (const d of docs) {
      const shuffled = { extra: 1, ...Object.fromEntries(Object.entries(d).reverse()) };
      expect(agree(d)).toBe(true);
      expect(agree(shuffled)).toBe(true);
      expect(JSON.stringify(check(shuffled))).toBe(JSON.stringify(d));
    }
  });

  it('refuses exactly what valibot refuses when any value of a document is changed, removed or added to', () => {
    const all = docs.map((d) => ({ d, paths: paths(d) }));
    fc.assert(
      fc.property(
        fc.nat({ max: all.length - 1 }),
        fc.nat(),
        fc.constantFrom(...WEIRD.keys()),
        fc.constantFrom('set', 'delete', 'extra'),
        (di, pi, wi, op) => {
          const { d, paths: ps } = all[di]!;
          const copy = structuredClone(d) as unknown as Record<string | number, unknown>;
          const path = ps[pi % ps.length]!;
          let parent = copy;
          for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
          const last = path[path.length - 1]!;
          if (op === 'set') parent[last] = WEIRD[wi];
          else if (op === 'delete') delete parent[last];
          else if (parent[last] && typeof parent[last] === 'object') (parent[last] as Record<string, unknown>).zz = WEIRD[wi];
          return agree(copy);
        },
      ),
      { numRuns: 1500, seed: 42 },
    );
  });

  it('still reports a bad document through valibot, naming the file', () => {
    const bad = { ...docs[0]!, textOffset: -1 };
    expect(() => validateExtracted(bad, 'seeds/bad.txt')).toThrow(/Isnad: seeds\/bad\.txt: .*textOffset/);
  });

  it('steps aside for a schema feature it does not know', () => {
    expect(compileSchema(v.object({ a: v.nullish(v.string()) }))).toBeNull();
    expect(
      compileSchema(
        v.pipe(
          v.string(),
          v.transform((s) => s.length),
        ),
      ),
    ).toBeNull();
    expect(compileSchema(v.optional(v.string(), 'x'))).toBeNull();
  });
});
