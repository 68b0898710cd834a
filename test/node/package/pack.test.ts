/**
 * The package as users get it: `npm pack`, the tarball installed into a scratch project in a temporary folder
 * (with react, as an app would), then every export resolved and imported, the app's TypeScript compiled against
 * the shipped declarations, and three pages rendered in Chromium from the installed files: a plain HTML page with
 * the single file, an app bundle of the per-element entry points, and a React app. The app's sources are in
 * ./app. Needs `npm run build` first (npm test does it); installs with --prefer-offline, so npm's cache serves what
 * `npm ci` already fetched.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { DASHBOARD_IDS, FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { launchChromium } from '../../support/browser.ts';
import { SECURE_TOKEN, startFixtureEndpoint } from '../../support/endpoint.ts';
import { serveFiles } from '../../support/static-server.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const APP_SOURCES = fileURLToPath(new URL('./app/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | Record<string, string>>;
  devDependencies: Record<string, string>;
};

/** npm as a child of `npm test` inherits the project's prefix and package variables: only the user's settings pass. */
const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_(package_|lifecycle_|command$|config_(local_prefix|call)$)|INIT_CWD$)/i.test(key)),
);
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, env: npmEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** A scratch project in `dir` with these dependencies, installed from npm's cache where it can be. */
function npmInstall(dir: string, dependencies: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module', dependencies }));
  npm(['install', '--prefix', dir, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], dir);
}
/** Bytes of the files under `dir`, as `du -sb` counts them (links not followed). */
function duBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).reduce((sum, entry) => (entry.isFile() ? sum + statSync(join(entry.parentPath, entry.name)).size : sum), 0);
}

let work: string;
let app: string;
let files: string[];
let tarball: string;
let typecheck: Promise<{ ok: boolean; output: string }>;
let vueCheck: Promise<{ ok: boolean; output: string }>;
let browser: Browser;
let endpoint: Server;
let endpointOrigin: string;
const pages: Server[] = [];

before(async () => {
  assert.ok(existsSync(join(ROOT, 'dist/code-insights.js')), 'dist/ is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'code-insights-pack-'));
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT)) as {
    filename: string;
    files: { path: string }[];
  }[];
  files = packed.files.map((f) => f.path);
  tarball = packed.filename;

  app = join(work, 'app');
  cpSync(APP_SOURCES, app, { recursive: true });
  const version = (name: string) => manifest.devDependencies[name];
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'scratch-app',
      private: true,
      type: 'module',
      dependencies: {
        [manifest.name]: `file:../${packed.filename}`,
        // A React app installs the wrappers' optional peers itself.
        ...Object.fromEntries(['@lit/react', 'react', 'react-dom', '@types/react', '@types/react-dom'].map((name) => [name, version(name)])),
        // A Vue 3 + TypeScript app as create-vue scaffolds it (in ./vue, with its own tsconfig).
        ...Object.fromEntries(['vue', 'vue-tsc', '@vue/tsconfig', 'typescript'].map((name) => [name, version(name)])),
      },
    }),
  );
  npm(['install', '--prefix', app, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], app);

  // The app's TypeScript, checked by the project's own compiler while the browser tests run.
  typecheck = promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.json')], { cwd: app }).then(
    () => ({ ok: true, output: '' }),
    (error: { stdout?: string; message: string }) => ({ ok: false, output: error.stdout || error.message }),
  );

  // The Vue app's templates, checked by vue-tsc as `npm run type-check` does in a create-vue project.
  vueCheck = promisify(execFile)(process.execPath, [join(app, 'node_modules/vue-tsc/bin/vue-tsc.js'), '-p', join(app, 'vue/tsconfig.json')], { cwd: app }).then(
    () => ({ ok: true, output: '' }),
    (error: { stdout?: string; message: string }) => ({ ok: false, output: error.stdout || error.message }),
  );

  endpoint = await startFixtureEndpoint(0);
  endpointOrigin = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await typecheck?.catch(() => undefined);
  await vueCheck?.catch(() => undefined);
  await browser?.close();
  endpoint?.close();
  for (const page of pages) page.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the builds, declarations, manifest and editor data, and no tests, sources or maps', () => {
  for (const file of [
    'package.json',
    'README.md',
    'LICENSE',
    'custom-elements.json',
    'web-types.json',
    'vscode.html-custom-data.json',
    'dist/code-insights.js',
    'dist/index.js',
    'dist/index.d.ts',
    'dist/react/index.js',
    'dist/react/index.d.ts',
  ]) {
    assert.ok(files.includes(file), `${file} is packed`);
  }
  const unwanted = files.filter((f) => /^(src|test|stories|scripts|bench|server|demo|dist\/server|\.storybook)\/|\.map$|\.tsbuildinfo$/.test(f));
  assert.deepEqual(unwanted, []);
  // The single file is for script tags: React stays out of it.
  const single = readFileSync(join(app, 'node_modules', manifest.name, 'dist/code-insights.js'), 'utf8');
  assert.doesNotMatch(single, /useLayoutEffect|forwardRef/);
});

test("the README's images are absolute URLs into the repository, so the registry's page shows them, and each exists", () => {
  const readme = readFileSync(join(app, 'node_modules', manifest.name, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
  assert.ok(images.length >= 10, `${images.length} images`);
  const base = 'https://raw.githubusercontent.com/code-insights-elements/code-insights-elements/main/';
  const tracked = new Set(execFileSync('git', ['ls-files', 'docs/images'], { cwd: ROOT, encoding: 'utf8' }).split('\n'));
  for (const image of images) {
    assert.ok(image.startsWith(base), image);
    assert.ok(tracked.has(image.slice(base.length)), `${image} is committed to the repository`);
  }
});

test("the packed package.json: where it comes from, caret ranges, React only as optional peers, true sideEffects", () => {
  const packed = JSON.parse(readFileSync(join(app, 'node_modules', manifest.name, 'package.json'), 'utf8')) as {
    repository?: { url: string };
    homepage?: string;
    bugs?: { url: string };
    dependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
    peerDependenciesMeta: Record<string, { optional?: boolean }>;
    sideEffects: string[];
  };
  const repo = 'github.com/code-insights-elements/code-insights-elements';
  assert.match(packed.repository?.url ?? '', new RegExp(`^git\\+https://${repo}\\.git$`));
  assert.match(packed.homepage ?? '', new RegExp(`^https://${repo}`));
  assert.match(packed.bugs?.url ?? '', new RegExp(`^https://${repo}/issues$`));

  // Apps deduplicate lit and d3 with their own copies, within a major version.
  assert.deepEqual(Object.keys(packed.dependencies).sort(), ['@lit/task', 'd3-array', 'lit']);
  for (const [name, range] of Object.entries(packed.dependencies)) assert.match(range, /^\^\d+\.\d+\.\d+$/, name);
  // @lit/react (which wants @types/react) and React only for apps that import `/react`.
  for (const name of ['@lit/react', 'react']) {
    assert.ok(packed.peerDependencies[name], name);
    assert.equal(packed.peerDependenciesMeta[name]?.optional, true, name);
  }

  // Every sideEffects pattern names packed files, and every module that defines elements or a global is named.
  const pattern = (glob: string) => new RegExp(`^${glob.replace(/^\.\//, '').replace(/[.]/g, '\\.').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*')}$`);
  const patterns = packed.sideEffects.map(pattern);
  for (const [i, glob] of packed.sideEffects.entries()) assert.ok(files.some((f) => patterns[i]!.test(f)), `${glob} names a packed file`);
  const effectful = files.filter((f) => /^dist\/(index|bundle|code-insights|elements\/[^/]+\/define)\.js$/.test(f));
  assert.ok(effectful.length >= 7, effectful.join());
  for (const file of effectful) assert.ok(patterns.some((p) => p.test(file)), `${file} is in sideEffects`);
  assert.ok(!patterns.some((p) => p.test('dist/elements/code-insight/code-insight.js') || p.test('dist/configure.js')), 'class and configure modules are side-effect free');
});

test('every export resolves to a packed file, with its declarations, and imports in Node', () => {
  const require = createRequire(join(app, 'package.json'));
  const installed = join(app, 'node_modules', manifest.name);
  // A pattern (`./locales/*.js`) stands for every packed file its target matches: each must resolve too.
  type Target = string | Record<string, string>;
  const expand = (subpath: string, target: Target): [string, Target][] => {
    if (!subpath.includes('*')) return [[subpath, target]];
    const [before, after] = (typeof target === 'string' ? target : target.default!).replace(/^\.\//, '').split('*') as [string, string];
    const names = files
      .filter((f) => f.startsWith(before) && f.endsWith(after) && !f.slice(before.length).includes('/'))
      .map((f) => f.slice(before.length, f.length - after.length));
    assert.ok(names.length >= 4, `${subpath} matches packed files`);
    const fill = (value: string, name: string) => value.replace('*', name);
    return names.map((name) => [fill(subpath, name), typeof target === 'string' ? fill(target, name) : Object.fromEntries(Object.entries(target).map(([k, v]) => [k, fill(v, name)]))]);
  };
  for (const [subpath, target] of Object.entries(manifest.exports).flatMap(([subpath, target]) => expand(subpath, target))) {
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    assert.ok(existsSync(require.resolve(specifier)), specifier);
    if (typeof target === 'object') {
      assert.deepEqual(Object.keys(target)[0], 'types', `${subpath}: types first`);
      assert.ok(existsSync(join(installed, target.types!)), `${subpath}: ${target.types}`);
    }
  }

  // Importing needs a DOM; lit's own server shim (a dependency of the package) is enough to define the elements.
  const script = `
    import { HTMLElement, customElements } from '@lit-labs/ssr-dom-shim';
    Object.assign(globalThis, { HTMLElement, customElements, window: globalThis });
    const root = await import('${manifest.name}');
    const react = await import('${manifest.name}/react');
    const classes = await import('${manifest.name}/elements/code-insight.js');
    const { configure } = await import('${manifest.name}/configure.js');
    await import('${manifest.name}/insight-series.js');
    console.log(JSON.stringify({
      root: Object.keys(root).sort(),
      react: Object.keys(react).sort(),
      sameClass: classes.CodeInsightElement === customElements.get('code-insight'),
      sameConfigure: configure === root.configure,
      tags: ['code-insight', 'insights-dashboard', 'insight-series'].map((tag) => Boolean(customElements.get(tag))),
    }));`;
  const result = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' }));
  for (const name of ['CodeInsightElement', 'InsightsDashboardElement', 'InsightSeriesElement', 'configure', 'InsightLoadEvent', 'InsightErrorEvent', 'InsightPointClickEvent']) {
    assert.ok(result.root.includes(name), name);
  }
  assert.deepEqual(result.react, ['CodeInsight', 'InsightAnnotation', 'InsightSeries', 'InsightsDashboard']);
  assert.equal(result.sameClass, true);
  assert.equal(result.sameConfigure, true);
  assert.deepEqual(result.tags, [true, true, true]);
});

test("a browser app's install: the elements with lit and d3, no React types and no server code", () => {
  // A scratch app that installs the tarball alone, as a Vite or plain-page app does.
  const bare = join(work, 'bare');
  npmInstall(bare, { [manifest.name]: `file:../${tarball}` });
  const modules = join(bare, 'node_modules');
  const installed = readdirSync(modules).filter((name) => !name.startsWith('.')).flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name]));
  for (const name of ['@types/react', '@lit/react', 'react', 'code-insights-server', '@resvg/resvg-js']) assert.ok(!installed.includes(name), `${name} is not installed`);
  const ours = join(modules, manifest.name);
  assert.ok(!existsSync(join(ours, 'dist/server')) && !existsSync(join(ours, 'demo')), 'no server code or demo in the elements package');
  assert.ok(!existsSync(join(modules, '.bin/code-insights-server')), 'no server bin');
  // The figure for the note: what installing the package adds to an app.
  console.log(`browser app's node_modules: ${(duBytes(modules) / 1e6).toFixed(2)} MB, ${installed.length} packages (${installed.join(', ')})`);
});

test('the server package, installed on its own, runs the demo: its pages, the single file and the fixture insights', async () => {
  const [packedServer] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--workspace', 'code-insights-server', '--pack-destination', work], ROOT)) as {
    filename: string;
    files: { path: string }[];
  }[];
  const serverFiles = packedServer.files.map((f) => f.path).sort();
  assert.deepEqual(serverFiles.filter((f) => !/^dist\/(demo|assets)\//.test(f)), ['LICENSE', 'README.md', 'dist/cli.js', 'dist/schema.graphql', 'package.json']);
  assert.ok(serverFiles.includes('dist/assets/code-insights.js') && serverFiles.includes('dist/demo/index.html'), serverFiles.join());
  const alone = join(work, 'server-alone');
  npmInstall(alone, { 'code-insights-server': `file:../${packedServer.filename}` });
  const bin = join(alone, 'node_modules/.bin/code-insights-server');
  assert.match(execFileSync(bin, ['--help'], { cwd: alone, encoding: 'utf8' }), /Usage: code-insights-server/);

  const child = spawn(bin, ['--fixtures', '--demo', '--port', '0'], { cwd: alone, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const demo = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk) && /Demo: (\S+)/.test(out) && resolve(/Demo: (\S+)/.exec(out)![1]!));
      child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it listened: ${out}`)));
    });
    const single = await fetch(new URL('/dist/code-insights.js', demo));
    assert.equal(single.status, 200);
    assert.match(single.headers.get('content-type') ?? '', /javascript/);
    // Only what the demo needs is served under /dist/, not the CLI beside it.
    assert.equal((await fetch(new URL('/dist/cli.js', demo))).status, 404);
    const tab = await browser.newPage();
    const problems: string[] = [];
    tab.on('pageerror', (e) => problems.push(e.message));
    await tab.goto(demo);
    await tab.waitForSelector('code-insight[state="ready"]', { timeout: 15_000 });
    await tab.close();
    assert.deepEqual(problems, []);
  } finally {
    child.kill();
  }
});

test("an app's TypeScript sees typed elements, events, React props and bare tags in JSX (strict, NodeNext, no skipLibCheck)", async () => {
  // src/bare-tags.tsx's @ts-expect-error lines make a wrong attribute type part of the check: were it accepted,
  // the unused directive would fail it.
  const { ok, output } = await typecheck;
  assert.ok(ok, output);
});

test("a Vue 3 + TypeScript app's templates are type-checked by vue-tsc, wrong attribute types caught", async () => {
  // vue/Wrong.vue's @vue-expect-error lines fail the check if vue-tsc accepts them.
  const { ok, output } = await vueCheck;
  assert.ok(ok, output);
  assert.ok(readFileSync(join(app, 'vue/Wrong.vue'), 'utf8').includes(`:series-limit="'x'"`));
});

/** Serves one page and the given scripts under a strict CSP with Trusted Types, as the single-file test does. */
async function open(body: string, scripts: Record<string, string | Buffer>): Promise<{ tab: Page; problems: string[] }> {
  const csp =
    `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${endpointOrigin}; img-src 'self' data: blob:; ` +
    `require-trusted-types-for 'script'; trusted-types lit-html`;
  const tags = Object.keys(scripts).map((path) => `<script type="module" src="${path}"></script>`).join('');
  const served = await serveFiles(
    {
      '/': ['text/html', `<!doctype html><html lang="en"><head><link rel="icon" href="data:,">${tags}</head>${body}</html>`],
      ...Object.fromEntries(Object.entries(scripts).map(([path, code]): [string, [string, string | Buffer]] => [path, ['text/javascript', code]])),
    },
    { 'Content-Security-Policy': csp },
  );
  pages.push(served.server);
  const tab = await browser.newPage();
  const problems: string[] = [];
  tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  tab.on('pageerror', (e) => problems.push(e.message));
  await tab.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective}`)));
  await tab.goto(served.origin);
  return { tab, problems };
}

const lines = (tab: Page, selector: string) =>
  tab.$$eval(selector, (cards) =>
    cards.map((card) => [...card.shadowRoot!.querySelectorAll('path[data-mark="line"]')].map((p) => p.getAttribute('data-series-id')).join(',')),
  );

test('a plain HTML page renders an insight with the installed code-insights.js', async () => {
  const single = createRequire(join(app, 'package.json')).resolve(`${manifest.name}/code-insights.js`);
  const { tab, problems } = await open(
    `<body><code-insight instance="${endpointOrigin}/open" insight-id="${FIXTURE_IDS.migration}"></code-insight></body>`,
    { '/code-insights.js': readFileSync(single) },
  );
  await tab.waitForSelector('code-insight[state="ready"]', { timeout: 10_000 });
  assert.deepEqual(await lines(tab, 'code-insight'), ['ts,js']);
  assert.deepEqual(problems, []);
});

/** Bundles an entry of the scratch app with esbuild, resolving from the app's node_modules as its own build would. */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(app, 'src', entry)],
    absWorkingDir: app,
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

test('an app bundle of the per-element entry points renders a saved dashboard, configured with a token', async () => {
  const { tab, problems } = await open(
    `<body data-instance="${endpointOrigin}/secure" data-token="${SECURE_TOKEN}"><insights-dashboard dashboard-id="${DASHBOARD_IDS.frontend}"></insights-dashboard></body>`,
    { '/app.js': await bundle('elements-page.ts') },
  );
  await tab.waitForSelector('insights-dashboard[state="ready"]', { timeout: 10_000 });
  await tab.waitForFunction(
    () => {
      const cards = [...document.querySelector('insights-dashboard')!.shadowRoot!.querySelectorAll('code-insight')];
      return cards.length === 3 && cards.every((card) => card.getAttribute('state') === 'ready');
    },
    undefined,
    { timeout: 10_000 },
  );
  assert.deepEqual(problems, []);
});

test('React 19 renders the bare tags: attributes, the token as a property, the event as an on… prop', async () => {
  const { tab, problems } = await open(
    `<body data-instance="${endpointOrigin}/secure" data-token="${SECURE_TOKEN}" data-insight-id="${FIXTURE_IDS.migration}"><div id="root"></div></body>`,
    { '/app.js': await bundle('bare-tags.tsx') },
  );
  await tab.waitForSelector('code-insight[state="ready"]', { timeout: 10_000 });
  assert.equal(await tab.evaluate(() => document.body.dataset.loaded), 'Migration to TypeScript');
  assert.deepEqual(await tab.$eval('code-insight', (card) => [card.hasAttribute('token'), card.getAttribute('series-limit'), (card as HTMLElement & { yZero: boolean }).yZero]), [false, '10', true]);
  assert.deepEqual(problems, []);
});

test('a React app renders an insight with the wrappers: properties as properties, events as props', async () => {
  const { tab, problems } = await open(
    `<body data-instance="${endpointOrigin}/secure" data-token="${SECURE_TOKEN}" data-insight-id="${FIXTURE_IDS.migration}"><div id="root"></div></body>`,
    { '/app.js': await bundle('react-page.tsx') },
  );
  await tab.waitForSelector('code-insight[state="ready"]', { timeout: 10_000 });
  assert.deepEqual(await lines(tab, 'code-insight'), ['ts,js']);
  // onInsightLoad received the InsightData.
  assert.equal(await tab.evaluate(() => document.body.dataset.loaded), 'Migration to TypeScript');
  // The token went in as a property (it has no attribute), or the secure instance would have refused the request.
  assert.equal(await tab.$eval('code-insight', (card) => card.hasAttribute('token')), false);
  assert.deepEqual(problems, []);
});
