/**
 * Search result aggregations at HEAD ("group by" in Sourcegraph's search
 * results), and which modes a query supports.
 *
 * - REPO: matches per repository (commits for type:commit).
 * - PATH: matches per file path (paths from different repositories are merged,
 *   as Sourcegraph labels path groups by path only).
 * - CAPTURE_GROUP: matches per value of the first capture group.
 * - AUTHOR: type:commit only; matching commits per author name.
 * Groups without matches are left out.
 */
import { matchingCommitsByAuthor } from './commit-search.ts';
import { forEachFileResult } from './commit-files.ts';
import { prepareQuery, selectRepositories, valueAtCommit, type EngineContext } from './context.ts';
import { EngineError, throwIfAborted } from './errors.ts';
import { compareLabels } from './matcher.ts';
import { parseSearchQuery, type SearchQuery } from './query.ts';

export type AggregationMode = 'REPO' | 'PATH' | 'AUTHOR' | 'CAPTURE_GROUP';
export const AGGREGATION_MODES: readonly AggregationMode[] = ['REPO', 'PATH', 'AUTHOR', 'CAPTURE_GROUP'];

export interface ModeAvailability {
  mode: AggregationMode;
  available: boolean;
  reasonUnavailable: string | null;
}

export interface AggregateRequest {
  query: string;
  /** Repository names; an empty list means every configured repository. */
  repositories: string[];
  mode: AggregationMode;
  limit: number;
  signal?: AbortSignal;
}

export type AggregateResult =
  | { available: true; groups: { label: string; count: number }[]; otherGroupCount: number; otherResultCount: number }
  | { available: false; reason: string };

/** Why `mode` cannot aggregate `query`, or null when it can. */
function unavailableReason(query: SearchQuery, mode: AggregationMode): string | null {
  const isCommitSearch = query.resultType === 'commit';
  switch (mode) {
    case 'REPO':
      return null;
    case 'PATH':
      return isCommitSearch ? 'This mode is not available for commit and diff searches.' : null;
    case 'AUTHOR':
      return isCommitSearch ? null : 'This mode is only available for commit and diff searches.';
    case 'CAPTURE_GROUP':
      if (isCommitSearch) return 'This mode is not available for commit and diff searches.';
      if (query.hasCaptureGroup) return null;
      return query.patternType === 'regexp'
        ? 'This query does not contain a capturing group.'
        : 'This query does not contain a capturing group. Capture groups need a regular expression (patterntype:regexp).';
  }
}

export function computeModeAvailability(queryText: string): ModeAvailability[] {
  let query: SearchQuery;
  try {
    query = parseSearchQuery(queryText);
  } catch (error) {
    const reason = error instanceof EngineError ? error.message : 'This query could not be parsed.';
    return AGGREGATION_MODES.map((mode) => ({ mode, available: false, reasonUnavailable: reason }));
  }
  return AGGREGATION_MODES.map((mode) => {
    const reason = unavailableReason(query, mode);
    return { mode, available: reason === null, reasonUnavailable: reason };
  });
}

export async function computeAggregate(context: EngineContext, request: AggregateRequest): Promise<AggregateResult> {
  if (!AGGREGATION_MODES.includes(request.mode)) {
    throw new EngineError('INVALID_REQUEST', `Unknown aggregation mode "${String(request.mode)}". Use one of ${AGGREGATION_MODES.join(', ')}.`);
  }
  const query = parseSearchQuery(request.query);
  const reason = unavailableReason(query, request.mode);
  if (reason !== null) return { available: false, reason };
  const repositories = await selectRepositories(context, request.repositories, query);
  const { signal } = request;
  const counts = new Map<string, number>();
  const add = (label: string, count: number): void => {
    if (count > 0) counts.set(label, (counts.get(label) ?? 0) + count);
  };

  const prepared = await prepareQuery(context, query, request.mode === 'CAPTURE_GROUP');
  try {
    for (const repository of repositories) {
      throwIfAborted(signal);
      const head = await repository.resolveHead(signal);
      if (head === null) continue;
      if (request.mode === 'AUTHOR') {
        const history = await context.commitHistories.get(repository, head, prepared.matcher, prepared.regexpBudget, signal);
        for (const [author, count] of matchingCommitsByAuthor(history)) add(author, count);
      } else if (request.mode === 'PATH') {
        await forEachFileResult(repository, head, prepared.plan, (file, count) => {
          if (typeof count === 'number') add(file.path, count);
        }, signal);
      } else {
        const value = await valueAtCommit(context, prepared, repository, head, head, signal);
        if (typeof value === 'number') add(repository.name, value);
        else for (const [label, count] of value) add(label, count);
      }
    }
  } finally {
    await context.results.flush();
  }
  return limitGroups(counts, request.limit);
}

/** Largest groups first (ties by label); beyond `limit`, only how many groups and matches were left out. */
function limitGroups(counts: Map<string, number>, limit: number): AggregateResult {
  const sorted = [...counts]
    .sort((a, b) => b[1] - a[1] || compareLabels(a[0], b[0]))
    .map(([label, count]) => ({ label, count }));
  const kept = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : sorted.length;
  const others = sorted.slice(kept);
  return {
    available: true,
    groups: sorted.slice(0, kept),
    otherGroupCount: others.length,
    otherResultCount: others.reduce((sum, group) => sum + group.count, 0),
  };
}
