/**
 * Links back to the instance. Built only from the configured instance URL (validated as http(s) when the client
 * is made), so a server-supplied string can choose a query, never a scheme or another origin.
 */

export function searchURL(instance: string, query: string): string {
  return `${instance}/search?q=${encodeURIComponent(query)}&patternType=literal`;
}

export function insightURL(instance: string, id: string): string {
  return `${instance}/insights/${encodeURIComponent(id)}`;
}

export interface DiffQueryScope {
  query: string;
  repositories: readonly string[];
  includeRepoRegex?: string;
  excludeRepoRegex?: string;
  searchContext?: string;
}

/**
 * The drill-down query for instances too old to send `diffQuery`: the commits between the previous point and
 * this one, as Sourcegraph's web app built it before the server did.
 */
export function fallbackDiffQuery(scope: DiffQueryScope, before: string, after: string | undefined): string {
  const repositories = scope.repositories.length
    ? `repo:^(${scope.repositories.map(escapeRegExp).join('|')})$`
    : '';
  return [
    scope.searchContext ? `context:${scope.searchContext}` : '',
    repositories,
    scope.includeRepoRegex ? `repo:${scope.includeRepoRegex}` : '',
    scope.excludeRepoRegex ? `-repo:${scope.excludeRepoRegex}` : '',
    'type:diff',
    after ? `after:${after}` : '',
    `before:${before}`,
    scope.query,
  ]
    .filter(Boolean)
    .join(' ');
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
