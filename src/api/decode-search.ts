import type { CategoryItem, LineSeries } from '../model/insight-data.js';
import { InsightsError } from './errors.js';
import { answer, decodePoints } from './decode.js';
import { escapeRegExp, searchURL, type DiffQueryScope } from './links.js';
import type { GraphQLResponse } from './transport.js';

/** Decoders for the search-based operations: previews, language usage and aggregations. */

/**
 * Preview series; `fallback` gives the drill-down scope of the series of a label for instances that send no
 * `diffQuery` (the mid-2022 schema), so their points still open the commits behind them.
 */
export function decodePreview(response: GraphQLResponse, instance: string, fallback?: (label: string) => DiffQueryScope | undefined): LineSeries[] {
  return answer(response, 'searchInsightPreview')
    .list()
    .map((series) => {
      const label = series.get('label').text();
      // Preview series have no ids: the label is unique within one preview (capture groups: the value).
      return { id: label, label, points: decodePoints(series.get('points'), instance, fallback?.(label)) };
    });
}

/** Lines per language, each linked to the search of that language in the repository. */
export function decodeLanguages(response: GraphQLResponse, instance: string, query: string): CategoryItem[] {
  return answer(response, 'search')
    .get('stats')
    .get('languages')
    .list()
    .map((language) => {
      const name = language.get('name').text();
      // Sourcegraph quotes language names with spaces ("Visual Basic .NET").
      const filter = /\s/.test(name) ? `lang:"${name.replace(/"/g, '\\"')}"` : `lang:${name}`;
      return { label: name, value: language.get('totalLines').number(), url: searchURL(instance, `${query} ${filter}`) };
    });
}

export type AggregationMode = 'REPO' | 'PATH' | 'AUTHOR' | 'CAPTURE_GROUP' | 'REPO_METADATA';

export type Aggregation =
  | { available: true; mode: AggregationMode; items: CategoryItem[]; approximate: boolean; otherGroups: number }
  | { available: false; mode: AggregationMode; reason: string };

export function decodeAggregation(response: GraphQLResponse, instance: string): Aggregation {
  const result = answer(response, 'searchQueryAggregate').get('aggregations');
  const mode = result.get('mode').string() as AggregationMode;
  const typename = result.get('__typename');
  switch (typename.value) {
    case 'SearchAggregationNotAvailable':
      return { available: false, mode, reason: result.get('reason').text(500) };
    case 'ExhaustiveSearchAggregationResult':
    case 'NonExhaustiveSearchAggregationResult':
      return {
        available: true,
        mode,
        approximate: typename.value === 'NonExhaustiveSearchAggregationResult',
        otherGroups: (result.opt('otherGroupCount') ?? result.opt('approximateOtherGroupCount'))?.number() ?? 0,
        items: result
          .get('groups')
          .list()
          .map((group) => {
            const query = group.opt('query')?.string();
            return {
              label: group.get('label').text(),
              value: group.get('count').number(),
              ...(query ? { url: searchURL(instance, query) } : {}),
            };
          }),
      };
  }
  throw typename.fail(typename.path, 'an aggregation result', typename.value);
}

/** Sourcegraph's language statistics query for one repository and optional path (API.md 2(c).2). */
export function languagesQuery(repository: string, path?: string): string {
  const trimmed = path?.replace(/^\/+|\/+$/g, '');
  return `repo:^${escapeRegExp(repository)}$${trimmed ? ` file:^${escapeRegExp(trimmed)}/` : ''}`;
}

/** A language usage answer with no languages: the repository is unknown, empty, or not indexed yet. */
export function noLanguages(): InsightsError {
  return new InsightsError('not-found', (m) => m.noLanguages);
}

