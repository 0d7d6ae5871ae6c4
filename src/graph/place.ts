/**
 * Where to draw an entity the layout does not place (documents that arrived after the layout was
 * computed): beside its first placed neighbour, else on a ring around the centre, at an angle taken
 * from its id. Deterministic, and it never moves the nodes already placed.
 */

/** A stable angle in [0, 2π) from a string (FNV-1a). */
export function angleOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) / 4294967296) * 2 * Math.PI;
}

/** A position for `id`, next to a placed neighbour when it has one. */
export function fallbackPlace(
  id: string,
  neighbours: Iterable<string> | undefined,
  placed: ReadonlyMap<string, { x: number; y: number; r: number }>,
  width: number,
  height: number,
): { x: number; y: number } {
  const a = angleOf(id);
  const near = [...(neighbours ?? [])]
    .filter((n) => placed.has(n))
    .sort()
    .map((n) => placed.get(n)!)[0];
  if (near) {
    const d = near.r + 18;
    return { x: Math.round((near.x + d * Math.cos(a)) * 10) / 10, y: Math.round((near.y + d * Math.sin(a)) * 10) / 10 };
  }
  const d = Math.min(width, height) * 0.45;
  return { x: Math.round((width / 2 + d * Math.cos(a)) * 10) / 10, y: Math.round((height / 2 + d * Math.sin(a)) * 10) / 10 };
}
