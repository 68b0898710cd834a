/**
 * Entry of the single-file build (`dist/code-insights.js`): everything `index.ts` has, plus
 * `window.CodeInsights` so a page without a module script of its own can call `configure()`.
 */
import { configure } from './index.js';

export * from './index.js';

declare global {
  interface Window {
    CodeInsights: { configure: typeof configure };
  }
}

window.CodeInsights = { ...window.CodeInsights, configure };
