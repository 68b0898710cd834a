/**
 * The one set of plain responses both servers write, and the error that carries one: anything under
 * createInsightsServer may throw a RequestError, and it is answered with its status and message, never a stack.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export class RequestError extends Error {
  override name = 'RequestError';
  readonly status: number;
  /** Close the connection after answering (a body left unread, a client that misbehaves). */
  readonly close: boolean;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, options: { close?: boolean; headers?: Record<string, string> } = {}) {
    super(message);
    this.status = status;
    this.close = options.close ?? false;
    this.headers = options.headers ?? {};
  }
}

/** A response with a body of `type` (plain text by default), never sniffed into something else. */
export function send(response: ServerResponse, status: number, body: string | Buffer = '', type = 'text/plain; charset=utf-8'): void {
  response.statusCode = status;
  if (body.length && !response.hasHeader('Content-Type')) response.setHeader('Content-Type', type);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.end(body);
}

/** A RequestError's answer; false when the response has already started (then the connection is cut). */
export function sendRequestError(response: ServerResponse, error: RequestError): boolean {
  if (response.headersSent) {
    response.destroy();
    return false;
  }
  for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
  if (error.close) response.setHeader('Connection', 'close');
  response.removeHeader('Content-Type');
  send(response, error.status, error.message);
  return true;
}

/** `decodeURIComponent`, with malformed percent-encoding as a 400 naming `what`. */
export function decodePathPart(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new RequestError(400, `The ${what} in the URL is not validly percent-encoded.`);
  }
}

/** The request's URL; a target that is not a path (e.g. `http://…` or `*`) is a 400. */
export function requestURL(target: string | undefined): URL {
  if (!target?.startsWith('/')) throw new RequestError(400, 'The request target must be a path.');
  try {
    // Not `new URL(target, base)`: a target such as `//other.example/x` would name another host.
    return new URL(`http://localhost${target}`);
  } catch {
    throw new RequestError(400, 'The request target is not a valid URL path.');
  }
}

type Handler<A extends unknown[]> = (request: IncomingMessage, response: ServerResponse, ...rest: A) => Promise<boolean>;

/** `handler`, answering the RequestErrors it throws (for handlers also used outside createInsightsServer). */
export function answeringRequestErrors<A extends unknown[]>(handler: Handler<A>): Handler<A> {
  return async (request, response, ...rest) => {
    try {
      return await handler(request, response, ...rest);
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      sendRequestError(response, error);
      return true;
    }
  };
}
