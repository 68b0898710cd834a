import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { embedHandler } from './embed/handler.ts';
import { exportCSV } from './export.ts';
import { runGraphQL } from './graphql.ts';
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

/** The policy of SPEC's strictest embedding page: no inline anything, Lit's Trusted Types policy only. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

const MAX_BODY = 1024 * 1024;
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
  return async (request: IncomingMessage, response: ServerResponse, rawBody?: string): Promise<boolean> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const exported = /^\/\.api\/insights\/export\/([^/]+)$/.exec(path);
    if (path !== '/.api/graphql' && !exported) return false;
    setCorsHeaders(request, response);
    if (request.method === 'OPTIONS') return end(response, 204), true;
    if (options.token !== undefined && request.headers.authorization !== `token ${options.token}`) {
      // Sourcegraph's words and status for a wrong token (plain text, not JSON).
      return end(response, 401, 'Invalid access token.'), true;
    }
    if (exported) {
      if (request.method !== 'GET') return end(response, 405, 'method must be GET'), true;
      const csv = await exportCSV(options.source, decodeURIComponent(exported[1]));
      if (csv === undefined) return end(response, 404, 'Insight not found, or it has no series to export.'), true;
      response.setHeader('Content-Disposition', 'attachment; filename="insight.csv"');
      return end(response, 200, csv, 'text/csv; charset=utf-8'), true;
    }
    if (request.method !== 'POST') return end(response, 405, 'method must be POST'), true;
    let body: unknown;
    try {
      body = JSON.parse(rawBody ?? (await readBody(request)));
    } catch {
      return end(response, 400, 'The request body is not JSON.'), true;
    }
    const result = await runGraphQL(schema, rootValue, typeof body === 'object' && body !== null ? body : {});
    end(response, 200, JSON.stringify(result), 'application/json');
    return true;
  };
}

/** CORS as Sourcegraph answers `/.api/*`: the Origin mirrored, the headers a token or cookie client needs. */
function setCorsHeaders(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin;
  if (!origin) return;
  response.setHeader('Access-Control-Allow-Origin', origin);
  response.setHeader('Access-Control-Allow-Credentials', 'true');
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  response.setHeader('Access-Control-Allow-Headers', 'X-Requested-With, X-Sourcegraph-Client, Content-Type, Authorization');
  response.setHeader('Vary', 'Origin, Cookie, Authorization, X-Requested-With');
}

export function createInsightsServer(options: InsightsServerOptions): Server {
  const graphql = apiHandler(options);
  const embedFetch = options.embedFetch ?? (options.source ? localFetch(options.source) : undefined);
  const embed = embedFetch && embedHandler({ fetch: embedFetch, instance: options.embedInstance, timeout: options.embedTimeout });
  return createServer((request, response) => {
    void (async () => {
      try {
        if (await graphql(request, response)) return;
        if (embed && request.url?.startsWith('/embed/')) {
          // Images show what the API shows: a server that asks for a token asks it of them too.
          if (options.token !== undefined && request.headers.authorization !== `token ${options.token}`) {
            return end(response, 401, 'Invalid access token.');
          }
          if (await embed(request, response)) return;
        }
        if (options.csp) response.setHeader('Content-Security-Policy', STRICT_CSP);
        if (options.static && request.method === 'GET' && (await serveStatic(request, response, options.static))) return;
        end(response, 404, 'Not found');
      } catch (error) {
        console.error(error);
        if (!response.headersSent) end(response, 500, 'Internal server error');
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
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
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
    end(response, 200, content, TYPES[extname(file)] ?? 'application/octet-stream');
    return true;
  } catch {
    return false;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('Request body too large.'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function end(response: ServerResponse, status: number, body: string | Buffer = '', type = 'text/plain; charset=utf-8'): void {
  response.statusCode = status;
  if (body.length) response.setHeader('Content-Type', type);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.end(body);
}
