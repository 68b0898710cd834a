import { diffQuery, pointInTimeQuery } from './drilldown.ts';
import { seriesColors } from './series-colors.ts';
import type { AggregationMode, InsightDefinition, InsightSource, RepositoryFilter, SeriesResult, StepUnit } from '../sources/source.ts';

/**
 * Root resolvers for `schema.graphql`, over any InsightSource. They shape plain definitions and series into
 * Sourcegraph's types (unions by `__typename`, the drill-down queries of every point, sort/limit/numSamples),
 * so the fixture set and the git-backed source answer exactly as an instance does.
 */

interface SeriesDisplayOptionsInput {
  sortOptions?: { mode: 'RESULT_COUNT' | 'LEXICOGRAPHICAL' | 'DATE_ADDED'; direction: 'ASC' | 'DESC' } | null;
  limit?: number | null;
  numSamples?: number | null;
}

interface InsightViewsArgs {
  first?: number | null;
  after?: string | null;
  id?: string | null;
  excludeIds?: string[] | null;
  find?: string | null;
  filters?: RepositoryFilter | null;
  seriesDisplayOptions?: SeriesDisplayOptionsInput | null;
}

/** Series in one live preview (Sourcegraph's creation UI offers a handful). */
export const MAX_PREVIEW_SERIES = 20;

const DEFAULT_DISPLAY = { sortOptions: { mode: 'RESULT_COUNT', direction: 'DESC' }, limit: 20, numSamples: null } as const;
const NO_FILTERS = { includeRepoRegex: null, excludeRepoRegex: null, searchContexts: [] };

/**
 * The viewer, for clients that ask (Sourcegraph's web app groups dashboards by owner): the server has no users, so
 * one fixed local user with nothing personal in it, in no organization, administering nothing (all is read-only).
 * Dashboards are shared with everyone (`grants.global`), so this user sees them all.
 */
export const LOCAL_USER = {
  // Sourcegraph's form of a user id, base64 of `User:<number>`; 0 is nobody's on an instance.
  id: 'VXNlcjow',
  username: 'local',
  displayName: 'Local insights server',
  viewerCanAdminister: false,
  organizations: { nodes: [], totalCount: 0 },
} as const;

export function createRootValue(source: InsightSource): Record<string, unknown> {
  return {
    currentUser: () => LOCAL_USER,
    searchInsightPreview: (args: { input: PreviewInput }) => preview(source, args.input),
    // 2022-era clients preview one series at a time; the same engine answers, as a list of one.
    searchInsightLivePreview: ({ input }: { input: LivePreviewInput }) =>
      preview(source, {
        repositoryScope: input.repositoryScope,
        timeScope: input.timeScope,
        series: [{ query: input.query, label: input.label, generatedFromCaptureGroups: input.generatedFromCaptureGroups, groupBy: input.groupBy }],
      }),
    search: (args: { query?: string | null; patternType?: string | null }) => search(source, withPatternType(args.query ?? '', args.patternType)),
    searchQueryAggregate: (args: { query: string; patternType: string }) => aggregate(source, withPatternType(args.query, args.patternType)),
    insightViews: (args: InsightViewsArgs) => {
      let insights = source.insights();
      if (args.id != null) insights = insights.filter((i) => i.id === args.id);
      if (args.excludeIds?.length) insights = insights.filter((i) => !args.excludeIds!.includes(i.id));
      if (args.find) insights = insights.filter((i) => i.title.toLowerCase().includes(args.find!.toLowerCase()));
      return connection(insights, args, (i) => insightView(source, i, args.filters ?? null, args.seriesDisplayOptions ?? null));
    },
    insightsDashboards: (args: { first?: number | null; after?: string | null; id?: string | null }) => {
      let dashboards = source.dashboards();
      if (args.id != null) dashboards = dashboards.filter((d) => d.id === args.id);
      const byId = new Map(source.insights().map((i) => [i.id, i]));
      const { nodes, pageInfo } = connection(dashboards, args, (d) => ({
        id: d.id,
        title: d.title,
        grants: { users: [], organizations: [], global: true },
        views: (viewArgs: { first?: number | null; after?: string | null }) =>
          connection(
            d.insightIds.flatMap((id) => byId.get(id) ?? []),
            viewArgs,
            (i) => insightView(source, i, null, null),
          ),
      }));
      return { nodes, pageInfo };
    },
  };
}

function connection<T extends { id: string }, R>(
  items: T[],
  args: { first?: number | null; after?: string | null },
  map: (item: T) => R,
): { nodes: R[]; pageInfo: { endCursor: string | null; hasNextPage: boolean }; totalCount: number } {
  const start = args.after ? items.findIndex((i) => i.id === args.after) + 1 : 0;
  const page = items.slice(start, args.first != null ? start + args.first : undefined);
  return {
    nodes: page.map(map),
    pageInfo: { endCursor: page.at(-1)?.id ?? null, hasNextPage: start + page.length < items.length },
    totalCount: items.length,
  };
}

function insightView(
  source: InsightSource,
  insight: InsightDefinition,
  filters: RepositoryFilter | null,
  display: SeriesDisplayOptionsInput | null,
) {
  const applied = { ...NO_FILTERS, ...filters };
  let computed: Promise<SeriesResult[]> | undefined;
  // dataSeries and seriesCount share one computation per request.
  const series = () => (computed ??= source.series(insight, applied));
  const repositoryScope = { __typename: 'InsightRepositoryScope', repositories: insight.repositories };
  const timeScope = async () => ({ __typename: 'InsightIntervalTimeScope', ...((await source.step?.(insight)) ?? insight.step) });
  return {
    id: insight.id,
    isFrozen: false,
    defaultFilters: NO_FILTERS,
    appliedFilters: applied,
    defaultSeriesDisplayOptions: DEFAULT_DISPLAY,
    appliedSeriesDisplayOptions: { ...DEFAULT_DISPLAY, ...display },
    dashboardReferenceCount: source.dashboards().filter((d) => d.insightIds.includes(insight.id)).length,
    dashboards: () => {
      const nodes = source.dashboards().filter((d) => d.insightIds.includes(insight.id));
      return { nodes: nodes.map((d) => ({ id: d.id, title: d.title, grants: { users: [], organizations: [], global: true } })), pageInfo: { endCursor: null, hasNextPage: false } };
    },
    presentation:
      insight.kind === 'pie'
        ? { __typename: 'PieChartInsightViewPresentation', title: insight.title, otherThreshold: insight.otherThreshold ?? 0.03 }
        : {
            __typename: 'LineChartInsightViewPresentation',
            title: insight.title,
            // Capture-group series have no entry, as upstream: their series are made per value when computed.
            seriesPresentation: presentedSeries(insight.series.filter((s) => !s.captureGroups)),
          },
    repositoryDefinition: repositoryScope,
    timeScope,
    dataSeriesDefinitions: insight.series.map((s) => ({
      __typename: 'SearchInsightDataSeriesDefinition',
      seriesId: s.seriesId,
      query: s.query,
      repositoryScope,
      repositoryDefinition: repositoryScope,
      timeScope,
      generatedFromCaptureGroups: Boolean(s.captureGroups),
      isCalculated: false,
      groupBy: null,
    })),
    seriesCount: async () => (insight.kind === 'pie' ? 0 : (await series()).length),
    dataSeries: async () => {
      if (insight.kind === 'pie') return [];
      const results = arrange(await series(), insight, display);
      return results.map((result) => {
        const definition = insight.series.find((s) => s.seriesId === result.seriesId) ?? insight.series[0];
        return insightsSeries(result, { ...applied, repositories: insight.repositories, query: definition?.query ?? '' });
      });
    },
  };
}

/** Each series' presentation, with a distinct colour for those configured without one (series-colors.ts). */
function presentedSeries(series: InsightDefinition['series']) {
  const colors = seriesColors(series);
  return series.map((s, i) => ({ seriesId: s.seriesId, label: s.label, color: colors[i] }));
}

/** numSamples, then sort, then limit: what `seriesDisplayOptions` does on an instance. */
function arrange(results: SeriesResult[], insight: InsightDefinition, display: SeriesDisplayOptionsInput | null): SeriesResult[] {
  const numSamples = display?.numSamples;
  const sampled = numSamples ? results.map((r) => ({ ...r, points: r.points.slice(-numSamples) })) : results;
  const { mode, direction } = display?.sortOptions ?? DEFAULT_DISPLAY.sortOptions;
  const order = new Map(insight.series.map((s, i) => [s.seriesId, i]));
  const latest = (r: SeriesResult) => r.points.at(-1)?.value ?? 0;
  const compare = {
    RESULT_COUNT: (a: SeriesResult, b: SeriesResult) => latest(a) - latest(b),
    LEXICOGRAPHICAL: (a: SeriesResult, b: SeriesResult) => a.label.localeCompare(b.label),
    DATE_ADDED: (a: SeriesResult, b: SeriesResult) => (order.get(a.seriesId) ?? 0) - (order.get(b.seriesId) ?? 0),
  }[mode];
  const sorted = [...sampled].sort((a, b) => (direction === 'ASC' ? compare(a, b) : compare(b, a)));
  return sorted.slice(0, display?.limit ?? DEFAULT_DISPLAY.limit);
}

function insightsSeries(result: SeriesResult, scope: Parameters<typeof diffQuery>[0]) {
  return {
    seriesId: result.seriesId,
    label: result.label,
    points: () =>
      result.points.map((p, i) => ({
        dateTime: p.time.toISOString(),
        value: p.value,
        diffQuery: diffQuery(scope, p.time, result.points[i - 1]?.time),
        pointInTimeQuery: pointInTimeQuery(scope, p.time),
      })),
    status: {
      totalPoints: result.points.length,
      pendingJobs: result.pendingJobs,
      completedJobs: result.completedJobs,
      failedJobs: 0,
      backfillQueuedAt: new Date(0).toISOString(),
      isLoadingData: result.pendingJobs > 0,
      incompleteDatapoints: (result.incomplete ?? []).map((a) =>
        a.reason === null
          ? { __typename: 'TimeoutDatapointAlert', time: a.time.toISOString() }
          : { __typename: 'GenericIncompleteDatapointAlert', time: a.time.toISOString(), reason: a.reason },
      ),
    },
  };
}

interface PreviewInput {
  repositoryScope: { repositories: string[]; repositoryCriteria?: string | null };
  timeScope: { stepInterval?: { unit: StepUnit; value: number } | null };
  series: { query: string; label: string; generatedFromCaptureGroups: boolean; groupBy?: string | null }[];
}

type LivePreviewInput = Omit<PreviewInput, 'series'> & PreviewInput['series'][number];

async function preview(source: InsightSource, input: PreviewInput) {
  if (!source.preview) throw new Error('Live previews are not available on this server.');
  if (input.series.some((s) => s.groupBy)) throw new Error('Compute (group by) previews are not supported by this server.');
  // Each series is a search over every point's tree: the list is the one cost the query cost limits cannot see.
  if (input.series.length > MAX_PREVIEW_SERIES) throw new Error(`A preview has at most ${MAX_PREVIEW_SERIES} series, not ${input.series.length}.`);
  const series = await source.preview({
    repositories: input.repositoryScope.repositories,
    repositoryCriteria: input.repositoryScope.repositoryCriteria,
    step: input.timeScope.stepInterval ?? { unit: 'MONTH', value: 1 },
    series: input.series.map((s) => ({ query: s.query, label: s.label, captureGroups: s.generatedFromCaptureGroups })),
  });
  return series.map((s) => ({
    label: s.label,
    points: s.points.map((p, i) => {
      const scope = { repositories: input.repositoryScope.repositories, query: s.query };
      return { dateTime: p.time.toISOString(), value: p.value, diffQuery: diffQuery(scope, p.time, s.points[i - 1]?.time), pointInTimeQuery: pointInTimeQuery(scope, p.time) };
    }),
  }));
}

function search(source: InsightSource, query: string) {
  let languages: ReturnType<NonNullable<InsightSource['languages']>> | undefined;
  const stats = () => {
    if (!source.languages) throw new Error('Search statistics are not available on this server.');
    return (languages ??= source.languages(query));
  };
  return {
    results: { limitHit: false, matchCount: 0 },
    stats: {
      languages: stats,
      approximateResultCount: async () => String((await stats()).reduce((sum, l) => sum + l.totalLines, 0)),
    },
  };
}

function aggregate(source: InsightSource, query: string) {
  if (!source.aggregate || !source.modeAvailability) throw new Error('Search aggregations are not available on this server.');
  return {
    modeAvailability: () => source.modeAvailability!(query),
    aggregations: async (args: { mode?: AggregationMode | null; limit?: number | null }) => {
      const result = await source.aggregate!(query, args.mode ?? null, args.limit ?? 50);
      if (!result.available) {
        return { __typename: 'SearchAggregationNotAvailable', reason: result.reason, reasonType: result.reasonType, mode: result.mode };
      }
      return {
        __typename: 'ExhaustiveSearchAggregationResult',
        mode: result.mode,
        groups: result.groups,
        otherGroupCount: result.otherGroupCount,
        otherResultCount: result.otherResultCount,
        supportsPersistence: false,
      };
    },
  };
}

/** A `patternType: regexp` argument, folded into the query (literal, standard and keyword read as literal here). */
function withPatternType(query: string, patternType: string | null | undefined): string {
  if (patternType !== 'regexp' || /\bpattern[tT]ype:/.test(query)) return query;
  return `${query} patterntype:regexp`;
}
