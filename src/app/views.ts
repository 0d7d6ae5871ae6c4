/** The explorer's views, in tab order. */
export const VIEWS = ['search', 'reader', 'graph', 'timeline'] as const;
export type View = (typeof VIEWS)[number];
