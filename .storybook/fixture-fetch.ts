/**
 * A `fetch` for `configure()` that answers `POST {instance}/.api/graphql` in the browser, with the project's own
 * schema and resolvers over the fixture insights: Storybook needs no server. The instance URL's path picks a
 * scenario, as the browser tests' endpoint does (test/support/endpoint.ts):
 *
 *   https://sourcegraph.example.com/.api/graphql                         the fixtures
 *   https://sourcegraph.example.com/status/<code>/.api/graphql           that HTTP status (401, 403, 429, 500, 503…)
 *   https://sourcegraph.example.com/body/<kind>/.api/graphql             HTTP 200 with a broken body: not-json, array,
 *                                                                        wrong-shape, graphql-error, partial
 *   https://sourcegraph.example.com/hang/.api/graphql                    never answers (until the request is aborted)
 *   https://sourcegraph.example.com/processing-forever/.api/graphql      the fixtures, every line insight still
 *                                                                        processing, half done, no points yet
 *
 * Anything else (the `src` files of third-party stories) goes to the browser's own fetch.
 */
import { buildSchema, type GraphQLSchema } from 'graphql';
import { runGraphQL, type GraphQLBody } from '../server/graphql/run.ts';
import { FixtureSource } from '../server/sources/fixtures/source.ts';
import { createRootValue } from '../server/graphql/resolvers.ts';
import schemaSDL from '../server/graphql/schema.graphql?raw';
import { bodyFault, statusFault } from '../server/sources/fixtures/faults.ts';

export const FIXTURE_INSTANCE = 'https://sourcegraph.example.com';

let schema: GraphQLSchema | undefined;
let source = new FixtureSource();
let rootValue = createRootValue(source);

/** Starts the fixtures over (the processing fixture answers "processing" again), as a fresh page would. */
export function resetFixtures(): void {
  source = new FixtureSource();
  rootValue = createRootValue(source);
}

export const fixtureFetch: typeof fetch = async (input, init) => {
  const request = input instanceof Request ? input : undefined;
  const url = new URL(request?.url ?? String(input instanceof URL ? input.href : input), location.href);
  const fixtureOrigin = new URL(FIXTURE_INSTANCE).origin;
  if (url.origin !== fixtureOrigin) return fetch(input, init);

  const signal = init?.signal ?? request?.signal ?? undefined;
  signal?.throwIfAborted();
  const match = /^(?:\/([a-z-]+)(?:\/([\w-]+))?)?\/\.api\/graphql$/.exec(url.pathname);
  if (!match) return json(404, { error: 'no such scenario' });
  if ((init?.method ?? request?.method ?? 'GET').toUpperCase() !== 'POST') return text(405, 'Method Not Allowed');
  const [, scenario, argument] = match;

  switch (scenario) {
    case undefined:
      return json(200, await execute(await bodyOf(input, init)));
    case 'processing-forever':
      return json(200, stillProcessing(await execute(await bodyOf(input, init))));
    case 'status':
      return statusResponse(Number(argument));
    case 'body':
      return bodyResponse(argument ?? '');
    case 'hang':
      return new Promise<Response>((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason ?? new DOMException('The request was aborted.', 'AbortError')), {
          once: true,
        });
      });
  }
  return json(404, { error: 'no such scenario' });
};

async function execute(body: GraphQLBody): Promise<unknown> {
  schema ??= buildSchema(schemaSDL);
  return runGraphQL(schema, rootValue, body);
}

async function bodyOf(input: RequestInfo | URL, init: RequestInit | undefined): Promise<GraphQLBody> {
  const raw = init?.body !== undefined && init.body !== null ? String(init.body) : input instanceof Request ? await input.text() : '';
  try {
    return JSON.parse(raw) as GraphQLBody;
  } catch {
    return {};
  }
}

/** Every line insight in the answer reports "still loading", half its jobs done and no points yet. */
function stillProcessing(result: unknown): unknown {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.dataSeries)) {
      for (const series of record.dataSeries as Record<string, unknown>[]) {
        const status = (series.status ?? {}) as Record<string, unknown>;
        const total = Number(status.completedJobs ?? 0) + Number(status.pendingJobs ?? 0) || 12;
        series.status = { ...status, isLoadingData: true, completedJobs: Math.floor(total / 2), pendingJobs: total - Math.floor(total / 2) };
        series.points = [];
      }
    }
    Object.values(record).forEach(visit);
  };
  visit(result);
  return result;
}

function statusResponse(status: number): Response {
  const fault = statusFault(status);
  return text(fault.status, fault.body, fault.headers);
}

function bodyResponse(kind: string): Response {
  const fault = bodyFault(kind);
  return text(fault.status, fault.body, fault.headers);
}

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  // A null-body status (204, 304) may not carry a body at all.
  return new Response([101, 204, 205, 304].includes(status) ? null : body, { status, headers: { 'Content-Type': 'text/plain', ...headers } });
}

function json(status: number, value: unknown): Response {
  return text(status, JSON.stringify(value), { 'Content-Type': 'application/json' });
}
