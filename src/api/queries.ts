/**
 * Every GraphQL operation the client sends. Field names follow Sourcegraph's schema; the contract test
 * validates each document here against the upstream schema files, so nothing else may build query text.
 */

export interface Operation {
  name: string;
  document: string;
}

const INSIGHT_VIEW_CONFIG = `
      id
      isFrozen
      presentation {
        __typename
        ... on LineChartInsightViewPresentation { title seriesPresentation { seriesId label color } }
        ... on PieChartInsightViewPresentation { title otherThreshold }
      }
      appliedFilters { includeRepoRegex excludeRepoRegex searchContexts }`;

/** One saved insight with its data (Sourcegraph 4.5 and later: drill-down queries, backfill status, incomplete points). */
export const INSIGHT_VIEW: Operation = {
  name: 'CodeInsightView',
  document: `query CodeInsightView($id: ID!, $filters: InsightViewFiltersInput, $seriesDisplayOptions: SeriesDisplayOptionsInput) {
  insightViews(id: $id, filters: $filters, seriesDisplayOptions: $seriesDisplayOptions) {
    nodes {${INSIGHT_VIEW_CONFIG}
      seriesCount
      repositoryDefinition {
        __typename
        ... on RepositorySearchScope { search allRepositories }
        ... on InsightRepositoryScope { repositories }
      }
      dataSeriesDefinitions {
        ... on SearchInsightDataSeriesDefinition { seriesId query generatedFromCaptureGroups groupBy }
      }
      dataSeries {
        seriesId
        label
        points { dateTime value diffQuery pointInTimeQuery }
        status {
          isLoadingData
          pendingJobs
          completedJobs
          failedJobs
          backfillQueuedAt
          incompleteDatapoints {
            __typename
            time
            ... on GenericIncompleteDatapointAlert { reason }
          }
        }
      }
    }
  }
}`,
};

/**
 * The same for instances older than 4.5 (mid-2022 schema): no drill-down queries, no `isLoadingData`, no
 * incomplete points, repositories from `repositoryScope`. Sent only after the instance rejected INSIGHT_VIEW's fields.
 */
export const INSIGHT_VIEW_LEGACY: Operation = {
  name: 'CodeInsightViewLegacy',
  document: `query CodeInsightViewLegacy($id: ID!, $filters: InsightViewFiltersInput, $seriesDisplayOptions: SeriesDisplayOptionsInput) {
  insightViews(id: $id, filters: $filters, seriesDisplayOptions: $seriesDisplayOptions) {
    nodes {${INSIGHT_VIEW_CONFIG}
      dataSeriesDefinitions {
        ... on SearchInsightDataSeriesDefinition { seriesId query generatedFromCaptureGroups groupBy repositoryScope { repositories } }
      }
      dataSeries {
        seriesId
        label
        points { dateTime value }
        status { pendingJobs completedJobs failedJobs backfillQueuedAt }
      }
    }
  }
}`,
};

/** Every operation, for the contract test. */
export const OPERATIONS: readonly Operation[] = [INSIGHT_VIEW, INSIGHT_VIEW_LEGACY];
