/**
 * Which browser pages may call the proxy. Unlike Sourcegraph (and the local mode), which mirror any Origin
 * because every request carries the caller's own credentials, the proxy lends its token to whoever calls it,
 * so it answers other origins only when they are listed (`--allow-origin`). By default only pages served by the
 * proxy itself (same origin) and non-browser callers (no Origin header: curl, server-side code, <img> requests)
 * get through.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** `none`: no Origin header; `same`: the proxy's own pages; `listed`: an allowed origin; `refused`: any other. */
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

export function originVerdict(request: IncomingMessage, policy: OriginPolicy): OriginVerdict {
  const origin = request.headers.origin;
  if (origin === undefined) return 'none';
  if (policy.allowOrigins.includes('*') || policy.allowOrigins.includes(origin)) return 'listed';
  try {
    // Browsers send Origin on same-origin POSTs too; the Host they connected to is the proxy's own.
    if (origin !== 'null' && new URL(origin).host === request.headers.host) return 'same';
  } catch {
    // not a URL: refused below
  }
  return 'refused';
}

/** CORS headers for a listed origin. No credentials: the proxy needs no cookies, and takes none. */
export function setProxyCorsHeaders(request: IncomingMessage, response: ServerResponse, verdict: OriginVerdict): void {
  response.setHeader('Vary', 'Origin');
  if (verdict !== 'listed') return;
  response.setHeader('Access-Control-Allow-Origin', request.headers.origin!);
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  // Authorization is listed for `--token` (a token for the proxy itself); it is never forwarded upstream.
  response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, X-Requested-With, X-Sourcegraph-Client');
  response.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  response.setHeader('Access-Control-Max-Age', '600');
}
