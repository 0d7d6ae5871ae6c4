/**
 * The explorer's view state apart from the selection: which view is in front, the query, the
 * filters, the timeline window, embed mode, and notices about links that could not be followed.
 * Everything here is what a shared link reproduces (see src/share/urlSync.svelte.ts).
 */
import { getContext, setContext } from 'svelte';
import type { View } from './views';
import type { EntityTypeFilter } from '../share/urlState';

const KEY = Symbol('isnad-app-state');

export class AppState {
  view = $state<View>('reader');
  /** True when the view was named in the link (an embed then shows only that view). */
  viewFromLink = $state(false);
  q = $state('');
  types = $state<EntityTypeFilter[]>([]);
  rel = $state<string[]>([]);
  minWeight = $state(0);
  window = $state<{ start: string; end: string } | undefined>(undefined);
  embed = $state(false);
  /** Plain-language notices about parts of the link that were ignored. */
  notices = $state<string[]>([]);
}

export function provideAppState(state = new AppState()): AppState {
  return setContext(KEY, state);
}

export function useAppState(): AppState {
  const s = getContext<AppState | undefined>(KEY);
  if (!s) throw new Error('Isnad: useAppState() called outside <App>');
  return s;
}
