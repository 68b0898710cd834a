/**
 * The code insights computation engine: Sourcegraph-like search match counts
 * over time, language statistics and aggregations, computed from git
 * repositories on disk (read from git objects, never checked out).
 *
 * Speed comes from memoizing by git object id (see result-cache.ts): match
 * counts per blob and totals per commit never go stale, so repeated and
 * overlapping requests, and new commits, only pay for new blobs.
 *
 * Users' regexps run in this process under a time limit (regexp-budget.ts):
 * a pattern that backtracks catastrophically fails its request with
 * REGEXP_TIMEOUT instead of blocking the event loop, and caches nothing.
 */
import { resolve } from 'node:path';
import { computeAggregate, computeModeAvailability, type AggregateResult, type AggregationMode, type ModeAvailability } from './aggregate.ts';
import { CommitHistoryCache } from './commit-search.ts';
import type { EngineContext } from './context.ts';
import { EngineError } from './errors.ts';
import { computeLanguageStats, type LanguageStat } from './language-stats.ts';
import { DEFAULT_REGEXP_BUDGET_MS, RegexpBudget } from './regexp-budget.ts';
import { createTreeListingCache, GitRepository } from './repository.ts';
import { ResultCache } from './result-cache.ts';
import { computeSearchSeries, type ComputedSeries, type SearchSeriesRequest } from './series.ts';

export { EngineError, type EngineErrorCode } from './errors.ts';
export { parseSearchQuery, type SearchQuery } from './query.ts';
export { languageForPath } from './languages.ts';
export { DEFAULT_REGEXP_BUDGET_MS, RegexpBudget } from './regexp-budget.ts';
export type { AggregateResult, AggregationMode, ModeAvailability } from './aggregate.ts';
export type { LanguageStat } from './language-stats.ts';
export type { ComputedSeries, SearchSeriesRequest, SeriesPoint } from './series.ts';

export interface RepositoryConfig {
  /** The name queries use, e.g. "github.com/acme/api". */
  name: string;
  /** A git work tree or bare repository on disk. */
  path: string;
}

export interface EngineOptions {
  repositories: RepositoryConfig[];
  /** Folder for the on-disk cache (safe to delete); omitted = memory only. */
  cacheDir?: string;
  /**
   * How long a regular expression may run on one batch of text (a few MiB of files, commit messages, all paths of a
   * tree) before the request fails with REGEXP_TIMEOUT. Default DEFAULT_REGEXP_BUDGET_MS (2 s).
   */
  regexpBudgetMs?: number;
}

export interface Engine {
  repositoryNames(): string[];
  /** One series for a plain query; one series per distinct captured value (label = value) when captureGroups is true. Points are in the order of `dates`. */
  searchSeries(request: SearchSeriesRequest): Promise<ComputedSeries[]>;
  /** Lines per language at HEAD (by file extension / well-known file names), optionally under a path prefix; sorted by totalLines desc. */
  languageStats(request: { repository: string; path?: string; signal?: AbortSignal }): Promise<LanguageStat[]>;
  /** Group-by aggregation at HEAD. */
  aggregate(request: { query: string; repositories: string[]; mode: AggregationMode; limit: number; signal?: AbortSignal }): Promise<AggregateResult>;
  /** Which modes make sense for a query, with a reason when not (Sourcegraph-like wording). */
  modeAvailability(query: string): ModeAvailability[];
  /** The committer dates of the oldest and newest first-parent commits over `repositories` (all when empty); undefined without commits. */
  historySpan(repositories: string[]): Promise<{ first: Date; last: Date } | undefined>;
  /** Stops the background git processes (they also stop on their own after 30 s idle). */
  close(): Promise<void>;
}

export function createEngine(options: EngineOptions): Engine {
  const treeListings = createTreeListingCache();
  const repositories = new Map<string, GitRepository>();
  for (const config of options.repositories) {
    if (typeof config?.name !== 'string' || config.name === '' || typeof config.path !== 'string' || config.path === '') {
      throw new EngineError('INVALID_REQUEST', 'Each repository needs a name and a path.');
    }
    if (repositories.has(config.name)) {
      throw new EngineError('INVALID_REQUEST', `The repository name "${config.name}" is configured twice. Names must be unique.`);
    }
    repositories.set(config.name, new GitRepository(config.name, resolve(config.path), treeListings));
  }
  const context: EngineContext = {
    repositories,
    results: new ResultCache(options.cacheDir),
    commitHistories: new CommitHistoryCache(),
    // Constructed once here so a bad value fails createEngine, not the first query.
    regexpBudgetMs: new RegexpBudget(options.regexpBudgetMs ?? DEFAULT_REGEXP_BUDGET_MS).ms,
  };

  return {
    repositoryNames: () => [...repositories.keys()],
    searchSeries: (request) => computeSearchSeries(context, request),
    languageStats: (request) => computeLanguageStats(context, request),
    aggregate: (request) => computeAggregate(context, request),
    modeAvailability: (query) => computeModeAvailability(query),
    historySpan: async (names) => {
      const selected = (names.length ? names : [...repositories.keys()]).map((name) => {
        const repository = repositories.get(name);
        if (!repository) throw new EngineError('UNKNOWN_REPOSITORY', `The repository "${name}" is not configured on this server.`);
        return repository;
      });
      // Cheap after the first call: concurrent calls share each repository's rev-parse, and the history is kept per HEAD.
      const histories = await Promise.all(selected.map(async (repository) => {
        const head = await repository.resolveHead();
        return head ? repository.firstParentHistory(head) : [];
      }));
      let first = Infinity;
      let last = -Infinity;
      for (const { time } of histories.flat()) {
        first = Math.min(first, time);
        last = Math.max(last, time);
      }
      return first === Infinity ? undefined : { first: new Date(first), last: new Date(last) };
    },
    close: async () => {
      await Promise.all([...repositories.values()].map((repository) => repository.close()));
    },
  };
}
