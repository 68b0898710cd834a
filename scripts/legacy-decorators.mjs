// A rollup plugin for the single file (rollup.config.mjs). Lit's `@property` handles both TypeScript's
// experimental decorators and the TC39 standard ones; this project compiles with `experimentalDecorators` (see
// tsconfig.json), so the standard path (accessor and setter decorators, their metadata map) can never run. The
// module is loaded as its experimental-decorator path alone: the same calls lit makes there, in the same order.
// `standardProperty` stays exported (lit's decorators.js re-exports everything) and says why it cannot be used.

const PROPERTY = /[\\/]@lit[\\/]reactive-element[\\/]decorators[\\/]property\.js$/;

export const LEGACY_PROPERTY = `
export function property(options) {
  return (proto, name) => {
    const has = proto.hasOwnProperty(name);
    proto.constructor.createProperty(name, options);
    return has ? Object.getOwnPropertyDescriptor(proto, name) : undefined;
  };
}
export function standardProperty() {
  throw Error('This build supports experimental decorators only (tsconfig.json)');
}
`;

/** @returns {import('rollup').Plugin} */
export function legacyDecorators() {
  return {
    name: 'legacy-decorators',
    load(id) {
      return PROPERTY.test(id) ? LEGACY_PROPERTY : null;
    },
  };
}
