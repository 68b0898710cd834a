/**
 * Which names the servers answer for: a protection against DNS rebinding, where a hostile site points its own
 * name at 127.0.0.1 (or an intranet address), so that its pages are "same origin" with the server and can read
 * it. The browser still sends the hostile name in `Host`, so a server that answers only for its own names is
 * out of reach. As in Vite's `allowedHosts`: loopback names and IP addresses (which cannot be rebound) always;
 * other names only when listed with `--allow-host` (`.example.com` for it and its subdomains, `*` for any).
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { RequestError } from './responses.ts';

export interface HostPolicy {
  /** Names from `--allow-host`, lower case: `insights.example.com`, `.example.com`, or `*`. */
  allowHosts: readonly string[];
}

/** `Insights.Example.com:8080` → `insights.example.com`; `[::1]:80` → `::1`; anything else that is no host → ''. */
export function hostName(host: string): string {
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d*)?$/i.exec(host);
  if (bracketed) return bracketed[1].toLowerCase();
  const plain = /^([a-z0-9.-]+?)\.?(?::\d*)?$/i.exec(host);
  return plain ? plain[1].toLowerCase() : '';
}

/** `--allow-host` values as the policy keeps them; throws for what cannot be a host name. */
export function normalizeAllowedHost(value: string): string {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === '*') return trimmed;
  const name = trimmed.startsWith('.') ? trimmed.slice(1) : trimmed;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(name) && !isIP(name)) throw new Error(`--allow-host ${value} is not a host name (e.g. insights.example.com or .example.com).`);
  return trimmed;
}

export function hostAllowed(host: string | undefined, policy: HostPolicy): boolean {
  // HTTP/1.0 clients may send none; browsers always do, and rebinding needs a browser.
  if (host === undefined) return true;
  const name = hostName(host);
  if (!name) return false;
  if (isIP(name) || name === 'localhost' || name.endsWith('.localhost')) return true;
  return policy.allowHosts.some((allowed) => allowed === '*' || allowed === name || (allowed.startsWith('.') && (name === allowed.slice(1) || name.endsWith(allowed))));
}

/** Throws RequestError 403 for a Host the server does not answer for. */
export function checkHost(request: IncomingMessage, policy: HostPolicy): void {
  if (hostAllowed(request.headers.host, policy)) return;
  const name = hostName(request.headers.host!).slice(0, 100);
  if (!name) throw new RequestError(400, 'Refused: the Host header is not a host name.');
  throw new RequestError(
    403,
    `Refused: this server does not answer for the host name "${name}" (a protection against DNS rebinding). If that is its name, start it with --allow-host ${name}.`,
  );
}
