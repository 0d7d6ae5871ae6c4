/**
 * Keyboard movement in the diagram: an arrow key goes to the neighbour that lies most nearly
 * in that direction on screen; with no neighbour that way, to the nearest node that way.
 * The diagram is never mirrored, so ArrowRight always means rightwards.
 */

export type ArrowKey = 'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown';

const DIRECTIONS: Record<ArrowKey, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** True for the four arrow keys. */
export const isArrow = (key: string): key is ArrowKey => key in DIRECTIONS;

/** The best candidate in the key's direction: small distance, small angle (within 75°). */
function best(
  from: { x: number; y: number },
  key: ArrowKey,
  candidates: Iterable<[string, { x: number; y: number }]>,
): string | undefined {
  const [ux, uy] = DIRECTIONS[key];
  let pick: string | undefined;
  let score = Infinity;
  for (const [id, p] of candidates) {
    const dx = p.x - from.x;
    const dy = p.y - from.y;
    const d = Math.hypot(dx, dy);
    if (d === 0) continue;
    const cos = (dx * ux + dy * uy) / d;
    if (cos < 0.26) continue;
    const s = d / cos ** 2;
    if (s < score || (s === score && pick !== undefined && id < pick)) {
      score = s;
      pick = id;
    }
  }
  return pick;
}

/** The node to move to from `from` with an arrow key: a neighbour first, else any node. */
export function moveFocus(
  from: string,
  key: ArrowKey,
  positions: ReadonlyMap<string, { x: number; y: number }>,
  neighbours: ReadonlyMap<string, ReadonlySet<string>>,
): string | undefined {
  const p = positions.get(from);
  if (!p) return undefined;
  const near = [...(neighbours.get(from) ?? [])].flatMap((id) => {
    const q = positions.get(id);
    return q ? [[id, q] as [string, { x: number; y: number }]] : [];
  });
  return (
    best(p, key, near) ??
    best(
      p,
      key,
      [...positions].filter(([id]) => id !== from),
    )
  );
}
