/**
 * Entry of the single-file build (`dist/code-insights.js`): everything `index.ts` has, plus
 * `window.CodeInsights` so a page without a module script of its own can call `configure()`.
 */
import { configure } from './index.js';

export * from './index.js';

declare global {
  var CodeInsights: { configure: typeof configure };
}

// globalThis is the window in a page, and exists in Node too (server rendering imports this file without throwing).
globalThis.CodeInsights = { ...globalThis.CodeInsights, configure };
