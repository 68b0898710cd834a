// The single-file build: one minified, self-contained ES module (lit and d3 inside) for <script type="module">.
// The npm build is tsc's own output (dist/**/*.js with .d.ts), where lit and d3 stay dependencies.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { legacyDecorators } from './scripts/legacy-decorators.mjs';
import { collapseTemplateIndentation, minifyCSSLiterals } from './scripts/lit-templates.mjs';

/**
 * The single file takes lit's browser build, which touches the DOM at load: ReactiveElement extends HTMLElement,
 * lit-html makes a TreeWalker of the document. In Node (a server render importing the file) both throw; here
 * they get what lit's Node build has (and src/elements/shared/html-element.ts gives the other elements).
 * @returns {import('rollup').Plugin}
 */
function serverSafeLit() {
  const edits = [
    [/[\\/]@lit[\\/]reactive-element[\\/]reactive-element\.js$/, 'extends HTMLElement', 'extends (globalThis.HTMLElement ?? class {})'],
    [/[\\/]lit-html[\\/]lit-html\.js$/, '=document,', '=globalThis.document??{createTreeWalker(){}},'],
  ];
  return {
    name: 'server-safe-lit',
    transform(code, id) {
      const edit = edits.find(([file]) => file.test(id));
      if (!edit) return null;
      const [, from, to] = edit;
      if (!code.includes(from)) this.error(`${from} not found in ${id}: lit changed, update rollup.config.mjs`);
      return code.replace(from, to);
    },
  };
}

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
    serverSafeLit(),
    esbuild({ target: 'es2022', tsconfig: './tsconfig.json' }),
    minifyCSSLiterals(),
    collapseTemplateIndentation(),
  ],
};
