/**
 * The server both modes run: the API (the local engine's, or the read-only proxy's), the image embeds and the
 * static demo files, behind the checks every request passes first (host names, then each route's own).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { embedHandler } from '../embed/handler.ts';
import { GRAPHQL_LIMITS, GraphQLExecutions, graphqlHandler } from '../graphql/handler.ts';
import { localFetch } from '../graphql/local-fetch.ts';
import { proxyHandler, type ProxyHandlerOptions } from '../proxy/index.ts';
import type { InsightSource } from '../sources/source.ts';
import type { UsageCounter } from '../usage/usage-counter.ts';
import { authorized } from './auth.ts';
import { applyOriginPolicy } from './cors.ts';
import { checkHost } from './hosts.ts';
import { RequestError, send, sendRequestError } from './responses.ts';
import { serveStatic } from './static-files.ts';

/** Open connections one server keeps (a reverse proxy in front holds a few keep-alive connections). */
export const MAX_CONNECTIONS = 768;

export interface InsightsServerOptions {
  /** Where insights come from (local mode). Not used in proxy mode. */
  source?: InsightSource;
  /**
   * Proxy mode: `/.api/*` is forwarded to a Sourcegraph instance, read-only, with the origin policy given here
   * (server/proxy/index.ts), instead of being answered from `source`. The proxy options carry the API's own `token`;
   * pass its `upstreamFetch` as `embedFetch` too, so the images read through the same allowlist and cache.
   */
  proxy?: ProxyHandlerOptions;
  /** When set, every GraphQL request must carry `Authorization: token <this>` (or Sourcegraph's `token-sudo` form, auth.ts). */
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
   * POSTs. Default: `source`, answered in-process (graphql/local-fetch.ts); proxy mode passes a fetch to the instance.
   */
  embedFetch?: typeof fetch;
  /** The instance URL the embeds' requests are addressed to (default `http://localhost`). */
  embedInstance?: string;
  /**
   * Milliseconds an image waits for its data (default 20 000). In proxy mode, longer than the proxy's own
   * upstream timeout, so a slow instance reads as the proxy's clearer 504 rather than the image giving up first.
   */
  embedTimeout?: number;
  /** Counts views of insights, dashboards and embeds (the API, in either mode, and the image routes), for reports. */
  usage?: UsageCounter;
}

/** The policy of SPEC's strictest embedding page: no inline anything, Lit's Trusted Types policy only. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

export function createInsightsServer(options: InsightsServerOptions): Server {
  // Local mode: the embeds' data requests take places among the API's, so images cannot add unbounded work.
  const executions = options.source && !options.proxy ? new GraphQLExecutions(options.graphqlLimits) : undefined;
  const graphql = apiHandler(options, executions);
  const embedFetch = options.embedFetch ?? (options.source && executions ? limitedFetch(localFetch(options.source), executions) : undefined);
  const embed = embedFetch && embedHandler({ fetch: embedFetch, instance: options.embedInstance, timeout: options.embedTimeout, usage: options.usage });
  const hosts = { allowHosts: options.allowHosts ?? [] };
  // Slow clients (slowloris) give up their connection: headers within 10 s, the whole request within 30 s
  // (Node's defaults are 60 s and 5 min), checked every 2 s (Node's default, 30 s, let them stay 40 s); readBody
  // bounds a stalled body sooner.
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 2_000 }, (request, response) => {
    void (async () => {
      try {
        checkHost(request, hosts);
        if (await graphql(request, response)) return;
        if (embed && request.url?.startsWith('/embed/')) {
          // Images show what the API shows, to the same pages: <img> requests carry no Origin and pass; a script
          // on another site is refused unless listed, or it could read the text of a capture group's matches.
          applyOriginPolicy(request, response, { allowOrigins: options.proxy?.allowOrigins ?? options.allowOrigins ?? [] }, { credentials: false });
          // A server that asks for a token asks it of them too.
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
  // Past this many open connections new ones are closed at once, so that a flood of idle sockets cannot use up
  // the process's file handles (git and the worker threads need some). Per-client limits belong in front.
  server.maxConnections = MAX_CONNECTIONS;
  return server;
}

/** The local engine's endpoint, or the read-only proxy's. */
function apiHandler(options: InsightsServerOptions, executions: GraphQLExecutions | undefined): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  if (options.proxy) return proxyHandler({ ...options.proxy, usage: options.usage });
  if (!options.source) throw new Error('createInsightsServer needs a `source` (local mode) or `proxy` options (proxy mode).');
  return graphqlHandler({ ...options, source: options.source, executions });
}

/** `fetch` run in one of `executions`' places; a full house is the API's own 503 answer. */
function limitedFetch(fetch: typeof globalThis.fetch, executions: GraphQLExecutions): typeof globalThis.fetch {
  return async (input, init) => {
    try {
      return await executions.run(() => fetch(input, init));
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      return new Response(error.message, { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...error.headers } });
    }
  };
}
