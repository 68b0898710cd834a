import { defaultMessages as m } from '../model/messages.js';
import { decodeInsightView, type SavedInsight } from './decode.js';
import { InsightsError } from './errors.js';
import { INSIGHT_VIEW, INSIGHT_VIEW_LEGACY, type Operation } from './queries.js';
import { withRetry } from './retry.js';
import { postGraphQL, type GraphQLResponse, type TransportOptions } from './transport.js';

export interface ClientOptions extends TransportOptions {
  /** Automatic retries of a failed query (network, timeout, 5xx, 429). */
  retries: number;
  /** First retry backoff in milliseconds. */
  retryDelay: number;
}

export interface InsightFilters {
  includeRepoRegex?: string;
  excludeRepoRegex?: string;
  searchContexts?: string[];
}

export type SeriesSortMode = 'RESULT_COUNT' | 'LEXICOGRAPHICAL' | 'DATE_ADDED';

export interface SeriesDisplayOptions {
  sortOptions?: { mode: SeriesSortMode; direction: 'ASC' | 'DESC' };
  limit?: number;
  numSamples?: number;
}

export interface InsightViewRequest {
  id: string;
  filters?: InsightFilters;
  seriesDisplayOptions?: SeriesDisplayOptions;
}

/** One request shared by every caller that asked for the same thing while it was in flight. */
interface SharedRequest {
  promise: Promise<GraphQLResponse>;
  controller: AbortController;
  callers: number;
}

/**
 * The Sourcegraph API of one instance, with one set of credentials. Elements share it (see `clientFor`), so
 * identical requests from many cards cost one HTTP request, and a request is aborted only once every card that
 * asked for it has gone.
 */
export class InsightsClient {
  readonly instance: string;
  readonly #options: ClientOptions;
  readonly #inFlight = new Map<string, SharedRequest>();
  /** Set once the instance rejected a newer field: from then on this client speaks the mid-2022 schema. */
  #legacy = false;

  constructor(instance: string, options: ClientOptions) {
    this.instance = normalizeInstance(instance);
    this.#options = options;
  }

  /** Runs one query; identical concurrent queries share one HTTP request. */
  request(operation: Operation, variables: Record<string, unknown>, signal?: AbortSignal): Promise<GraphQLResponse> {
    const key = `${operation.name}\n${JSON.stringify(variables)}`;
    let shared = this.#inFlight.get(key);
    if (!shared) {
      const controller = new AbortController();
      const request = { query: operation.document, variables, operationName: operation.name };
      const promise = withRetry(() => postGraphQL(this.instance, request, this.#options, controller.signal), {
        retries: this.#options.retries,
        baseDelay: this.#options.retryDelay,
        maxRetryAfter: 60_000,
        signal: controller.signal,
      }).finally(() => this.#inFlight.delete(key));
      shared = { promise, controller, callers: 0 };
      this.#inFlight.set(key, shared);
    }
    return this.#follow(shared, signal);
  }

  /** A saved insight view with its data, under runtime filters and display options. */
  async insightView(request: InsightViewRequest, signal?: AbortSignal): Promise<SavedInsight> {
    const variables = {
      id: request.id,
      filters: request.filters ?? null,
      seriesDisplayOptions: request.seriesDisplayOptions ?? null,
    };
    let response = await this.request(this.#legacy ? INSIGHT_VIEW_LEGACY : INSIGHT_VIEW, variables, signal);
    if (!this.#legacy && isUnknownFieldResponse(response)) {
      this.#legacy = true;
      response = await this.request(INSIGHT_VIEW_LEGACY, variables, signal);
    }
    return decodeInsightView(response, { instance: this.instance });
  }

  #follow(shared: SharedRequest, signal?: AbortSignal): Promise<GraphQLResponse> {
    shared.callers++;
    if (!signal) return shared.promise;
    return new Promise((resolve, reject) => {
      const leave = () => {
        signal.removeEventListener('abort', leave);
        if (--shared.callers === 0) shared.controller.abort(signal.reason);
        reject(signal.reason);
      };
      if (signal.aborted) return leave();
      signal.addEventListener('abort', leave);
      shared.promise.then(
        (value) => {
          signal.removeEventListener('abort', leave);
          resolve(value);
        },
        (error) => {
          signal.removeEventListener('abort', leave);
          reject(error);
        },
      );
    });
  }
}

/** The instance rejected the document itself: a field or type its (older) schema lacks. */
function isUnknownFieldResponse(response: GraphQLResponse): boolean {
  return (
    response.data === null &&
    response.errors.some((e) => /Cannot query field|Unknown type|Unknown argument/.test(e.message))
  );
}

/** `https://sourcegraph.example.com/` → `https://sourcegraph.example.com`; anything but http(s) is refused. */
export function normalizeInstance(instance: string): string {
  let url: URL;
  try {
    url = new URL(instance.trim());
  } catch {
    throw new InsightsError('config', m.invalidInstance(instance));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InsightsError('config', m.invalidInstance(instance));
  if (url.username || url.password) throw new InsightsError('config', m.invalidInstance(url.host));
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
