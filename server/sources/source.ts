/**
 * What the GraphQL resolvers need from wherever insights come from: the fixture set (tests, Storybook) or
 * series computed from git history (the demo and `code-insights-server`). Plain data, no GraphQL shapes.
 */

export type StepUnit = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

export interface SeriesDefinition {
  seriesId: string;
  label: string;
  query: string;
  /** A CSS colour as Sourcegraph stores it, e.g. `var(--oc-blue-7)`. */
  color?: string;
  captureGroups?: boolean;
}

export interface InsightDefinition {
  id: string;
  title: string;
  kind: 'line' | 'pie';
  series: SeriesDefinition[];
  repositories: string[];
  step: { unit: StepUnit; value: number };
  points: number;
  otherThreshold?: number;
}

export interface DashboardDefinition {
  id: string;
  title: string;
  insightIds: string[];
}

export interface RepositoryFilter {
  includeRepoRegex?: string | null;
  excludeRepoRegex?: string | null;
  searchContexts?: string[] | null;
}

export interface SeriesResult {
  seriesId: string;
  label: string;
  points: { time: Date; value: number }[];
  /** Samples still to compute; 0 when the series is complete. */
  pendingJobs: number;
  completedJobs: number;
  incomplete?: { time: Date; reason: string | null }[];
}

export interface PreviewRequest {
  repositories: string[];
  /** A repository query such as `repo:^github\.com/acme/`, for insights over repositories matching it. */
  repositoryCriteria?: string | null;
  step: { unit: StepUnit; value: number };
  series: { query: string; label: string; captureGroups: boolean }[];
}

export interface LanguageUsage {
  name: string;
  totalLines: number;
  totalBytes: number;
}

export type AggregationMode = 'REPO' | 'PATH' | 'AUTHOR' | 'CAPTURE_GROUP' | 'REPO_METADATA';

export type Aggregation =
  | { available: true; mode: AggregationMode; groups: { label: string; count: number; query: string | null }[]; otherGroupCount: number; otherResultCount: number }
  | { available: false; mode: AggregationMode; reason: string; reasonType: 'INVALID_QUERY' | 'INVALID_AGGREGATION_MODE_FOR_QUERY' | 'OTHER_ERROR' };

export interface InsightSource {
  insights(): InsightDefinition[];
  dashboards(): DashboardDefinition[];
  /** The series of one insight under runtime repository filters (capture groups give one result per value). */
  series(insight: InsightDefinition, filter: RepositoryFilter): Promise<SeriesResult[]>;
  /** The step the series are sampled at, when it depends on the data (e.g. chosen from the history's length). */
  step?(insight: InsightDefinition): Promise<{ unit: StepUnit; value: number }>;
  /** Ad-hoc series computed without saving (`searchInsightPreview`). */
  preview?(request: PreviewRequest): Promise<{ label: string; points: { time: Date; value: number }[]; query: string }[]>;
  /** Lines per language for a search query such as `repo:^github\.com/acme/web$ file:^src/`. */
  languages?(query: string): Promise<LanguageUsage[]>;
  /** Group-by counts for a search query at HEAD (`searchQueryAggregate`). */
  aggregate?(query: string, mode: AggregationMode | null, limit: number): Promise<Aggregation>;
  modeAvailability?(query: string): { mode: AggregationMode; available: boolean; reasonUnavailable: string | null }[];
}
