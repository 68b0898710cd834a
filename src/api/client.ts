import { defaultMessages as m } from '../model/messages.js';
import { toTime } from '../model/dates.js';
import { ALL_INSIGHTS } from '../model/insight-id.js';
import type { LineSeries, CategoryItem } from '../model/insight-data.js';
import { decodeAllInsights, decodeDashboard, decodeInsightView, graphqlFailure, type Dashboard, type SavedInsight } from './decode.js';
import {
  decodeAggregation,
  decodeLanguages,
  decodePreview,
  languagesQuery,
  noLanguages,
  type Aggregation,
  type AggregationMode,
} from './decode-search.js';
import type { DiffQueryScope } from './links.js';
import { InsightsError, isAbortError, type ErrorWords } from './errors.js';
import { LANGUAGES, aggregationOperation, allInsightsOperation, dashboardOperation, insightViewsOperation, previewOperation, type Operation, type SchemaGeneration } from './queries.js';
import { withRetry } from './retry.js';
import type { JsonObject } from './shape.js';
import { getFromInstance, postGraphQL, type GraphQLResponse, type TransportOptions } from './transport.js';

export interface ClientOptions extends TransportOptions {
  /** Automatic retries of a failed query (network, timeout, 5xx, 429). */
  retries: number;
  /** First retry backoff in milliseconds. */
  retryDelay: number;
  /** Insight views per aliased request: Sourcegraph refuses queries over its cost limit (HTTP 403). */
  maxViewsPerRequest?: number;
  /** Requests in flight at once; more wait for one to finish. */
  maxRequestsInFlight?: number;
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

export type StepUnit = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

export interface PreviewRequest {
  repositories: string[];
  /** A repository query (`repo:^github\.com/acme/`) instead of a list. */
  repositoryCriteria?: string;
  step: { unit: StepUnit; value: number };
  series: { query: string; label: string; captureGroups: boolean }[];
}

export interface AggregationRequest {
  query: string;
  /** null: the instance picks the mode from the query. */
  mode: AggregationMode | null;
  limit: number;
  patternType: 'literal' | 'regexp' | 'standard' | 'keyword';
}

export interface InsightViewRequest {
  id: string;
  filters?: InsightFilters;
  seriesDisplayOptions?: SeriesDisplayOptions;
}

/** One answer shared by every caller that asked for the same thing while it was pending. */
interface Shared<T> {
  promise: Promise<T>;
  /** Aborted once every caller has gone. */
  controller: AbortController;
  callers: number;
}

/** A view waiting for the next batch. */
interface QueuedView {
  key: string;
  request: InsightViewRequest;
  shared: Shared<SavedInsight>;
  resolve: (value: SavedInsight) => void;
  reject: (error: unknown) => void;
}

const DEFAULT_VIEWS_PER_REQUEST = 6;
const DEFAULT_REQUESTS_IN_FLIGHT = 4;

/** Cards on the virtual dashboard of every insight, at most. */
const MAX_ALL_INSIGHTS = 100;

/**
 * The Sourcegraph API of one instance, with one set of credentials, shared by every element on the page
 * (see `clientFor`). Insight views asked for in the same tick go out as one aliased request (a few views
 * each, under the instance's query-cost limit, with a bound on requests in flight); identical requests are
 * shared; answers are cached for the page's life unless `fresh` is asked for; a request is aborted only once
 * every element that asked for it has gone.
 */
export class InsightsClient {
  readonly instance: string;
  readonly #options: ClientOptions;
  readonly #pending = new Map<string, Shared<SavedInsight>>();
  /** Search-based answers (previews, languages, aggregations): shared while pending, then cached. */
  readonly #searches = new Map<string, { shared?: Shared<unknown>; answer?: unknown }>();
  readonly #answers = new Map<string, SavedInsight>();
  /** Configuration nodes by view id, from dashboard queries: a card need not ask for them again. */
  readonly #configs = new Map<string, JsonObject>();
  #queue: QueuedView[] = [];
  /** Views pages expect to ask for next, in order, per page part (a dashboard): spare places in a request take them. */
  readonly #upcoming = new Map<object, InsightViewRequest[]>();
  #flushScheduled = false;
  #inFlight = 0;
  /** Set once the instance rejected a newer field: from then on this client speaks the mid-2022 schema. */
  #generation: SchemaGeneration = 'current';

  constructor(instance: string, options: ClientOptions) {
    this.instance = normalizeInstance(instance);
    this.#options = options;
  }

  /** A saved insight view with its data. `fresh` skips the page-life cache (refresh, polling). */
  insightView(request: InsightViewRequest, signal?: AbortSignal, { fresh = false } = {}): Promise<SavedInsight> {
    const key = requestKey(request);
    const answered = this.#answers.get(key);
    if (answered && !fresh) return Promise.resolve(answered);
    const shared = this.#pending.get(key) ?? this.#enqueue(key, request);
    this.#scheduleFlush();
    return follow(shared, signal);
  }

  /**
   * Tells the client which views `owner` (a dashboard) will probably ask for, in order. When a request goes
   * out with spare places, they are filled with the first of these not loaded yet: cards out of view cost no
   * extra request, and a dashboard scrolled one row at a time still needs few requests.
   */
  expect(owner: object, requests: InsightViewRequest[]): void {
    if (requests.length) this.#upcoming.set(owner, requests);
    else this.#upcoming.delete(owner);
  }

  #enqueue(key: string, request: InsightViewRequest): Shared<SavedInsight> {
    let resolve!: (value: SavedInsight) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<SavedInsight>((res, rej) => ((resolve = res), (reject = rej)));
    const shared: Shared<SavedInsight> = { promise, controller: new AbortController(), callers: 0 };
    this.#pending.set(key, shared);
    promise.then(
      (insight) => {
        // An insight still being computed changes under us: only finished answers are kept.
        if (!insight.data.processing) this.#answers.set(key, insight);
      },
      () => {},
    );
    const forget = () => this.#pending.get(key) === shared && this.#pending.delete(key);
    // Settled, or abandoned by every caller: a later caller must start afresh, not join a dead request.
    promise.then(forget, forget);
    shared.controller.signal.addEventListener('abort', forget, { once: true });
    this.#queue.push({ key, request, shared, resolve, reject });
    return shared;
  }

  /** Fills the last request's spare places with expected views that are neither loaded nor on their way. */
  #topUp(perRequest: number): void {
    let spare = (perRequest - (this.#queue.length % perRequest)) % perRequest;
    for (const requests of this.#upcoming.values()) {
      for (const request of requests) {
        if (spare === 0) return;
        const key = requestKey(request);
        if (this.#answers.has(key) || this.#pending.has(key)) continue;
        this.#enqueue(key, request);
        spare--;
      }
    }
  }

  /** A dashboard's title and insight view ids; the views' configuration is kept for their cards. */
  async dashboard(id: string, signal?: AbortSignal): Promise<Dashboard> {
    const all = id === ALL_INSIGHTS;
    const { response } = await this.#ask(
      (generation) =>
        all ? { operation: allInsightsOperation(generation), variables: { first: MAX_ALL_INSIGHTS } } : { operation: dashboardOperation(generation), variables: { id } },
      signal,
    );
    const dashboard = all ? decodeAllInsights(response, m.allInsights) : decodeDashboard(response);
    for (const [viewId, config] of dashboard.configs) this.#configs.set(viewId, config);
    return dashboard;
  }

  /** Forgets cached answers, so the next request of every view goes to the instance. */
  clearCache(): void {
    this.#answers.clear();
    this.#searches.clear();
  }

  /** Every point of a saved insight as CSV from the instance's export endpoint, archived ones included. */
  exportCSV(id: string, signal?: AbortSignal): Promise<Blob> {
    return getFromInstance(this.instance, `/.api/insights/export/${encodeURIComponent(id)}`, this.#options, signal);
  }

  /** Series of an ad-hoc search insight, computed by the instance without saving anything. */
  preview(request: PreviewRequest, signal?: AbortSignal, options?: { fresh?: boolean }): Promise<LineSeries[]> {
    const series = request.series.map((s) => ({ query: s.query, label: s.label, generatedFromCaptureGroups: s.captureGroups, groupBy: null }));
    // Keyed by what is sent: a series' colour or the card's number of points needs no new search.
    const key = { repositories: request.repositories, repositoryCriteria: request.repositoryCriteria, step: request.step, series };
    return this.#search(
      'preview',
      key,
      (generation) => {
        // The mid-2022 schema scopes previews by a list of repositories only.
        if (generation === 'legacy' && request.repositoryCriteria) throw unsupported((m) => m.repositoryCriteria);
        const repositoryScope =
          generation === 'current' ? { repositories: request.repositories, repositoryCriteria: request.repositoryCriteria ?? null } : { repositories: request.repositories };
        return { operation: previewOperation(generation), variables: { input: { repositoryScope, timeScope: { stepInterval: request.step }, series } } };
      },
      (response, generation) =>
        decodePreview(response, this.instance, generation === 'legacy' ? (label) => legacyScope(request, label) : undefined),
      signal,
      options,
    );
  }

  /** Lines per language in a repository (and path), largest first. */
  languages(request: { repository: string; path?: string }, signal?: AbortSignal, options?: { fresh?: boolean }): Promise<CategoryItem[]> {
    const query = languagesQuery(request.repository, request.path);
    return this.#search(
      'languages',
      { query },
      () => ({ operation: LANGUAGES, variables: { query } }),
      (response) => {
        const items = decodeLanguages(response, this.instance, query).sort((a, b) => b.value - a.value);
        if (!items.length) throw noLanguages();
        return items;
      },
      signal,
      options,
    );
  }

  /** Search results grouped by repository, path, author or capture group. */
  aggregation(request: AggregationRequest, signal?: AbortSignal, options?: { fresh?: boolean }): Promise<Aggregation> {
    return this.#search(
      'aggregation',
      request,
      (generation) => {
        // Grouping by repository metadata came after the mid-2022 schema.
        if (generation === 'legacy' && request.mode === 'REPO_METADATA') throw unsupported((m) => m.groupByMetadata);
        return { operation: aggregationOperation(generation), variables: { ...request } };
      },
      (response) => decodeAggregation(response, this.instance),
      signal,
      options,
    );
  }

  /** One search-based operation, shared by callers asking the same `request` and kept for the page's life. */
  #search<T>(
    name: string,
    request: object,
    build: (generation: SchemaGeneration) => { operation: Operation; variables: Record<string, unknown> },
    decode: (response: GraphQLResponse, generation: SchemaGeneration) => T,
    signal: AbortSignal | undefined,
    { fresh = false } = {},
  ): Promise<T> {
    const key = `${name}\n${JSON.stringify(request)}`;
    const entry = this.#searches.get(key) ?? {};
    this.#searches.set(key, entry);
    if ('answer' in entry && !fresh) return Promise.resolve(entry.answer as T);
    if (!entry.shared || entry.shared.controller.signal.aborted) {
      const controller = new AbortController();
      const promise = this.#ask(build, controller.signal).then(({ response, generation }) => decode(response, generation));
      const shared: Shared<unknown> = { promise, controller, callers: 0 };
      entry.shared = shared;
      promise.then(
        (answer) => {
          entry.answer = answer;
          if (entry.shared === shared) delete entry.shared;
        },
        () => entry.shared === shared && delete entry.shared,
      );
    }
    return follow(entry.shared as Shared<T>, signal);
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    // A macrotask, not a microtask: cards that come into view together start their loads over several microtasks.
    setTimeout(() => {
      this.#flushScheduled = false;
      this.#flush();
    });
  }

  #flush(): void {
    const perRequest = this.#options.maxViewsPerRequest ?? DEFAULT_VIEWS_PER_REQUEST;
    const maxInFlight = this.#options.maxRequestsInFlight ?? DEFAULT_REQUESTS_IN_FLIGHT;
    // Views whose every caller left before the request went out are never sent.
    this.#queue = this.#queue.filter((view) => {
      if (!view.shared.controller.signal.aborted) return true;
      view.reject(view.shared.controller.signal.reason);
      return false;
    });
    if (this.#queue.length) this.#topUp(perRequest);
    while (this.#queue.length && this.#inFlight < maxInFlight) {
      const batch = this.#queue.splice(0, perRequest);
      this.#inFlight++;
      void this.#sendBatch(batch).finally(() => {
        this.#inFlight--;
        if (this.#queue.length) this.#scheduleFlush();
      });
    }
  }

  async #sendBatch(batch: QueuedView[]): Promise<void> {
    const controller = new AbortController();
    const abortIfAllGone = () => batch.every((v) => v.shared.controller.signal.aborted) && controller.abort();
    for (const view of batch) view.shared.controller.signal.addEventListener('abort', abortIfAllGone);
    try {
      const { response, generation } = await this.#ask((generation) => {
        const operation = insightViewsOperation(batch.map((v) => ({ config: !this.#configs.has(v.request.id) })), generation);
        const variables: Record<string, unknown> = {};
        batch.forEach(({ request }, i) => {
          variables[`id${i}`] = request.id;
          variables[`filters${i}`] = request.filters ?? null;
          variables[`seriesDisplayOptions${i}`] = displayOptionsFor(request.seriesDisplayOptions, generation);
        });
        return { operation, variables };
      }, controller.signal);
      const aliases = new Set(batch.map((_, i) => `v${i}`));
      batch.forEach((view, i) => {
        const alias = `v${i}`;
        // An error about one alias concerns its view only; one about none of them (or the whole request), every view.
        const errors = response.errors.filter((e) => e.path?.[0] === alias || !aliases.has(String(e.path?.[0])));
        try {
          if (response.data === null) throw graphqlFailure({ data: null, errors });
          const insight = decodeInsightView(response.data[alias], errors, { instance: this.instance }, this.#configs.get(view.request.id));
          // The mid-2022 schema cannot limit the samples: the latest ones are kept here instead.
          const samples = view.request.seriesDisplayOptions?.numSamples;
          view.resolve(generation === 'legacy' && samples ? latestSamples(insight, samples) : insight);
        } catch (error) {
          view.reject(error);
        }
      });
    } catch (error) {
      for (const view of batch) view.reject(isAbortError(error) ? (view.shared.controller.signal.reason ?? error) : error);
    } finally {
      for (const view of batch) view.shared.controller.signal.removeEventListener('abort', abortIfAllGone);
    }
  }

  #send(operation: Operation, variables: Record<string, unknown>, signal?: AbortSignal): Promise<GraphQLResponse> {
    const request = { query: operation.document, variables, operationName: operation.name };
    return withRetry(() => postGraphQL(this.instance, request, this.#options, signal), {
      retries: this.#options.retries,
      baseDelay: this.#options.retryDelay,
      maxRetryAfter: 60_000,
      signal,
    });
  }

  /**
   * Sends what `build` makes for the schema generation this instance speaks. An instance that rejects the current
   * form (a field, argument, input field or enum value its older schema lacks) is spoken to in the legacy form
   * from then on, by every operation: one extra request per page and instance, never one per card.
   */
  async #ask(
    build: (generation: SchemaGeneration) => { operation: Operation; variables: Record<string, unknown> },
    signal: AbortSignal | undefined,
  ): Promise<{ response: GraphQLResponse; generation: SchemaGeneration }> {
    // Decided by the form this request was sent in, not by what the client speaks now: requests sent together in
    // the current form each come back refused, and each must be sent again in the legacy one.
    const first = this.#generation;
    const { operation, variables } = build(first);
    const response = await this.#send(operation, variables, signal);
    if (first === 'legacy' || !rejectsSchema(response)) return { response, generation: first };
    this.#generation = 'legacy';
    const legacy = build('legacy');
    const retried = await this.#send(legacy.operation, legacy.variables, signal);
    // The legacy form refused as well: the instance is not one of the mid-2022 schema (insights turned off, a
    // schema newer than this client knows). Speak the current form again and show the first refusal.
    if (!rejectsSchema(retried)) return { response: retried, generation: 'legacy' };
    this.#generation = 'current';
    return { response, generation: first };
  }
}

/**
 * The instance refused the request itself: a field, argument, input field or enum value its schema lacks. The
 * first three wordings are those Sourcegraph's server gives (../shared/sourcegraph/API.md, section 7); the enum one
 * is graphql-js's, for servers built on it (the local one).
 */
function rejectsSchema(response: GraphQLResponse): boolean {
  return (
    response.data === null &&
    response.errors.some((e) => /Cannot query field|Unknown type|Unknown argument|is not defined by type|does not exist in ".*" enum/.test(e.message))
  );
}

/** Display options as the generation's schema takes them: the mid-2022 one has no `numSamples`. */
function displayOptionsFor(options: SeriesDisplayOptions | undefined, generation: SchemaGeneration): SeriesDisplayOptions | null {
  if (!options) return null;
  if (generation === 'current' || options.numSamples === undefined) return options;
  const { numSamples: _, ...rest } = options;
  return Object.keys(rest).length ? rest : null;
}

/** Only the latest `samples` points of each series, as `numSamples` asks of newer instances. */
function latestSamples(insight: SavedInsight, samples: number): SavedInsight {
  if (insight.data.kind !== 'line') return insight;
  const series = insight.data.series.map((s) => {
    const points = [...s.points].sort((a, b) => toTime(a.date) - toTime(b.date)).slice(-samples);
    // Incomplete-point notes only for the points still drawn.
    const kept = new Set(points.map((p) => toTime(p.date)));
    return { ...s, points, ...(s.incomplete ? { incomplete: s.incomplete.filter((p) => kept.has(toTime(p.date))) } : {}) };
  });
  return { ...insight, data: { ...insight.data, series } };
}

/**
 * The drill-down scope of a preview series the mid-2022 schema sent without one: the declared series of that
 * label, else the capture-group series its value came from (undefined, so no link, when that is not one series).
 */
function legacyScope(request: PreviewRequest, label: string): DiffQueryScope | undefined {
  const captures = request.series.filter((s) => s.captureGroups);
  const source = request.series.find((s) => !s.captureGroups && s.label === label) ?? (captures.length === 1 ? captures[0] : undefined);
  return source && { query: source.query, repositories: request.repositories };
}

/** A feature the instance answering lacks (it speaks the mid-2022 schema): said on the card, with what to do. */
function unsupported(feature: ErrorWords): InsightsError {
  return new InsightsError('unavailable', (m) => m.olderInstance(feature(m)));
}

function requestKey(request: InsightViewRequest): string {
  return JSON.stringify([request.id, request.filters ?? null, request.seriesDisplayOptions ?? null]);
}

/** Waits for a shared answer on behalf of one caller; the caller leaving (its signal aborting) may end the request. */
function follow<T>(shared: Shared<T>, signal?: AbortSignal): Promise<T> {
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

/** `https://sourcegraph.example.com/` → `https://sourcegraph.example.com`; anything but http(s) is refused. */
export function normalizeInstance(instance: string): string {
  let url: URL;
  try {
    url = new URL(instance.trim());
  } catch {
    throw new InsightsError('config', (m) => m.invalidInstance(instance));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InsightsError('config', (m) => m.invalidInstance(instance));
  if (url.username || url.password) throw new InsightsError('config', (m) => m.invalidInstance(url.host));
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
