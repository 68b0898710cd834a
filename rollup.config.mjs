// The single-file build: one minified, self-contained ES module (lit and d3 inside) for <script type="module">.
// The npm build is tsc's own output (dist/**/*.js with .d.ts), where lit and d3 stay dependencies.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/**
 * Collapses the whitespace of the project's `css` template literals (indentation and newlines are most of their
 * bytes). Only whitespace is touched, and a space stays wherever it can be a descendant combinator.
 */
function collapseCSS() {
  return {
    name: 'collapse-css-literals',
    transform(code, id) {
      if (!id.includes('/src/') || !code.includes('css`')) return null;
      const collapsed = code.replace(/\bcss`([^`]*)`/g, (_, body) =>
        `css\`${body.replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').replace(/:\s+/g, ':').trim()}\``,
      );
      return { code: collapsed, map: null };
    },
  };
}

/**
 * Shrinks the indentation inside Lit `html` and `svg` templates: a run of whitespace that contains a newline
 * becomes one space, which HTML and SVG render exactly as they render the run. Walks the AST (templates nest
 * inside `${…}`), and touches only the templates' static text.
 */
function collapseTemplateIndentation() {
  return {
    name: 'collapse-template-indentation',
    transform(code, id) {
      if (!id.includes('/src/') || !/\b(html|svg)`/.test(code)) return null;
      const edits = [];
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && (node.tag.name === 'html' || node.tag.name === 'svg')) {
          for (const quasi of node.quasi.quasis) {
            const text = code.slice(quasi.start, quasi.end);
            const collapsed = text.replace(/\s*\n\s*/g, ' ');
            if (collapsed !== text) edits.push([quasi.start, quasi.end, collapsed]);
          }
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value);
        }
      };
      visit(this.parse(code));
      let result = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) result = result.slice(0, start) + text + result.slice(end);
      return { code: result, map: null };
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
    esbuild({ target: 'es2022', tsconfig: './tsconfig.json' }),
    collapseCSS(),
    collapseTemplateIndentation(),
  ],
};
