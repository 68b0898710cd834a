/**
 * Proxy mode: the server answers Sourcegraph's API by forwarding read-only insights queries to a real instance
 * with an access token only the server holds, so the pages that show insights carry no token at all.
 *
 * `createUpstreamFetch` is the forwarding as a Fetch-API function (allowlist, token, cache, fault mapping); the
 * HTTP handler and the image embeds both go through it. `proxyHandler` adds what only browser callers need:
 * the origin policy (CORS) and, optionally, a token for the proxy itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorized } from '../http/auth.ts';
import { readBody } from '../http/body.ts';
import { applyOriginPolicy, requireJSON, type OriginPolicy } from '../http/cors.ts';
import { answeringRequestErrors, requestURL, send } from '../http/responses.ts';
import { checkGraphQLRequest } from './allowlist.ts';
import { ResponseCache, type CachedAnswer } from './cache.ts';
import { ConcurrencyLimit, QueueFullError } from '../shared/concurrency-limit.ts';
import { WeightedLru } from '../engine/lru.ts';
import { fromReader, type UsageCounter } from '../usage/usage-counter.ts';
import { callUpstream, failure, graphqlErrorBody, type UpstreamAnswer, type UpstreamCall, type UpstreamSettings } from './upstream.ts';

export { ALLOWED_ROOT_FIELDS } from './allowlist.ts';

export interface UpstreamOptions {
  /** The instance, e.g. `https://sourcegraph.example.com` (a path prefix is kept). */
  upstream: string;
  /** Sent upstream as `Authorization: token …` and nowhere else. */
  token?: string;
  /** Seconds before an upstream call counts as hung (default 25, under the elements' own 30 s). */
  timeoutSeconds?: number;
  /** Seconds an identical request is answered from the cache (default 30; 0 turns the cache off). */
  cacheTtlSeconds?: number;
  cacheMaxEntries?: number;
  /** The fetch that reaches the instance (tests give a stand-in). */
  fetch?: typeof fetch;
  /** Where upstream faults are reported (default console.warn). */
  log?: (line: string) => void;
}

export const DEFAULT_UPSTREAM_TIMEOUT_SECONDS = 25;
export const DEFAULT_CACHE_TTL_SECONDS = 30;
/** Upstream calls at once, and waiting (more are answered 503): what one replica asks of the instance at most. */
export const MAX_UPSTREAM_CALLS = 16;
const MAX_QUEUED_CALLS = 256;

/** Relay ids are base64 (with `=`, `+`, `/`) or URL-safe base64; nothing else may travel into the export path. */
const EXPORT_ID = /^[A-Za-z0-9+/=_-]{1,512}$/;

/** `https://sourcegraph.example.com/` → `https://sourcegraph.example.com`; refuses what cannot be an instance. */
export function normalizeUpstream(upstream: string): string {
  let url: URL;
  try {
    url = new URL(upstream.trim());
  } catch {
    throw new Error(`--upstream ${upstream} is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`--upstream must be an http(s) URL, not ${url.protocol}`);
  // Credentials in the URL would end up in logs and error messages; the token has its own variable.
  if (url.username || url.password) throw new Error('--upstream must not contain a user name or password (use SRC_ACCESS_TOKEN).');
  if (url.search || url.hash) throw new Error('--upstream must not have a query string or fragment.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * A Fetch-API function answering `…/.api/graphql` POSTs and `…/.api/insights/export/<id>` GETs from the upstream
 * instance, for allowed requests only (any host in the input URL: only the path is read). Refusals and upstream
 * faults are answers, never rejections; only the caller's own abort signal rejects.
 */
export function createUpstreamFetch(options: UpstreamOptions): typeof fetch {
  const base = normalizeUpstream(options.upstream);
  const settings: UpstreamSettings = {
    token: options.token || undefined,
    timeoutMs: (options.timeoutSeconds ?? DEFAULT_UPSTREAM_TIMEOUT_SECONDS) * 1000,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    log: options.log ?? ((line) => console.warn(line)),
    bytesInFlight: { current: 0 },
  };
  const cache = new ResponseCache({ ttlSeconds: options.cacheTtlSeconds ?? DEFAULT_CACHE_TTL_SECONDS, maxEntries: options.cacheMaxEntries });
  const cacheable = (answer: CachedAnswer) => (answer as UpstreamAnswer).cacheable;
  // Checking a batched document against the schema takes ~10 ms: a page's identical requests are checked once.
  const checkedBodies = new WeightedLru<string, ReturnType<typeof checkGraphQLRequest>>(8 * 1024 * 1024);
  // Calls the cache could not answer or merge: a burst of distinct queries waits here, not at the instance.
  const calls = new ConcurrencyLimit({ concurrent: MAX_UPSTREAM_CALLS, queued: MAX_QUEUED_CALLS });
  const limited = (call: UpstreamCall) => async (): Promise<UpstreamAnswer> => {
    try {
      return await calls.run(() => callUpstream(call, settings));
    } catch (error) {
      if (!(error instanceof QueueFullError)) throw error;
      return failure(call.format, 503, [`The proxy is busy: ${error.message} Try again in a few seconds.`], { 'Retry-After': '2' });
    }
  };

  async function answer(request: Request): Promise<CachedAnswer> {
    const path = new URL(request.url).pathname.replace(/\/+$/, '');
    if (path.endsWith('/.api/graphql')) {
      if (request.method !== 'POST') return plain(405, 'method must be POST');
      const text = await request.text();
      let checked = checkedBodies.get(text);
      if (!checked) {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          return plain(400, 'The request body is not JSON.');
        }
        checked = checkGraphQLRequest(body);
        checkedBodies.set(text, checked, text.length);
      }
      // Refused as Sourcegraph refuses an invalid document: HTTP 200 and GraphQL errors, and nothing sent upstream.
      if (!checked.allowed) return { status: 200, body: graphqlErrorBody(checked.messages), headers: { 'Content-Type': 'application/json' } };
      const url = `${base}/.api/graphql${checked.name ? `?${checked.name}` : ''}`;
      return cache.get(`POST ${checked.body}`, limited({ url, method: 'POST', body: checked.body, format: 'graphql' }), cacheable);
    }
    const exported = /\/\.api\/insights\/export\/([^/]+)$/.exec(path);
    if (exported) {
      if (request.method !== 'GET') return plain(405, 'method must be GET');
      let id: string;
      try {
        id = decodeURIComponent(exported[1]);
      } catch {
        id = '';
      }
      if (!EXPORT_ID.test(id)) return plain(400, 'Refused by the read-only insights proxy: that is not an insight id.');
      const url = `${base}/.api/insights/export/${encodeURIComponent(id)}`;
      return cache.get(`GET ${id}`, limited({ url, method: 'GET', format: 'text' }), cacheable);
    }
    return plain(404, 'Not found');
  }

  return async (input, init) => {
    const request = new Request(input, init);
    request.signal.throwIfAborted();
    // The upstream call may be shared with other callers, so a caller leaving stops waiting, not the call.
    const { status, body, headers } = await untilAborted(answer(request), request.signal);
    return new Response(body, { status, headers: { ...headers, 'X-Content-Type-Options': 'nosniff' } });
  };
}

function plain(status: number, message: string): CachedAnswer {
  return { status, body: message, headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

export interface ProxyHandlerOptions extends OriginPolicy {
  /** The forwarding (from createUpstreamFetch). */
  upstreamFetch: typeof fetch;
  /** A token for the proxy itself: callers must send `Authorization: token <this>` (or the `token-sudo` form). Never forwarded. */
  token?: string;
  /** Counts the insight and dashboard views the requests stand for (reports' "most viewed"). */
  usage?: UsageCounter;
}

/**
 * The HTTP side of proxy mode, shaped like `graphqlHandler` (graphql/handler.ts): true when it answered (the API paths),
 * false for other paths. Callers' Authorization and Cookie headers go no further than this function.
 */
export function proxyHandler(options: ProxyHandlerOptions) {
  return answeringRequestErrors(async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = requestURL(request.url).pathname;
    if (path !== '/.api/graphql' && !/^\/\.api\/insights\/export\/[^/]+$/.test(path)) return false;
    // No credentials: the proxy needs no cookies, and takes none.
    applyOriginPolicy(request, response, options, { credentials: false });
    if (request.method === 'OPTIONS') return send(response, 204, ''), true;
    if (!authorized(request, options.token)) {
      return send(response, 401, 'Invalid access token.'), true;
    }
    const graphql = path === '/.api/graphql' && request.method === 'POST';
    if (graphql) requireJSON(request);
    const body = graphql ? await readBody(request) : undefined;
    // Only the method, path and body cross over: no caller header reaches the instance.
    const answer = await options.upstreamFetch(new URL(path, 'http://proxy.invalid'), { method: request.method, body });
    for (const name of ['Content-Type', 'Content-Disposition', 'Retry-After']) {
      const value = answer.headers.get(name);
      if (value) response.setHeader(name, value);
    }
    response.setHeader('Cache-Control', 'no-store');
    const bytes = Buffer.from(await answer.arrayBuffer());
    // After the answer: a request the allowlist refused or the instance failed counts no view (usage-counter.ts).
    if (body && answer.ok && options.usage && fromReader(request.headers['user-agent'])) options.usage.graphql(body, bytes);
    send(response, answer.status, bytes);
    return true;
  });
}

/**
 * How long an image embed waits for data in proxy mode: longer than the proxy's own upstream timeout, so a
 * silent instance reads as the proxy's clear 504 ("did not answer within …") rather than the image giving up first.
 */
export function embedTimeoutMs(upstreamTimeoutSeconds: number): number {
  return upstreamTimeoutSeconds * 1000 + 5000;
}
