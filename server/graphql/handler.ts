/**
 * The local server's answer to Sourcegraph's API over an InsightSource: `POST /.api/graphql` and the CSV export,
 * under the servers' shared rules (origin policy, token, JSON bodies, query cost) and a bound on work at once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { authorized } from '../http/auth.ts';
import { readBody } from '../http/body.ts';
import { fromReader, type UsageCounter } from '../usage/usage-counter.ts';
import { applyOriginPolicy, requireJSON } from '../http/cors.ts';
import { answeringRequestErrors, decodePathPart, RequestError, requestURL, send } from '../http/responses.ts';
import { ConcurrencyLimit, QueueFullError } from '../shared/concurrency-limit.ts';
import type { InsightSource } from '../sources/source.ts';
import { exportCSV } from './export.ts';
import { createRootValue } from './resolvers.ts';
import { runGraphQL } from './run.ts';
import { loadSchema } from './schema-file.ts';

/**
 * GraphQL requests the local server works on at once, and how long one may wait for a place. Past them a request
 * is answered 503 with Retry-After (the elements wait and retry), so that under a flood every caller hears back
 * within seconds instead of all waiting on one overloaded process.
 */
export const GRAPHQL_LIMITS = { concurrent: 32, queued: 1000, waitMs: 3000 };

export interface GraphQLHandlerOptions {
  source: InsightSource;
  /** When set, every GraphQL request must carry `Authorization: token <this>` (or Sourcegraph's `token-sudo` form, http/auth.ts). */
  token?: string;
  /** Browser pages on these origins may call the API (`*` for any); by default only the server's own (http/cors.ts). */
  allowOrigins?: readonly string[];
  /** GraphQL requests worked on at once and waiting (default GRAPHQL_LIMITS). */
  graphqlLimits?: Partial<typeof GRAPHQL_LIMITS>;
  /** The places, when shared with other work on the same source (the image embeds' data requests). */
  executions?: GraphQLExecutions;
  /** Counts the insight and dashboard views the requests stand for (reports' "most viewed"). */
  usage?: UsageCounter;
}

/** Places for GraphQL work on one source: the API's requests and the embeds' data requests take the same ones. */
export class GraphQLExecutions {
  readonly limits: typeof GRAPHQL_LIMITS;
  readonly #places: ConcurrencyLimit;

  constructor(limits: Partial<typeof GRAPHQL_LIMITS> = {}) {
    this.limits = { ...GRAPHQL_LIMITS, ...limits };
    this.#places = new ConcurrencyLimit(this.limits);
  }

  /** `work` once a place is free; a RequestError 503 with Retry-After when none frees up in time. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.#places.run(work, AbortSignal.timeout(this.limits.waitMs));
    } catch (error) {
      if (!(error instanceof QueueFullError) && (error as Error)?.name !== 'TimeoutError') throw error;
      const why = error instanceof QueueFullError ? error.message : `the request waited ${this.limits.waitMs / 1000} s for one of ${this.limits.concurrent} places.`;
      throw new RequestError(503, `The insights server is busy: ${why} Try again in a few seconds.`, { headers: { 'Retry-After': '2' } });
    }
  }
}

/**
 * A handler for Sourcegraph's API over `source`: the GraphQL endpoint and the insight CSV export. True when it
 * answered, false for other paths. `rawBody` is for callers that already read the request body.
 */
export function graphqlHandler(options: GraphQLHandlerOptions) {
  const schema: GraphQLSchema = loadSchema();
  const rootValue = createRootValue(options.source);
  const origins = { allowOrigins: options.allowOrigins ?? [] };
  const executions = options.executions ?? new GraphQLExecutions(options.graphqlLimits);
  return answeringRequestErrors(async (request: IncomingMessage, response: ServerResponse, rawBody?: string): Promise<boolean> => {
    const path = requestURL(request.url).pathname;
    const exported = /^\/\.api\/insights\/export\/([^/]+)$/.exec(path);
    if (path !== '/.api/graphql' && !exported) return false;
    // Credentials mirrored for listed origins, as Sourcegraph answers `/.api/*`.
    applyOriginPolicy(request, response, origins, { credentials: true });
    if (request.method === 'OPTIONS') return send(response, 204), true;
    if (!authorized(request, options.token)) {
      // Sourcegraph's words and status for a wrong token (plain text, not JSON).
      return send(response, 401, 'Invalid access token.'), true;
    }
    if (exported) {
      if (request.method !== 'GET') return send(response, 405, 'method must be GET'), true;
      const csv = await exportCSV(options.source, decodePathPart(exported[1], 'insight id'));
      if (csv === undefined) return send(response, 404, 'Insight not found, or it has no series to export.'), true;
      response.setHeader('Content-Disposition', 'attachment; filename="insight.csv"');
      return send(response, 200, csv, 'text/csv; charset=utf-8'), true;
    }
    if (request.method !== 'POST') return send(response, 405, 'method must be POST'), true;
    requireJSON(request);
    let body: unknown;
    const text = rawBody ?? (await readBody(request));
    try {
      body = JSON.parse(text);
    } catch {
      return send(response, 400, 'The request body is not JSON.'), true;
    }
    const result = await executions.run(() => runGraphQL(schema, rootValue, typeof body === 'object' && body !== null ? body : {}));
    // After the answer: only the insights and dashboards it has count as viewed (usage-counter.ts).
    if (options.usage && fromReader(request.headers['user-agent'])) options.usage.graphql(text, result);
    send(response, 200, JSON.stringify(result), 'application/json');
    return true;
  });
}
