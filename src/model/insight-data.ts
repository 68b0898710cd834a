/**
 * The data an insight card draws: the public `InsightData` format of SPEC.md (also the format of third-party
 * JSON given by `src`), plus optional fields the Sourcegraph client fills in. Plain types only.
 */

export interface DataPoint {
  /** ISO 8601 string or a Date. */
  date: string | Date;
  value: number;
  /** Drill-down link: the search behind this point. */
  url?: string;
}

export interface IncompletePoint {
  date: string | Date;
  /** Why the point may be undercounted (e.g. "The search timed out."). */
  reason: string;
}

export interface LineSeries {
  id: string;
  label: string;
  color?: string;
  points: DataPoint[];
  /** Points the instance flagged as incomplete (undercounted). */
  incomplete?: IncompletePoint[];
  /** The value this series should reach, and by when (ISO date). */
  goal?: { value: number; date?: string | Date };
}

/** An event on the time axis: a release, "codemod landed". */
export interface Annotation {
  date: string | Date;
  label: string;
  url?: string;
}

/** An insight still being computed by the instance. */
export interface InsightProcessing {
  /** Fraction of the instance's jobs done, 0 to 1, when it says. */
  progress?: number;
}

export interface LineInsightData {
  kind: 'line';
  title: string;
  series: LineSeries[];
  /** Set while the instance is still computing (backfilling) the insight. */
  processing?: InsightProcessing;
  /** Link to the insight on its instance. */
  url?: string;
  /** Events marked on the time axis. */
  annotations?: Annotation[];
}

export interface CategoryItem {
  label: string;
  value: number;
  color?: string;
  url?: string;
}

export interface CategoryInsightData {
  kind: 'pie' | 'bar';
  title: string;
  items: CategoryItem[];
  /** Link to the insight (or its search) on its instance. */
  url?: string;
}

export interface StatInsightData {
  kind: 'stat';
  title: string;
  value: number;
  previous?: number;
  url?: string;
  /** What the number counts (the series label). */
  label?: string;
  /** The series behind the number, for a sparkline. */
  points?: DataPoint[];
  /** Date of `previous` (the start of the period the change is measured over). */
  since?: string | Date;
}

export type InsightData = LineInsightData | CategoryInsightData | StatInsightData;
