/** Dates as the data format carries them: ISO 8601 strings (Sourcegraph's `DateTime` is RFC 3339 UTC) or Dates. */

// The series of an insight share their dates, and reloads bring the same ones again: parsing is the costly
// part of reading a long series (validation, layout and export each read every date). Bounded, so a page that
// runs for days does not collect every date it ever saw.
const parsed = new Map<string, number>();
const MAX_PARSED = 4096;

/** A valid date, in words, for error messages. */
export const AN_ISO_DATE = 'an ISO 8601 date such as "2024-05-01"';

/** The time in milliseconds, or NaN when the value is not a valid date. */
export function toTime(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string') return NaN;
  let time = parsed.get(value);
  if (time === undefined) {
    // Date.parse accepts many loose forms; an ISO date starts with four digits, a dash and two digits.
    time = /^\d{4}-\d{2}/.test(value) ? Date.parse(value) : NaN;
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(value, time);
  }
  return time;
}
