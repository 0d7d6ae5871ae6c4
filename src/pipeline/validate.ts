/**
 * Schema validation on the build's hot path. `valibot`'s `safeParse` walks the schema through generic
 * `~run` methods and datasets, about 0.4–0.8 ms a document (a tenth of the pipeline's time on one
 * core). Here the same schema (src/model/schema.ts, still the one source of truth) is compiled once
 * into plain closures that check a document and build the same output: keys in the schema's order,
 * unknown keys dropped, absent optional keys left out, exactly as valibot does. A document the
 * compiled check refuses goes through valibot itself, so a bad document's error is valibot's message,
 * naming the file, as before; and a schema feature the compiler does not know makes it step aside
 * (every document then goes through valibot), so a change to the schema can never be checked less.
 * tests/unit/validate.test.ts holds the two to the same answers.
 */
import type * as v from 'valibot';
import { DocumentSchema, validateDocument, type IsnadDocument } from '../model/schema';

/** What a compiled check returns for a value the schema refuses. */
export const REFUSED: unique symbol = Symbol('refused');

/** A compiled schema: the value valibot would output, or REFUSED. */
export type Check = (input: unknown) => unknown;

/** The parts of a valibot schema or action this compiler reads. */
interface Node {
  kind: string;
  type: string;
  pipe?: readonly Node[];
  entries?: Record<string, Node>;
  item?: Node;
  wrapped?: Node;
  options?: readonly unknown[];
  literal?: unknown;
  requirement?: unknown;
  default?: unknown;
  fallback?: unknown;
}

class Unsupported extends Error {}

/** One validation action of a pipe, as a test of the value. */
function action(node: Node): (value: never) => boolean {
  if (node.kind !== 'validation') throw new Unsupported(`pipe item ${node.kind} ${node.type}`);
  const r = node.requirement;
  switch (node.type) {
    case 'integer':
      return (x: number) => Number.isInteger(x);
    case 'min_value':
      if (typeof r !== 'number') break;
      return (x: number) => x >= r;
    case 'min_length':
      if (typeof r !== 'number') break;
      return (x: string) => x.length >= r;
    case 'regex':
      if (!(r instanceof RegExp)) break;
      return (x: string) => r.test(x);
  }
  throw new Unsupported(`action ${node.type}`);
}

function compileNode(node: Node): Check {
  if (node.fallback !== undefined) throw new Unsupported('fallback');
  if (node.pipe) {
    // valibot's pipe is `[schema, ...actions]`: the schema as it was before `v.pipe`, then its actions.
    const [first, ...rest] = node.pipe;
    const base = compileNode(first!);
    const tests = rest.map(action) as ((x: unknown) => boolean)[];
    return (input) => {
      const out = base(input);
      if (out === REFUSED) return REFUSED;
      for (const t of tests) if (!t(out)) return REFUSED;
      return out;
    };
  }
  switch (node.type) {
    case 'string':
      return (x) => (typeof x === 'string' ? x : REFUSED);
    case 'number':
      return (x) => (typeof x === 'number' && !Number.isNaN(x) ? x : REFUSED);
    case 'boolean':
      return (x) => (typeof x === 'boolean' ? x : REFUSED);
    case 'literal': {
      const literal = node.literal;
      return (x) => (x === literal ? x : REFUSED);
    }
    case 'picklist': {
      const options = node.options ?? [];
      return (x) => (options.includes(x) ? x : REFUSED);
    }
    case 'nullable':
    case 'optional': {
      if (node.default !== undefined || !node.wrapped) throw new Unsupported(`${node.type} with a default`);
      const inner = compileNode(node.wrapped);
      const empty = node.type === 'nullable' ? null : undefined;
      return (x) => (x === empty ? x : inner(x));
    }
    case 'array': {
      const item = compileNode(node.item!);
      return (x) => {
        if (!Array.isArray(x)) return REFUSED;
        const out: unknown[] = [];
        for (let i = 0; i < x.length; i++) {
          const value = item(x[i]);
          if (value === REFUSED) return REFUSED;
          out.push(value);
        }
        return out;
      };
    }
    case 'object': {
      const fields = Object.entries(node.entries!).map(([key, schema]) => ({
        key,
        check: compileNode(schema),
        // valibot lets a key be absent when its schema's own type is optional (pipe or not).
        optional: schema.type === 'optional',
      }));
      if (Object.values(node.entries!).some((s) => s.type === 'exact_optional' || s.type === 'nullish'))
        throw new Unsupported('exact_optional or nullish entry');
      return (x) => {
        if (!x || typeof x !== 'object') return REFUSED;
        const input = x as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const f of fields) {
          if (f.key in input) {
            const value = f.check(input[f.key]);
            if (value === REFUSED) return REFUSED;
            out[f.key] = value;
          } else if (!f.optional) return REFUSED;
        }
        return out;
      };
    }
  }
  throw new Unsupported(`schema ${node.type}`);
}

/** Compiles a valibot schema, or null when it uses something this compiler does not handle. */
export function compileSchema(schema: v.GenericSchema): Check | null {
  try {
    return compileNode(schema as unknown as Node);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

const documentCheck = compileSchema(DocumentSchema);

/**
 * `validateDocument`'s answer, faster: the compiled check's output when the document passes it,
 * else valibot's (which throws the error that names the file and the first problems).
 */
export function validateExtracted(doc: unknown, file: string): IsnadDocument {
  const out = documentCheck?.(doc);
  if (out !== undefined && out !== REFUSED) return out as IsnadDocument;
  return validateDocument(doc, file);
}
