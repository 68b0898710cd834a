import type { ConfiguredInsight, ServerConfig } from './config.ts';
import { DEFAULT_REGEXP_BUDGET_MS, EngineError, RegexpBudget, createEngine, parseSearchQuery, type Engine } from '../engine/index.ts';
import type {
  Aggregation,
  AggregationMode,
  InsightDefinition,
  InsightSource,
  LanguageUsage,
  PreviewRequest,
  RepositoryFilter,
  SeriesResult,
} from './source.ts';
import { sampleDates, stepForSpan, type Step } from './steps.ts';

/** Samples in a live preview (the API has no field for it; Sourcegraph's previews are short too). */
const PREVIEW_POINTS = 12;
/** How long a request waits for a series before answering "still processing" with progress. */
const ANSWER_WITHIN_MS = 1500;
/** Finished computations kept for repeat requests (the engine's caches make recomputing cheap anyway). */
const MAX_JOBS = 200;
/** The newest sample is "now", rounded down to this, so repeat requests within it share one computation. */
const NOW_GRANULARITY_MS = 60_000;

export interface GitSourceOptions {
  /** On-disk cache folder (safe to delete). */
  cacheDir?: string;
  /** The time of the newest sample (tests pin it). */
  now?: () => Date;
  /** How long a request waits for a computation before answering with its progress. */
  answerWithinMs?: number;
  /** How long a regular expression may run on one batch of text before the request fails (tests make it short). */
  regexpBudgetMs?: number;
}

interface Job {
  promise: Promise<void>;
  completed: number;
  total: number;
  result?: SeriesResult[];
  error?: Error;
}

/**
 * Insights computed from git history by the engine. A series that takes longer than a moment is computed in
 * the background: requests meanwhile get its progress (`isLoadingData`, pending and completed jobs), as a
 * Sourcegraph instance reports a backfill, and the elements poll until it is done.
 */
export class GitSource implements InsightSource {
  readonly engine: Engine;
  readonly #config: ServerConfig;
  readonly #jobs = new Map<string, Job>();
  readonly #now: () => Date;
  readonly #answerWithin: number;
  readonly #regexpBudgetMs: number;

  constructor(config: ServerConfig, options: GitSourceOptions = {}) {
    this.#config = config;
    this.#regexpBudgetMs = options.regexpBudgetMs ?? DEFAULT_REGEXP_BUDGET_MS;
    this.engine = createEngine({ repositories: config.repositories, cacheDir: options.cacheDir, regexpBudgetMs: this.#regexpBudgetMs });
    this.#now = options.now ?? (() => new Date(Math.floor(Date.now() / NOW_GRANULARITY_MS) * NOW_GRANULARITY_MS));
    this.#answerWithin = options.answerWithinMs ?? ANSWER_WITHIN_MS;
  }

  insights(): InsightDefinition[] {
    // `auto` steps are resolved per computation; the listing shows a month, Sourcegraph's default.
    return this.#config.insights.map((i) => ({ ...i, step: i.step === 'auto' ? { unit: 'MONTH', value: 1 } : i.step }));
  }

  dashboards() {
    return this.#config.dashboards;
  }

  async series(insight: InsightDefinition, filter: RepositoryFilter): Promise<SeriesResult[]> {
    const configured = this.#config.insights.find((i) => i.id === insight.id);
    if (!configured || configured.kind !== 'line') return [];
    const repositories = await filterRepositories(configured.repositories, filter, new RegexpBudget(this.#regexpBudgetMs));
    const dates = await this.#dates(configured, repositories);
    const key = JSON.stringify([configured.id, repositories, dates[dates.length - 1]?.getTime()]);
    const job = this.#jobs.get(key) ?? this.#start(key, configured, repositories, dates);
    await Promise.race([job.promise, new Promise((r) => setTimeout(r, this.#answerWithin).unref())]);
    if (job.error) throw job.error;
    if (job.result) return job.result;
    return configured.series.map((s) => ({
      seriesId: s.seriesId,
      label: s.label,
      points: [],
      completedJobs: job.completed,
      pendingJobs: Math.max(1, job.total - job.completed),
    }));
  }

  async step(insight: InsightDefinition): Promise<Step> {
    const configured = this.#config.insights.find((i) => i.id === insight.id);
    return configured ? this.#stepFor(configured, configured.repositories) : insight.step;
  }

  async preview(request: PreviewRequest) {
    const repositories = request.repositoryCriteria
      ? await repositoriesMatching(this.engine.repositoryNames(), request.repositoryCriteria, new RegexpBudget(this.#regexpBudgetMs))
      : request.repositories;
    const dates = sampleDates(request.step, PREVIEW_POINTS, this.#now());
    const computed = await Promise.all(
      request.series.map((s) =>
        repositories.length
          ? this.engine.searchSeries({ query: s.query, repositories, dates, captureGroups: s.captureGroups })
          : [{ label: s.label, points: dates.map((date) => ({ date, value: 0 })) }],
      ),
    );
    return computed.flatMap((series, i) =>
      series.map((s) => ({
        label: request.series[i].captureGroups ? s.label : request.series[i].label,
        query: request.series[i].query,
        points: s.points.map((p) => ({ time: p.date, value: p.value })),
      })),
    );
  }

  async languages(query: string): Promise<LanguageUsage[]> {
    const repositories = await repositoriesMatching(this.engine.repositoryNames(), query, new RegexpBudget(this.#regexpBudgetMs));
    const path = pathPrefix(query);
    const totals = new Map<string, LanguageUsage>();
    for (const repository of repositories) {
      for (const stat of await this.engine.languageStats({ repository, path })) {
        const total = totals.get(stat.name) ?? { name: stat.name, totalLines: 0, totalBytes: 0 };
        total.totalLines += stat.totalLines;
        total.totalBytes += stat.totalBytes;
        totals.set(stat.name, total);
      }
    }
    return [...totals.values()].sort((a, b) => b.totalLines - a.totalLines || a.name.localeCompare(b.name));
  }

  modeAvailability(query: string) {
    return [...this.engine.modeAvailability(query), { mode: 'REPO_METADATA' as const, available: false, reasonUnavailable: 'Repository metadata is not available on this server.' }];
  }

  async aggregate(query: string, requested: AggregationMode | null, limit: number): Promise<Aggregation> {
    let hasCaptureGroup = false;
    try {
      hasCaptureGroup = parseSearchQuery(query).hasCaptureGroup;
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      return { available: false, mode: requested ?? 'REPO', reason: error.message, reasonType: 'INVALID_QUERY' };
    }
    // Without a mode, Sourcegraph picks one from the query: capture groups when it has one, else repositories.
    const mode = requested ?? (hasCaptureGroup ? 'CAPTURE_GROUP' : 'REPO');
    if (mode === 'REPO_METADATA') {
      return { available: false, mode, reason: 'Repository metadata is not available on this server.', reasonType: 'INVALID_AGGREGATION_MODE_FOR_QUERY' };
    }
    const result = await this.engine.aggregate({ query, repositories: [], mode, limit });
    if (!result.available) return { available: false, mode, reason: result.reason, reasonType: 'INVALID_AGGREGATION_MODE_FOR_QUERY' };
    return {
      available: true,
      mode,
      groups: result.groups.map((g) => ({ ...g, query: drilldown(query, mode, g.label) })),
      otherGroupCount: result.otherGroupCount,
      otherResultCount: result.otherResultCount,
    };
  }

  async #dates(insight: ConfiguredInsight, repositories: string[]): Promise<Date[]> {
    return sampleDates(await this.#stepFor(insight, repositories), insight.points, this.#now());
  }

  async #stepFor(insight: ConfiguredInsight, repositories: string[]): Promise<Step> {
    if (insight.step !== 'auto') return insight.step;
    const span = repositories.length ? await this.engine.historySpan(repositories) : undefined;
    return stepForSpan(span ? this.#now().getTime() - span.first.getTime() : 0, insight.points);
  }

  #start(key: string, insight: ConfiguredInsight, repositories: string[], dates: Date[]): Job {
    const progress = new Map<string, [number, number]>();
    const job: Job = { promise: Promise.resolve(), completed: 0, total: insight.series.length * Math.max(1, repositories.length) * dates.length };
    const update = () => {
      job.completed = [...progress.values()].reduce((sum, [done]) => sum + done, 0);
    };
    job.promise = Promise.all(
      insight.series.map(async (definition) => {
        // No repository passes the filters: an honest zero, without asking the engine (which reads [] as "all").
        if (!repositories.length) return [{ label: definition.label, points: dates.map((date) => ({ date, value: 0 })) }];
        return this.engine.searchSeries({
          query: definition.query,
          repositories,
          dates,
          captureGroups: definition.captureGroups,
          onProgress: (completed, total) => {
            progress.set(definition.seriesId, [completed, total]);
            update();
          },
        });
      }),
    ).then(
      (computed) => {
        job.result = computed.flatMap((series, i) => {
          const definition = insight.series[i];
          return series.map((s) => ({
            seriesId: definition.captureGroups ? `${definition.seriesId}:${s.label}` : definition.seriesId,
            label: definition.captureGroups ? s.label : definition.label,
            points: s.points.map((p) => ({ time: p.date, value: p.value })),
            pendingJobs: 0,
            completedJobs: dates.length,
          }));
        });
      },
      (error: unknown) => {
        job.error = error instanceof EngineError ? error : new Error('Computing the series failed.', { cause: error });
        if (!(error instanceof EngineError)) console.error(error);
        // A failure is not remembered: the next request tries again.
        this.#jobs.delete(key);
      },
    );
    this.#jobs.set(key, job);
    if (this.#jobs.size > MAX_JOBS) this.#jobs.delete(this.#jobs.keys().next().value!);
    return job;
  }
}

/**
 * Configured repositories that a query's `repo:` and `-repo:` filters select. Names are short, but exponential
 * backtracking needs only ~30 characters, so the filters run under the time limit (one job for all names).
 */
async function repositoriesMatching(names: string[], query: string, budget: RegexpBudget): Promise<string[]> {
  const parsed = parseSearchQuery(query);
  if (parsed.includeRepositories.length === 0 && parsed.excludeRepositories.length === 0) return names;
  const passes = await budget.filter('The repo: filter', { include: parsed.includeRepositories, exclude: parsed.excludeRepositories, flags: 'i' }, names);
  return names.filter((_name, i) => passes[i]);
}

/** `file:^src/charts/` (as Sourcegraph's language statistics query writes a path) → `src/charts`. */
function pathPrefix(query: string): string | undefined {
  const match = /(?:^|\s)file:\^((?:\\.|[^\s\\])+)\/(?:\s|$)/.exec(query);
  return match ? match[1].replace(/\\(.)/g, '$1') : undefined;
}

/** The search behind one bar of an aggregation, as Sourcegraph's query builder writes it. */
function drilldown(query: string, mode: AggregationMode, label: string): string | null {
  const exact = `^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  const quoted = /\s/.test(exact) ? `(${exact})` : exact;
  if (mode === 'REPO') return `${query} repo:${quoted}`;
  if (mode === 'PATH') return `${query} file:${quoted}`;
  if (mode === 'AUTHOR') return `${query} author:${quoted}`;
  return null;
}

/**
 * Runtime drill-down filters over repository names, under the regexp time limit like repo: filters. Search contexts
 * do not exist locally, but `global` is all; so is `""`, which Sourcegraph's web app sends when no context is
 * chosen (`searchContexts: [""]`) and Sourcegraph reads as the global context.
 */
export async function filterRepositories(names: string[], filter: RepositoryFilter, budget: RegexpBudget): Promise<string[]> {
  const contexts = (filter.searchContexts ?? []).filter((c) => c !== '' && c !== 'global');
  if (contexts.length) throw new EngineError('INVALID_QUERY', `The search context "${contexts[0]}" does not exist on this server (only "global").`);
  const include = filter.includeRepoRegex ? compile(filter.includeRepoRegex, 'includeRepoRegex') : undefined;
  const exclude = filter.excludeRepoRegex ? compile(filter.excludeRepoRegex, 'excludeRepoRegex') : undefined;
  if (!include && !exclude) return names;
  const passes = await budget.filter('The repository filter', { include: include ? [include.source] : [], exclude: exclude ? [exclude.source] : [], flags: 'i' }, names);
  return names.filter((_name, i) => passes[i]);
}

function compile(pattern: string, field: string): RegExp {
  try {
    return new RegExp(pattern, 'i');
  } catch (error) {
    throw new EngineError('INVALID_REGEXP', `${field} is not a valid regular expression: ${(error as Error).message}`);
  }
}
