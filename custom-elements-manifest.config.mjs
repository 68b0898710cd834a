// custom-elements.json from the classes' JSDoc (@summary, @slot, @csspart, @cssprop, @fires): editors, Storybook and
// the README read it. Only the element sources: not dist/, stories or tests.

/**
 * Leaves private and protected members out: the manifest documents the public API, and an internal field
 * renamed or added must not make the committed manifest stale.
 */
function publicApiOnly() {
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
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
  globs: ['src/elements/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/views/**'],
  outdir: '.',
  litelement: true,
  // The manifest test runs the analyzer into a scratch directory: it must not point package.json there.
  packagejson: false,
  plugins: [publicApiOnly()],
};
