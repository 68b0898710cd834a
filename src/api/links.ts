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

/** A new code monitor watching a series' query. Monitors need a diff or commit search, so `type:diff` is added. */
export function codeMonitorURL(instance: string, query: string, description: string): string {
  const trigger = /\btype:(diff|commit)\b/.test(query) ? query : `${query} type:diff`;
  return `${instance}/code-monitoring/new?${new URLSearchParams({ 'trigger-query': `${trigger} patterntype:literal`, description })}`;
}

/** A new batch change over what a series' query finds (as Sourcegraph's search page links it). */
export function batchChangeURL(instance: string, query: string): string {
  return `${instance}/batch-changes/create?${new URLSearchParams({ 'trigger-query': `${query} patterntype:literal` })}`;
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

/** `value` matched literally inside a regular expression (Sourcegraph's `repo:` and `file:` filters). */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
