/** Dates as the data format carries them: ISO 8601 strings (Sourcegraph's `DateTime` is RFC 3339 UTC) or Dates. */

/** The time in milliseconds, or NaN when the value is not a valid date. */
export function toTime(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  // Date.parse accepts many loose forms; an ISO date starts with four digits, a dash and two digits.
  if (typeof value === 'string' && /^\d{4}-\d{2}/.test(value)) return Date.parse(value);
  return NaN;
}
