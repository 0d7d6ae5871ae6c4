/**
 * `npm run --silent search -- "QUERY" [--seeds DIR] [--limit N] [--doc ID] [--speaker ID] [--type T]... [--from D] [--to D]`
 * Builds the corpus from seeds/ and the index with the page's own code, then prints the hits as JSON,
 * best first: `[{ doc, kind, start, end, score, text, highlights, ... }]`. Nothing else on stdout;
 * errors go to stderr with exit code 1 (bad data) or 2 (bad usage).
 */
import { resolve } from 'node:path';
import type { EntityType } from '../model/schema';
import { buildCorpus } from '../pipeline/corpus';
import { loadKnowledge } from '../pipeline/knowledge';
import { buildSearchBundle } from '../search/build';
import { loadSearchEngine, type SearchFilters } from '../search/engine';

const USAGE =
  'usage: npm run --silent search -- "QUERY" [--seeds DIR] [--limit N] [--doc ID] [--speaker ID] [--type person|organization|place|other] [--from YYYY-MM-DD] [--to YYYY-MM-DD]';

function main(argv: string[]): number {
  let query: string | undefined;
  let seeds = 'seeds';
  let limit = 20;
  const filters: SearchFilters = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`Isnad: ${arg} needs a value`);
      return next;
    };
    if (arg === '--seeds') seeds = value();
    else if (arg === '--limit') limit = Number(value());
    else if (arg === '--doc') filters.doc = value();
    else if (arg === '--speaker') filters.speaker = value();
    else if (arg === '--type') filters.types = [...(filters.types ?? []), value() as EntityType];
    else if (arg === '--from') filters.from = value();
    else if (arg === '--to') filters.to = value();
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith('--')) throw new UsageError(`Isnad: unknown option ${arg}`);
    else if (query === undefined) query = arg;
    else query += ` ${arg}`;
  }
  if (query === undefined || !Number.isFinite(limit) || limit < 1) throw new UsageError('Isnad: give one QUERY');
  const dir = resolve(seeds);
  const knowledge = loadKnowledge(dir);
  const corpus = buildCorpus(dir, knowledge);
  const names = typeof knowledge.names === 'function' ? knowledge.names() : [];
  const engine = loadSearchEngine(buildSearchBundle(corpus, names), corpus);
  const results = engine.search(query, filters);
  const texts = new Map(corpus.documents.map((d) => [d.id, d.text]));
  const hits = [...results.entities, ...results.statements, ...results.passages]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((h) => ({
      doc: h.doc,
      kind: h.kind,
      start: h.start,
      end: h.end,
      score: Math.round(h.score * 1000) / 1000,
      text: texts.get(h.doc)?.slice(h.start, h.end) ?? '',
      highlights: h.highlights,
      ...(h.entity ? { entity: h.entity, mentions: h.mentions } : {}),
      ...(h.statement ? { statement: h.statement } : {}),
    }));
  process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
  return 0;
}

class UsageError extends Error {}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  if (e instanceof UsageError) process.stderr.write(`${USAGE}\n`);
  process.exitCode = e instanceof UsageError ? 2 : 1;
}
