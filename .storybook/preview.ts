import { setCustomElementsManifest, type Decorator, type Loader, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { configure } from '../src/index.ts';
import { FIXTURE_INSTANCE, fixtureFetch, resetFixtures } from './fixture-fetch.ts';
import customElements from '../custom-elements.json';
import { argTypesOf, eventNames, type Manifest } from './element-api.ts';
import { withEventActions } from './event-actions.ts';

const manifest = customElements as Manifest;
// The components' descriptions come from the manifest (generated from the elements' JSDoc by `npm run analyze`).
setCustomElementsManifest(manifest);

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
  // A docs page for every component, from its stories and the manifest.
  tags: ['autodocs'],
  loaders: [freshFixtures],
  decorators: [surface, withEventActions],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // A story's `component` gets one control per public attribute or property, derived from the manifest
    // (element-api.ts), instead of Storybook's own reading of it (each property twice, "Set object" for unions).
    docs: { extractArgTypes: (tagName: string) => argTypesOf(manifest, tagName) },
    // Every element's events, as they bubble out of the story, go to the Actions panel (event-actions.ts).
    actions: { handles: eventNames(manifest) },
  },
};
export default preview;
