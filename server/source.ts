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

export interface InsightSource {
  insights(): InsightDefinition[];
  dashboards(): DashboardDefinition[];
  /** The series of one insight under runtime repository filters (capture groups give one result per value). */
  series(insight: InsightDefinition, filter: RepositoryFilter): Promise<SeriesResult[]>;
}
