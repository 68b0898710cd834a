/**
 * Which browser pages may call the servers' API (`/.api/*`). By default only pages served by the server itself
 * (same origin) and non-browser callers (no Origin header: curl, server-side code, <img> requests) get through;
 * other origins only when listed (`--allow-origin`, `*` for any). Sourcegraph itself mirrors any Origin, but
 * every request there carries the caller's own credentials; the proxy lends its token to whoever calls it, and
 * the local server reads a private repository's history, so both answer foreign pages only when told to.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestError } from './responses.ts';

/** `none`: no Origin header; `same`: the server's own pages; `listed`: an allowed origin; `refused`: any other. */
export type OriginVerdict = 'none' | 'same' | 'listed' | 'refused';

export interface OriginPolicy {
  /** Exact origins (`https://wiki.example.com`), or `*` for any. */
  allowOrigins: readonly string[];
}

/** `https://Wiki.example.com/some/page` → `https://wiki.example.com`; `*` stays; anything else throws. */
export function normalizeOrigin(value: string): string {
  if (value === '*') return value;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${value} is not an http(s) origin.`);
  return url.origin;
}

/**
 * Where the request comes from. `same` compares the Origin with the Host the browser connected to, so the Host
 * must have been checked first (hosts.ts): a DNS-rebound page has a matching Host and Origin of its own.
 */
export function originVerdict(request: IncomingMessage, policy: OriginPolicy): OriginVerdict {
  const origin = request.headers.origin;
  if (origin === undefined) return 'none';
  if (policy.allowOrigins.includes('*') || policy.allowOrigins.includes(origin)) return 'listed';
  try {
    // Browsers send Origin on same-origin POSTs too; the Host they connected to is the server's own.
    if (origin !== 'null' && new URL(origin).host === request.headers.host) return 'same';
  } catch {
    // not a URL: refused below
  }
  return 'refused';
}

export interface CorsHeaderOptions {
  /** Mirror Sourcegraph's `Allow-Credentials` (the local server), or not (the proxy takes no cookies). */
  credentials: boolean;
}

/**
 * Checks the origin and sets the CORS headers for a listed one; throws RequestError 403 naming `--allow-origin`
 * for any other foreign page, before any work is done for it.
 */
export function applyOriginPolicy(request: IncomingMessage, response: ServerResponse, policy: OriginPolicy, options: CorsHeaderOptions): OriginVerdict {
  const verdict = originVerdict(request, policy);
  response.setHeader('Vary', 'Origin');
  if (verdict === 'refused') {
    throw new RequestError(403, `Refused: pages on ${request.headers.origin} may not call this server (start it with --allow-origin ${request.headers.origin} to allow them).`);
  }
  if (verdict !== 'listed') return verdict;
  response.setHeader('Access-Control-Allow-Origin', request.headers.origin!);
  if (options.credentials) response.setHeader('Access-Control-Allow-Credentials', 'true');
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  // Authorization is listed for `--token` (a token for the server itself); the proxy never forwards it upstream.
  response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, X-Requested-With, X-Sourcegraph-Client');
  response.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  response.setHeader('Access-Control-Max-Age', '600');
  return verdict;
}

/** POSTs must say they are JSON: a foreign page cannot send that without a CORS preflight, which it would fail. */
export function requireJSON(request: IncomingMessage): void {
  const type = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new RequestError(415, `POST requests must be JSON, sent with "Content-Type: application/json"${type ? ` (not ${type})` : ''}.`);
  }
}
