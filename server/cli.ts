/**
 * code-insights-server: a local Sourcegraph-compatible insights endpoint, computed from git history.
 *
 *   code-insights-server --repo PATH [--repo PATH …]   a few standard insights over those repositories
 *   code-insights-server --config insights.config.json  repositories, insights and dashboards from a file
 *   code-insights-server --fixtures                     fixed fixture insights (what tests and Storybook use)
 *
 * Options: --port (default $PORT or 8080), --host (default 127.0.0.1), --token (default $CODE_INSIGHTS_TOKEN:
 * then every request needs `Authorization: token …`), --cache-dir (default .cache/code-insights; safe to
 * delete), --demo (also serve the demo page at / and the built elements at /dist/).
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, configForRepositories, loadConfig, type ServerConfig } from './config.ts';
import { FixtureSource } from './fixtures/source.ts';
import { GitSource } from './git-source.ts';
import { createInsightsServer } from './http.ts';
import { packageRoot } from './package-root.ts';
import type { InsightSource } from './source.ts';

const USAGE = `Usage: code-insights-server (--repo PATH … | --config FILE | --fixtures) [--port 8080] [--host 127.0.0.1]
                            [--token TOKEN] [--cache-dir DIR] [--demo]`;

const { values } = parseArgs({
  options: {
    repo: { type: 'string', multiple: true, default: [] },
    config: { type: 'string' },
    fixtures: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string', default: process.env.CODE_INSIGHTS_TOKEN },
    'cache-dir': { type: 'string', default: '.cache/code-insights' },
    demo: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function fail(message: string): never {
  console.error(`code-insights-server: ${message}`);
  process.exit(1);
}

/** Every configured repository must be a git repository with a readable history, checked before serving. */
function checkRepositories(config: ServerConfig): string | undefined {
  for (const repository of config.repositories) {
    try {
      execFileSync('git', ['-C', repository.path, 'rev-parse', '--git-dir'], { stdio: 'pipe' });
    } catch {
      return `${repository.path} (${repository.name}) is not a git repository.`;
    }
  }
  return undefined;
}

function chooseSource(): { source: InsightSource; description: string } {
  if (values.fixtures) return { source: new FixtureSource(), description: 'fixtures' };
  let config: ServerConfig;
  try {
    config = values.repo.length ? configForRepositories(values.repo) : loadConfig(values.config ?? 'insights.config.json');
  } catch (error) {
    if (error instanceof ConfigError) fail(`${error.message}\n${USAGE}`);
    throw error;
  }
  const problem = checkRepositories(config);
  if (problem) {
    // The demo still has something to show where the checkout has no git history (e.g. an unpacked tarball).
    if (values.demo && !values.repo.length) {
      console.warn(`${problem} Serving the fixture insights instead.`);
      return { source: new FixtureSource(), description: 'fixtures' };
    }
    fail(problem);
  }
  const source = new GitSource(config, { cacheDir: resolve(values['cache-dir']) });
  return { source, description: config.repositories.map((r) => `${r.name} (${r.path})`).join(', ') };
}

const { source, description } = chooseSource();
const root = packageRoot();
const server = createInsightsServer({
  source,
  token: values.token || undefined,
  static: values.demo ? { '/': join(root, 'demo'), '/dist/': join(root, 'dist') } : undefined,
  csp: values.demo,
});

server.on('error', (error: NodeJS.ErrnoException) =>
  fail(error.code === 'EADDRINUSE' ? `port ${values.port} is in use: set PORT or --port to another.` : error.message),
);
server.listen(Number(values.port), values.host, () => {
  const url = `http://${values.host}:${values.port}/`;
  console.log(values.demo ? `Demo: ${url}` : `Sourcegraph-compatible GraphQL endpoint: ${url}.api/graphql`);
  console.log(`Insights from: ${description}${values.token ? ' (token required)' : ''}`);
});
