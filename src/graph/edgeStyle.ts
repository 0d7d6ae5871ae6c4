/**
 * How each relation type is drawn: a dash pattern and a width factor, so types stay apart in
 * greyscale and for colour-blind readers; direction is an arrowhead. The legend reads this too.
 */

/** Relation types in the order the filters and the legend list them. */
export const RELATION_TYPES = [
  'spoke-with',
  'said-to',
  'quoted-by',
  'spokesperson-of',
  'chair-of',
  'member-of',
  'deputy-of',
  'adviser-to',
  'against',
  'located-in',
  'mentioned-with',
] as const;

export type RelationType = (typeof RELATION_TYPES)[number];

export interface EdgeStyle {
  /** SVG stroke-dasharray ('' for solid). */
  dash: string;
  /** Multiplies the weight-based width. */
  width: number;
  /** CSS colour (a design token). */
  color: string;
  /** Faint, for the weak co-occurrence link. */
  faint?: boolean;
}

const ROLE: EdgeStyle = { dash: '', width: 1, color: 'var(--color-text-muted)' };

export const EDGE_STYLES: Record<string, EdgeStyle> = {
  'spoke-with': { dash: '', width: 1.6, color: 'var(--color-accent)' },
  'said-to': { dash: '7 3', width: 1.2, color: 'var(--color-accent)' },
  'quoted-by': { dash: '2 3', width: 1.2, color: 'var(--color-accent)' },
  'spokesperson-of': ROLE,
  'chair-of': ROLE,
  'member-of': ROLE,
  'deputy-of': ROLE,
  'adviser-to': ROLE,
  against: { dash: '10 3 2 3', width: 1.3, color: 'var(--color-focus)' },
  'located-in': { dash: '1 4', width: 1, color: 'var(--color-place)' },
  'mentioned-with': { dash: '', width: 0.6, color: 'var(--color-border)', faint: true },
};

/** The style of a relation type (unknown types draw like roles). */
export const edgeStyle = (type: string): EdgeStyle => EDGE_STYLES[type] ?? ROLE;

/** Stroke width for an edge: grows with the square root of its weight, capped. */
export const edgeWidth = (type: string, weight: number): number =>
  Math.min(5, (0.8 + Math.sqrt(weight) * 0.6) * edgeStyle(type).width);
