/**
 * Which lanes the plot draws. A seed article has a handful of speakers and each gets a lane; a
 * thousand articles have thousands (2,300 at 1,000 synthetic documents), and a lane each made the
 * plot 85,000 px tall. So: the top `limit` speakers by number of items, plus any pinned speaker
 * (the one selected in another view), each in its own lane; every other speaker folded into one
 * "others" lane; then the unknown-speaker and events lanes as before. Pure and deterministic.
 */
import { EVENTS_LANE, OTHERS_LANE, UNKNOWN_LANE, type Lane } from './items';

/** How many speaker lanes to show before folding the rest into "others". */
export const DEFAULT_LANE_LIMIT = 10;
/** How many more lanes the "more lanes" control adds. */
export const LANE_STEP = 10;

/** The lanes to draw and how items map onto them. */
export interface LanePlan {
  /** The drawn lanes, in order. The others lane carries the total of the speakers it folds. */
  lanes: Lane[];
  /** Number of speakers folded into the others lane (0: there is none). */
  folded: number;
  /** Number of named speaker lanes in all (drawn or folded). */
  speakers: number;
  /** The drawn lane of an item's own lane key. */
  laneOf: (key: string) => string;
}

/**
 * Plans the lanes from `all` (as `timelineLanes` orders them: named speakers by count, then
 * unknown, then events). `pinned` lane keys are drawn even below the limit, in their count order.
 */
export function planLanes(all: readonly Lane[], limit: number, pinned: readonly string[] = []): LanePlan {
  const special = (k: string) => k === UNKNOWN_LANE || k === EVENTS_LANE;
  const named = all.filter((l) => !special(l.key));
  const pin = new Set(pinned);
  const shown: Lane[] = [];
  let othersCount = 0;
  let folded = 0;
  named.forEach((l, i) => {
    if (i < limit || pin.has(l.key)) shown.push(l);
    else {
      othersCount += l.count;
      folded++;
    }
  });
  // Folding a single speaker would save nothing: it keeps its lane.
  if (folded === 1) {
    const last = named.find((l, i) => i >= limit && !pin.has(l.key)) as Lane;
    shown.push(last);
    shown.sort((a, b) => named.indexOf(a) - named.indexOf(b));
    folded = 0;
    othersCount = 0;
  }
  const drawn = new Set(shown.map((l) => l.key));
  const lanes = [...shown];
  if (folded > 0) lanes.push({ key: OTHERS_LANE, label: null, count: othersCount });
  lanes.push(...all.filter((l) => special(l.key)));
  return {
    lanes,
    folded,
    speakers: named.length,
    laneOf: (key) => (folded > 0 && !special(key) && !drawn.has(key) ? OTHERS_LANE : key),
  };
}
