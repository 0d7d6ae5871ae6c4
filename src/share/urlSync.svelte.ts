/**
 * Keeps the address bar and the explorer in step, both ways.
 *
 * On load the link is decoded and applied (unknown ids become a plain notice). Afterwards every
 * change is written back: a new selection or view pushes a history entry (so Back undoes it);
 * typing, filters, language and the timeline window replace the current one. Back and Forward
 * re-apply the link. Must be called while a component initialises (it registers effects).
 */
import type { Manifest } from '../model/manifest';
import type { AppState } from '../app/appState.svelte';
import type { I18n } from '../app/i18n.svelte';
import { selectionKey } from '../app/selection';
import type { SelectionState } from '../app/selection.svelte';
import { resolveLink, selectionFields } from './resolve';
import { decode, encode, type UrlState } from './urlState';
import { reportState } from './embedFrame.svelte';

/** How long the state must stay put before a replaced entry is written (ms). */
const URL_QUIET_MS = 300;

interface Deps {
  app: AppState;
  selection: SelectionState;
  i18n: I18n;
  corpus: Manifest;
}

/** Applies a decoded link to the explorer's state, returning notices for what was not found or not valid. */
export function applyLink(params: URLSearchParams, { app, selection, i18n, corpus }: Deps): string[] {
  const { state, notices } = decode(params);
  const resolved = resolveLink(state, corpus);
  if (state.lang) i18n.lang = state.lang;
  app.q = state.q;
  app.types = state.types;
  app.rel = state.rel;
  app.minWeight = state.minWeight;
  app.window = state.from && state.to ? { start: state.from, end: state.to } : undefined;
  app.embed = state.embed;
  app.view = state.view ?? 'reader';
  app.viewFromLink = state.view !== null;
  selection.select(resolved.selection);
  selection.hovered = null;
  if (resolved.doc) selection.doc = resolved.doc;
  const out: string[] = [];
  if (notices.length > 0) out.push(i18n.t('link.ignored', { params: [...new Set(notices.map((n) => n.param))].join(', ') }));
  if (resolved.missing.length > 0)
    out.push(i18n.t('link.missing', { items: resolved.missing.map((m) => `${m.param}=${m.id}`).join(', ') }));
  return out;
}

/** The link for the explorer's current state. */
export function currentState({ app, selection, i18n }: Omit<Deps, 'corpus'>, langInLink: boolean): UrlState {
  return {
    q: app.q,
    ...selectionFields(selection.selected, selection.doc),
    view: app.view === 'reader' && !app.viewFromLink ? null : app.view,
    lang: langInLink ? i18n.lang : null,
    types: app.types,
    rel: app.rel,
    minWeight: app.minWeight,
    from: app.window?.start ?? null,
    to: app.window?.end ?? null,
    embed: app.embed,
  };
}

/**
 * Starts the two-way sync between location and state; returns how to follow a link from elsewhere
 * (an embedding host). With `initial` given (the custom element), the page's own address is
 * neither read nor written: the element's attributes are its link.
 */
export function startUrlSync(deps: Deps, initial?: string): { navigate: (search: string) => void } {
  if (initial !== undefined) {
    deps.app.notices = applyLink(new URLSearchParams(initial), deps);
    return {
      navigate(search: string) {
        deps.app.notices = applyLink(new URLSearchParams(search), deps);
      },
    };
  }
  return syncWithLocation(deps);
}

function syncWithLocation(deps: Deps): { navigate: (search: string) => void } {
  // At build time (the prerendered first view) there is no address: the default view is rendered.
  const initial = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
  // Keep lang in links only once it was in the link or the user switched it, so a shared link
  // without it still opens in each reader's own language.
  let langInLink = initial.has('lang');
  const startLang = deps.i18n.lang;
  deps.app.notices = applyLink(initial, deps);
  let lastKey = deps.selection.selected ? selectionKey(deps.selection.selected) : '';
  let lastView = deps.app.view;

  // Typing a query is written once it pauses: Chromium takes about 10 ms per history.replaceState on
  // a slow phone (CPU 4×), on every keystroke of a search. Every other change is written at once (a
  // new entry for a selection or a view, a replaced one for the rest), with the query as it stands.
  let later: ReturnType<typeof setTimeout> | undefined;
  /** The link without its query, as last written (or found): when only the query differs, the write waits. */
  let lastOthers: string | undefined;
  $effect(() => {
    if (deps.i18n.lang !== startLang) langInLink = true;
    const state = currentState(deps, langInLink);
    const next = encode(state).toString();
    const others = encode({ ...state, q: '' }).toString();
    const key = deps.selection.selected ? selectionKey(deps.selection.selected) : '';
    const view = deps.app.view;
    clearTimeout(later);
    if (next === location.search.replace(/^\?/, '')) {
      [lastKey, lastView, lastOthers] = [key, view, others];
      return;
    }
    const url = `${location.pathname}${next ? `?${next}` : ''}${location.hash}`;
    const write = (push: boolean) => {
      if (push) history.pushState(null, '', url);
      else history.replaceState(history.state, '', url);
      [lastKey, lastView, lastOthers] = [key, view, others];
      if (deps.app.embed) reportState(location.search);
    };
    if (key !== lastKey || view !== lastView) write(true);
    else if (others === lastOthers) later = setTimeout(() => write(false), URL_QUIET_MS);
    else write(false);
  });
  $effect(() => () => clearTimeout(later));

  $effect(() => {
    const onPop = () => {
      clearTimeout(later);
      deps.app.notices = applyLink(new URLSearchParams(location.search), deps);
      lastKey = deps.selection.selected ? selectionKey(deps.selection.selected) : '';
      lastView = deps.app.view;
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  });

  return {
    navigate(search: string) {
      clearTimeout(later);
      const params = new URLSearchParams(search);
      // A host asking an embed to navigate keeps it an embed.
      if (deps.app.embed) params.set('embed', '1');
      history.pushState(null, '', `${location.pathname}?${params.toString()}${location.hash}`);
      deps.app.notices = applyLink(params, deps);
      lastKey = deps.selection.selected ? selectionKey(deps.selection.selected) : '';
      lastView = deps.app.view;
    },
  };
}
