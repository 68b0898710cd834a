/**
 * Requests as the load test sends them: plain node:http (any Host, Origin and body, as a hostile client would),
 * over one keep-alive agent, each with its latency. A network failure is an answer with status 0, never a throw.
 */
import { Agent, request as httpRequest } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  ms: number;
  /** Set when no HTTP answer came (connection refused or reset, timeout). */
  error?: string;
}

export interface Call {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
/** Past this a request counts as failed: far above every limit the servers promise. */
const GIVE_UP_MS = 30_000;

export function send(base: string, call: Call): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (answer: Omit<Answer, 'ms'>) => resolve({ ...answer, ms: performance.now() - started });
    const request = httpRequest(`${base}${call.path}`, { method: call.method ?? 'GET', headers: call.headers, agent, timeout: GIVE_UP_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', (error) => done({ status: 0, headers: {}, text: '', error: error.message }));
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${GIVE_UP_MS / 1000} s`)));
    request.on('error', (error) => done({ status: 0, headers: {}, text: '', error: (error as NodeJS.ErrnoException).code ?? error.message }));
    request.end(call.body);
  });
}

export const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** A GraphQL POST as the elements send it. */
export function graphql(query: string, variables: object = {}, operationName?: string): Call {
  return { method: 'POST', path: `/.api/graphql${operationName ? `?${operationName}` : ''}`, headers: JSON_HEADERS, body: JSON.stringify({ query, variables, operationName }) };
}
