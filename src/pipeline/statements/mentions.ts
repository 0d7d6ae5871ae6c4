/**
 * Entity mentions as an index the statements stage can ask: which entity is named inside a
 * span, which person was mentioned last before a point, does a name cover a token.
 */
import type { Entity, EntityType } from '../../model/schema';
import { normCached } from './tokens';

export interface MentionRef {
  start: number;
  end: number;
  entity: string;
  type: EntityType;
  kind?: string;
}

export class MentionIndex {
  readonly all: MentionRef[];
  private readonly entities: Entity[];
  /** `reach[i]`: the furthest end of `all[0..i]`, so `covers` can rule most tokens out without a scan. */
  private readonly reach: number[];

  constructor(entities: Entity[]) {
    this.entities = entities;
    this.all = entities
      .flatMap((e) =>
        e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e.id, type: e.type, ...(m.kind ? { kind: m.kind } : {}) })),
      )
      .sort((a, b) => a.start - b.start || b.end - a.end);
    this.reach = [];
    let far = -1;
    for (const m of this.all) this.reach.push((far = Math.max(far, m.end)));
  }

  /** Mentions overlapping `[start, end)`. */
  within(start: number, end: number): MentionRef[] {
    // A loop rather than `.filter(callback)`: called by most statement and event rules, into which V8
    // inlines it, and an inlined `.filter` is a much larger graph to compile.
    const out: MentionRef[] = [];
    for (let k = 0; k < this.all.length; k++) {
      const m = this.all[k]!;
      if (m.start < end && m.end > start) out.push(m);
    }
    return out;
  }

  /** Is `[start, end)` inside some mention (a name such as روسيا اليوم)? */
  covers(start: number, end: number): boolean {
    // Mentions starting at or before `start` are a prefix of `all`; none of them reaching `end` settles it.
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.all[mid]!.start <= start) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0 || this.reach[lo - 1]! < end) return false;
    for (let k = 0; k < lo; k++) {
      const m = this.all[k]!;
      if (m.end >= end && m.end - m.start > end - start) return true;
    }
    return false;
  }

  /** The persons mentioned in `[from, before)`, latest first. */
  personsBefore(from: number, before: number): MentionRef[] {
    return this.all.filter((m) => m.type === 'person' && m.start >= from && m.end <= before).reverse();
  }

  private readonly names = new Map<string, string | null>();

  /** The entity whose name (label or alias) is `name`, if it is mentioned in the document. */
  byName(name: string): string | null {
    const hit = this.names.get(name);
    if (hit !== undefined) return hit;
    const id = this.findByName(name);
    this.names.set(name, id);
    return id;
  }

  /** Normalised name → the first mentioned entity with that label or alias, built on first use. */
  private nameIndex: Map<string, string> | null = null;

  private findByName(name: string): string | null {
    if (!this.nameIndex) {
      this.nameIndex = new Map();
      for (const x of this.entities) {
        if (x.mentions.length === 0) continue;
        for (const n of [x.label.ar, x.label.en, ...x.aliases]) {
          if (n === undefined) continue;
          const key = normCached(n);
          if (!this.nameIndex.has(key)) this.nameIndex.set(key, x.id);
        }
      }
    }
    return this.nameIndex.get(normCached(name)) ?? null;
  }
}
