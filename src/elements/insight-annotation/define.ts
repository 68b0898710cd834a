import { InsightAnnotationElement } from './insight-annotation.js';

if (globalThis.customElements && !customElements.get('insight-annotation')) customElements.define('insight-annotation', InsightAnnotationElement);

declare global {
  interface HTMLElementTagNameMap {
    'insight-annotation': InsightAnnotationElement;
  }
}

export { InsightAnnotationElement };
