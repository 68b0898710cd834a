/**
 * Every GraphQL document the client sends is built here from fixed fragments. The contract test validates
 * the documents these builders make against the upstream schema, so nothing else may build query text.
 *
 * An insight view is read in two parts: its configuration (title, presentation, series definitions), which
 * a dashboard query already returns for every card, and its data (series points, status), which each card
 * asks for when it comes into view. Cards' data requests made together go out as one aliased document.
 */

export interface Operation {
  name: string;
  document: string;
}

/** The schema generation spoken: `current` (Sourcegraph 4.5+) or `legacy` (the mid-2022 schema). */
export type SchemaGeneration = 'current' | 'legacy';

const PRESENTATION = `
  id
  isFrozen
  presentation {
    __typename
    ... on LineChartInsightViewPresentation { title seriesPresentation { seriesId label color } }
    ... on PieChartInsightViewPresentation { title otherThreshold }
  }`;

const CONFIG: Record<SchemaGeneration, string> = {
  current: `fragment InsightViewConfig on InsightView {${PRESENTATION}
  repositoryDefinition {
    __typename
    ... on RepositorySearchScope { search allRepositories }
    ... on InsightRepositoryScope { repositories }
  }
  dataSeriesDefinitions {
    ... on SearchInsightDataSeriesDefinition { seriesId query generatedFromCaptureGroups groupBy }
  }
}`,
  legacy: `fragment InsightViewConfig on InsightView {${PRESENTATION}
  dataSeriesDefinitions {
    ... on SearchInsightDataSeriesDefinition { seriesId query generatedFromCaptureGroups groupBy repositoryScope { repositories } }
  }
}`,
};

const DATA: Record<SchemaGeneration, string> = {
  current: `fragment InsightViewData on InsightView {
  id
  appliedFilters { includeRepoRegex excludeRepoRegex searchContexts }
  seriesCount
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
}`,
  legacy: `fragment InsightViewData on InsightView {
  id
  appliedFilters { includeRepoRegex excludeRepoRegex searchContexts }
  dataSeries {
    seriesId
    label
    points { dateTime value }
    status { pendingJobs completedJobs failedJobs backfillQueuedAt }
  }
}`,
};

export interface ViewQuery {
  /** Ask for the configuration too (a card that did not get it from a dashboard query). */
  config: boolean;
}

/**
 * One document with an aliased `insightViews` field per view (`v0`, `v1`, …), each with its own variables
 * (`$id0`, `$filters0`, `$seriesDisplayOptions0`, …).
 */
export function insightViewsOperation(views: readonly ViewQuery[], generation: SchemaGeneration): Operation {
  const name = generation === 'current' ? 'CodeInsightViews' : 'CodeInsightViewsLegacy';
  const variables = views
    .map((_, i) => `$id${i}: ID!, $filters${i}: InsightViewFiltersInput, $seriesDisplayOptions${i}: SeriesDisplayOptionsInput`)
    .join(', ');
  const fields = views
    .map(
      (view, i) =>
        `  v${i}: insightViews(id: $id${i}, filters: $filters${i}, seriesDisplayOptions: $seriesDisplayOptions${i}) {\n` +
        `    nodes { ${view.config ? '...InsightViewConfig ' : ''}...InsightViewData }\n  }`,
    )
    .join('\n');
  const fragments = views.some((v) => v.config) ? [CONFIG[generation], DATA[generation]] : [DATA[generation]];
  return { name, document: `query ${name}(${variables}) {\n${fields}\n}\n${fragments.join('\n')}` };
}

/** A dashboard: its title and the configuration of every insight on it (no data: cards fetch it lazily). */
export function dashboardOperation(generation: SchemaGeneration): Operation {
  const name = generation === 'current' ? 'InsightsDashboard' : 'InsightsDashboardLegacy';
  return {
    name,
    document: `query ${name}($id: ID!) {
  insightsDashboards(id: $id) {
    nodes { id title views { nodes { ...InsightViewConfig } } }
  }
}
${CONFIG[generation]}`,
  };
}

/**
 * Sourcegraph's virtual "all insights" dashboard: every insight view the viewer can see, as a dashboard's
 * configuration. One page: a dashboard of more than `first` cards is not one a reader could take in.
 */
export function allInsightsOperation(generation: SchemaGeneration): Operation {
  const name = generation === 'current' ? 'AllInsights' : 'AllInsightsLegacy';
  return {
    name,
    document: `query ${name}($first: Int!) {
  insightViews(first: $first) { nodes { ...InsightViewConfig } }
}
${CONFIG[generation]}`,
  };
}

/**
 * Series computed on the fly for an ad-hoc insight (nothing is saved on the instance). The mid-2022 schema has
 * no server-built drill-down query (`diffQuery`; the client builds one, see links.ts).
 */
export function previewOperation(generation: SchemaGeneration): Operation {
  const name = generation === 'current' ? 'CodeInsightPreview' : 'CodeInsightPreviewLegacy';
  return {
    name,
    document: `query ${name}($input: SearchInsightPreviewInput!) {
  searchInsightPreview(input: $input) {
    label
    points { dateTime value${generation === 'current' ? ' diffQuery' : ''} }
  }
}`,
  };
}

/** Lines per language for a repository (and path): Sourcegraph's own language usage insights read this. */
export const LANGUAGES: Operation = {
  name: 'CodeInsightLanguages',
  document: `query CodeInsightLanguages($query: String!) {
  search(query: $query) {
    results { limitHit }
    stats { languages { name totalLines } }
  }
}`,
};

/**
 * Search results grouped by repository, path, author, capture group or metadata (bar charts). The mid-2022
 * schema has neither the extended timeout nor a reason type for an unavailable grouping.
 */
export function aggregationOperation(generation: SchemaGeneration): Operation {
  const current = generation === 'current';
  const name = current ? 'CodeInsightAggregation' : 'CodeInsightAggregationLegacy';
  return {
    name,
    document: `query ${name}($query: String!, $patternType: SearchPatternType!, $mode: SearchAggregationMode, $limit: Int!) {
  searchQueryAggregate(query: $query, patternType: $patternType) {
    aggregations(mode: $mode, limit: $limit${current ? ', extendedTimeout: false' : ''}) {
      __typename
      ... on ExhaustiveSearchAggregationResult { mode groups { label count query } otherGroupCount otherResultCount }
      ... on NonExhaustiveSearchAggregationResult { mode groups { label count query } approximateOtherGroupCount otherResultCount }
      ... on SearchAggregationNotAvailable { mode reason${current ? ' reasonType' : ''} }
    }
    modeAvailability { mode available reasonUnavailable }
  }
}`,
  };
}

/** Every shape of document the client can send, for the contract test. */
export function allOperations(): Operation[] {
  return [
    ...(['current', 'legacy'] as const).flatMap((generation) => [
      insightViewsOperation([{ config: true }], generation),
      insightViewsOperation([{ config: false }], generation),
      insightViewsOperation([{ config: true }, { config: false }, { config: false }], generation),
      dashboardOperation(generation),
      allInsightsOperation(generation),
      previewOperation(generation),
      aggregationOperation(generation),
    ]),
    LANGUAGES,
  ];
}
