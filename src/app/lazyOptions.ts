/**
 * A <select> over a large corpus (a document picker at 10,000 documents) would hold tens of thousands of
 * <option>s that the page builds, hydrates and styles before anyone opens it (measured: 23,000 options,
 * most of the page's elements, at 10,000 documents). Such a list draws only its chosen option until the
 * reader reaches the control (focus or a press, which come before the list opens, so the list it opens is
 * whole); a short list is drawn whole from the start.
 */

/** Lists up to this long are drawn whole at once. */
export const LAZY_OPTIONS_FROM = 200;

/** The options to draw: all of them once the control has been reached or when there are few, else the chosen ones. */
export function shownOptions<T>(all: readonly T[], reached: boolean, chosen: (option: T) => boolean): readonly T[] {
  return reached || all.length <= LAZY_OPTIONS_FROM ? all : all.filter(chosen);
}
