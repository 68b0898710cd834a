/**
 * Locale-aware labels through Intl. Constructing an Intl formatter costs far more than using one, and axes
 * format dozens of labels per render, so formatters are memoized per locale and style.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) cache.set(key, (formatter = make()));
  return formatter;
}

/** Axis and legend numbers: compact (12K) once values reach five digits. */
export function formatNumber(value: number, locale: string | undefined, compact = Math.abs(value) >= 10_000): string {
  const key = `n|${locale}|${compact}`;
  return memo(key, () =>
    new Intl.NumberFormat(locale, compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 }),
  ).format(value);
}

export type DateStyle = 'year' | 'month' | 'day' | 'time' | 'full' | 'fullTime';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { month: 'short' },
  day: { month: 'short', day: 'numeric' },
  time: { hour: 'numeric', minute: '2-digit' },
  full: { year: 'numeric', month: 'short', day: 'numeric' },
  fullTime: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
};

/**
 * Dates are shown in UTC: Sourcegraph samples insights at UTC boundaries, and local time would put a
 * 1 March 00:00Z point on 28 February for every reader west of Greenwich.
 */
export function formatDate(date: Date | number, locale: string | undefined, style: DateStyle): string {
  return memo(`d|${locale}|${style}`, () => new Intl.DateTimeFormat(locale, { ...DATE_OPTIONS[style], timeZone: 'UTC' })).format(
    date,
  );
}

/**
 * An axis tick names only what changes at it, as d3's multi-scale time format does: the year at a new year,
 * the month at a new month, the day at a new day, the time otherwise ("2026", "Feb", "Feb 8", "3:00 PM").
 */
export function formatTimeTick(date: Date, locale: string | undefined): string {
  const style: DateStyle =
    date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0
      ? 'time'
      : date.getUTCDate() !== 1
        ? 'day'
        : date.getUTCMonth() === 0
          ? 'year'
          : 'month';
  return formatDate(date, locale, style);
}
