/**
 * Entity mentions as an index the statements stage can ask: which entity is named inside a
 * span, which person was mentioned last before a point, does a name cover a token.
 */
import type { Entity, EntityType } from '../../model/schema';
import { normalize } from '../../search/normalize';

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

  constructor(entities: Entity[]) {
    this.entities = entities;
    this.all = entities
      .flatMap((e) =>
        e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e.id, type: e.type, ...(m.kind ? { kind: m.kind } : {}) })),
      )
      .sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** Mentions overlapping `[start, end)`. */
  within(start: number, end: number): MentionRef[] {
    return this.all.filter((m) => m.start < end && m.end > start);
  }

  /** Is `[start, end)` inside some mention (a name such as روسيا اليوم)? */
  covers(start: number, end: number): boolean {
    return this.all.some((m) => m.start <= start && m.end >= end && m.end - m.start > end - start);
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

  private findByName(name: string): string | null {
    const key = normalize(name);
    const e = this.entities.find(
      (x) => x.mentions.length > 0 && [x.label.ar, x.label.en, ...x.aliases].some((n) => n !== undefined && normalize(n) === key),
    );
    return e?.id ?? null;
  }
}
