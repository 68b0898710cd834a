import { InsightsError } from './errors.js';
import type { InsightFilters, SeriesDisplayOptions, SeriesSortMode } from './client.js';

/** The display and drill-down attributes shared by `<code-insight>` and `<insights-dashboard>`. */
export interface ViewAttributes {
  includeRepos?: string | null;
  excludeRepos?: string | null;
  searchContexts?: string | null;
  sort?: string | null;
  seriesLimit?: number | null;
  numSamples?: number | null;
}

const SORT_MODES: Record<string, [SeriesSortMode, 'ASC' | 'DESC']> = {
  'result-count': ['RESULT_COUNT', 'DESC'],
  alphabetical: ['LEXICOGRAPHICAL', 'ASC'],
  'date-added': ['DATE_ADDED', 'DESC'],
};

/**
 * Attributes to the `filters` and `seriesDisplayOptions` of `insightViews`. Invalid values are caught here,
 * before any request, with a message that names the attribute (or, for the server's image embeds, which take
 * the same names as URL parameters, the `parameter`).
 */
export function viewOptions(
  attributes: ViewAttributes,
  noun: 'attribute' | 'parameter' = 'attribute',
): { filters?: InsightFilters; seriesDisplayOptions?: SeriesDisplayOptions } {
  const filters: InsightFilters = {};
  if (attributes.includeRepos) filters.includeRepoRegex = checkedRegExp('include-repos', attributes.includeRepos, noun);
  if (attributes.excludeRepos) filters.excludeRepoRegex = checkedRegExp('exclude-repos', attributes.excludeRepos, noun);
  const contexts = attributes.searchContexts?.split(/[\s,]+/).filter(Boolean);
  if (contexts?.length) filters.searchContexts = contexts;

  const display: SeriesDisplayOptions = {};
  if (attributes.sort) {
    const match = /^(result-count|alphabetical|date-added)(?:-(asc|desc))?$/.exec(attributes.sort.trim());
    if (!match) throw invalid('sort', attributes.sort, 'result-count, alphabetical or date-added, optionally with -asc or -desc', noun);
    const [mode, direction] = SORT_MODES[match[1]];
    display.sortOptions = { mode, direction: match[2] ? (match[2].toUpperCase() as 'ASC' | 'DESC') : direction };
  }
  if (attributes.seriesLimit != null) display.limit = checkedCount('series-limit', attributes.seriesLimit, noun);
  if (attributes.numSamples != null) display.numSamples = checkedCount('num-samples', attributes.numSamples, noun);
  return {
    ...(Object.keys(filters).length ? { filters } : {}),
    ...(Object.keys(display).length ? { seriesDisplayOptions: display } : {}),
  };
}

function checkedRegExp(attribute: string, value: string, noun: string): string {
  try {
    new RegExp(value);
  } catch {
    throw invalid(attribute, value, 'a valid regular expression', noun);
  }
  return value;
}

/** Counts go to GraphQL as `Int`, a signed 32-bit number: an instance refuses the whole query for a larger one. */
const MAX_COUNT = 2 ** 31 - 1;
/** A valid count, in words, for messages (the server's image embeds say it too). */
export const VALID_COUNT = `a whole number from 1 to ${MAX_COUNT}`;

function checkedCount(attribute: string, value: number, noun: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_COUNT) throw invalid(attribute, String(value), VALID_COUNT, noun);
  return value;
}

/** A configuration error that names the attribute (or URL parameter), what it got and what it takes. */
export function invalid(attribute: string, value: string, expected: string, noun: string): InsightsError {
  return new InsightsError('config', `The ${attribute} ${noun} "${value}" is not valid: expected ${expected}.`);
}
