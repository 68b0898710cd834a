import { parseColor } from '../model/color.js';
import { ALL_INSIGHTS } from '../model/insight-id.js';
import { distinctColors, slotOf } from '../model/palette.js';
import type { DataPoint, IncompletePoint, LineInsightData, LineSeries } from '../model/insight-data.js';
import { defaultMessages as m } from '../model/messages.js';
import { InsightsError, decodeError } from './errors.js';
import { fallbackDiffQuery, insightURL, searchURL, type DiffQueryScope } from './links.js';
import type { JsonValue } from '../model/json-value.js';
import { json, type JsonObject } from './shape.js';
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
 * The root field `field` of an answer, to read; without it, the answer's GraphQL errors (or, when there are none,
 * a decode error).
 */
export function answer(response: GraphQLResponse, field: string): JsonValue {
  const root = response.data?.[field];
  if (root === undefined || root === null) throw graphqlFailure(response);
  return json(root, field);
}

/**
 * Decodes one `insightViews` field of an answer (`root`), with the GraphQL errors that concern it. `config`
 * is the view's configuration from an earlier dashboard query, when this answer carries its data only.
 */
export function decodeInsightView(root: unknown, errors: GraphQLErrorInfo[], context: DecodeContext, config?: JsonObject): SavedInsight {
  const node = answer({ data: { insightViews: root }, errors }, 'insightViews')
    .get('nodes')
    .list()
    .find((n) => n.value !== null);
  if (!node) {
    if (errors.length) throw graphqlFailure({ data: null, errors });
    throw new InsightsError('not-found', (m) => m.notFound);
  }
  return {
    ...decodeNode(json({ ...config, ...node.object() }, node.path), context),
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
  const [node] = answer(response, 'insightsDashboards').get('nodes').list();
  if (!node || node.value === null) throw new InsightsError('not-found', (m) => m.dashboardNotFound);
  const configs = viewConfigs(node.opt('views')?.get('nodes'));
  return { id: node.get('id').string(), title: node.get('title').text(), viewIds: [...configs.keys()], configs };
}

/** Every insight view the viewer can see, as the virtual dashboard `all` (titled as Sourcegraph titles it). */
export function decodeAllInsights(response: GraphQLResponse, title: string): Dashboard {
  const configs = viewConfigs(answer(response, 'insightViews').get('nodes'));
  return { id: ALL_INSIGHTS, title, viewIds: [...configs.keys()], configs };
}

/** Each view's configuration node by its id, in order; a null view is one this user cannot see. */
function viewConfigs(views: JsonValue | undefined): Map<string, JsonObject> {
  const configs = new Map<string, JsonObject>();
  for (const view of views?.list() ?? []) if (view.value !== null) configs.set(view.get('id').string(), view.object());
  return configs;
}

export function graphqlFailure(response: GraphQLResponse): InsightsError {
  if (!response.errors.length) return decodeError('data', 'the requested fields');
  const details = response.errors.map((e) => e.message);
  return new InsightsError('graphql', (m) => m.graphql(details[0]), { details });
}

const LINE = 'LineChartInsightViewPresentation';
const PIE = 'PieChartInsightViewPresentation';

function decodeNode(node: JsonValue, context: DecodeContext): Omit<SavedInsight, 'warnings'> {
  const id = node.get('id').string();
  const presentation = node.get('presentation');
  const typename = presentation.get('__typename');
  const kind = typename.expect<string>(typename.value === LINE || typename.value === PIE, 'a line or pie chart presentation');
  const title = presentation.get('title').text();
  const colors = new Map<string, { label: string; color?: string }>();
  if (kind === LINE) {
    for (const p of presentation.get('seriesPresentation').list()) {
      colors.set(p.get('seriesId').string(), { label: p.get('label').text(), color: parseColor(p.get('color').value) });
    }
  }
  const definitions = node.get('dataSeriesDefinitions').list();
  const queries = new Map<string, string>();
  for (const definition of definitions) {
    // A definition without a seriesId is a type this client did not ask about (the union may grow).
    if (definition.get('seriesId').value !== undefined) queries.set(definition.get('seriesId').string(), definition.get('query').string());
  }
  const repositoryScope = node.opt('repositoryDefinition') ?? definitions[0]?.opt('repositoryScope');
  const filters = node.opt('appliedFilters');
  const scope = {
    repositories: repositoryScope?.opt('repositories')?.list().map((r) => r.string()) ?? [],
    includeRepoRegex: filters?.opt('includeRepoRegex')?.string(),
    excludeRepoRegex: filters?.opt('excludeRepoRegex')?.string(),
  };

  let completed = 0;
  let outstanding = 0;
  let processing = false;
  const series = node
    .get('dataSeries')
    .list()
    .map((raw): LineSeries => {
      const seriesId = raw.get('seriesId').string();
      const status = raw.get('status');
      const pending = status.get('pendingJobs').number();
      const failed = status.get('failedJobs').number();
      completed += status.get('completedJobs').number();
      outstanding += pending + failed;
      const loading = status.opt('isLoadingData')?.boolean();
      // Instances older than 4.5 have no isLoadingData: the web app then reads the backfill fields.
      processing ||= loading ?? (status.get('backfillQueuedAt').value === null || pending > 0);
      const query = queries.get(seriesId);
      const presented = colors.get(seriesId);
      return {
        id: seriesId,
        label: presented?.label ?? raw.get('label').text(),
        color: presented?.color,
        points: decodePoints(raw.get('points'), context.instance, query === undefined ? undefined : { ...scope, query }),
        incomplete: decodeIncomplete(status.opt('incompleteDatapoints')),
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
    presentation: kind === PIE ? 'pie' : 'line',
    frozen: node.opt('isFrozen')?.boolean() ?? false,
    data,
    otherThreshold: kind === PIE ? presentation.get('otherThreshold').number() : undefined,
    seriesCount: node.opt('seriesCount')?.number(),
    queries,
    repositories: scope.repositories,
  };
}

/**
 * A series' points, each linked to the search behind it: the instance's `diffQuery`, or (with `scope`, for
 * instances too old to send one) the diff search between the previous point and this one.
 */
export function decodePoints(points: JsonValue, instance: string, scope?: DiffQueryScope): DataPoint[] {
  let previous: string | undefined;
  return points.list().map((point) => {
    const date = point.get('dateTime').date() as string; // JSON has no Date
    const diffQuery = point.opt('diffQuery')?.string() ?? (scope && fallbackDiffQuery(scope, date, previous));
    previous = date;
    return { date, value: point.get('value').number(), ...(diffQuery ? { url: searchURL(instance, diffQuery) } : {}) };
  });
}

function decodeIncomplete(value: JsonValue | undefined): IncompletePoint[] | undefined {
  const alerts = value?.list();
  if (!alerts?.length) return undefined;
  return alerts.map((alert) => ({
    date: alert.get('time').string(),
    reason:
      alert.get('__typename').value === 'TimeoutDatapointAlert' ? m.searchTimedOut : (alert.opt('reason')?.text() ?? m.pointIncomplete),
  }));
}
