/**
 * `MiniSearch.loadJS` in small steps (see steps.ts). MiniSearch's own `loadJSAsync` yields with
 * `setTimeout(0)` every thousand entries, which browsers clamp to 4 ms: several seconds of waiting on
 * a large index. This fills the same internal maps (`_documentIds`, `_idToShortId`, `_fieldLength`,
 * `_storedFields`, `_index`) as `loadJS` does for serialization version 2, checked against it by
 * tests/unit/searchLoad.test.ts.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Steps } from './steps';

interface Internals {
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, unknown>;
  _index: { set(term: string, data: Map<number, Map<number, number>>): void };
}

/** How many entries between two yields (a yield is only a check of the clock unless the slice is over). */
const STEP = 2048;

/** Loads a serialized index like `MiniSearch.loadJS`, yielding between steps. */
export function* loadIndexSteps<T>(js: AsPlainObject, options: Options<T>): Steps<MiniSearch<T>> {
  if (js.serializationVersion !== 2) return MiniSearch.loadJS<T>(js, options);
  const index = MiniSearch.loadJS<T>({ ...js, index: [], documentIds: {}, fieldLength: {}, storedFields: {} }, options);
  const ms = index as unknown as Internals;
  let n = 0;
  for (const key in js.documentIds) {
    const short = parseInt(key, 10);
    const id = js.documentIds[key];
    ms._documentIds.set(short, id);
    ms._idToShortId.set(id, short);
    if (++n % STEP === 0) yield;
  }
  for (const key in js.fieldLength) {
    ms._fieldLength.set(parseInt(key, 10), js.fieldLength[key]!);
    if (++n % STEP === 0) yield;
  }
  for (const key in js.storedFields) {
    ms._storedFields.set(parseInt(key, 10), js.storedFields[key]);
    if (++n % STEP === 0) yield;
  }
  for (const [term, data] of js.index) {
    const fields = new Map<number, Map<number, number>>();
    for (const fieldId in data) {
      const docs = new Map<number, number>();
      const freqs = data[fieldId]!;
      for (const doc in freqs) {
        docs.set(parseInt(doc, 10), freqs[doc]!);
        if (++n % STEP === 0) yield;
      }
      fields.set(parseInt(fieldId, 10), docs);
    }
    ms._index.set(term, fields);
  }
  return index;
}
