/**
 * The GraphQL endpoint browser tests talk to: the project's own server code (schema, resolvers) over real
 * HTTP with the fixture source, plus scenario prefixes that answer the way a failing instance does. Every
 * request is logged (headers, URL, operation, and whether the operation validates against Sourcegraph's
 * upstream schema) so tests can assert what the client really sent.
 *
 *   /open/.api/graphql            the fixtures, no token needed
 *   /git/.api/graphql             real data: the git-backed source over two small repositories (GIT_* below)
 *   /secure/.api/graphql          the fixtures behind the token SECURE_TOKEN (401 "Invalid access token." otherwise)
 *   /status/<code>/.api/graphql   that HTTP status (429/503 with Retry-After: 0; 403 with Sourcegraph's cost-limit body)
 *   /body/<kind>/.api/graphql     HTTP 200 with a broken body: not-json, array, wrong-shape, graphql-error, partial
 *   /flaky/<n>/.api/graphql       503 for the first n requests (per n, since the last reset), then the fixtures
 *   /hang/.api/graphql            never answers (until the server stops)
 *   /redirect/.api/graphql        302 to another origin
 *   /open/.api/insights/export/<id>, /secure/…   the CSV export endpoint, under the same rules
 *   GET /__log, POST /__reset     the request log; reset also restarts the processing fixture
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insightViewId } from '../../server/sources/config.ts';
import { bodyFault, statusFault, type FaultAnswer } from '../../server/sources/fixtures/faults.ts';
import { FixtureSource } from '../../server/sources/fixtures/source.ts';
import { GitSource } from '../../server/sources/git-source.ts';
import { API, WEB, createFixtureRepositories } from '../node/engine/fixture-repositories.ts';
import { graphqlHandler } from '../../server/graphql/handler.ts';
import { upstreamSchema, upstreamSchemaAvailable, validateDocument } from './upstream-schema.ts';

export const ENDPOINT_PORT = Number(process.env.FIXTURE_PORT ?? 8788);
export const SECURE_TOKEN = 'sgp_fixture_0123456789abcdef';

/** The git scenario's insight and dashboard: TODOs in acme/api and acme/web, monthly up to 15 May 2023. */
export const GIT_INSIGHT = insightViewId('acme-todos');
export const GIT_INSIGHT_FILES = insightViewId('acme-files');
export const GIT_DASHBOARD = 'YWNtZQ==';

function gitSource(root: string): GitSource {
  const paths = createFixtureRepositories(root);
  return new GitSource(
    {
      repositories: [
        { name: API, path: paths.api },
        { name: WEB, path: paths.web },
      ],
      insights: [
        {
          id: GIT_INSIGHT,
          title: 'TODOs at Acme',
          kind: 'line',
          repositories: [API, WEB],
          step: { unit: 'MONTH', value: 1 },
          points: 5,
          series: [{ seriesId: 'todo', label: 'TODO', query: 'TODO', color: 'var(--oc-grape-7)' }],
        },
        {
          id: GIT_INSIGHT_FILES,
          title: 'TypeScript files at Acme',
          kind: 'line',
          repositories: [API, WEB],
          step: { unit: 'MONTH', value: 1 },
          points: 5,
          series: [{ seriesId: 'ts', label: 'TypeScript files', query: 'file:\\.ts$', color: 'var(--oc-blue-7)' }],
        },
      ],
      dashboards: [{ id: GIT_DASHBOARD, title: 'Acme', insightIds: [GIT_INSIGHT, GIT_INSIGHT_FILES] }],
    },
    { now: () => new Date('2023-05-15T00:00:00Z') },
  );
}

interface LoggedRequest {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  operationName?: string;
  variables?: unknown;
  query?: string;
  /** Messages from validating the operation against the upstream schema; null when that schema is absent. */
  upstreamErrors: string[] | null;
}

export function startFixtureEndpoint(port = ENDPOINT_PORT): Promise<Server> {
  const source = new FixtureSource();
  // The test pages are served by the test runner, on another origin: like an instance's `corsOrigin`, any is allowed.
  const allowOrigins = ['*'];
  const open = graphqlHandler({ source, allowOrigins });
  const gitRoot = mkdtempSync(join(tmpdir(), 'endpoint-git-'));
  const git = graphqlHandler({ source: gitSource(gitRoot), allowOrigins });
  const secure = graphqlHandler({ source, token: SECURE_TOKEN, allowOrigins });
  const upstream = upstreamSchemaAvailable() ? upstreamSchema() : undefined;
  let log: LoggedRequest[] = [];
  let flakyCounts = new Map<string, number>();
  const hanging = new Set<ServerResponse>();

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'OPTIONS') return preflight(request, response);
    if (url.pathname === '/__log') return json(request, response, 200, log);
    if (url.pathname === '/__reset') {
      log = [];
      flakyCounts = new Map();
      source.reset();
      return json(request, response, 200, { ok: true });
    }
    const match = /^\/([a-z]+)(?:\/([\w-]+))?(\/\.api\/(?:graphql|insights\/export\/[^/]+))$/.exec(url.pathname);
    if (!match) return json(request, response, 404, { error: 'no such scenario' });
    const [, scenario, argument, rest] = match;
    const body = await readBody(request);
    log.push(logEntry(request, body, upstream));
    // Hand the rest of the request to the real handler with the scenario prefix removed.
    const forward = (handler: typeof open) => {
      request.url = `${rest}${url.search}`;
      return handler(request, response, body);
    };
    switch (scenario) {
      case 'open':
        return void forward(open);
      case 'git':
        return void forward(git);
      case 'secure':
        return void forward(secure);
      case 'status':
        return answer(request, response, statusFault(Number(argument)));
      case 'body':
        return answer(request, response, bodyFault(argument ?? ''));
      case 'flaky': {
        const seen = flakyCounts.get(argument ?? '') ?? 0;
        flakyCounts.set(argument ?? '', seen + 1);
        if (seen < Number(argument)) return text(request, response, 503, 'Service Unavailable', { 'Retry-After': '0' });
        return void forward(open);
      }
      case 'hang':
        hanging.add(response);
        return;
      case 'redirect':
        cors(request, response);
        response.writeHead(302, { Location: 'http://127.0.0.2:9/.api/graphql' }).end();
        return;
    }
    json(request, response, 404, { error: 'no such scenario' });
  });
  server.on('close', () => {
    hanging.forEach((r) => r.destroy());
    rmSync(gitRoot, { recursive: true, force: true });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function logEntry(request: IncomingMessage, body: string, upstream: ReturnType<typeof upstreamSchema> | undefined): LoggedRequest {
  let parsed: { query?: unknown; operationName?: unknown; variables?: unknown } = {};
  try {
    parsed = JSON.parse(body);
  } catch {
    // logged with no operation
  }
  const h = request.headers;
  return {
    method: request.method ?? '',
    url: request.url ?? '',
    headers: {
      authorization: h.authorization,
      origin: h.origin,
      referer: h.referer,
      cookie: h.cookie,
      'content-type': h['content-type'],
      'x-requested-with': h['x-requested-with'] as string | undefined,
    },
    operationName: typeof parsed.operationName === 'string' ? parsed.operationName : undefined,
    variables: parsed.variables,
    query: typeof parsed.query === 'string' ? parsed.query : undefined,
    upstreamErrors: upstream && typeof parsed.query === 'string' ? validateDocument(upstream, parsed.query) : null,
  };
}

function answer(request: IncomingMessage, response: ServerResponse, fault: FaultAnswer): void {
  text(request, response, fault.status, fault.body, { 'Content-Type': 'text/plain', ...fault.headers });
}

function cors(request: IncomingMessage, response: ServerResponse): void {
  if (!request.headers.origin) return;
  response.setHeader('Access-Control-Allow-Origin', request.headers.origin);
  response.setHeader('Access-Control-Allow-Credentials', 'true');
  response.setHeader('Access-Control-Expose-Headers', 'Retry-After');
}

function preflight(request: IncomingMessage, response: ServerResponse): void {
  cors(request, response);
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  response.setHeader('Access-Control-Allow-Headers', 'X-Requested-With, Content-Type, Authorization');
  response.writeHead(204).end();
}

function text(request: IncomingMessage, response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  cors(request, response);
  response.writeHead(status, { 'Content-Type': 'text/plain', ...headers }).end(body);
}

function json(request: IncomingMessage, response: ServerResponse, status: number, value: unknown): void {
  text(request, response, status, JSON.stringify(value), { 'Content-Type': 'application/json' });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
