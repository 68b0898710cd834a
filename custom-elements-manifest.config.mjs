// custom-elements.json from the classes' JSDoc (@summary, @slot, @csspart, @cssprop, @fires): editors, Storybook and
// the README read it. Only the element sources: not dist/, stories or tests.
export default {
  globs: ['src/elements/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/views/**'],
  outdir: '.',
  litelement: true,
  // The manifest test runs the analyzer into a scratch directory: it must not point package.json there.
  packagejson: false,
};
