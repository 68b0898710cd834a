import { defaultMessages, type Messages } from './messages.js';

/**
 * The drill-down filters and display options a dashboard applies to every card, as the attribute values
 * users write (`include-repos="^github\.com/acme/"`, `sort="alphabetical-asc"`), and their form in a page URL
 * so that a filtered view can be shared.
 */
export interface ViewFilters {
  includeRepos?: string;
  excludeRepos?: string;
  searchContexts?: string;
  sort?: string;
  seriesLimit?: number;
  numSamples?: number;
}

/** Attribute names, which are also the URL parameter names. */
export const FILTER_ATTRIBUTES: Record<keyof ViewFilters, string> = {
  includeRepos: 'include-repos',
  excludeRepos: 'exclude-repos',
  searchContexts: 'search-contexts',
  sort: 'sort',
  seriesLimit: 'series-limit',
  numSamples: 'num-samples',
};

const NUMERIC = new Set<keyof ViewFilters>(['seriesLimit', 'numSamples']);

/** Filters from URL parameters; absent or empty parameters are left out. */
export function filtersFromSearchParams(params: URLSearchParams): ViewFilters {
  const filters: ViewFilters = {};
  for (const [key, name] of Object.entries(FILTER_ATTRIBUTES) as [keyof ViewFilters, string][]) {
    const value = params.get(name);
    if (!value) continue;
    if (NUMERIC.has(key)) {
      const number = Number(value);
      if (Number.isInteger(number) && number > 0) (filters as Record<string, number>)[key] = number;
    } else (filters as Record<string, string>)[key] = value;
  }
  return filters;
}

/** Writes `filters` into `params`, removing the parameters of filters that are not set. */
export function writeFiltersToSearchParams(filters: ViewFilters, params: URLSearchParams): void {
  for (const [key, name] of Object.entries(FILTER_ATTRIBUTES) as [keyof ViewFilters, string][]) {
    const value = filters[key];
    if (value === undefined || value === '') params.delete(name);
    else params.set(name, String(value));
  }
}

/** Series drawn on a card when `series-limit` is not set. */
export const DEFAULT_SERIES_LIMIT = 20;

/** `alphabetical` → `alphabetical-asc`: each sort mode with its default direction. */
export function normalizedSort(sort: string | undefined): string {
  if (!sort) return 'result-count-desc';
  if (/-(asc|desc)$/.test(sort)) return sort;
  return `${sort}-${sort === 'alphabetical' ? 'asc' : 'desc'}`;
}

/**
 * The filters in force, each as a phrase ("include repos /web$/"): a closed filter bar still says why a shared
 * link shows smaller numbers. The default order is no filter.
 */
export function filterPhrases(filters: ViewFilters, m: Messages = defaultMessages): string[] {
  return (Object.keys(FILTER_ATTRIBUTES) as (keyof ViewFilters)[]).flatMap((key) => {
    const value = filters[key];
    if (value === undefined || value === '' || (key === 'sort' && normalizedSort(value as string) === 'result-count-desc')) return [];
    return [m.filterPhrase[key](key === 'sort' ? (m.sorts[normalizedSort(value as string)] ?? String(value)) : String(value))];
  });
}
