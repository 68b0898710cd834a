/**
 * A `heading-level` as given when it is a level (a whole number from 1 to 6), else the element's default: the
 * card and the dashboard read it by the same rule, so "7" or "2.5" is the default on both.
 */
export function headingLevel(value: number, fallback: number): number {
  return Number.isInteger(value) && value >= 1 && value <= 6 ? value : fallback;
}
