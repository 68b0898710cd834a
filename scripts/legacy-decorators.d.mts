import type { Plugin } from 'rollup';

/** The module lit's `decorators/property.js` is loaded as in the single file: its experimental-decorator path. */
export const LEGACY_PROPERTY: string;
export function legacyDecorators(): Plugin;
