import { CodeInsightElement } from './code-insight.js';

// Registering only when the tag is free lets two copies of the library (an app's and a wiki macro's) share a page.
if (!customElements.get('code-insight')) customElements.define('code-insight', CodeInsightElement);

declare global {
  interface HTMLElementTagNameMap {
    'code-insight': CodeInsightElement;
  }
}

export { CodeInsightElement };
