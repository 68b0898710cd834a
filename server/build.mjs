// Builds the server package into server/dist: the CLI as one Node bundle (graphql, nodemailer and the chart code
// inside; only the optional @resvg/resvg-js stays outside), the GraphQL schema it serves, and what `--demo` serves:
// the demo pages and the elements' single file, copied from the elements package's build so this package runs
// the demo on its own. The elements package must be built first (the root `npm run build` does both, in order).
import { chmodSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const out = here('./dist/');
const elementsBuild = here('../dist/');

if (!existsSync(`${elementsBuild}code-insights.js`)) {
  console.error('server/build.mjs: ../dist/code-insights.js is missing: build the elements first (npm run build at the root).');
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [here('./cli.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: `${out}cli.js`,
  external: ['@resvg/resvg-js'],
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
// npm makes a bin executable when it installs a tarball, not when it links a workspace: `npx code-insights-server`
// in a checkout runs this very file.
chmodSync(`${out}cli.js`, 0o755);
cpSync(here('./graphql/schema.graphql'), `${out}schema.graphql`);
cpSync(here('../demo/'), `${out}demo/`, { recursive: true });
// Served under /dist/ by --demo: the single file and, when built, the translations beside it. Nothing else of the
// elements' build (its per-module files, maps) is served.
mkdirSync(`${out}assets/`, { recursive: true });
cpSync(`${elementsBuild}code-insights.js`, `${out}assets/code-insights.js`);
// Its source map for the browser's developer tools in a checkout (the package's `files` leave maps out).
if (existsSync(`${elementsBuild}code-insights.js.map`)) cpSync(`${elementsBuild}code-insights.js.map`, `${out}assets/code-insights.js.map`);
if (existsSync(`${elementsBuild}locales/`)) {
  cpSync(`${elementsBuild}locales/`, `${out}assets/locales/`, { recursive: true, filter: (path) => !path.endsWith('.d.ts') });
}
