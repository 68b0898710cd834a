import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  // Docs pages (autodocs) with the props tables and controls of custom-elements.json (see preview.ts).
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Third-party files for `src` stories, served at /data/ beside iframe.html (so `src="data/…"` resolves in dev and in the static build).
  staticDirs: [{ from: '../stories/data', to: '/data' }],
  viteFinal: async (config) => {
    // Dev only: pre-bundle lit's directive-helpers with lit, or Vite serves lit-html's development files un-bundled
    // next to the pre-bundled lit and Lit warns "Multiple versions of Lit loaded".
    config.optimizeDeps ??= {};
    config.optimizeDeps.include = [...(config.optimizeDeps.include ?? []), 'lit', 'lit/directive-helpers.js', 'graphql'];
    // One preview bundle holds lit, d3, graphql-js and the fixtures: large on purpose, and never shipped.
    config.build ??= {};
    config.build.chunkSizeWarningLimit = 2000;
    // package.json's `sideEffects` names the shipped files (dist/); the sources the stories import define the
    // elements as a side effect too, and without this the build would drop src/elements/*/define.ts.
    config.plugins = [
      ...(config.plugins ?? []),
      {
        name: 'source-side-effects',
        transform: (code: string, id: string) => (/\/src\/(index|bundle|elements\/[^/]+\/define)\.ts$/.test(id) ? { code, moduleSideEffects: true, map: null } : null),
      },
    ];
    return config;
  },
};
export default config;
