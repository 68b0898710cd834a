/**
 * Series computation: the value of a query at each requested date, summed over
 * repositories. The value at a date is the query's value at the newest
 * first-parent commit of HEAD committed at or before that date (0 before the
 * first commit, before a shallow clone's boundary, or in an empty repository).
 */
import { prepareQuery, selectRepositories, valueAtCommit, type EngineContext } from './context.ts';
import { EngineError, throwIfAborted } from './errors.ts';
import { compareLabels, MAX_CAPTURE_VALUES } from './matcher.ts';
import { parseSearchQuery } from './query.ts';
import type { StoredValue } from './result-cache.ts';

export interface SeriesPoint {
  date: Date;
  value: number;
}

export interface ComputedSeries {
  label: string;
  points: SeriesPoint[];
}

export interface SearchSeriesRequest {
  query: string;
  /** Repository names; an empty list means every configured repository. */
  repositories: string[];
  dates: Date[];
  captureGroups?: boolean;
  onProgress?: (completed: number, total: number) => void;
  signal?: AbortSignal;
}

function validateDates(dates: unknown): Date[] {
  if (!Array.isArray(dates) || !dates.every((date) => date instanceof Date && Number.isFinite(date.getTime()))) {
    throw new EngineError('INVALID_REQUEST', 'The series dates must be a list of valid dates.');
  }
  return dates;
}

export async function computeSearchSeries(context: EngineContext, request: SearchSeriesRequest): Promise<ComputedSeries[]> {
  const { signal, onProgress } = request;
  const captureGroups = request.captureGroups === true;
  const dates = validateDates(request.dates);
  const query = parseSearchQuery(request.query);
  if (captureGroups && !query.hasCaptureGroup) {
    throw new EngineError('INVALID_QUERY', 'A capture group insight needs a regular expression with a capturing group, e.g. patterntype:regexp version: (\\d+).');
  }
  if (captureGroups && query.resultType === 'commit') {
    throw new EngineError('INVALID_QUERY', 'Capture group insights are only available for file content searches, not type:commit.');
  }
  const repositories = await selectRepositories(context, request.repositories, query);
  throwIfAborted(signal);

  const total = repositories.length * dates.length;
  let completed = 0;
  onProgress?.(completed, total);
  const prepared = await prepareQuery(context, query, captureGroups);

  // valuesByRepository[r][d]: null where there is no commit yet at that date.
  let valuesByRepository: (StoredValue | null)[][];
  try {
    valuesByRepository = await Promise.all(repositories.map(async (repository) => {
      const head = await repository.resolveHead(signal);
      const values: (StoredValue | null)[] = [];
      for (const date of dates) {
        throwIfAborted(signal);
        const commit = head === null ? null : await repository.commitAt(head, date, signal);
        values.push(head === null || commit === null ? null : await valueAtCommit(context, prepared, repository, head, commit, signal));
        onProgress?.(++completed, total);
      }
      return values;
    }));
  } finally {
    // Results computed before an abort or failure are still valid; keep them.
    await context.results.flush();
  }

  if (!captureGroups) {
    const sums = dates.map((_date, index) => valuesByRepository.reduce((sum, values) => {
      const value = values[index];
      return sum + (typeof value === 'number' ? value : 0);
    }, 0));
    return [{ label: request.query.trim(), points: dates.map((date, index) => ({ date, value: sums[index] })) }];
  }
  return captureGroupSeries(dates, valuesByRepository);
}

/**
 * One series per captured value, sorted by the value at the latest date
 * (descending), then by label; at most MAX_CAPTURE_VALUES series.
 */
function captureGroupSeries(dates: Date[], valuesByRepository: (StoredValue | null)[][]): ComputedSeries[] {
  const countsByLabel = new Map<string, number[]>();
  for (const values of valuesByRepository) {
    values.forEach((value, dateIndex) => {
      if (value === null || typeof value === 'number') return;
      for (const [label, count] of value) {
        let counts = countsByLabel.get(label);
        if (!counts) {
          counts = new Array<number>(dates.length).fill(0);
          countsByLabel.set(label, counts);
        }
        counts[dateIndex] += count;
      }
    });
  }
  let latest = 0;
  dates.forEach((date, index) => {
    if (date.getTime() >= dates[latest].getTime()) latest = index;
  });
  return [...countsByLabel]
    .sort(([labelA, countsA], [labelB, countsB]) => countsB[latest] - countsA[latest] || compareLabels(labelA, labelB))
    .slice(0, MAX_CAPTURE_VALUES)
    .map(([label, counts]) => ({ label, points: dates.map((date, index) => ({ date, value: counts[index] })) }));
}
