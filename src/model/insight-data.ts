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
}

export interface StatInsightData {
  kind: 'stat';
  title: string;
  value: number;
  previous?: number;
  url?: string;
}

export type InsightData = LineInsightData | CategoryInsightData | StatInsightData;
