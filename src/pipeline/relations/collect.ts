/**
 * Gathers relations found anywhere in a document into one relation per (type, source, target),
 * with every place that states it as evidence. Ids are stable: `${type}:${source}->${target}`,
 * with the two ends of an undirected relation in sorted order.
 */
import type { Relation, Span } from '../../model/schema';
import { RELATION_CUES } from './cues';
import type { Found } from './matchers';

/** The type of the weak link drawn when nothing types a pair that shares a sentence. */
export const MENTIONED_WITH = 'mentioned-with';

interface Pending {
  type: string;
  source: string;
  target: string;
  directed: boolean;
  evidence: Map<string, Span>;
}

/** True when the relation type has a direction (spokesperson-of) rather than two equal sides (spoke-with). */
export function isDirected(type: string): boolean {
  return RELATION_CUES.types[type]?.directed ?? true;
}

/** The stable id of a relation. */
export function relationId(type: string, source: string, target: string): string {
  return `${type}:${source}->${target}`;
}

/** An unordered key for a pair of entities. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export class RelationCollector {
  private readonly byId = new Map<string, Pending>();
  private readonly typedPairs = new Set<string>();

  constructor(private readonly known: ReadonlySet<string>) {}

  /** Adds one finding; ignores self-links and entities the document does not have. */
  add(f: Found): void {
    if (f.source === f.target || !this.known.has(f.source) || !this.known.has(f.target)) return;
    const directed = isDirected(f.type);
    const [source, target] = directed || f.source < f.target ? [f.source, f.target] : [f.target, f.source];
    const id = relationId(f.type, source, target);
    let r = this.byId.get(id);
    if (!r) {
      r = { type: f.type, source, target, directed, evidence: new Map() };
      this.byId.set(id, r);
    }
    r.evidence.set(`${f.start}-${f.end}`, { start: f.start, end: f.end });
    if (f.type !== MENTIONED_WITH) this.typedPairs.add(pairKey(source, target));
  }

  /** True when some typed relation already links the two entities. */
  typed(a: string, b: string): boolean {
    return this.typedPairs.has(pairKey(a, b));
  }

  /** The relations, sorted by id, with counts and drawing weights. */
  relations(): Relation[] {
    return [...this.byId.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, r]) => {
        const evidence = [...r.evidence.values()].sort((a, b) => a.start - b.start || a.end - b.end);
        const unit = RELATION_CUES.types[r.type]?.weight ?? 1;
        return {
          id,
          source: r.source,
          target: r.target,
          type: r.type,
          directed: r.directed,
          count: evidence.length,
          weight: Math.round(unit * evidence.length * 100) / 100,
          evidence,
        };
      });
  }
}
