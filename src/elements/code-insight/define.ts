import { CodeInsightElement } from './code-insight.js';

// Only where there is a registry (Node has none, and a server render imports this), and only when the tag is free:
// two copies of the library (an app's and a wiki macro's) can then share a page.
if (globalThis.customElements && !customElements.get('code-insight')) customElements.define('code-insight', CodeInsightElement);

declare global {
  interface HTMLElementTagNameMap {
    'code-insight': CodeInsightElement;
  }
}

export { CodeInsightElement };
