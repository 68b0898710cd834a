/**
 * GraphQL documents as Sourcegraph's own insights web app asks them, in its mid-2022 (3.4x/4.0) and its 5.x forms:
 * written for this project from ../shared/sourcegraph/API.md (sections 2 and 7) and the schema files, not copied
 * from Sourcegraph. Operation names are the web app's, so a server log reads the same; variables are shaped as
 * that client shapes them (e.g. `searchContexts: [""]` when no context is chosen, `repositoryCriteria: null`).
 * The compatibility test replays each against the local server and checks the answer against the schema file of
 * its generation.
 */

export type Generation = '2022' | '5.x';

/** What a replay needs to know about the server it talks to. */
export interface ReplayTargets {
  /** A saved line insight. */
  insight: string;
  /** A dashboard holding at least one insight. */
  dashboard: string;
  /** A repository the server knows, as Sourcegraph names it. */
  repository: string;
}

export interface ClientDocument {
  /** The operation name the web app gives it (it is also sent as `?Name` on the URL, as the web app does). */
  name: string;
  generation: Generation;
  /** Which screen of the web app sends it. */
  purpose: string;
  query: string;
  variables(targets: ReplayTargets): Record<string, unknown>;
  /** Beyond the shape: what an answer must hold to be of use to that screen (non-null nodes, some series). */
  expect(data: Record<string, any>): void;
}

/** `repo:^<name>$`, as the web app escapes a repository name into a search. */
const repoQuery = (name: string) => `repo:^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** One insight view that did come back (a failed one is `null` in `nodes`). */
function oneView(connection: { nodes: unknown[] } | null | undefined, what: string): Record<string, any> {
  check(connection, `${what}: no connection`);
  check(connection.nodes.length === 1, `${what}: ${connection.nodes.length} nodes, not 1`);
  check(connection.nodes[0] !== null, `${what}: the node is null`);
  return connection.nodes[0] as Record<string, any>;
}

// --- 5.x ------------------------------------------------------------------------------------------------

/** The configuration of a view, as the 5.x app reads it for cards, the all-insights page and dashboards. */
const VIEW_CONFIG_5 = `fragment InsightViewNode on InsightView {
  id
  isFrozen
  defaultFilters { includeRepoRegex excludeRepoRegex searchContexts }
  repositoryDefinition {
    __typename
    ... on RepositorySearchScope { search allRepositories }
    ... on InsightRepositoryScope { repositories }
  }
  dashboardReferenceCount
  dashboards { nodes { id title } }
  presentation {
    __typename
    ... on LineChartInsightViewPresentation { title seriesPresentation { seriesId label color } }
    ... on PieChartInsightViewPresentation { title otherThreshold }
  }
  dataSeriesDefinitions {
    ... on SearchInsightDataSeriesDefinition {
      seriesId
      query
      timeScope { ... on InsightIntervalTimeScope { unit value } }
      isCalculated
      generatedFromCaptureGroups
      groupBy
    }
  }
  defaultSeriesDisplayOptions { limit numSamples sortOptions { mode direction } }
}`;

/** What the drill-down filters panel sends when nothing is chosen: empty regexps and the empty context. */
const UNFILTERED = { includeRepoRegex: '', excludeRepoRegex: '', searchContexts: [''] };

export const CLIENT_DOCUMENTS: ClientDocument[] = [
  {
    name: 'GetInsights',
    generation: '5.x',
    purpose: 'every view\'s configuration (dashboard select, "All insights")',
    query: `query GetInsights { insightViews { nodes { ...InsightViewNode } } }\n${VIEW_CONFIG_5}`,
    variables: () => ({}),
    expect: (data) => check(data.insightViews.nodes.length > 0, 'no views'),
  },
  {
    name: 'GetAllInsightConfigurations',
    generation: '5.x',
    purpose: 'the "All insights" page, paged',
    query: `query GetAllInsightConfigurations($first: Int, $after: String) {
  insightViews(first: $first, after: $after) {
    nodes { ...InsightViewNode }
    pageInfo { endCursor hasNextPage }
    totalCount
  }
}
${VIEW_CONFIG_5}`,
    variables: () => ({ first: 20, after: null }),
    expect: (data) => check(data.insightViews.nodes.length > 0 && data.insightViews.totalCount > 0, 'no views'),
  },
  {
    name: 'GetInsightView',
    generation: '5.x',
    purpose: "a card's data, fetched when it scrolls into view and polled while it loads",
    query: `query GetInsightView($id: ID, $filters: InsightViewFiltersInput, $seriesDisplayOptions: SeriesDisplayOptionsInput) {
  insightViews(id: $id, filters: $filters, seriesDisplayOptions: $seriesDisplayOptions) {
    nodes { ...InsightDataNode }
  }
}
fragment InsightDataNode on InsightView {
  id
  dataSeries { ...InsightDataSeries }
}
fragment InsightDataSeries on InsightsSeries {
  seriesId
  label
  points { dateTime value diffQuery pointInTimeQuery }
  status {
    isLoadingData
    incompleteDatapoints {
      ... on TimeoutDatapointAlert { __typename time }
      ... on GenericIncompleteDatapointAlert { __typename time reason }
    }
  }
}`,
    variables: (t) => ({
      id: t.insight,
      filters: UNFILTERED,
      seriesDisplayOptions: { limit: 20, numSamples: 90, sortOptions: { mode: 'RESULT_COUNT', direction: 'DESC' } },
    }),
    expect: (data) => check(oneView(data.insightViews, 'GetInsightView').dataSeries.length > 0, 'no series'),
  },
  {
    name: 'GetDashboardInsights',
    generation: '5.x',
    purpose: "a dashboard's views (configuration only; each card fetches its data itself)",
    query: `query GetDashboardInsights($id: ID) {
  insightsDashboards(id: $id) { nodes { id views { nodes { ...InsightViewNode } } } }
}
${VIEW_CONFIG_5}`,
    variables: (t) => ({ id: t.dashboard }),
    expect: (data) => {
      check(data.insightsDashboards.nodes.length === 1, 'not one dashboard');
      check(data.insightsDashboards.nodes[0].views.nodes.length > 0, 'no views on the dashboard');
    },
  },
  {
    name: 'InsightsDashboards',
    generation: '5.x',
    purpose: 'the dashboard select, grouped by owner (the viewer, their organizations, global)',
    query: `query InsightsDashboards($id: ID) {
  currentUser { id organizations { nodes { id displayName } } }
  insightsDashboards(id: $id) { nodes { id title grants { users organizations global } } }
}`,
    variables: () => ({ id: null }),
    expect: (data) => {
      check(data.currentUser !== null, 'no current user');
      check(data.insightsDashboards.nodes.length > 0, 'no dashboards');
    },
  },
  {
    name: 'GetInsightPreview',
    generation: '5.x',
    purpose: 'the live preview of the creation form (search series)',
    query: `query GetInsightPreview($input: SearchInsightPreviewInput!) {
  searchInsightPreview(input: $input) {
    points { dateTime value diffQuery }
    label
  }
}`,
    variables: (t) => ({
      input: {
        repositoryScope: { repositories: [t.repository], repositoryCriteria: null },
        timeScope: { stepInterval: { unit: 'MONTH', value: 1 } },
        series: [
          { query: 'TODO', label: 'TODOs', generatedFromCaptureGroups: false, groupBy: null },
          { query: 'FIXME', label: 'FIXMEs', generatedFromCaptureGroups: false, groupBy: null },
        ],
      },
    }),
    expect: (data) => check(data.searchInsightPreview.length === 2 && data.searchInsightPreview[0].points.length > 0, 'not two series with points'),
  },
  {
    name: 'GetInsightPreview',
    generation: '5.x',
    purpose: 'the live preview of the capture-group ("Detect and track patterns") form',
    query: `query GetInsightPreview($input: SearchInsightPreviewInput!) {
  searchInsightPreview(input: $input) {
    points { dateTime value diffQuery }
    label
  }
}`,
    variables: (t) => ({
      input: {
        repositoryScope: { repositories: [t.repository], repositoryCriteria: null },
        timeScope: { stepInterval: { unit: 'MONTH', value: 1 } },
        series: [{ query: 'lib@(\\d+) patterntype:regexp', label: 'lib', generatedFromCaptureGroups: true, groupBy: null }],
      },
    }),
    expect: (data) => check(Array.isArray(data.searchInsightPreview), 'no series list'),
  },
  {
    name: 'LangStatsInsightContent',
    generation: '5.x',
    purpose: 'a language statistics (pie) insight, computed by the web app from a search',
    query: `query LangStatsInsightContent($query: String!) {
  search(query: $query) {
    results { limitHit }
    stats { languages { name totalLines } }
  }
}`,
    variables: (t) => ({ query: `${repoQuery(t.repository)} ` }),
    expect: (data) => check(data.search.stats.languages.length > 0, 'no languages'),
  },
  {
    name: 'GetSearchAggregation',
    generation: '5.x',
    purpose: 'the "Group results by" panel of the search page',
    query: `query GetSearchAggregation(
  $query: String!
  $patternType: SearchPatternType!
  $mode: SearchAggregationMode
  $limit: Int!
  $extendedTimeout: Boolean!
  $skipAggregation: Boolean!
) {
  searchQueryAggregate(query: $query, patternType: $patternType) {
    aggregations(mode: $mode, limit: $limit, extendedTimeout: $extendedTimeout) @skip(if: $skipAggregation) {
      __typename
      ... on ExhaustiveSearchAggregationResult { mode groups { ...SearchAggregationDatum } otherGroupCount }
      ... on NonExhaustiveSearchAggregationResult { mode groups { ...SearchAggregationDatum } approximateOtherGroupCount }
      ... on SearchAggregationNotAvailable { reason reasonType mode }
    }
    modeAvailability { ...SearchAggregationModeAvailability }
  }
}
fragment SearchAggregationModeAvailability on AggregationModeAvailability { __typename mode available reasonUnavailable }
fragment SearchAggregationDatum on AggregationGroup { __typename label count query }`,
    variables: () => ({ query: 'TODO', patternType: 'literal', mode: null, limit: 30, extendedTimeout: false, skipAggregation: false }),
    expect: (data) => check(data.searchQueryAggregate.aggregations.__typename === 'ExhaustiveSearchAggregationResult', 'not an exhaustive result'),
  },

  // --- mid-2022 (3.4x, 4.0) ---------------------------------------------------------------------------

  {
    name: 'GetInsights',
    generation: '2022',
    purpose: 'every view\'s configuration, before repositoryDefinition and numSamples existed',
    query: `query GetInsights($id: ID) { insightViews(id: $id) { nodes { ...InsightViewNode } } }
fragment InsightViewNode on InsightView {
  id
  isFrozen
  appliedFilters { includeRepoRegex excludeRepoRegex searchContexts }
  dashboardReferenceCount
  dashboards { nodes { id title } }
  presentation {
    __typename
    ... on LineChartInsightViewPresentation { title seriesPresentation { seriesId label color } }
    ... on PieChartInsightViewPresentation { title otherThreshold }
  }
  dataSeriesDefinitions {
    ... on SearchInsightDataSeriesDefinition {
      seriesId
      query
      repositoryScope { repositories }
      timeScope { ... on InsightIntervalTimeScope { unit value } }
      isCalculated
      generatedFromCaptureGroups
      groupBy
    }
  }
  appliedSeriesDisplayOptions { limit sortOptions { mode direction } }
}`,
    variables: (t) => ({ id: t.insight }),
    expect: (data) => check(oneView(data.insightViews, 'GetInsights').dataSeriesDefinitions.length > 0, 'no series definitions'),
  },
  {
    name: 'GetInsightData',
    generation: '2022',
    purpose: "a card's data, before isLoadingData and the drill-down queries existed",
    query: `query GetInsightData($id: ID, $filters: InsightViewFiltersInput, $seriesDisplayOptions: SeriesDisplayOptionsInput) {
  insightViews(id: $id, filters: $filters, seriesDisplayOptions: $seriesDisplayOptions) {
    nodes {
      id
      dataSeries {
        seriesId
        label
        points { dateTime value }
        status { backfillQueuedAt completedJobs pendingJobs failedJobs }
      }
    }
  }
}`,
    variables: (t) => ({ id: t.insight, filters: UNFILTERED, seriesDisplayOptions: { limit: 20, sortOptions: { mode: 'RESULT_COUNT', direction: 'DESC' } } }),
    expect: (data) => check(oneView(data.insightViews, 'GetInsightData').dataSeries.length > 0, 'no series'),
  },
  {
    name: 'GetDashboardInsights',
    generation: '2022',
    purpose: "a dashboard's views with their series definitions",
    query: `query GetDashboardInsights($id: ID) {
  insightsDashboards(id: $id) {
    nodes {
      id
      views {
        nodes {
          id
          isFrozen
          presentation {
            __typename
            ... on LineChartInsightViewPresentation { title seriesPresentation { seriesId label color } }
            ... on PieChartInsightViewPresentation { title otherThreshold }
          }
          dataSeriesDefinitions {
            ... on SearchInsightDataSeriesDefinition { seriesId query repositoryScope { repositories } generatedFromCaptureGroups }
          }
        }
      }
    }
  }
}`,
    variables: (t) => ({ id: t.dashboard }),
    expect: (data) => check(data.insightsDashboards.nodes[0]?.views.nodes.length > 0, 'no views on the dashboard'),
  },
  {
    name: 'InsightsDashboards',
    generation: '2022',
    purpose: 'the dashboard select and the "who may edit it" checks of the dashboard menu',
    query: `query InsightsDashboards($id: ID) {
  currentUser {
    id
    username
    displayName
    viewerCanAdminister
    organizations { nodes { id name displayName viewerCanAdminister } }
  }
  insightsDashboards(id: $id) {
    nodes { id title views { nodes { id } } grants { users organizations global } }
  }
}`,
    variables: (t) => ({ id: t.dashboard }),
    expect: (data) => {
      check(data.currentUser !== null && data.currentUser.username, 'no current user');
      check(data.insightsDashboards.nodes.length === 1, 'not one dashboard');
    },
  },
  {
    name: 'GetSearchInsightContent',
    generation: '2022',
    purpose: 'the live preview of one search series (searchInsightLivePreview, before searchInsightPreview took lists)',
    query: `query GetSearchInsightContent($input: SearchInsightLivePreviewInput!) {
  searchInsightLivePreview(input: $input) {
    label
    points { dateTime value }
  }
}`,
    variables: (t) => ({
      input: {
        query: 'TODO',
        label: 'TODOs',
        repositoryScope: { repositories: [t.repository] },
        timeScope: { stepInterval: { unit: 'MONTH', value: 1 } },
        generatedFromCaptureGroups: false,
      },
    }),
    expect: (data) => {
      check(data.searchInsightLivePreview.length === 1, 'not one series');
      check(data.searchInsightLivePreview[0].label === 'TODOs' && data.searchInsightLivePreview[0].points.length > 0, 'not the TODOs series');
    },
  },
  {
    name: 'GetCaptureGroupInsightPreview',
    generation: '2022',
    purpose: 'the live preview of the capture-group form (one series per matched value)',
    query: `query GetCaptureGroupInsightPreview($input: SearchInsightLivePreviewInput!) {
  searchInsightLivePreview(input: $input) {
    label
    points { dateTime value }
  }
}`,
    variables: (t) => ({
      input: {
        query: 'lib@(\\d+) patterntype:regexp',
        label: '',
        repositoryScope: { repositories: [t.repository] },
        timeScope: { stepInterval: { unit: 'WEEK', value: 2 } },
        generatedFromCaptureGroups: true,
      },
    }),
    expect: (data) => check(Array.isArray(data.searchInsightLivePreview), 'no series list'),
  },
  {
    name: 'GetInsightPreview',
    generation: '2022',
    purpose: 'the live preview of several series, before repositoryCriteria and diffQuery existed',
    query: `query GetInsightPreview($input: SearchInsightPreviewInput!) {
  searchInsightPreview(input: $input) {
    label
    points { dateTime value }
  }
}`,
    variables: (t) => ({
      input: {
        repositoryScope: { repositories: [t.repository] },
        timeScope: { stepInterval: { unit: 'MONTH', value: 1 } },
        series: [{ query: 'TODO', label: 'TODOs', generatedFromCaptureGroups: false }],
      },
    }),
    expect: (data) => check(data.searchInsightPreview.length === 1, 'not one series'),
  },
  {
    name: 'GetSearchAggregation',
    generation: '2022',
    purpose: 'the first "Group results by" panel (no extended timeout, no reasonType)',
    query: `query GetSearchAggregation($query: String!, $patternType: SearchPatternType!, $mode: SearchAggregationMode, $limit: Int!) {
  searchQueryAggregate(query: $query, patternType: $patternType) {
    aggregations(mode: $mode, limit: $limit) {
      __typename
      ... on ExhaustiveSearchAggregationResult { mode groups { label count query } otherGroupCount }
      ... on NonExhaustiveSearchAggregationResult { mode groups { label count query } approximateOtherGroupCount }
      ... on SearchAggregationNotAvailable { reason mode }
    }
    modeAvailability { mode available reasonUnavailable }
  }
}`,
    variables: () => ({ query: 'TODO', patternType: 'literal', mode: 'REPO', limit: 30 }),
    expect: (data) => check(data.searchQueryAggregate.aggregations.groups.length > 0, 'no groups'),
  },
];
