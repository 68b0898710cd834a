// The single-file build: one minified, self-contained ES module (lit and d3 inside) for <script type="module">.
// The npm build is tsc's own output (dist/**/*.js with .d.ts), where lit and d3 stay dependencies.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { legacyDecorators } from './scripts/legacy-decorators.mjs';
import { collapseTemplateIndentation, minifyCSSLiterals } from './scripts/lit-templates.mjs';

export default {
  input: 'src/bundle.ts',
  output: {
    file: 'dist/code-insights.js',
    format: 'es',
    sourcemap: true,
    plugins: [terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } })],
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    legacyDecorators(),
    esbuild({ target: 'es2022', tsconfig: './tsconfig.json' }),
    minifyCSSLiterals(),
    collapseTemplateIndentation(),
  ],
};
