import type { RepositoryFilter } from '../sources/source.ts';

/**
 * The searches behind a data point, built as Sourcegraph's query builder does (API.md 2(d)): repository
 * filters first, then the time window, then the series query.
 */
export interface DrilldownScope extends RepositoryFilter {
  repositories: string[];
  query: string;
}

function repositoryFilters(scope: DrilldownScope): string[] {
  return [
    scope.includeRepoRegex ? `repo:${scope.includeRepoRegex}` : '',
    scope.excludeRepoRegex ? `-repo:${scope.excludeRepoRegex}` : '',
    scope.repositories.length ? `repo:^(${scope.repositories.map(escapeRegExp).join('|')})$` : '',
  ];
}

export function diffQuery(scope: DrilldownScope, time: Date, previous: Date | undefined): string {
  return join([
    ...repositoryFilters(scope),
    previous ? `after:${previous.toISOString()}` : '',
    `before:${time.toISOString()}`,
    'type:diff',
    scope.query,
  ]);
}

export function pointInTimeQuery(scope: DrilldownScope, time: Date): string {
  return join([...repositoryFilters(scope), `rev:at.time(${time.toISOString()})`, scope.query]);
}

function join(parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
