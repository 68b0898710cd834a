import { parseColor } from '../model/color.js';
import { ALL_INSIGHTS } from '../model/insight-id.js';
import { distinctColors, slotOf } from '../model/palette.js';
import { toTime } from '../model/dates.js';
import type { DataPoint, IncompletePoint, LineInsightData, LineSeries } from '../model/insight-data.js';
import { defaultMessages as m } from '../model/messages.js';
import { InsightsError, decodeError } from './errors.js';
import { fallbackDiffQuery, insightURL, searchURL, type DiffQueryScope } from './links.js';
import { boolean, list, number, object, optional, string, text, type JsonObject } from './shape.js';
import type { GraphQLErrorInfo, GraphQLResponse } from './transport.js';

/** A saved insight view as the instance describes it, decoded and validated. */
export interface SavedInsight {
  id: string;
  /** `line` for search and capture-group insights, `pie` for language usage. */
  presentation: 'line' | 'pie';
  /** Locked by a license downgrade: the instance shows no data for it. */
  frozen: boolean;
  /** The chart data; for a `pie` insight its series are empty (the pie comes from a separate search). */
  data: LineInsightData;
  otherThreshold?: number;
  /** Series the insight has before `limit` applies (absent on older instances). */
  seriesCount?: number;
  /** Series queries, by series id. */
  queries: ReadonlyMap<string, string>;
  repositories: string[];
  /** GraphQL errors that came with usable data (e.g. one series failed). */
  warnings: string[];
}

export interface DecodeContext {
  instance: string;
}

/**
 * Decodes one `insightViews` field of an answer (`root`), with the GraphQL errors that concern it. `config`
 * is the view's configuration from an earlier dashboard query, when this answer carries its data only.
 */
export function decodeInsightView(root: unknown, errors: GraphQLErrorInfo[], context: DecodeContext, config?: JsonObject): SavedInsight {
  if (root === undefined || root === null) throw graphqlFailure({ data: null, errors });
  const nodes = list(object(root, 'insightViews').nodes, 'insightViews.nodes');
  const node = nodes.find((n) => n !== null);
  if (node === undefined) {
    if (errors.length) throw graphqlFailure({ data: null, errors });
    throw new InsightsError('not-found', m.notFound);
  }
  return {
    ...decodeNode({ ...config, ...object(node, 'insightViews.nodes[0]') }, 'insightViews.nodes[0]', context),
    warnings: errors.map((e) => e.message),
  };
}

export interface Dashboard {
  id: string;
  title: string;
  viewIds: string[];
  /** Each view's configuration node, to merge with its data later. */
  configs: Map<string, JsonObject>;
}

/** Decodes the answer to the dashboard operation. */
export function decodeDashboard(response: GraphQLResponse): Dashboard {
  const root = response.data?.insightsDashboards;
  if (root === undefined || root === null) throw graphqlFailure(response);
  const [node] = list(object(root, 'insightsDashboards').nodes, 'insightsDashboards.nodes');
  if (node === undefined || node === null) throw new InsightsError('not-found', m.dashboardNotFound);
  const dashboard = object(node, 'insightsDashboards.nodes[0]');
  const views = optional(object, dashboard.views, 'insightsDashboards.nodes[0].views');
  const configs = new Map<string, JsonObject>();
  (views ? list(views.nodes, 'insightsDashboards.nodes[0].views.nodes') : []).forEach((view, i) => {
    if (view === null) return; // a view this user cannot see
    const config = object(view, `insightsDashboards.nodes[0].views.nodes[${i}]`);
    configs.set(string(config.id, `insightsDashboards.nodes[0].views.nodes[${i}].id`), config);
  });
  return {
    id: string(dashboard.id, 'insightsDashboards.nodes[0].id'),
    title: text(dashboard.title, 'insightsDashboards.nodes[0].title'),
    viewIds: [...configs.keys()],
    configs,
  };
}

/** Every insight view the viewer can see, as the virtual dashboard `all` (titled as Sourcegraph titles it). */
export function decodeAllInsights(response: GraphQLResponse, title: string): Dashboard {
  const root = response.data?.insightViews;
  if (root === undefined || root === null) throw graphqlFailure(response);
  const configs = new Map<string, JsonObject>();
  list(object(root, 'insightViews').nodes, 'insightViews.nodes').forEach((view, i) => {
    if (view === null) return;
    const config = object(view, `insightViews.nodes[${i}]`);
    configs.set(string(config.id, `insightViews.nodes[${i}].id`), config);
  });
  return { id: ALL_INSIGHTS, title, viewIds: [...configs.keys()], configs };
}

export function graphqlFailure(response: GraphQLResponse): InsightsError {
  if (!response.errors.length) return decodeError('data', 'the requested fields');
  const details = response.errors.map((e) => e.message);
  return new InsightsError('graphql', m.graphql(details[0]), { details });
}

function decodeNode(node: JsonObject, path: string, context: DecodeContext): Omit<SavedInsight, 'warnings'> {
  const id = string(node.id, `${path}.id`);
  const presentation = object(node.presentation, `${path}.presentation`);
  const kind = string(presentation.__typename, `${path}.presentation.__typename`);
  if (kind !== 'LineChartInsightViewPresentation' && kind !== 'PieChartInsightViewPresentation') {
    throw decodeError(`${path}.presentation.__typename`, 'a line or pie chart presentation');
  }
  const title = text(presentation.title, `${path}.presentation.title`);
  const colors = new Map<string, { label: string; color?: string }>();
  if (kind === 'LineChartInsightViewPresentation') {
    list(presentation.seriesPresentation, `${path}.presentation.seriesPresentation`).forEach((item, i) => {
      const p = object(item, `${path}.presentation.seriesPresentation[${i}]`);
      colors.set(string(p.seriesId, `${path}.presentation.seriesPresentation[${i}].seriesId`), {
        label: text(p.label, `${path}.presentation.seriesPresentation[${i}].label`),
        color: parseColor(p.color),
      });
    });
  }
  const queries = decodeQueries(node.dataSeriesDefinitions, `${path}.dataSeriesDefinitions`);
  const repositories = decodeRepositories(node, path);
  const filters = optional(object, node.appliedFilters, `${path}.appliedFilters`) ?? {};
  const scope = (query: string): DiffQueryScope => ({
    query,
    repositories,
    includeRepoRegex: optional(string, filters.includeRepoRegex, `${path}.appliedFilters.includeRepoRegex`),
    excludeRepoRegex: optional(string, filters.excludeRepoRegex, `${path}.appliedFilters.excludeRepoRegex`),
  });

  let completed = 0;
  let outstanding = 0;
  let processing = false;
  const series = list(node.dataSeries, `${path}.dataSeries`).map((item, i): LineSeries => {
    const seriesPath = `${path}.dataSeries[${i}]`;
    const raw = object(item, seriesPath);
    const seriesId = string(raw.seriesId, `${seriesPath}.seriesId`);
    const status = object(raw.status, `${seriesPath}.status`);
    const pending = number(status.pendingJobs, `${seriesPath}.status.pendingJobs`);
    const failed = number(status.failedJobs, `${seriesPath}.status.failedJobs`);
    completed += number(status.completedJobs, `${seriesPath}.status.completedJobs`);
    outstanding += pending + failed;
    const loading = optional(boolean, status.isLoadingData, `${seriesPath}.status.isLoadingData`);
    // Instances older than 4.5 have no isLoadingData: the web app then reads the backfill fields.
    processing ||= loading ?? (status.backfillQueuedAt === null || pending > 0);
    const query = queries.get(seriesId);
    const presented = colors.get(seriesId);
    return {
      id: seriesId,
      label: presented?.label ?? text(raw.label, `${seriesPath}.label`),
      color: presented?.color,
      points: decodePoints(raw.points, `${seriesPath}.points`, context, query === undefined ? undefined : scope(query)),
      incomplete: decodeIncomplete(status.incompleteDatapoints, `${seriesPath}.status.incompleteDatapoints`),
    };
  });
  const total = completed + outstanding;
  // Series the instance gives no telling colour keep their place in the configuration as their colour's slot,
  // so sorting and filters do not repaint them; generated ones (a capture group's values) their name's.
  const places = [...colors.keys()];
  const slots = series.map((s) => (places.includes(s.id) ? places.indexOf(s.id) : places.length + slotOf(s.label)));
  const painted = distinctColors(series.map((s, i) => ({ color: s.color, slot: slots[i] })));
  const data: LineInsightData = { kind: 'line', title, series: series.map((s, i) => ({ ...s, color: painted[i] })), url: insightURL(context.instance, id) };
  if (processing) data.processing = total > 0 ? { progress: completed / total } : {};
  return {
    id,
    presentation: kind === 'PieChartInsightViewPresentation' ? 'pie' : 'line',
    frozen: optional(boolean, node.isFrozen, `${path}.isFrozen`) ?? false,
    data,
    otherThreshold:
      kind === 'PieChartInsightViewPresentation'
        ? number(presentation.otherThreshold, `${path}.presentation.otherThreshold`)
        : undefined,
    seriesCount: optional(number, node.seriesCount, `${path}.seriesCount`),
    queries,
    repositories,
  };
}

function decodePoints(value: unknown, path: string, context: DecodeContext, scope?: DiffQueryScope): DataPoint[] {
  let previous: string | undefined;
  return list(value, path).map((item, i) => {
    const point = object(item, `${path}[${i}]`);
    const date = string(point.dateTime, `${path}[${i}].dateTime`);
    if (Number.isNaN(toTime(date))) throw decodeError(`${path}[${i}].dateTime`, 'an ISO 8601 date');
    const diffQuery =
      optional(string, point.diffQuery, `${path}[${i}].diffQuery`) ??
      (scope && fallbackDiffQuery(scope, date, previous));
    previous = date;
    return {
      date,
      value: number(point.value, `${path}[${i}].value`),
      ...(diffQuery ? { url: searchURL(context.instance, diffQuery) } : {}),
    };
  });
}

function decodeIncomplete(value: unknown, path: string): IncompletePoint[] | undefined {
  const alerts = optional(list, value, path);
  if (!alerts?.length) return undefined;
  return alerts.map((item, i) => {
    const alert = object(item, `${path}[${i}]`);
    const date = string(alert.time, `${path}[${i}].time`);
    const reason =
      alert.__typename === 'TimeoutDatapointAlert'
        ? m.searchTimedOut
        : (optional(text, alert.reason, `${path}[${i}].reason`) ?? m.pointIncomplete);
    return { date, reason };
  });
}

function decodeQueries(value: unknown, path: string): Map<string, string> {
  const queries = new Map<string, string>();
  list(value, path).forEach((item, i) => {
    const definition = object(item, `${path}[${i}]`);
    // An empty object is a definition type this client did not ask about (the union may grow).
    if (definition.seriesId === undefined) return;
    queries.set(string(definition.seriesId, `${path}[${i}].seriesId`), string(definition.query, `${path}[${i}].query`));
  });
  return queries;
}

function decodeRepositories(node: JsonObject, path: string): string[] {
  const definition = optional(object, node.repositoryDefinition, `${path}.repositoryDefinition`);
  const legacy = (list(node.dataSeriesDefinitions, `${path}.dataSeriesDefinitions`)[0] ?? {}) as JsonObject;
  const scope = definition ?? optional(object, legacy.repositoryScope, `${path}.dataSeriesDefinitions[0].repositoryScope`);
  const repositories = scope?.repositories;
  return repositories === undefined || repositories === null
    ? []
    : list(repositories, `${path}.repositoryDefinition.repositories`).map((r, i) =>
        string(r, `${path}.repositoryDefinition.repositories[${i}]`),
      );
}
