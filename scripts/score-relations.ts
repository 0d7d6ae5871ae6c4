/**
 * `node --import tsx scripts/score-relations.ts [--oracle] [--json]`
 *
 * Scores relation extraction on the seed against tests/fixtures/gold/seed-relations.json.
 * By default the whole pipeline runs (its entities are matched to the gold entities by the
 * words of their mentions); with --oracle the gold entities stand in for the entities stage,
 * so the figure measures the relation rules alone.
 *
 * Reports, per gold relation: typed (right type, right direction), untyped (only a
 * mentioned-with link), or missing; then recall, precision of typed predictions among the
 * gold entities, and how many mentioned-with links stand where a typed one was possible.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extractRelations } from '../src/pipeline/relations';
import { isDirected } from '../src/pipeline/relations/collect';
import { fold } from '../src/pipeline/relations/fold';
import type { IsnadDocument } from '../src/model/schema';
import { makeDoc, type EntitySpec } from '../tests/fixtures/articles/relations/fixture';

interface GoldRelation {
  type: string;
  source: string;
  target: string;
  required?: boolean;
  /** 'statements': known only through the statements stage's chains (absent with --oracle). */
  from?: string;
  note?: string;
}
interface Gold {
  file: string;
  entities: EntitySpec[];
  relations: GoldRelation[];
}

const args = new Set(process.argv.slice(2));
const gold = JSON.parse(readFileSync('tests/fixtures/gold/seed-relations.json', 'utf8')) as Gold;
const bytes = readFileSync(gold.file);

async function run(): Promise<IsnadDocument | ReturnType<typeof extractRelations>> {
  if (args.has('--oracle')) return extractRelations(makeDoc(new TextDecoder().decode(bytes), gold.entities));
  // Loaded only when needed, so --oracle works while other stages are being rewritten.
  const { extractDocument } = await import('../src/pipeline/extract');
  const { loadKnowledge } = await import('../src/pipeline/knowledge');
  const sidecar = gold.file.replace(/\.txt$/, '.meta.json');
  return extractDocument(bytes, gold.file.replace(/^seeds\//, ''), loadKnowledge('seeds'), {
    ...(existsSync(sidecar) ? { sidecar: readFileSync(sidecar, 'utf8'), sidecarFile: basename(sidecar) } : {}),
  });
}

const doc = await run();
// Map each pipeline entity to a gold entity by id or by the words of its mentions.
const goldByName = new Map<string, string>();
for (const g of gold.entities) for (const n of g.names) goldByName.set(fold(n), g.id);
const namesByLength = [...goldByName.keys()].sort((a, b) => b.length - a.length);
function containedName(text: string): string | undefined {
  const words = ` ${text} `;
  const name = namesByLength.find((n) => n.length >= 4 && words.includes(` ${n} `));
  return name === undefined ? undefined : goldByName.get(name);
}
const toGold = new Map<string, string>();
for (const e of doc.entities) {
  if (gold.entities.some((g) => g.id === e.id)) {
    toGold.set(e.id, e.id);
    continue;
  }
  const counts = new Map<string, number>();
  for (const m of e.mentions) {
    // The whole mention, else the longest gold name it contains as whole words (شبكة فوكس نيوز ⊃ فوكس نيوز).
    const text = fold(doc.text.slice(m.start, m.end)).replace(/^ل(?=ل)/, '');
    const g = goldByName.get(text) ?? containedName(text);
    if (g) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (best) toGold.set(e.id, best[0]);
}

const key = (type: string, s: string, t: string) => (isDirected(type) || s < t ? `${type}|${s}|${t}` : `${type}|${t}|${s}`);
const pair = (s: string, t: string) => [s, t].sort().join('|');
const predicted = new Set<string>();
const weakPairs = new Set<string>();
const typedPredictions: string[] = [];
for (const r of doc.relations) {
  const s = toGold.get(r.source);
  const t = toGold.get(r.target);
  if (!s || !t || s === t) continue;
  if (r.type === 'mentioned-with') weakPairs.add(pair(s, t));
  else {
    predicted.add(key(r.type, s, t));
    typedPredictions.push(key(r.type, s, t));
  }
}

const goldKeys = new Set(gold.relations.map((g) => key(g.type, g.source, g.target)));
const rows = gold.relations.map((g) => {
  const typed = predicted.has(key(g.type, g.source, g.target));
  const weak = weakPairs.has(pair(g.source, g.target));
  return { ...g, status: typed ? 'typed' : weak ? 'untyped' : 'missing' };
});
const typedCount = rows.filter((r) => r.status === 'typed').length;
const required = rows.filter((r) => r.required);
const requiredTyped = required.filter((r) => r.status === 'typed').length;
const correct = typedPredictions.filter((k) => goldKeys.has(k)).length;
const goldPairs = new Set(gold.relations.map((g) => pair(g.source, g.target)));
const weakWhereTyped = [...weakPairs].filter((p) => goldPairs.has(p)).length;
const summary = {
  mode: args.has('--oracle') ? 'oracle entities' : 'pipeline entities',
  entitiesMatched: new Set(toGold.values()).size,
  goldEntities: gold.entities.length,
  requiredTyped: `${requiredTyped}/${required.length}`,
  goldTyped: `${typedCount}/${rows.length}`,
  typedPredictionsAmongGoldEntities: typedPredictions.length,
  precisionAmongGoldEntities: typedPredictions.length ? Math.round((correct / typedPredictions.length) * 100) / 100 : null,
  mentionedWithWhereTypedWasPossible: weakWhereTyped,
  mentionedWithTotal: doc.relations.filter((r) => r.type === 'mentioned-with').length,
  relationsTotal: doc.relations.length,
};

if (args.has('--json')) {
  process.stdout.write(`${JSON.stringify({ summary, rows }, null, 2)}\n`);
} else {
  for (const r of rows) {
    const mark = r.status === 'typed' ? '✓' : r.status === 'untyped' ? '~' : '✗';
    process.stdout.write(`${mark} ${r.required ? '*' : ' '} ${r.type.padEnd(16)} ${r.source} → ${r.target}\n`);
  }
  const extra = typedPredictions.filter((k) => !goldKeys.has(k));
  if (extra.length) process.stdout.write(`\nTyped, not in gold:\n${extra.map((k) => `  ${k.replace(/\|/g, ' ')}`).join('\n')}\n`);
  process.stdout.write(
    `\n${Object.entries(summary)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n')}\n`,
  );
}
