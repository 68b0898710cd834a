import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { embedHandler } from './embed/handler.ts';
import { exportCSV } from './export.ts';
import { runGraphQL } from './graphql.ts';
import { authorized } from './http/auth.ts';
import { readBody } from './http/body.ts';
import { applyOriginPolicy, requireJSON } from './http/cors.ts';
import { checkHost } from './http/hosts.ts';
import { ConcurrencyLimit, QueueFullError } from './shared/concurrency-limit.ts';
import { answeringRequestErrors, decodePathPart, RequestError, requestURL, send, sendRequestError } from './http/responses.ts';
import { localFetch } from './local-fetch.ts';
import { loadSchema } from './schema-file.ts';
import { createRootValue } from './resolvers.ts';
import { proxyHandler, type ProxyHandlerOptions } from './proxy.ts';
import type { InsightSource } from './source.ts';

export interface InsightsServerOptions {
  /** Where insights come from (local mode). Not used in proxy mode. */
  source?: InsightSource;
  /**
   * Proxy mode: `/.api/*` is forwarded to a Sourcegraph instance, read-only, with the origin policy given here
   * (server/proxy.ts), instead of being answered from `source`. The proxy options carry the API's own `token`;
   * pass its `upstreamFetch` as `embedFetch` too, so the images read through the same allowlist and cache.
   */
  proxy?: ProxyHandlerOptions;
  /** When set, every GraphQL request must carry `Authorization: token <this>`. */
  token?: string;
  /**
   * Local mode: browser pages on these origins may call the API (`*` for any); by default only the server's own
   * pages may (http/cors.ts). Proxy mode has its own list in `proxy`.
   */
  allowOrigins?: readonly string[];
  /** Local mode: GraphQL requests worked on at once and waiting (default GRAPHQL_LIMITS). */
  graphqlLimits?: Partial<typeof GRAPHQL_LIMITS>;
  /** Host names the server answers for besides loopback names and IP addresses (http/hosts.ts); `*` for any. */
  allowHosts?: readonly string[];
  /** Folders served read-only under URL prefixes, e.g. `{ '/': 'demo', '/dist/': 'dist' }`. */
  static?: Record<string, string>;
  /** Serve pages under the strict Content Security Policy the elements promise to work with. */
  csp?: boolean;
  /**
   * Where the image embeds (`/embed/…`) get their data: a Fetch-API function answering Sourcegraph GraphQL
   * POSTs. Default: `source`, answered in-process (local-fetch.ts); proxy mode passes a fetch to the instance.
   */
  embedFetch?: typeof fetch;
  /** The instance URL the embeds' requests are addressed to (default `http://localhost`). */
  embedInstance?: string;
  /**
   * Milliseconds an image waits for its data (default 20 000). In proxy mode, longer than the proxy's own
   * upstream timeout, so a slow instance reads as the proxy's clearer 504 rather than the image giving up first.
   */
  embedTimeout?: number;
}

/**
 * GraphQL requests the local server works on at once, and how long one may wait for a place. Past them a request
 * is answered 503 with Retry-After (the elements wait and retry), so that under a flood every caller hears back
 * within seconds instead of all waiting on one overloaded process.
 */
export const GRAPHQL_LIMITS = { concurrent: 32, queued: 1000, waitMs: 3000 };

/** The policy of SPEC's strictest embedding page: no inline anything, Lit's Trusted Types policy only. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * A handler for Sourcegraph's API over `source`: the GraphQL endpoint and the insight CSV export. True when it
 * answered, false for other paths. `rawBody` is for callers that already read the request body.
 */
export function graphqlHandler(options: InsightsServerOptions & { source: InsightSource }) {
  const schema: GraphQLSchema = loadSchema();
  const rootValue = createRootValue(options.source);
  const origins = { allowOrigins: options.allowOrigins ?? [] };
  const limits = { ...GRAPHQL_LIMITS, ...options.graphqlLimits };
  const executions = new ConcurrencyLimit(limits);
  return answeringRequestErrors(async (request: IncomingMessage, response: ServerResponse, rawBody?: string): Promise<boolean> => {
    const path = requestURL(request.url).pathname;
    const exported = /^\/\.api\/insights\/export\/([^/]+)$/.exec(path);
    if (path !== '/.api/graphql' && !exported) return false;
    // Credentials mirrored for listed origins, as Sourcegraph answers `/.api/*`.
    applyOriginPolicy(request, response, origins, { credentials: true });
    if (request.method === 'OPTIONS') return send(response, 204), true;
    if (!authorized(request, options.token)) {
      // Sourcegraph's words and status for a wrong token (plain text, not JSON).
      return send(response, 401, 'Invalid access token.'), true;
    }
    if (exported) {
      if (request.method !== 'GET') return send(response, 405, 'method must be GET'), true;
      const csv = await exportCSV(options.source, decodePathPart(exported[1], 'insight id'));
      if (csv === undefined) return send(response, 404, 'Insight not found, or it has no series to export.'), true;
      response.setHeader('Content-Disposition', 'attachment; filename="insight.csv"');
      return send(response, 200, csv, 'text/csv; charset=utf-8'), true;
    }
    if (request.method !== 'POST') return send(response, 405, 'method must be POST'), true;
    requireJSON(request);
    let body: unknown;
    const text = rawBody ?? (await readBody(request));
    try {
      body = JSON.parse(text);
    } catch {
      return send(response, 400, 'The request body is not JSON.'), true;
    }
    let result: unknown;
    try {
      result = await executions.run(() => runGraphQL(schema, rootValue, typeof body === 'object' && body !== null ? body : {}), AbortSignal.timeout(limits.waitMs));
    } catch (error) {
      if (!(error instanceof QueueFullError) && (error as Error)?.name !== 'TimeoutError') throw error;
      const why = error instanceof QueueFullError ? error.message : `the request waited ${limits.waitMs / 1000} s for one of ${limits.concurrent} places.`;
      throw new RequestError(503, `The insights server is busy: ${why} Try again in a few seconds.`, { headers: { 'Retry-After': '2' } });
    }
    send(response, 200, JSON.stringify(result), 'application/json');
    return true;
  });
}

export function createInsightsServer(options: InsightsServerOptions): Server {
  const graphql = apiHandler(options);
  const embedFetch = options.embedFetch ?? (options.source ? localFetch(options.source) : undefined);
  const embed = embedFetch && embedHandler({ fetch: embedFetch, instance: options.embedInstance, timeout: options.embedTimeout });
  const hosts = { allowHosts: options.allowHosts ?? [] };
  // Slow clients (slowloris) give up their connection: headers within 10 s, the whole request within 30 s
  // (Node's defaults are 60 s and 5 min); readBody bounds a stalled body sooner.
  return createServer({ headersTimeout: 10_000, requestTimeout: 30_000 }, (request, response) => {
    void (async () => {
      try {
        checkHost(request, hosts);
        if (await graphql(request, response)) return;
        if (embed && request.url?.startsWith('/embed/')) {
          // Images show what the API shows: a server that asks for a token asks it of them too.
          if (!authorized(request, options.token)) {
            return send(response, 401, 'Invalid access token.');
          }
          if (await embed(request, response)) return;
        }
        if (options.csp) response.setHeader('Content-Security-Policy', STRICT_CSP);
        if (options.static && request.method === 'GET' && (await serveStatic(request, response, options.static))) return;
        send(response, 404, 'Not found');
      } catch (error) {
        if (error instanceof RequestError) return void sendRequestError(response, error);
        console.error(error);
        if (!response.headersSent) send(response, 500, 'Internal server error');
      }
    })();
  });
}

/** The local engine's endpoint, or the read-only proxy's. */
function apiHandler(options: InsightsServerOptions): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  if (options.proxy) return proxyHandler(options.proxy);
  if (!options.source) throw new Error('createInsightsServer needs a `source` (local mode) or `proxy` options (proxy mode).');
  return graphqlHandler({ ...options, source: options.source });
}

async function serveStatic(request: IncomingMessage, response: ServerResponse, roots: Record<string, string>): Promise<boolean> {
  const path = decodePathPart(requestURL(request.url).pathname, 'path');
  const prefix = Object.keys(roots)
    .filter((p) => path.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return false;
  const root = normalize(roots[prefix]);
  const file = normalize(join(root, path.slice(prefix.length) || 'index.html'));
  if (file !== root && !file.startsWith(root + sep)) return false; // no ../ out of the folder
  try {
    const content = await readFile(file.endsWith(sep) ? join(file, 'index.html') : file);
    response.setHeader('Cache-Control', 'no-cache');
    send(response, 200, content, TYPES[extname(file)] ?? 'application/octet-stream');
    return true;
  } catch {
    return false;
  }
}
