/**
 * Inside an embed (`?embed=1` in an iframe): tells the host the content's height and the current
 * link, and follows the host's `isnad:navigate` requests. Only messages from the parent window are
 * considered, and only after their shape is checked. Call while a component initialises.
 */
import { parseHostMessage, PROTOCOL_VERSION, type FrameMessage } from './embedProtocol';

/** Starts the frame side of the protocol; `apply` shows the view a link describes. */
export function startEmbedFrame(root: () => HTMLElement | undefined, apply: (search: string) => void): void {
  const parent = window.parent;
  if (parent === window) return; // not framed: nothing to talk to
  // Heights and links are not secret (they are what the frame shows), so '*' is fine for sending.
  const post = (m: FrameMessage) => parent.postMessage(m, '*');

  $effect(() => {
    const el = root();
    if (!el) return;
    let last = -1;
    const report = () => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height !== last) post({ type: 'isnad:height', version: PROTOCOL_VERSION, height: (last = height) });
    };
    const observer = new ResizeObserver(report);
    observer.observe(el);
    report();
    post({ type: 'isnad:ready', version: PROTOCOL_VERSION });
    return () => observer.disconnect();
  });

  $effect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== parent) return;
      const message = parseHostMessage(event.data);
      if (message) apply(message.search);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  });
}

/** Tells the host the current link (called after the URL changes). */
export function reportState(search: string): void {
  if (window.parent !== window) window.parent.postMessage({ type: 'isnad:state', version: PROTOCOL_VERSION, search }, '*');
}
