/**
 * `node --import tsx scripts/devset-statements.ts [FILTER]`: runs the extractor on the
 * development articles in ../shared/devset/articles (when that folder exists; it is not part of
 * the repository) and prints each statement as a careful reader checks it: speaker words →
 * entity (kind), cue, date (with its expression, or "reported"), direct/reported, chain, and
 * the first words of the content; then the events. Nothing is scored: read it and count.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile } from './score-statements';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(root, '../shared/devset/articles');

function main(): void {
  if (!existsSync(dir)) {
    console.log(`Isnad: ${dir} not found; nothing to show.`);
    return;
  }
  const filter = process.argv[2] ?? '';
  let total = 0;
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.txt') && x.includes(filter))
    .sort()) {
    const path = join(dir, f);
    const doc = extractFile(path, path.replace(/\.txt$/, '.meta.json'));
    console.log(
      `\n=== ${f} (${doc.meta.outlet ?? '?'}, ${doc.meta.date ?? 'no date'}): ${doc.statements.length} statements, ${doc.events.length} events`,
    );
    total += doc.statements.length;
    for (const s of doc.statements) {
      const content = s.content ? doc.text.slice(s.content.start, s.content.end).replace(/\s+/g, ' ') : '';
      const when = s.when.reported ? `${s.when.start} (reported)` : `${s.when.start}..${s.when.end} «${s.when.expr?.text ?? ''}»`;
      const chain = (s.chain ?? []).map((c) => c.text || '∅').join(' ← ');
      console.log(
        `- ${s.speakerText?.text ?? '∅'} → ${s.speaker ?? (s.speakers ? s.speakers.join('+') : 'null')} [${s.speakerKind}${s.implicit ? ', carried' : ''}] | ${s.cue?.text} | ${when} | ${s.direct ? 'direct' : 'reported'} | ${chain}\n    ${content.slice(0, 110)}`,
      );
    }
    for (const e of doc.events) {
      console.log(
        `  EVENT ${e.kind} «${e.label}» ${e.when.start}..${e.when.end}${e.future ? ' future' : ''} [${e.participants.join(', ')}]`,
      );
    }
  }
  console.log(`\n${total} statements in all.`);
}

main();
