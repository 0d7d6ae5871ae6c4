/**
 * Schema validation on the build's hot path. `valibot`'s `safeParse` walks the schema through generic
 * `~run` methods and datasets, about 0.4–0.8 ms a document (a tenth of the pipeline's time on one
 * core). Here the same schema (src/model/schema.ts, still the one source of truth) is compiled once
 * into plain JavaScript (a function per object and array schema) that checks a document and builds the same output: keys in the schema's order,
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

/**
 * Writes the checking code: one function per object or array schema, the primitive checks inline.
 * Generated code rather than closures, because one closure shared by every object schema sees the
 * shapes of all of them (entities, statements, spans…) and V8 can only look their fields up the slow,
 * generic way; a function per schema with its field names written out gets fast, per-shape look-ups.
 */
class Writer {
  /** Values the code refers to as `c[i]`: regular expressions, picklists, literals. */
  readonly constants: unknown[] = [];
  readonly functions: string[] = [];
  private names = 0;

  constant(value: unknown): string {
    this.constants.push(value);
    return `c[${this.constants.length - 1}]`;
  }

  fresh(prefix: string): string {
    return `${prefix}${this.names++}`;
  }

  /** Statements that check the value in variable `v` and put the output in the declared variable `out`, or return R. */
  check(node: Node, v: string, out: string): string {
    if (node.fallback !== undefined) throw new Unsupported('fallback');
    if (node.pipe) {
      // valibot's pipe is `[schema, ...actions]`: the schema as it was before `v.pipe`, then its actions.
      const [first, ...actions] = node.pipe;
      return `${this.check(first!, v, out)}\n${actions.map((a) => `if (!(${this.test(a, out)})) return R;`).join('\n')}`;
    }
    switch (node.type) {
      case 'string':
        return `if (typeof ${v} !== 'string') return R;\n${out} = ${v};`;
      case 'number':
        return `if (typeof ${v} !== 'number' || ${v} !== ${v}) return R;\n${out} = ${v};`;
      case 'boolean':
        return `if (typeof ${v} !== 'boolean') return R;\n${out} = ${v};`;
      case 'literal':
        return `if (${v} !== ${this.constant(node.literal)}) return R;\n${out} = ${v};`;
      case 'picklist':
        return `if (!${this.constant(node.options ?? [])}.includes(${v})) return R;\n${out} = ${v};`;
      case 'nullable':
      case 'optional': {
        if (node.default !== undefined || !node.wrapped) throw new Unsupported(`${node.type} with a default`);
        const empty = node.type === 'nullable' ? 'null' : 'undefined';
        return `if (${v} === ${empty}) ${out} = ${v};\nelse {\n${this.check(node.wrapped, v, out)}\n}`;
      }
      case 'array':
      case 'object': {
        const f = node.type === 'array' ? this.array(node) : this.object(node);
        return `${out} = ${f}(${v});\nif (${out} === R) return R;`;
      }
    }
    throw new Unsupported(`schema ${node.type}`);
  }

  /** The test of one validation action of a pipe on the value in `x`. */
  private test(node: Node, x: string): string {
    if (node.kind !== 'validation') throw new Unsupported(`pipe item ${node.kind} ${node.type}`);
    const r = node.requirement;
    switch (node.type) {
      case 'integer':
        return `Number.isInteger(${x})`;
      case 'min_value':
        if (typeof r !== 'number') break;
        return `${x} >= ${this.constant(r)}`;
      case 'min_length':
        if (typeof r !== 'number') break;
        return `${x}.length >= ${this.constant(r)}`;
      case 'regex':
        if (!(r instanceof RegExp)) break;
        return `${this.constant(r)}.test(${x})`;
    }
    throw new Unsupported(`action ${node.type}`);
  }

  private array(node: Node): string {
    const name = this.fresh('a');
    const v = this.fresh('v');
    const w = this.fresh('w');
    const body = this.check(node.item!, v, w);
    this.functions.push(
      `function ${name}(x) {\nif (!Array.isArray(x)) return R;\nconst o = [];\nfor (let i = 0; i < x.length; i++) {\nconst ${v} = x[i];\nlet ${w};\n${body}\no.push(${w});\n}\nreturn o;\n}`,
    );
    return name;
  }

  private object(node: Node): string {
    const entries = Object.entries(node.entries!);
    if (entries.some(([, e]) => e.type === 'exact_optional' || e.type === 'nullish'))
      throw new Unsupported('exact_optional or nullish entry');
    const name = this.fresh('o');
    const fields = entries.map(([key, schema]) => {
      const k = JSON.stringify(key);
      const v = this.fresh('v');
      const w = this.fresh('w');
      // valibot lets a key be absent when its schema's own type is optional (pipe or not).
      const absent = schema.type === 'optional' ? '' : ' else return R;';
      return `if (${k} in x) {\nconst ${v} = x[${k}];\nlet ${w};\n${this.check(schema, v, w)}\no[${k}] = ${w};\n}${absent}`;
    });
    this.functions.push(
      `function ${name}(x) {\nif (!x || typeof x !== 'object') return R;\nconst o = {};\n${fields.join('\n')}\nreturn o;\n}`,
    );
    return name;
  }
}

function compileNode(node: Node): Check {
  const w = new Writer();
  const out = w.fresh('w');
  const root = `function check(x) {\nlet ${out};\n${w.check(node, 'x', out)}\nreturn ${out};\n}`;
  // The checking code is written from the schema, never from input, and runs at build time only (Node).
  const make = new Function('c', 'R', `'use strict';\n${w.functions.join('\n')}\n${root}\nreturn check;`) as (
    c: unknown[],
    r: symbol,
  ) => Check;
  return make(w.constants, REFUSED);
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
