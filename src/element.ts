/**
 * `<isnad-explorer>`: the explorer as a custom element, for hosts that prefer a tag to an iframe.
 *
 *   <script src="https://example.org/isnad/isnad-element.js" defer></script>
 *   <isnad-explorer view="timeline" q="…" lang="ar" style="height: 600px"></isnad-explorer>
 *
 * Attributes are the link parameters (view, q, entity, statement, doc, lang, …). The explorer lives
 * in a shadow root, so the host's styles do not reach it and its styles do not reach the host;
 * only the @font-face rules are added to the document (fonts cannot be declared in a shadow root).
 * Built by scripts/build-element.ts with every component's CSS injected into the shadow root.
 */
import { mount, unmount } from 'svelte';
import source from 'virtual:isnad/corpus';
import layout from 'virtual:isnad/layout';
import App from './app/App.svelte';
import { CorpusStore } from './app/corpusStore.svelte';
import fontsCss from './app/fonts.css?inline';
import themeCss from './app/theme.css?inline';

const PARAMS = ['q', 'entity', 'statement', 'event', 'doc', 'span', 'view', 'lang', 'types', 'rel', 'minWeight', 'from', 'to'];

/** The theme's document rules, rewritten for a shadow root: :root and html/body become :host. */
const hostCss = themeCss
  .replace(/:root\[data-theme='dark'\]/g, ":host([theme='dark'])")
  .replace(/:root:not\(\[data-theme='light'\]\)/g, ":host(:not([theme='light']))")
  .replace(/:root/g, ':host')
  .replace(/html,\s*body\s*\{/g, ':host {');

function addFontsOnce(): void {
  if (document.getElementById('isnad-fonts')) return;
  const style = document.createElement('style');
  style.id = 'isnad-fonts';
  style.textContent = fontsCss;
  document.head.append(style);
}

class IsnadExplorer extends HTMLElement {
  static observedAttributes = PARAMS;
  #app: ReturnType<typeof mount> | null = null;
  #root: ShadowRoot;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
  }

  /** The element's attributes as a link; an embed unless told otherwise. */
  get link(): string {
    const p = new URLSearchParams();
    for (const name of PARAMS) {
      const v = this.getAttribute(name);
      if (v !== null) p.set(name, v);
    }
    p.set('embed', '1');
    return `?${p.toString()}`;
  }

  connectedCallback(): void {
    addFontsOnce();
    this.#render();
  }

  disconnectedCallback(): void {
    if (this.#app) void unmount(this.#app);
    this.#app = null;
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#render();
  }

  #render(): void {
    if (this.#app) void unmount(this.#app);
    this.#root.replaceChildren();
    const style = document.createElement('style');
    style.textContent = `${hostCss}\n:host { display: block; overflow: auto; contain: content; text-align: start; }`;
    const target = document.createElement('div');
    this.#root.append(style, target);
    this.#app = mount(App, { target, props: { store: new CorpusStore(source), layout, link: this.link } });
  }
}

if (!customElements.get('isnad-explorer')) customElements.define('isnad-explorer', IsnadExplorer);
