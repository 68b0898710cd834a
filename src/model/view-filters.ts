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
