/**
 * A stand-in for a Sourcegraph instance behind the read-only proxy: a real HTTP server on a free port that
 * records every request it gets (method, URL, headers, body) and answers with Sourcegraph-shaped JSON, or with
 * the fault a test asks for.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the stand-in answers; `ok` echoes the operation name and variables back as data. */
export type Fault =
  | 'ok'
  | 'graphql-error' // HTTP 200 with `errors` (partial failure: must not be cached)
  | 'echo-headers' // HTTP 200, the request's headers in the data (an instance that reflects the token)
  | 'server-error' // HTTP 500 with a GraphQL body that quotes the token
  | 'rate-limit' // HTTP 429, Retry-After: 7
  | 'unauthorized' // HTTP 401, plain text, as Sourcegraph answers a wrong token
  | 'cost-limit' // HTTP 403 with GraphQL errors
  | 'redirect' // HTTP 302 to /sign-in
  | 'html' // HTTP 200 with an HTML page (not an instance: a login portal in front of it)
  | 'hang'; // never answers

export class StandInUpstream {
  readonly requests: RecordedRequest[] = [];
  fault: Fault = 'ok';
  /** Milliseconds before an `ok` answer (to make concurrent requests overlap). */
  delayMs = 0;
  /** Real answers for `ok` GraphQL requests (e.g. the local server's, for pictures of real insights). */
  respond?: (request: RecordedRequest) => Promise<{ status: number; body: string }>;
  #server: Server;
  #hanging = new Set<ServerResponse>();

  constructor() {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const recorded = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.requests.push(recorded);
        this.#answer(recorded, response);
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const response of this.#hanging) response.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #answer(request: RecordedRequest, response: ServerResponse): void {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    const authorization = request.headers.authorization ?? '';
    switch (this.fault) {
      case 'hang':
        this.#hanging.add(response);
        return;
      case 'graphql-error':
        return json(200, { data: null, errors: [{ message: 'insight not found', path: ['insightViews'] }] });
      case 'echo-headers':
        return json(200, { data: { headers: request.headers } });
      case 'server-error':
        return json(500, { errors: [{ message: `internal error while handling ${authorization}` }] });
      case 'rate-limit':
        return json(429, { errors: [{ message: 'rate limited' }] }, { 'Retry-After': '7' });
      case 'unauthorized':
        response.writeHead(401, { 'Content-Type': 'text/plain' });
        return void response.end('Invalid access token.');
      case 'cost-limit':
        return json(403, { errors: [{ message: 'query exceeds maximum query cost' }] });
      case 'redirect':
        response.writeHead(302, { Location: `${this.url}/sign-in?returnTo=%2F.api%2Fgraphql` });
        return void response.end();
      case 'html':
        response.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': 'portal=1' });
        return void response.end('<!doctype html><title>Sign in</title>');
      case 'ok':
        setTimeout(() => this.#ok(request, response), this.delayMs);
    }
  }

  #ok(request: RecordedRequest, response: ServerResponse): void {
    if (request.url.startsWith('/.api/insights/export/')) {
      response.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="insight.csv"', 'Set-Cookie': 'sgs=1' });
      return void response.end('Series,Date,Value\nTODOs,2024-01-01,3\n');
    }
    if (this.respond) {
      void this.respond(request).then(({ status, body }) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(body);
      });
      return;
    }
    const { operationName, variables } = JSON.parse(request.body) as { operationName?: string; variables?: unknown };
    response.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': 'sgs=session', 'X-Trace': 'abc' });
    response.end(JSON.stringify({ data: { operationName: operationName ?? null, variables } }));
  }
}
