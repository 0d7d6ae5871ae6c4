/**
 * `node --import tsx scripts/devset-entities.ts [--articles] [--anercorp] [--errors N] [--dump FILE]`
 *
 * Measures the entities stage on the shared development set when `../shared/devset` exists
 * (it is never copied into the repository, and no test depends on it):
 * - `articles/*.txt`: prints the entities found in each article, for a careful reader to check;
 * - `anercorp/train.txt`: exact-span CoNLL scores for PERS, LOC and ORG. Their convention: titles
 *   and nationality adjectives are O, tokens keep their clitics, so each mention (without its
 *   clitics) is mapped back to the tokens it touches; title mentions are not names and are skipped.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractEntities } from '../src/pipeline/entities';
import { loadKnowledge } from '../src/pipeline/knowledge';
import { readSeed } from '../src/pipeline/read';
import { segment } from '../src/pipeline/segment';
import type { EntityType } from '../src/model/schema';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEVSET = resolve(ROOT, '../shared/devset');
const TYPE: Record<EntityType, string | undefined> = { person: 'PERS', place: 'LOC', organization: 'ORG', other: undefined };

function articles(): void {
  const dir = join(DEVSET, 'articles');
  const knowledge = loadKnowledge();
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const sidecar = join(dir, f.replace(/\.txt$/, '.meta.json'));
    const source = readSeed(
      readFileSync(join(dir, f)),
      f,
      existsSync(sidecar) ? { sidecar: readFileSync(sidecar, 'utf8'), sidecarFile: sidecar } : {},
    );
    const doc = extractEntities(segment(source), knowledge);
    console.log(`\n== ${f}: ${doc.entities.length} entities`);
    for (const e of doc.entities) {
      const names = [...new Set(e.mentions.map((m) => doc.text.slice(m.start, m.end) + (m.kind === 'title' ? '*' : '')))];
      console.log(`  ${e.type.padEnd(12)} ${e.id.padEnd(36)} ×${e.mentions.length}  ${names.join(' | ')}`);
    }
  }
}

interface Span {
  start: number;
  end: number;
  type: string;
}

/** Reads ANERcorp: tokens with BIO tags, cut into sentences after runs of `.`. */
function readAnercorp(path: string): { tokens: string[]; tags: string[]; sentenceEnds: number[] } {
  const tokens: string[] = [];
  const tags: string[] = [];
  const sentenceEnds: number[] = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2) continue;
    tags.push(parts.pop()!);
    tokens.push(parts.join(' '));
    if (parts.join('') === '.') sentenceEnds.push(tokens.length);
  }
  if (sentenceEnds[sentenceEnds.length - 1] !== tokens.length) sentenceEnds.push(tokens.length);
  return { tokens, tags, sentenceEnds: sentenceEnds.filter((e, i, a) => i === 0 || e !== a[i - 1]! + 0) };
}

function goldSpans(tags: string[]): Span[] {
  const spans: Span[] = [];
  let cur: Span | undefined;
  tags.forEach((tag, i) => {
    const [bio, type] = tag.split('-') as [string, string | undefined];
    if (cur && (bio !== 'I' || type !== cur.type)) {
      spans.push(cur);
      cur = undefined;
    }
    if (bio === 'B' || (bio === 'I' && !cur)) cur = { start: i, end: i + 1, type: type! };
    else if (bio === 'I' && cur) cur.end = i + 1;
  });
  if (cur) spans.push(cur);
  return spans.filter((s) => s.type !== 'MISC');
}

function anercorp(errors: number, dump?: string): void {
  const { tokens, tags, sentenceEnds } = readAnercorp(join(DEVSET, 'anercorp/train.txt'));
  const knowledge = loadKnowledge();
  const predicted: Span[] = [];
  const CHUNK = 25;
  let docs = 0;
  const t0 = performance.now();
  for (let s = 0; s < sentenceEnds.length; s += CHUNK) {
    const from = s === 0 ? 0 : sentenceEnds[s - 1]!;
    const to = sentenceEnds[Math.min(s + CHUNK, sentenceEnds.length) - 1]!;
    // One sentence per line; each token's offsets kept to map mentions back.
    let text = 'ANERcorp\n\n';
    const offsets: [number, number][] = [];
    let sentence = s;
    for (let i = from; i < to; i++) {
      offsets.push([text.length, text.length + tokens[i]!.length]);
      text += tokens[i]!;
      text += i + 1 === sentenceEnds[sentence] ? '\n' : ' ';
      if (i + 1 === sentenceEnds[sentence]) sentence++;
    }
    const doc = extractEntities(
      segment(readSeed(new TextEncoder().encode(text), `anercorp-${s}.txt`, { defaults: { lang: 'ar', date: null } })),
      knowledge,
    );
    docs++;
    const seen = new Set<string>();
    for (const e of doc.entities) {
      const type = TYPE[e.type];
      if (!type) continue;
      for (const m of e.mentions) {
        if (m.kind === 'title' || m.kind === 'pronoun') continue;
        let a = -1;
        let b = -1;
        offsets.forEach(([os, oe], k) => {
          if (os < m.end && m.start < oe) {
            if (a < 0) a = k;
            b = k;
          }
        });
        if (a < 0) continue;
        const key = `${from + a}:${from + b + 1}`;
        if (seen.has(key)) continue;
        seen.add(key);
        predicted.push({ start: from + a, end: from + b + 1, type });
      }
    }
  }
  const ms = performance.now() - t0;
  const gold = goldSpans(tags);
  const goldKeys = new Map(gold.map((g) => [`${g.start}:${g.end}:${g.type}`, g]));
  const predKeys = new Set(predicted.map((p) => `${p.start}:${p.end}:${p.type}`));
  console.log(
    `\nANERcorp train: ${tokens.length} tokens, ${docs} chunks of ${CHUNK} sentences, ${(docs / (ms / 1000)).toFixed(0)} chunks/s (~${Math.round(tokens.length / docs)} tokens each)`,
  );
  let [tp, np, ng] = [0, 0, 0];
  for (const type of ['PERS', 'LOC', 'ORG']) {
    const g = gold.filter((x) => x.type === type);
    const p = predicted.filter((x) => x.type === type);
    const hit = p.filter((x) => goldKeys.has(`${x.start}:${x.end}:${x.type}`)).length;
    const P = hit / (p.length || 1);
    const R = hit / (g.length || 1);
    console.log(
      `  ${type.padEnd(5)} P ${P.toFixed(3)}  R ${R.toFixed(3)}  F ${((2 * P * R) / (P + R || 1)).toFixed(3)}   (gold ${g.length}, predicted ${p.length}, exact ${hit})`,
    );
    [tp, np, ng] = [tp + hit, np + p.length, ng + g.length];
  }
  const P = tp / np;
  const R = tp / ng;
  console.log(`  micro P ${P.toFixed(3)}  R ${R.toFixed(3)}  F ${((2 * P * R) / (P + R)).toFixed(3)}`);
  if (dump) {
    // Every predicted span (ok / false) and every missed gold span, one a line: diff two runs to see what a change did.
    const words = (x: Span) => tokens.slice(x.start, x.end).join(' ');
    const lines = [
      ...predicted.map(
        (x) => `${x.start}:${x.end} ${x.type} ${goldKeys.has(`${x.start}:${x.end}:${x.type}`) ? 'ok' : 'false'} ${words(x)}`,
      ),
      ...gold
        .filter((g) => !predKeys.has(`${g.start}:${g.end}:${g.type}`))
        .map((g) => `${g.start}:${g.end} ${g.type} missed ${words(g)}`),
    ];
    writeFileSync(dump, lines.sort((x, y) => Number(x.split(':')[0]) - Number(y.split(':')[0])).join('\n') + '\n');
  }
  if (errors > 0) {
    const words = (s: Span) => tokens.slice(s.start, s.end).join(' ');
    const count = (list: Span[]) => {
      const m = new Map<string, number>();
      for (const s of list) m.set(`${s.type} ${words(s)}`, (m.get(`${s.type} ${words(s)}`) ?? 0) + 1);
      return [...m].sort((a, b) => b[1] - a[1]).slice(0, errors);
    };
    console.log('\n  most frequent false spans:');
    for (const [k, n] of count(predicted.filter((p) => !goldKeys.has(`${p.start}:${p.end}:${p.type}`))))
      console.log(`    ${n}\t${k}`);
    const context = (x: Span) =>
      `${tokens.slice(Math.max(0, x.start - 4), x.start).join(' ')} [${words(x)}] ${tokens.slice(x.end, x.end + 3).join(' ')}`;
    const sample = (list: Span[]) =>
      list.filter((_, i) => i % Math.max(1, Math.floor(list.length / errors)) === 0).slice(0, errors);
    for (const type of ['PERS', 'ORG']) {
      console.log(`\n  false ${type} in context (sample):`);
      for (const x of sample(predicted.filter((p) => p.type === type && !goldKeys.has(`${p.start}:${p.end}:${p.type}`))))
        console.log(`    ${context(x)}`);
      console.log(`\n  missed ${type} in context (sample):`);
      for (const x of sample(gold.filter((g) => g.type === type && !predKeys.has(`${g.start}:${g.end}:${g.type}`))))
        console.log(`    ${context(x)}`);
    }
    // Boundary errors: words a predicted span has beyond the gold span it overlaps (same type), and words it lacks.
    const byStart = new Map<number, Span>();
    for (const g of gold) for (let k = g.start; k < g.end; k++) byStart.set(k, g);
    const extra = new Map<string, number>();
    for (const p of predicted) {
      if (goldKeys.has(`${p.start}:${p.end}:${p.type}`)) continue;
      const g = byStart.get(p.start) ?? byStart.get(p.end - 1);
      if (!g || g.type !== p.type) continue;
      for (let k = p.start; k < p.end; k++)
        if (k < g.start || k >= g.end) extra.set(`+${tokens[k]}`, (extra.get(`+${tokens[k]}`) ?? 0) + 1);
      for (let k = g.start; k < g.end; k++)
        if (k < p.start || k >= p.end) extra.set(`-${tokens[k]}`, (extra.get(`-${tokens[k]}`) ?? 0) + 1);
    }
    console.log('\n  boundary errors (+ word too many, - word missing):');
    console.log(
      `    ${[...extra]
        .sort((a, b) => b[1] - a[1])
        .slice(0, errors)
        .map(([w, n]) => `${w} ${n}`)
        .join('  ')}`,
    );
    // Missed spans by length and by what precedes them: where recall is lost.
    for (const type of ['PERS', 'ORG']) {
      const missed = gold.filter((g) => g.type === type && !predKeys.has(`${g.start}:${g.end}:${g.type}`));
      const byLen = new Map<number, number>();
      const prevWord = new Map<string, number>();
      for (const g of missed) {
        byLen.set(Math.min(g.end - g.start, 4), (byLen.get(Math.min(g.end - g.start, 4)) ?? 0) + 1);
        const pw = tokens[g.start - 1] ?? '';
        prevWord.set(pw, (prevWord.get(pw) ?? 0) + 1);
      }
      console.log(
        `\n  missed ${type} by length: ${[...byLen]
          .sort()
          .map(([l, n]) => `${l}${l === 4 ? '+' : ''}w ${n}`)
          .join(', ')}`,
      );
      console.log(
        `  word before missed ${type}: ${[...prevWord]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 40)
          .map(([w, n]) => `${w} ${n}`)
          .join('  ')}`,
      );
    }
    console.log('\n  most frequent missed spans:');
    for (const [k, n] of count(gold.filter((g) => !predKeys.has(`${g.start}:${g.end}:${g.type}`)))) console.log(`    ${n}\t${k}`);
  }
}

function main(argv: string[]): void {
  if (!existsSync(DEVSET)) {
    console.log(`Isnad: no development set at ${DEVSET}; nothing to measure.`);
    return;
  }
  const only = argv.includes('--articles') ? 'articles' : argv.includes('--anercorp') ? 'anercorp' : undefined;
  const at = argv.indexOf('--errors');
  const errors = at >= 0 ? Number(argv[at + 1] ?? 30) : 0;
  if (only !== 'anercorp') articles();
  const dumpAt = argv.indexOf('--dump');
  if (only !== 'articles') anercorp(errors, dumpAt >= 0 ? argv[dumpAt + 1] : undefined);
}

main(process.argv.slice(2));
