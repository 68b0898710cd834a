import '../code-insight/define.js';
import { InsightsDashboardElement } from './insights-dashboard.js';

if (globalThis.customElements && !customElements.get('insights-dashboard')) customElements.define('insights-dashboard', InsightsDashboardElement);

declare global {
  interface HTMLElementTagNameMap {
    'insights-dashboard': InsightsDashboardElement;
  }
}

export { InsightsDashboardElement };
