/**
 * code-insights-server: a local Sourcegraph-compatible insights endpoint, computed from git history.
 *
 *   code-insights-server --repo PATH [--repo PATH …]   a few standard insights over those repositories
 *   code-insights-server --config insights.config.json  repositories, insights and dashboards from a file
 *   code-insights-server --fixtures                     fixed fixture insights (what tests and Storybook use)
 *   code-insights-server --upstream [URL]               a read-only proxy to a Sourcegraph instance (URL default
 *                                                       $SRC_ENDPOINT), holding the token ($SRC_ACCESS_TOKEN)
 *   code-insights-server report …                       one report by e-mail, chat or files, then exit (report/cli.ts)
 *
 * Options: --port (default $PORT or 8080), --host (default 127.0.0.1), --token (default $CODE_INSIGHTS_TOKEN:
 * then every request needs `Authorization: token …` or `token-sudo user="…",token="…"`), --cache-dir (default .cache/code-insights; safe to
 * delete), --demo (also serve the demo page at / and the built elements at /dist/), --allow-origin URL
 * (repeatable; browser pages on other origins that may call the API; default: same origin only), --allow-host
 * NAME (repeatable; host names answered besides loopback names and IP addresses, see http/hosts.ts).
 * --usage-file FILE counts views of insights, dashboards and image embeds (no personal data) and keeps them
 * there for reports (`report --usage FILE`). Proxy mode only: --upstream-timeout SECONDS (default 25), --cache-ttl SECONDS (default 30, 0 = off). See
 * server/proxy/index.ts and the README's proxy section and "Running it in production".
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, configForRepositories, loadConfig, type ServerConfig } from './sources/config.ts';
import { FixtureSource } from './sources/fixtures/source.ts';
import { guardedRepositoryMatch } from './sources/guarded-match.ts';
import { GitSource } from './sources/git-source.ts';
import { createInsightsServer, type InsightsServerOptions } from './http/server.ts';
import { createUpstreamFetch, DEFAULT_CACHE_TTL_SECONDS, DEFAULT_UPSTREAM_TIMEOUT_SECONDS, embedTimeoutMs, normalizeUpstream } from './proxy/index.ts';
import { normalizeOrigin } from './http/cors.ts';
import { normalizeAllowedHost } from './http/hosts.ts';
import { packageRoot } from './package-root.ts';
import type { InsightSource } from './sources/source.ts';
import { UsageCounter } from './usage/usage-counter.ts';
import { withUpstreamDefault } from './shared/upstream-arg.ts';

const USAGE = `Usage: code-insights-server (--repo PATH … | --config FILE | --fixtures) [--port 8080] [--host 127.0.0.1]
                            [--token TOKEN] [--cache-dir DIR] [--demo] [--allow-origin URL …] [--allow-host NAME …]
                            [--usage-file FILE]
       code-insights-server --upstream [URL] [--allow-origin URL …] [--allow-host NAME …] [--upstream-timeout 25]
                            [--cache-ttl 30] [--port 8080] [--host 127.0.0.1] [--token TOKEN] [--usage-file FILE]
       code-insights-server report …   (a report by e-mail, chat or files: code-insights-server report --help)

Proxy mode (--upstream) forwards read-only insights queries to a Sourcegraph instance (URL default $SRC_ENDPOINT)
with the access token in $SRC_ACCESS_TOKEN, which never leaves the server. --token then protects the proxy itself.
In both modes, browser pages on other origins may call the API only when listed with --allow-origin (\`*\` for
any), and the server answers only for loopback names, IP addresses and the names listed with --allow-host (the
name it is reached by behind a load balancer, e.g. --allow-host insights.example.com; \`*\` for any).`;

// A subcommand with flags of its own: handed off before the server's flags are parsed.
if (process.argv[2] === 'report') {
  const { reportMain } = await import('./report/cli.ts');
  process.exit(await reportMain(process.argv.slice(3)));
}

const { values } = parseArgs({
  args: withUpstreamDefault(process.argv.slice(2)),
  options: {
    repo: { type: 'string', multiple: true, default: [] },
    config: { type: 'string' },
    fixtures: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string', default: process.env.CODE_INSIGHTS_TOKEN },
    'cache-dir': { type: 'string', default: '.cache/code-insights' },
    demo: { type: 'boolean', default: false },
    upstream: { type: 'string' },
    'allow-origin': { type: 'string', multiple: true, default: [] },
    'allow-host': { type: 'string', multiple: true, default: [] },
    'upstream-timeout': { type: 'string', default: String(DEFAULT_UPSTREAM_TIMEOUT_SECONDS) },
    'cache-ttl': { type: 'string', default: String(DEFAULT_CACHE_TTL_SECONDS) },
    'usage-file': { type: 'string' },
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
  if (values.fixtures) return { source: new FixtureSource({ matchRepositories: guardedRepositoryMatch }), description: 'fixtures' };
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
      return { source: new FixtureSource({ matchRepositories: guardedRepositoryMatch }), description: 'fixtures' };
    }
    fail(problem);
  }
  const source = new GitSource(config, { cacheDir: resolve(values['cache-dir']) });
  return { source, description: config.repositories.map((r) => `${r.name} (${r.path})`).join(', ') };
}

/** Seconds from a flag: a number ≥ `min`, or the process ends with a message naming the flag. */
function seconds(flag: string, value: string, min: number): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < min) fail(`--${flag} must be a number of seconds ≥ ${min}, not "${value}".`);
  return parsed;
}

/** Proxy mode's server options: the forwarding, the origin policy, and a line saying what is served. */
/** A flag's values through `normalize`, or the process ends with its message. */
function normalized(values: string[], normalize: (value: string) => string): string[] {
  try {
    return values.map(normalize);
  } catch (error) {
    fail((error as Error).message);
  }
}

const allowOrigins = normalized(values['allow-origin'], normalizeOrigin);
// The name given to --host is one the server answers for (0.0.0.0 and :: are no names).
const allowHosts = normalized([...values['allow-host'], ...(/^[a-z]/i.test(values.host) ? [values.host] : [])], normalizeAllowedHost);

function proxyMode(upstreamFlag: string): Pick<InsightsServerOptions, 'proxy' | 'embedFetch' | 'embedTimeout'> & { description: string } {
  if (values.repo.length || values.config || values.fixtures) fail(`--upstream replaces --repo, --config and --fixtures: give one of them.\n${USAGE}`);
  if (!upstreamFlag.trim()) fail('--upstream needs a URL, or SRC_ENDPOINT set to one.');
  let upstream: string;
  try {
    upstream = normalizeUpstream(upstreamFlag);
  } catch (error) {
    fail((error as Error).message);
  }
  const token = process.env.SRC_ACCESS_TOKEN || undefined;
  if (!token) console.warn('SRC_ACCESS_TOKEN is not set: the proxy forwards queries without a token (insights usually need one).');
  const timeoutSeconds = seconds('upstream-timeout', values['upstream-timeout'], 0.001);
  const upstreamFetch = createUpstreamFetch({
    upstream,
    token,
    timeoutSeconds,
    cacheTtlSeconds: seconds('cache-ttl', values['cache-ttl'], 0),
  });
  const origins = allowOrigins.length ? `same origin and ${allowOrigins.join(', ')}` : 'same origin only';
  return {
    proxy: { upstreamFetch, allowOrigins, token: values.token || undefined },
    // The image routes read through the same allowlist, token and cache as the API.
    embedFetch: upstreamFetch,
    embedTimeout: embedTimeoutMs(timeoutSeconds),
    description: `${upstream}, read-only${token ? ', with SRC_ACCESS_TOKEN' : ''} (browser pages allowed: ${origins})`,
  };
}

const { description, ...api } = values.upstream !== undefined ? proxyMode(values.upstream) : chooseSource();
const root = packageRoot();
const usage = values['usage-file'] ? new UsageCounter({ file: resolve(values['usage-file']) }) : undefined;
if (usage) {
  // Counts since the last write are kept when the server is stopped (Ctrl-C, a container's SIGTERM).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (usage.save(), process.exit(0)));
}
const server = createInsightsServer({
  ...api,
  usage,
  allowOrigins,
  allowHosts,
  token: values.token || undefined,
  // What server/build.mjs copied beside the CLI: the demo pages, and the elements' single file at /dist/.
  static: values.demo ? { '/': join(root, 'dist/demo'), '/dist/': join(root, 'dist/assets') } : undefined,
  csp: values.demo,
});

server.on('error', (error: NodeJS.ErrnoException) =>
  fail(error.code === 'EADDRINUSE' ? `port ${values.port} is in use: set PORT or --port to another.` : error.message),
);
server.listen(Number(values.port), values.host, () => {
  // The port actually bound (it differs from --port 0, which tests use to get a free one).
  const address = server.address();
  const url = `http://${values.host}:${typeof address === 'object' && address ? address.port : values.port}/`;
  console.log(values.demo ? `Demo: ${url}` : `Sourcegraph-compatible GraphQL endpoint: ${url}.api/graphql`);
  console.log(`Insights from: ${description}${values.token ? ' (token required)' : ''}`);
});
