/**
 * One call to the upstream Sourcegraph instance, and what its faults become for the caller. Every answer is
 * plain data (status, body, a few headers) built here, never the upstream's own headers: no Set-Cookie or
 * anything else of the instance's leaks through, and the token is scrubbed from every body the instance sends.
 */
import type { CachedAnswer } from './cache.ts';

export interface UpstreamCall {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  /** `graphql` answers faults as GraphQL error bodies; `text` as plain text (the CSV export). */
  format: 'graphql' | 'text';
}

export interface UpstreamSettings {
  token?: string;
  timeoutMs: number;
  fetch: typeof fetch;
  /** One line per fault, for the operator; never holds the token. */
  log: (line: string) => void;
  /** Answer bytes being read from the instance right now, over all calls (shared by every call of one proxy). */
  bytesInFlight: { current: number };
}

/** An answer plus whether it may be kept in the cache (successful, without GraphQL errors). */
export interface UpstreamAnswer extends CachedAnswer {
  cacheable: boolean;
}

/** Bodies larger than this are not passed on (an instance answering gigabytes must not exhaust the proxy). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/**
 * All answers being read at once hold at most this much: 20 concurrent 20 MB answers took the proxy from 182 to
 * 891 MB. A call that would go over it is answered 503 (try again), not queued with its bytes in memory.
 */
export const MAX_BYTES_IN_FLIGHT = 64 * 1024 * 1024;

class TooLarge extends Error {}
class Busy extends Error {}

export async function callUpstream(call: UpstreamCall, settings: UpstreamSettings): Promise<UpstreamAnswer> {
  const headers: Record<string, string> = { 'User-Agent': 'code-insights-server (read-only proxy)' };
  if (call.format === 'graphql') Object.assign(headers, { 'Content-Type': 'application/json', Accept: 'application/json' });
  if (settings.token) headers.Authorization = `token ${settings.token}`;
  const fault = (status: number, messages: string[], extra: Record<string, string> = {}): UpstreamAnswer => {
    settings.log(`read-only proxy: ${call.method} ${new URL(call.url).pathname}: ${messages[0]}`);
    return failure(call.format, status, messages.map((m) => redact(m, settings.token)), extra);
  };

  let response: Response;
  let text: string;
  try {
    response = await settings.fetch(call.url, {
      method: call.method,
      headers,
      body: call.body,
      // A redirect would carry the token to wherever it points; the instance's address is fixed instead.
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    text = await readText(response, settings.bytesInFlight);
  } catch (error) {
    if (error instanceof TooLarge) return fault(502, [`The upstream instance's answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; the proxy does not pass it on.`]);
    if (error instanceof Busy) {
      return fault(503, [`The proxy is reading ${MAX_BYTES_IN_FLIGHT / 1024 / 1024} MB of other answers from the instance: try again in a few seconds.`], { 'Retry-After': '2' });
    }
    if (isTimeout(error)) {
      return fault(504, [`The upstream instance did not answer within ${settings.timeoutMs / 1000} s (the proxy's --upstream-timeout).`]);
    }
    return fault(502, [`The upstream instance could not be reached (${networkCode(error)}).`]);
  }

  const { status } = response;
  if (status >= 200 && status < 300) return success(call.format, response, redact(text, settings.token), fault);
  // Scrubbed before the messages are cut short, or a token straddling the cut would leave its first part.
  const said = upstreamMessages(redact(text, settings.token)).map((m) => `The upstream instance said: ${m}`);
  if (status >= 300 && status < 400) {
    return fault(502, [`The upstream instance answered with a redirect (HTTP ${status}), which the proxy does not follow: set --upstream to the instance's final address.`]);
  }
  if (status === 401) {
    const why = settings.token ? "rejected the proxy's access token" : 'needs an access token, and the proxy has none';
    return fault(401, [`The upstream instance ${why} (HTTP 401): whoever runs the proxy must check SRC_ACCESS_TOKEN.`]);
  }
  if (status === 403) return fault(403, [`The upstream instance refused the request (HTTP 403).`, ...said]);
  if (status === 429) {
    const retryAfter = sanitizeRetryAfter(response.headers.get('Retry-After'));
    const when = retryAfter === undefined ? 'later' : /^\d+$/.test(retryAfter) ? `in ${retryAfter} s` : `after ${retryAfter}`;
    return fault(429, [`The upstream instance is rate-limiting the proxy (HTTP 429): try again ${when}.`], retryAfter ? { 'Retry-After': retryAfter } : {});
  }
  if (status === 400) return fault(400, [`The upstream instance could not read the request (HTTP 400).`, ...said]);
  if (status === 504) return fault(504, [`The upstream instance timed out (HTTP 504).`, ...said]);
  return fault(502, [`The upstream instance answered HTTP ${status}${status >= 500 ? ' (an error on the instance)' : ''}.`, ...said]);
}

function success(format: UpstreamCall['format'], response: Response, text: string, fault: (status: number, messages: string[]) => UpstreamAnswer): UpstreamAnswer {
  if (format === 'text') {
    // The export is CSV whatever the instance calls it: an upstream `text/html` must not become a page here.
    const headers: Record<string, string> = { 'Content-Type': 'text/csv; charset=utf-8' };
    const disposition = response.headers.get('Content-Disposition');
    if (disposition && /^attachment; filename="[\w .-]+"$/.test(disposition)) headers['Content-Disposition'] = disposition;
    return { status: 200, body: text, headers, cacheable: true };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const type = response.headers.get('Content-Type')?.split(';')[0] ?? 'no content type';
    return fault(502, [`The upstream instance answered HTTP ${response.status} with a body that is not JSON (${type}): is --upstream the address of a Sourcegraph instance?`]);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fault(502, [`The upstream instance answered with JSON that is not a GraphQL response.`]);
  }
  const errors = (body as { errors?: unknown }).errors;
  const cacheable = errors === undefined || errors === null || (Array.isArray(errors) && errors.length === 0);
  return { status: 200, body: text, headers: { 'Content-Type': 'application/json' }, cacheable };
}

export function failure(format: UpstreamCall['format'], status: number, messages: string[], extra: Record<string, string>): UpstreamAnswer {
  if (format === 'text') {
    return { status, body: messages.join('\n'), headers: { 'Content-Type': 'text/plain; charset=utf-8', ...extra }, cacheable: false };
  }
  return { status, body: graphqlErrorBody(messages), headers: { 'Content-Type': 'application/json', ...extra }, cacheable: false };
}

/** Sourcegraph's shape for a request that produced no data. */
export function graphqlErrorBody(messages: readonly string[]): string {
  return JSON.stringify({ data: null, errors: messages.map((message) => ({ message })) });
}

/**
 * Reads the body, refusing more than MAX_BODY_BYTES, and more than MAX_BYTES_IN_FLIGHT with the other calls'
 * answers; the fetch's timeout signal also covers a body that stalls.
 */
async function readText(response: Response, inFlight: { current: number }): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (size + chunk.byteLength > MAX_BODY_BYTES) throw new TooLarge();
      // The chunk that would go over is dropped, and its call answered: the calls already in are not.
      if (inFlight.current + chunk.byteLength > MAX_BYTES_IN_FLIGHT) throw new Busy();
      size += chunk.byteLength;
      inFlight.current += chunk.byteLength;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    inFlight.current -= size;
  }
}

/** The messages of a GraphQL-shaped error body (cost limits, instance errors), at most a few, kept short. */
function upstreamMessages(text: string): string[] {
  try {
    const { errors } = JSON.parse(text) as { errors?: unknown };
    if (!Array.isArray(errors)) return [];
    return errors
      .map((e) => (typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined))
      .filter((m): m is string => typeof m === 'string' && m.length > 0)
      .slice(0, 5)
      .map((m) => m.slice(0, 500));
  } catch {
    return [];
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || (error.cause instanceof Error && error.cause.name === 'TimeoutError'));
}

/** ECONNREFUSED, ENOTFOUND, …: the code only, since a system error's message may spell out more than needed. */
function networkCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : 'network error';
}

/** `Retry-After` passed on only as delay seconds or an HTTP date, nothing else the instance might put there. */
function sanitizeRetryAfter(value: string | null): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d{1,6}$/.test(trimmed)) return trimmed;
  return /^[\w ,:]{1,40}$/.test(trimmed) && !Number.isNaN(Date.parse(trimmed)) ? trimmed : undefined;
}

/**
 * The token out of anything the instance sends back (an echoing instance or error page must not reveal it):
 * as sent, re-cased, each character JSON-escaped (`\u0073`) or percent-encoded, and in base64 or hex (e.g.
 * inside a Basic credential) at any alignment. Redacting a little more than the token is harmless.
 */
export function redact(text: string, token: string | undefined): string {
  return token ? text.replace(tokenPattern(token), '[redacted]') : text;
}

const tokenPatterns = new Map<string, RegExp>();

function tokenPattern(token: string): RegExp {
  let pattern = tokenPatterns.get(token);
  if (pattern) return pattern;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
  const character = (c: string) => {
    const hex = c.charCodeAt(0).toString(16).padStart(2, '0');
    const forms = [escape(c), `\\\\u${hex.padStart(4, '0')}`, ...(hex.length === 2 ? [`%${hex}`] : [])];
    return `(?:${forms.join('|')})`;
  };
  const bytes = Buffer.from(token, 'utf8');
  const encodings = [Buffer.from(token, 'utf8').toString('hex')];
  for (let shift = 0; shift < 3; shift++) {
    // The base64 characters that depend on the token's bytes alone, with `shift` bytes before it.
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((8 * shift) / 6), Math.floor((8 * (shift + bytes.length)) / 6));
    encodings.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  // Sourcegraph's tokens are `sgp_<secret>`: the secret alone must not come back either.
  const secret = /_([^_]{16,})$/.exec(token)?.[1];
  const alternatives = [token, ...(secret ? [secret] : [])].map((t) => [...t].map(character).join(''));
  alternatives.push(...encodings.filter((e) => e.length >= 8).map(escape));
  pattern = new RegExp(alternatives.join('|'), 'gi');
  // One proxy has one token; the map only spares rebuilding it per answer.
  if (tokenPatterns.size > 8) tokenPatterns.clear();
  tokenPatterns.set(token, pattern);
  return pattern;
}
