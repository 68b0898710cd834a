import { toTime } from '../model/dates.js';
import type { CategoryItem, LineSeries } from '../model/insight-data.js';
import { defaultMessages as m } from '../model/messages.js';
import { InsightsError, decodeError } from './errors.js';
import { graphqlFailure } from './decode.js';
import { fallbackDiffQuery, searchURL, type DiffQueryScope } from './links.js';
import { list, number, object, optional, string, text } from './shape.js';
import type { GraphQLResponse } from './transport.js';

/** Decoders for the search-based operations: previews, language usage and aggregations. */

/**
 * Preview series; `fallback` gives the drill-down scope of the series at an index for instances that send no
 * `diffQuery` (the mid-2022 schema), so their points still open the commits behind them.
 */
export function decodePreview(response: GraphQLResponse, instance: string, fallback?: (index: number) => DiffQueryScope): LineSeries[] {
  const root = response.data?.searchInsightPreview;
  if (root === undefined || root === null) throw graphqlFailure(response);
  return list(root, 'searchInsightPreview').map((item, i) => {
    const path = `searchInsightPreview[${i}]`;
    const series = object(item, path);
    const label = text(series.label, `${path}.label`);
    const scope = fallback?.(i);
    let previous: string | undefined;
    return {
      // Preview series have no ids: the label is unique within one preview (capture groups: the value).
      id: label,
      label,
      points: list(series.points, `${path}.points`).map((p, j) => {
        const point = object(p, `${path}.points[${j}]`);
        const date = string(point.dateTime, `${path}.points[${j}].dateTime`);
        if (Number.isNaN(toTime(date))) throw decodeError(`${path}.points[${j}].dateTime`, 'an ISO 8601 date');
        const diffQuery = optional(string, point.diffQuery, `${path}.points[${j}].diffQuery`) ?? (scope && fallbackDiffQuery(scope, date, previous));
        previous = date;
        return { date, value: number(point.value, `${path}.points[${j}].value`), ...(diffQuery ? { url: searchURL(instance, diffQuery) } : {}) };
      }),
    };
  });
}

/** Lines per language, each linked to the search of that language in the repository. */
export function decodeLanguages(response: GraphQLResponse, instance: string, query: string): CategoryItem[] {
  const root = response.data?.search;
  if (root === undefined || root === null) throw graphqlFailure(response);
  const stats = object(object(root, 'search').stats, 'search.stats');
  return list(stats.languages, 'search.stats.languages').map((item, i) => {
    const language = object(item, `search.stats.languages[${i}]`);
    const name = text(language.name, `search.stats.languages[${i}].name`);
    // Sourcegraph quotes language names with spaces ("Visual Basic .NET").
    const filter = /\s/.test(name) ? `lang:"${name.replace(/"/g, '\\"')}"` : `lang:${name}`;
    return { label: name, value: number(language.totalLines, `search.stats.languages[${i}].totalLines`), url: searchURL(instance, `${query} ${filter}`) };
  });
}

export type AggregationMode = 'REPO' | 'PATH' | 'AUTHOR' | 'CAPTURE_GROUP' | 'REPO_METADATA';

export type Aggregation =
  | { available: true; mode: AggregationMode; items: CategoryItem[]; approximate: boolean; otherGroups: number }
  | { available: false; mode: AggregationMode; reason: string };

export function decodeAggregation(response: GraphQLResponse, instance: string): Aggregation {
  const root = response.data?.searchQueryAggregate;
  if (root === undefined || root === null) throw graphqlFailure(response);
  const result = object(object(root, 'searchQueryAggregate').aggregations, 'searchQueryAggregate.aggregations');
  const path = 'searchQueryAggregate.aggregations';
  const mode = string(result.mode, `${path}.mode`) as AggregationMode;
  switch (result.__typename) {
    case 'SearchAggregationNotAvailable':
      return { available: false, mode, reason: text(result.reason, `${path}.reason`, 500) };
    case 'ExhaustiveSearchAggregationResult':
    case 'NonExhaustiveSearchAggregationResult':
      return {
        available: true,
        mode,
        approximate: result.__typename === 'NonExhaustiveSearchAggregationResult',
        otherGroups: optional(number, result.otherGroupCount ?? result.approximateOtherGroupCount, `${path}.otherGroupCount`) ?? 0,
        items: list(result.groups, `${path}.groups`).map((g, i) => {
          const group = object(g, `${path}.groups[${i}]`);
          const query = optional(string, group.query, `${path}.groups[${i}].query`);
          return {
            label: text(group.label, `${path}.groups[${i}].label`),
            value: number(group.count, `${path}.groups[${i}].count`),
            ...(query ? { url: searchURL(instance, query) } : {}),
          };
        }),
      };
  }
  throw decodeError(`${path}.__typename`, 'an aggregation result');
}

/** Sourcegraph's language statistics query for one repository and optional path (API.md 2(c).2). */
export function languagesQuery(repository: string, path?: string): string {
  const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const trimmed = path?.replace(/^\/+|\/+$/g, '');
  return `repo:^${escape(repository)}$${trimmed ? ` file:^${escape(trimmed)}/` : ''}`;
}

/** A language usage answer with no languages: the repository is unknown, empty, or not indexed yet. */
export function noLanguages(): InsightsError {
  return new InsightsError('not-found', m.noLanguages);
}

