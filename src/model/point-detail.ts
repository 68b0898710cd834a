/** What was clicked: a point of a series, a slice or a bar. */
export interface InsightPointDetail {
  seriesId: string;
  label: string;
  /** ISO 8601 date of a line chart's point; absent for slices and bars. */
  date?: string;
  value: number;
  /** The search behind it on the instance (http(s) only), when there is one. */
  url?: string;
}
