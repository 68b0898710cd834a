import type { Plugin } from 'rollup';

export function minifyCSS(text: string): string;
export function minifyCSSLiterals(): Plugin;
export function collapseTemplateIndentation(): Plugin;
