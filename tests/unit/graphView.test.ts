import { describe, expect, it } from 'vitest';
import { zoomIdentity } from 'd3-zoom';
import { viewFit } from '../../src/graph/canvasEdges';
import { gestureTransform, layoutPoint, screenMap, worldTransform } from '../../src/graph/view';
import { angleOf, fallbackPlace } from '../../src/graph/place';

/** Applies an SVG "translate(x,y) scale(k)" string to a point. */
function applySvg(transform: string, p: { x: number; y: number }) {
  const [, x, y, k] = /translate\(([-\d.]+),([-\d.]+)\) scale\(([-\d.]+)\)/.exec(transform)!.map(Number);
  return { x: x! + k! * p.x, y: y! + k! * p.y };
}

describe('view math', () => {
  // A 600 × 500 layout in an 800 × 500 box: scale 1, centred with 100 px on each side.
  const fit = viewFit(600, 500, 800, 500);
  const t = zoomIdentity.translate(30, -20).scale(2);

  it('worldTransform inside the viewBox puts a layout point where the zoom says on screen', () => {
    const p = { x: 120, y: 80 };
    const inViewBox = applySvg(worldTransform(t, fit), p);
    const onScreen = { x: fit.dx + fit.scale * inViewBox.x, y: fit.dy + fit.scale * inViewBox.y };
    const m = screenMap(t, fit);
    expect(onScreen.x).toBeCloseTo(p.x * m.k + m.dx, 6);
    expect(onScreen.y).toBeCloseTo(p.y * m.k + m.dy, 6);
    expect(onScreen.x).toBeCloseTo(30 + 2 * (100 + 120), 6);
  });

  it('layoutPoint inverts screenMap', () => {
    const m = screenMap(t, fit);
    const back = layoutPoint(t, fit, 77 * m.k + m.dx, 33 * m.k + m.dy);
    expect(back.x).toBeCloseTo(77, 6);
    expect(back.y).toBeCloseTo(33, 6);
  });

  it('gestureTransform moves what was drawn at one zoom to where another puts it', () => {
    const committed = zoomIdentity.translate(10, 5).scale(1.5);
    expect(gestureTransform(committed, committed)).toBe('');
    const css = gestureTransform(t, committed);
    const [, tx, ty, k] = /translate\(([-\d.]+)px,([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(css)!.map(Number);
    // A point drawn at screen q under `committed` must land at t(committed⁻¹(q)).
    const q = { x: 200, y: 140 };
    const base = { x: (q.x - committed.x) / committed.k, y: (q.y - committed.y) / committed.k };
    expect(tx! + k! * q.x).toBeCloseTo(t.x + t.k * base.x, 2);
    expect(ty! + k! * q.y).toBeCloseTo(t.y + t.k * base.y, 2);
  });
});

describe('fallbackPlace', () => {
  const placed = new Map([
    ['person:a', { x: 100, y: 100, r: 10 }],
    ['person:b', { x: 400, y: 300, r: 6 }],
  ]);

  it('puts an unplaced entity beside a placed neighbour, the same way every time', () => {
    const p = fallbackPlace('person:new', ['person:z', 'person:a'], placed, 600, 500);
    expect(Math.hypot(p.x - 100, p.y - 100)).toBeCloseTo(28, 0);
    expect(fallbackPlace('person:new', ['person:a', 'person:z'], placed, 600, 500)).toEqual(p);
    expect(fallbackPlace('person:other', ['person:a'], placed, 600, 500)).not.toEqual(p);
  });

  it('without a placed neighbour, on a ring inside the drawing', () => {
    const p = fallbackPlace('person:alone', undefined, placed, 600, 500);
    expect(Math.hypot(p.x - 300, p.y - 250)).toBeCloseTo(225, 0);
    expect(angleOf('person:alone')).toBeGreaterThanOrEqual(0);
    expect(angleOf('person:alone')).toBeLessThan(2 * Math.PI);
  });
});
