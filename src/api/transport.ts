import { InsightsError, decodeError, httpError } from './errors.js';
import { json } from './shape.js';

/** How requests reach one instance. Built from `configure()` and the element's own `token`. */
export interface TransportOptions {
  /** Returns the access token, if any. Called per request, so a `getToken` can refresh it. */
  token?: () => string | undefined | Promise<string | undefined>;
  /** `include` is cookie mode: the browser sends the instance's session cookie. */
  credentials: 'omit' | 'include';
  headers?: Readonly<Record<string, string>>;
  fetch?: typeof fetch;
  /** Milliseconds before a request counts as hung. */
  timeout: number;
}

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string;
}

export interface GraphQLErrorInfo {
  message: string;
  path?: readonly (string | number)[];
}

export interface GraphQLResponse {
  data: Record<string, unknown> | null;
  errors: GraphQLErrorInfo[];
}

/**
 * POSTs one GraphQL request to `{instance}/.api/graphql?{operationName}` (the name in the query string is what
 * Sourcegraph's own web app sends, for the instance's logs). Every failure becomes an InsightsError; an abort by
 * `signal` rejects with the AbortError itself, so callers can tell "gone" from "failed".
 */
/** A GET on the instance with the same credentials as GraphQL requests (the CSV export endpoint). */
export async function getFromInstance(instance: string, path: string, options: TransportOptions, signal?: AbortSignal): Promise<Blob> {
  const response = await send(`${instance}${path}`, {}, options, signal);
  if (!response.ok) throw httpError(response.status, parseRetryAfter(response.headers.get('Retry-After')));
  return response.blob();
}

/**
 * One request to the instance, as every request goes: the token only in `Authorization`, cookie mode only when
 * configured, no referrer, never a redirect followed, a timeout. Failures become InsightsErrors; an abort by
 * `signal` rejects with its own reason.
 */
async function send(url: string, init: RequestInit & { headers?: Record<string, string> }, options: TransportOptions, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers, ...init.headers };
  const token = await options.token?.();
  if (token) headers.Authorization = `token ${token}`;
  // Sourcegraph only honours a session cookie from another origin when this header is present (CSRF rule).
  if (options.credentials === 'include') headers['X-Requested-With'] = 'Sourcegraph';
  const timeout = AbortSignal.timeout(options.timeout);
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      ...init,
      headers,
      credentials: options.credentials,
      referrerPolicy: 'no-referrer',
      // Never follow a redirect: the Authorization header must reach the configured instance and nothing else.
      redirect: 'manual',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    throw fetchFailure(error, signal, timeout);
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new InsightsError('redirect', (m) => m.redirected, { status: response.status });
  }
  return response;
}

export async function postGraphQL(
  instance: string,
  request: GraphQLRequest,
  options: TransportOptions,
  signal?: AbortSignal,
): Promise<GraphQLResponse> {
  const url = `${instance}/.api/graphql?${encodeURIComponent(request.operationName)}`;
  const response = await send(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request), cache: 'no-store' }, options, signal);
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw signal?.aborted ? signal.reason : new InsightsError('network', (m) => m.network, { cause: error });
  }
  if (!response.ok) {
    const failure = httpError(response.status, parseRetryAfter(response.headers.get('Retry-After')));
    throw withBodyDetails(failure, text);
  }
  return parseGraphQLBody(text);
}

function fetchFailure(error: unknown, signal: AbortSignal | undefined, timeout: AbortSignal): unknown {
  if (signal?.aborted) return signal.reason ?? error;
  if (timeout.aborted) return new InsightsError('timeout', (m) => m.timeout, { cause: error });
  return new InsightsError('network', (m) => m.network, { cause: error });
}

export function parseGraphQLBody(text: string): GraphQLResponse {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw decodeError('response', 'a JSON body');
  }
  const response = json(body, 'response');
  return {
    data: response.opt('data')?.object() ?? null,
    errors: (response.opt('errors')?.list() ?? []).map((error) => toErrorInfo(error.value)),
  };
}

function toErrorInfo(error: unknown): GraphQLErrorInfo {
  const { message, path } = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  return {
    message: typeof message === 'string' && message ? message : 'Unknown error',
    path: Array.isArray(path) ? path.filter((p) => typeof p === 'string' || typeof p === 'number') : undefined,
  };
}

/** Sourcegraph answers a cost-limit 403 with GraphQL-shaped JSON; keep its messages as details. */
function withBodyDetails(error: InsightsError, text: string): InsightsError {
  let details: string[] = [];
  try {
    details = parseGraphQLBody(text).errors.map((e) => e.message);
  } catch {
    if (text.trim()) details = [text.trim().slice(0, 300)];
  }
  return details.length
    ? new InsightsError(error.kind, error.words ?? error.message, { status: error.status, retryAfter: error.retryAfter, details })
    : error;
}

/** `Retry-After` is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
