/**
 * Small lookups the diagram and its card need from the corpus: statements by id and the statements
 * an entity made or is named in (from the manifest), the sentence that holds a span (for quoting
 * evidence, from a loaded document).
 */
import type { IsnadDocument } from '../model/schema';
import type { DocDigest, Manifest, StatementDigest } from '../model/manifest';

/** A statement with the document it belongs to. */
export interface StatementRef {
  doc: DocDigest;
  statement: StatementDigest;
}

/** Every statement of the corpus by id. */
export function statementIndex(corpus: Pick<Manifest, 'documents'>): Map<string, StatementRef> {
  const m = new Map<string, StatementRef>();
  for (const doc of corpus.documents) for (const s of doc.statements) m.set(s.id, { doc, statement: s });
  return m;
}

/** The entity a statement lights up in the diagram: its speaker, else the first of a group. */
export function statementEntity(ref: StatementRef | undefined): string | undefined {
  if (!ref) return undefined;
  const s = ref.statement;
  return s.speaker ?? s.speakers?.[0] ?? undefined;
}

/** The statements an entity made (`said`) or is named in (chain, addressees, group). */
export function statementsOf(corpus: Pick<Manifest, 'documents'>, id: string): { ref: StatementRef; role: 'said' | 'named' }[] {
  const out: { ref: StatementRef; role: 'said' | 'named' }[] = [];
  for (const doc of corpus.documents) {
    for (const s of doc.statements) {
      const group = s.speakers ?? [];
      if (s.speaker === id || group.includes(id)) out.push({ ref: { doc, statement: s }, role: 'said' });
      else if (s.to?.includes(id) || s.chain?.includes(id)) out.push({ ref: { doc, statement: s }, role: 'named' });
    }
  }
  return out;
}

/** The words of a span's sentence, shortened around the span when long: `{before, hit, after}`. */
export function quoteAround(
  doc: IsnadDocument,
  start: number,
  end: number,
  max = 220,
): { before: string; hit: string; after: string } {
  const s = doc.sentences.find((x) => x.start <= start && end <= x.end) ?? { start, end };
  let a = s.start;
  let b = s.end;
  if (b - a > max) {
    const room = Math.max(0, Math.floor((max - (end - start)) / 2));
    a = Math.max(s.start, start - room);
    b = Math.min(s.end, end + room);
  }
  const hitEnd = Math.min(end, b, start + max);
  return {
    before: (a > s.start ? '…' : '') + doc.text.slice(a, start),
    hit: doc.text.slice(start, hitEnd),
    after: doc.text.slice(hitEnd, b) + (b < s.end || hitEnd < end ? '…' : ''),
  };
}
