import type { Decorator, Loader, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { configure } from '../src/index.ts';
import { FIXTURE_INSTANCE, fixtureFetch, resetFixtures } from './fixture-fetch.ts';

// Every story talks to the fixture resolvers running in this page (fixture-fetch.ts): no server, no network.
// No retries, so error stories show their error at once; a short poll, so the processing story finishes soon.
configure({ instance: FIXTURE_INSTANCE, fetch: fixtureFetch, retries: 0, pollInterval: 1500 });
// Pinned, so dates and numbers read the same on every machine.
document.documentElement.lang = 'en-US';

/** Each story starts as a fresh page would: fixtures from the start, no answers cached by the shared clients. */
const freshFixtures: Loader = async () => {
  resetFixtures();
  configure({});
  return {};
};

/**
 * `parameters.surface`: `dark` puts the story on a dark page (pair it with `theme="dark"`), and `width` narrows
 * the story to that many pixels, as a wiki column would.
 */
const surface: Decorator = (story, context) => {
  const { dark = false, width } = (context.parameters.surface ?? {}) as { dark?: boolean; width?: number };
  document.body.classList.toggle('story-dark', dark);
  return html`<div class="story-surface" style=${width ? `max-width: ${width}px` : ''}>${story()}</div>`;
};

const styles = document.createElement('style');
styles.textContent = `
  body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2328; background: #f6f8fa; }
  body.story-dark { color: #e6edf3; background: #0d1117; }
  .story-surface { max-width: 960px; }
  .story-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr)); gap: 1rem; }
`;
document.head.append(styles);

const preview: Preview = {
  loaders: [freshFixtures],
  decorators: [surface],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};
export default preview;
