// custom-elements.json from the classes' JSDoc (@summary, @slot, @csspart, @cssprop, @fires): editors, Storybook and
// the README read it.

/**
 * Leaves private and protected members out: the manifest documents the public API, and an internal field
 * renamed or added must not make the committed manifest stale. Leaves nameless events out too.
 */
function publicApiOnly() {
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          // An event dispatched as \`new SomeEvent(…)\` is found without its name; its @fires tag documents it.
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
          );
        }
      }
    },
  };
}

export default {
  // The elements, their registrations and their events: not the helper modules beside them (menus, loading,
  // the deferred table…), which are internals.
  globs: ['src/elements/*/define.ts', 'src/elements/code-insight/code-insight.ts', 'src/elements/insights-dashboard/insights-dashboard.ts',
    'src/elements/insight-series/insight-series.ts', 'src/elements/insight-annotation/insight-annotation.ts', 'src/events/*.ts'],
  outdir: '.',
  litelement: true,
  // The manifest test runs the analyzer into a scratch directory: it must not point package.json there.
  packagejson: false,
  plugins: [publicApiOnly()],
};
