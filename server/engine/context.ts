/**
 * What every engine operation shares: the repositories, the result caches,
 * and the per-commit evaluation of a query (one "point" in one repository).
 */
import { countMatchingAncestors, type CommitHistoryCache } from './commit-search.ts';
import { forEachFileResult, type FileQueryPlan } from './commit-files.ts';
import { EngineError } from './errors.ts';
import { addCaptureCounts, createContentMatcher, createPathFilter, createRepositoryFilter, topCaptureCounts, type ContentMatcher } from './matcher.ts';
import { contentQueryKey, type SearchQuery } from './query.ts';
import { RegexpBudget } from './regexp-budget.ts';
import type { GitRepository } from './repository.ts';
import type { ResultCache, ResultStore, StoredValue } from './result-cache.ts';

export interface EngineContext {
  /** By configured name, in configuration order. */
  readonly repositories: ReadonlyMap<string, GitRepository>;
  readonly results: ResultCache;
  readonly commitHistories: CommitHistoryCache;
  /** How long one guarded batch of regexp matching may run (see regexp-budget.ts). */
  readonly regexpBudgetMs: number;
}

/**
 * The repositories a request covers: the named ones (all configured ones when
 * the list is empty, like a Sourcegraph insight over all repositories), minus
 * those the query's repo: filters exclude. Unknown names are an error.
 */
export async function selectRepositories(context: EngineContext, names: readonly string[], query: SearchQuery): Promise<GitRepository[]> {
  if (!Array.isArray(names)) throw new EngineError('INVALID_REQUEST', 'The repositories to search must be a list of repository names.');
  for (const name of names) {
    if (!context.repositories.has(name)) {
      const known = [...context.repositories.keys()];
      const hint = known.length === 0 ? 'No repositories are configured.' : `Known repositories: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''}.`;
      throw new EngineError('UNKNOWN_REPOSITORY', `Unknown repository "${name}". ${hint}`);
    }
  }
  const selected = names.length === 0 ? [...context.repositories.values()] : [...new Set(names)].map((name) => context.repositories.get(name)!);
  const repositoryFilter = createRepositoryFilter(query);
  if (repositoryFilter === null) return selected;
  // Names are short, but exponential backtracking needs only ~30 characters; one job covers all names.
  const passes = await new RegexpBudget(context.regexpBudgetMs).filter('The repo: filter', repositoryFilter, selected.map((repository) => repository.name));
  return selected.filter((_repository, index) => passes[index]);
}

/** A query ready to evaluate at commits: matcher, filters and the caches for its results. */
export interface PreparedQuery {
  readonly query: SearchQuery;
  readonly captureGroups: boolean;
  readonly matcher: ContentMatcher | null;
  readonly plan: FileQueryPlan;
  /** Commit id → value of this query at that commit. */
  readonly points: ResultStore;
  /** Shared by everything this request matches, so the first batch over the limit fails all of it at once. */
  readonly regexpBudget: RegexpBudget;
}

export async function prepareQuery(context: EngineContext, query: SearchQuery, captureGroups: boolean): Promise<PreparedQuery> {
  const matcher = createContentMatcher(query);
  const regexpBudget = new RegexpBudget(context.regexpBudgetMs);
  const blobResults = matcher && query.resultType === 'file'
    ? await context.results.open('blobs', `${matcher.key}\0${captureGroups ? 'captures' : 'count'}`)
    : null;
  return {
    query,
    captureGroups,
    matcher,
    plan: { pathFilter: createPathFilter(query), matcher, captureGroups, blobResults, regexpBudget },
    points: await context.results.open('points', contentQueryKey(query, captureGroups)),
    regexpBudget,
  };
}

/** The query's value at one commit of a repository (memoized per commit id). `head` is the HEAD it was reached from. */
export async function valueAtCommit(context: EngineContext, prepared: PreparedQuery, repository: GitRepository, head: string, commit: string, signal?: AbortSignal): Promise<StoredValue> {
  if (prepared.query.resultType === 'commit') {
    // Not memoized per commit id: the ancestors a repository has depend on it (a shallow clone has fewer),
    // and counting them in the in-memory history graph is cheap anyway.
    const history = await context.commitHistories.get(repository, head, prepared.matcher, prepared.regexpBudget, signal);
    return countMatchingAncestors(history, commit);
  }
  // A commit id fixes the whole tree, so a file query's value at a commit is the same in every repository and forever.
  const cached = prepared.points.get(commit);
  if (cached !== undefined) return cached;
  let value: StoredValue;
  if (prepared.captureGroups) {
    const total = new Map<string, number>();
    await forEachFileResult(repository, commit, prepared.plan, (_file, counts) => {
      if (typeof counts !== 'number') addCaptureCounts(total, counts);
    }, signal);
    value = topCaptureCounts(total);
  } else {
    let total = 0;
    await forEachFileResult(repository, commit, prepared.plan, (_file, count) => {
      if (typeof count === 'number') total += count;
    }, signal);
    value = total;
  }
  prepared.points.set(commit, value);
  return value;
}
