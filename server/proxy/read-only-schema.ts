/**
 * The part of Sourcegraph's GraphQL schema the read-only proxy forwards, written out field by field. A document
 * is forwarded only when it is valid against this schema (see allowlist.ts), so a field that is not written here
 * cannot reach the instance, however it is reached: directly, through an alias, a fragment spread or an inline
 * fragment. Names and types are copied from Sourcegraph's schema files (current and mid-2022 generations; the
 * proxy test checks every type and field here exists upstream).
 *
 * Left out on purpose, because they lead from insight data to everything else the token can read:
 * `TimeoutDatapointAlert.repositories` / `GenericIncompleteDatapointAlert.repositories` (a Repository opens
 * commits and file contents), `InsightsDashboard.grants` (user and organization ids), and under `search`
 * everything but the language statistics and a few counts (`results.results` are the matches themselves,
 * `repositories`, `alert`, `dynamicFilters`, …). No Mutation or Subscription type exists here at all.
 */
export const READ_ONLY_SDL = /* GraphQL */ `
scalar DateTime

interface Node {
  id: ID!
}

type Query {
  insightViews(
    first: Int
    after: String
    id: ID
    excludeIds: [ID!]
    find: String
    isFrozen: Boolean
    filters: InsightViewFiltersInput
    seriesDisplayOptions: SeriesDisplayOptionsInput
  ): InsightViewConnection!
  insightsDashboards(first: Int, after: String, id: ID): InsightsDashboardConnection!
  searchInsightPreview(input: SearchInsightPreviewInput!): [SearchInsightLivePreviewSeries!]!
  search(version: SearchVersion, patternType: SearchPatternType, query: String): Search
  searchQueryAggregate(query: String!, patternType: SearchPatternType!): SearchQueryAggregate!
}

type PageInfo {
  endCursor: String
  hasNextPage: Boolean!
}

# --- saved insights ---

type InsightViewConnection {
  nodes: [InsightView]!
  pageInfo: PageInfo!
  totalCount: Int
}

type InsightView implements Node {
  id: ID!
  defaultFilters: InsightViewFilters!
  appliedFilters: InsightViewFilters!
  dataSeries: [InsightsSeries!]!
  presentation: InsightPresentation!
  dataSeriesDefinitions: [InsightDataSeriesDefinition!]!
  dashboardReferenceCount: Int!
  isFrozen: Boolean!
  defaultSeriesDisplayOptions: SeriesDisplayOptions!
  appliedSeriesDisplayOptions: SeriesDisplayOptions!
  dashboards(first: Int, after: String, id: ID): InsightsDashboardConnection
  seriesCount: Int
  repositoryDefinition: InsightRepositoryDefinition!
  timeScope: InsightTimeScope!
}

type InsightsSeries {
  seriesId: String!
  label: String!
  points(from: DateTime, to: DateTime, includeRepoRegex: String, excludeRepoRegex: String): [InsightDataPoint!]!
  status: InsightSeriesStatus!
}

type InsightDataPoint {
  dateTime: DateTime!
  value: Float!
  diffQuery: String
  pointInTimeQuery: String
}

type InsightSeriesStatus {
  totalPoints: Int!
  pendingJobs: Int!
  completedJobs: Int!
  failedJobs: Int!
  backfillQueuedAt: DateTime
  isLoadingData: Boolean
  incompleteDatapoints: [IncompleteDatapointAlert!]!
}

interface IncompleteDatapointAlert {
  time: DateTime!
}

type TimeoutDatapointAlert implements IncompleteDatapointAlert {
  time: DateTime!
}

type GenericIncompleteDatapointAlert implements IncompleteDatapointAlert {
  time: DateTime!
  reason: String!
}

union InsightPresentation = LineChartInsightViewPresentation | PieChartInsightViewPresentation

type LineChartInsightViewPresentation {
  title: String!
  seriesPresentation: [LineChartDataSeriesPresentation!]!
}

type LineChartDataSeriesPresentation {
  seriesId: String!
  label: String!
  color: String!
}

type PieChartInsightViewPresentation {
  title: String!
  otherThreshold: Float!
}

union InsightDataSeriesDefinition = SearchInsightDataSeriesDefinition

type SearchInsightDataSeriesDefinition {
  seriesId: String!
  query: String!
  repositoryScope: InsightRepositoryScope!
  repositoryDefinition: InsightRepositoryDefinition!
  timeScope: InsightTimeScope!
  generatedFromCaptureGroups: Boolean!
  isCalculated: Boolean!
  groupBy: GroupByField
}

union InsightRepositoryDefinition = RepositorySearchScope | InsightRepositoryScope

type RepositorySearchScope {
  search: String!
  allRepositories: Boolean!
}

type InsightRepositoryScope {
  repositories: [String!]!
}

union InsightTimeScope = InsightIntervalTimeScope

type InsightIntervalTimeScope {
  unit: TimeIntervalStepUnit!
  value: Int!
}

type InsightViewFilters {
  includeRepoRegex: String
  excludeRepoRegex: String
  searchContexts: [String!]
}

input InsightViewFiltersInput {
  includeRepoRegex: String
  excludeRepoRegex: String
  searchContexts: [String!]
}

type SeriesDisplayOptions {
  sortOptions: SeriesSortOptions!
  limit: Int
  numSamples: Int
}

input SeriesDisplayOptionsInput {
  sortOptions: SeriesSortOptionsInput
  limit: Int
  numSamples: Int
}

type SeriesSortOptions {
  mode: SeriesSortMode
  direction: SeriesSortDirection
}

input SeriesSortOptionsInput {
  mode: SeriesSortMode!
  direction: SeriesSortDirection!
}

enum SeriesSortMode {
  RESULT_COUNT
  LEXICOGRAPHICAL
  DATE_ADDED
}

enum SeriesSortDirection {
  ASC
  DESC
}

enum GroupByField {
  REPO
  LANG
  PATH
  AUTHOR
  DATE
}

enum TimeIntervalStepUnit {
  HOUR
  DAY
  WEEK
  MONTH
  YEAR
}

# --- dashboards ---

type InsightsDashboardConnection {
  nodes: [InsightsDashboard!]!
  pageInfo: PageInfo!
}

type InsightsDashboard implements Node {
  id: ID!
  title: String!
  views(first: Int, after: ID): InsightViewConnection
}

# --- ad-hoc series ---

input SearchInsightPreviewInput {
  repositoryScope: RepositoryScopeInput!
  timeScope: TimeScopeInput!
  series: [SearchSeriesPreviewInput!]!
}

input SearchSeriesPreviewInput {
  query: String!
  label: String!
  generatedFromCaptureGroups: Boolean!
  groupBy: GroupByField
}

input RepositoryScopeInput {
  repositories: [String!]!
  repositoryCriteria: String
}

input TimeScopeInput {
  stepInterval: TimeIntervalStepInput
}

input TimeIntervalStepInput {
  unit: TimeIntervalStepUnit!
  value: Int!
}

type SearchInsightLivePreviewSeries {
  points: [InsightDataPoint!]!
  label: String!
}

# --- language statistics: only the stats and a few counts of a search, never its matches ---

enum SearchVersion {
  V1
  V2
  V3
}

enum SearchPatternType {
  standard
  literal
  regexp
  structural
  lucky
  keyword
  codycontext
}

type Search {
  results: SearchResults!
  stats: SearchResultsStats!
}

type SearchResults {
  limitHit: Boolean!
  matchCount: Int!
  approximateResultCount: String!
}

type SearchResultsStats {
  approximateResultCount: String!
  languages: [LanguageStatistics!]!
}

type LanguageStatistics {
  name: String!
  totalBytes: Float!
  totalLines: Int!
}

# --- group-by aggregations ---

type SearchQueryAggregate {
  modeAvailability: [AggregationModeAvailability!]!
  aggregations(mode: SearchAggregationMode, limit: Int = 50, extendedTimeout: Boolean = false): SearchAggregationResult!
}

union SearchAggregationResult = ExhaustiveSearchAggregationResult | NonExhaustiveSearchAggregationResult | SearchAggregationNotAvailable

type ExhaustiveSearchAggregationResult {
  groups: [AggregationGroup!]!
  supportsPersistence: Boolean
  otherResultCount: Int
  otherGroupCount: Int
  mode: SearchAggregationMode!
}

type NonExhaustiveSearchAggregationResult {
  groups: [AggregationGroup!]!
  supportsPersistence: Boolean
  otherResultCount: Int
  approximateOtherGroupCount: Int
  mode: SearchAggregationMode!
}

type SearchAggregationNotAvailable {
  reason: String!
  reasonType: NotAvailableReasonType!
  mode: SearchAggregationMode!
}

type AggregationGroup {
  label: String!
  count: Int!
  query: String
}

type AggregationModeAvailability {
  mode: SearchAggregationMode!
  available: Boolean!
  reasonUnavailable: String
}

enum SearchAggregationMode {
  REPO
  PATH
  AUTHOR
  CAPTURE_GROUP
  REPO_METADATA
}

enum NotAvailableReasonType {
  INVALID_QUERY
  INVALID_AGGREGATION_MODE_FOR_QUERY
  TIMEOUT_EXTENSION_AVAILABLE
  TIMEOUT_NO_EXTENSION_AVAILABLE
  OTHER_ERROR
}
`;
