/**
 * The view as a link: `encode(state) → URLSearchParams` and `decode(params) → state`, a tested pair.
 *
 * Parameters are readable (`?q=بوتين&entity=person:x&view=graph&lang=ar`). Decoding never throws:
 * anything malformed, too long or unknown is dropped, and a notice says what was ignored so the
 * page can tell the user plainly. Nothing decoded here is ever inserted as HTML.
 */
import { VIEWS, type View } from '../app/views';

export const ENTITY_TYPES = ['person', 'organization', 'place', 'other'] as const;
export type EntityTypeFilter = (typeof ENTITY_TYPES)[number];

/** Everything a link can carry. Defaults are omitted from the URL. */
export interface UrlState {
  /** Search query. */
  q: string;
  /** Selected entity id. */
  entity: string | null;
  /** Selected statement id. */
  statement: string | null;
  /** Selected event id. */
  event: string | null;
  /** Document in the reader. */
  doc: string | null;
  /** Selected passage in `doc`, as [start, end) offsets. */
  span: [number, number] | null;
  /** Which view is in front on a phone, or the only view in an embed. */
  view: View | null;
  lang: 'ar' | 'en' | null;
  /** Entity types shown (empty: all). */
  types: EntityTypeFilter[];
  /** Relation types shown in the diagram (empty: all). */
  rel: string[];
  /** Minimum edge weight in the diagram. */
  minWeight: number;
  /** Timeline window, ISO dates. */
  from: string | null;
  to: string | null;
  /** Compact embed mode. */
  embed: boolean;
}

export const DEFAULT_STATE: UrlState = Object.freeze({
  q: '',
  entity: null,
  statement: null,
  event: null,
  doc: null,
  span: null,
  view: null,
  lang: null,
  types: [],
  rel: [],
  minWeight: 0,
  from: null,
  to: null,
  embed: false,
}) as UrlState;

/** Longest accepted values: a query is a few words, an id a slug. */
export const MAX_QUERY = 200;
const MAX_ID = 160;
const ID = /^[\p{L}\p{N}_.:~@+-]+$/u;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const REL_TYPE = /^[a-z][a-z_-]{0,40}$/;

/** A problem found while decoding, for the page to show. */
export interface Notice {
  param: string;
  reason: 'too-long' | 'malformed' | 'unknown-value';
}

function cleanId(value: string | null, param: string, notices: Notice[]): string | null {
  if (value === null || value === '') return null;
  if (value.length > MAX_ID) {
    notices.push({ param, reason: 'too-long' });
    return null;
  }
  if (!ID.test(value)) {
    notices.push({ param, reason: 'malformed' });
    return null;
  }
  return value;
}

function cleanDate(value: string | null, param: string, notices: Notice[]): string | null {
  if (value === null || value === '') return null;
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    notices.push({ param, reason: 'malformed' });
    return null;
  }
  return value;
}

/** Removes control and bidi-override characters from a query: they cannot be typed and only confuse display. */
function cleanQuery(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return value.replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, ' ').trim();
}

/** Decodes URL parameters into a state; never throws, and reports what it ignored. */
export function decode(params: URLSearchParams): { state: UrlState; notices: Notice[] } {
  const notices: Notice[] = [];
  const state: UrlState = { ...DEFAULT_STATE, types: [], rel: [] };
  const q = params.get('q');
  if (q !== null) {
    if (q.length > MAX_QUERY * 4) notices.push({ param: 'q', reason: 'too-long' });
    state.q = cleanQuery(q).slice(0, MAX_QUERY);
  }
  state.entity = cleanId(params.get('entity'), 'entity', notices);
  state.statement = cleanId(params.get('statement'), 'statement', notices);
  state.event = cleanId(params.get('event'), 'event', notices);
  state.doc = cleanId(params.get('doc'), 'doc', notices);

  const span = params.get('span');
  if (span) {
    const m = /^(\d{1,9})-(\d{1,9})$/.exec(span);
    if (m && +m[1]! < +m[2]!) state.span = [+m[1]!, +m[2]!];
    else notices.push({ param: 'span', reason: 'malformed' });
  }

  const view = params.get('view');
  if (view) {
    if ((VIEWS as readonly string[]).includes(view)) state.view = view as View;
    else notices.push({ param: 'view', reason: 'unknown-value' });
  }
  const lang = params.get('lang');
  if (lang) {
    if (lang === 'ar' || lang === 'en') state.lang = lang;
    else notices.push({ param: 'lang', reason: 'unknown-value' });
  }

  const types = params.get('types');
  if (types) {
    const parts = types.split(',').slice(0, 10);
    for (const t of parts) {
      if ((ENTITY_TYPES as readonly string[]).includes(t)) {
        if (!state.types.includes(t as EntityTypeFilter)) state.types.push(t as EntityTypeFilter);
      } else notices.push({ param: 'types', reason: 'unknown-value' });
    }
    state.types.sort();
  }
  const rel = params.get('rel');
  if (rel) {
    for (const r of rel.split(',').slice(0, 30)) {
      if (REL_TYPE.test(r)) {
        if (!state.rel.includes(r)) state.rel.push(r);
      } else notices.push({ param: 'rel', reason: 'malformed' });
    }
    state.rel.sort();
  }
  const minWeight = params.get('minWeight');
  if (minWeight) {
    const n = Number(minWeight);
    if (Number.isFinite(n) && n >= 0 && n <= 1000) state.minWeight = n;
    else notices.push({ param: 'minWeight', reason: 'malformed' });
  }
  state.from = cleanDate(params.get('from'), 'from', notices);
  state.to = cleanDate(params.get('to'), 'to', notices);
  if (state.from && state.to && state.from > state.to) {
    notices.push({ param: 'to', reason: 'malformed' });
    state.to = null;
  }
  const embed = params.get('embed');
  state.embed = embed === '1' || embed === 'true';
  return { state, notices };
}

/** Encodes a state as URL parameters, leaving out defaults so links stay short and readable. */
export function encode(state: UrlState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.entity) p.set('entity', state.entity);
  if (state.statement) p.set('statement', state.statement);
  if (state.event) p.set('event', state.event);
  if (state.doc) p.set('doc', state.doc);
  if (state.span) p.set('span', `${state.span[0]}-${state.span[1]}`);
  if (state.view) p.set('view', state.view);
  if (state.lang) p.set('lang', state.lang);
  if (state.types.length) p.set('types', [...state.types].sort().join(','));
  if (state.rel.length) p.set('rel', [...state.rel].sort().join(','));
  if (state.minWeight) p.set('minWeight', String(state.minWeight));
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.embed) p.set('embed', '1');
  return p;
}

/** True when two states would give the same link. */
export function sameState(a: UrlState, b: UrlState): boolean {
  return encode(a).toString() === encode(b).toString();
}
