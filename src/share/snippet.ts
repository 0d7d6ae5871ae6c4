/** Writes the embed snippet for a view: an iframe pointing at the explorer plus the sizing loader. */

export interface SnippetOptions {
  /** The explorer's base URL (the folder holding index.html and embed.js), ending in '/'. */
  base: string;
  /** The view's link parameters (without `embed`). */
  params: URLSearchParams;
  /** Title of the frame, for screen readers. */
  title: string;
  /** Keep the frame's view in the host page's hash. */
  follow?: boolean;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML a host page pastes to embed the explorer; every value is attribute-escaped. */
export function embedSnippet({ base, params, title, follow = false }: SnippetOptions): string {
  const p = new URLSearchParams(params);
  p.delete('embed');
  p.set('embed', '1');
  const src = `${base}?${p.toString()}`;
  const followAttr = follow ? ' data-isnad-follow="hash"' : '';
  return (
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" loading="lazy" style="width:100%;height:600px;border:0"${followAttr}></iframe>\n` +
    `<script src="${escapeAttr(`${base}embed.js`)}" async></script>`
  );
}
