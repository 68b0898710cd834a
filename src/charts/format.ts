/**
 * Locale-aware labels through Intl. Constructing an Intl formatter costs far more than using one, and axes
 * format dozens of labels per render, so formatters are memoized per locale and style.
 */
import type { StepUnit } from '../model/step.js';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
/**
 * Locales come from attributes and pages, so the keys are not truly bounded: the least recently used formatter
 * goes past this many (a page uses about ten per locale: two number, one percent, seven date styles).
 */
const MAX_FORMATTERS = 64;

function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (formatter) cache.delete(key); // re-inserted below: a Map keeps insertion order, so the first key is the least recent
  else formatter = make();
  cache.set(key, formatter);
  if (cache.size > MAX_FORMATTERS) cache.delete(cache.keys().next().value!);
  return formatter;
}

/** Axis and legend numbers: compact (12K) once values reach five digits. */
export function formatNumber(value: number, locale: string | undefined, compact = Math.abs(value) >= 10_000): string {
  const key = `n|${locale}|${compact}`;
  return memo(key, () =>
    new Intl.NumberFormat(locale, compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 }),
  ).format(value);
}

/**
 * One style for a list read together (a legend): compact for all once any value reaches `formatNumber`'s
 * five digits, so "52K" never sits beside "8,000". Pass it as `formatNumber`'s `compact`.
 */
export function compactFor(values: readonly number[]): boolean {
  return values.some((value) => Math.abs(value) >= 10_000);
}

/** A share, 0 to 100, as "42%"; under 1% with one decimal, and "<0.1%" rather than a misleading "0%". */
export function formatPercent(percent: number, locale: string | undefined): string {
  if (percent > 0 && percent < 0.1) return `<${formatPercent(0.1, locale)}`;
  const digits = percent > 0 && percent < 1 ? 1 : 0;
  return memo(`p|${locale}|${digits}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits })).format(
    percent / 100,
  );
}

/** A month of a year, "Mar 2027", in UTC (as every date here): when a projection expects a series to arrive. */
export function formatMonth(date: number, locale: string | undefined): string {
  return memo(`m|${locale}`, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' })).format(date);
}

/**
 * A span of time in the unit a person would use: hours under two days, days under two weeks, weeks under three
 * months, months under two years, then years.
 */
export function formatDuration(ms: number, locale: string | undefined): string {
  const days = ms / 864e5;
  const [unit, count] =
    days < 2 ? ['hour', days * 24] : days < 14 ? ['day', days] : days < 91 ? ['week', days / 7] : days < 730 ? ['month', days / 30.44] : ['year', days / 365.25];
  return memo(`u|${locale}|${unit}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' })).format(
    Math.max(1, Math.round(count)),
  );
}

/**
 * A label cut to `chars` with an ellipsis. Paths (with `/`) keep both ends: the repository or file name that
 * tells them apart is at the end.
 */
export function truncateLabel(label: string, chars: number): string {
  if (label.length <= chars) return label;
  if (chars <= 0) return '';
  if (chars === 1) return '…';
  if (label.includes('/')) {
    const head = Math.floor((chars - 1) / 3);
    return `${label.slice(0, head)}…${label.slice(label.length - (chars - 1 - head))}`;
  }
  return `${label.slice(0, chars - 1).trimEnd()}…`;
}

export type DateStyle = 'year' | 'monthYear' | 'month' | 'day' | 'dayTime' | 'time' | 'full' | 'fullTime';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  monthYear: { year: 'numeric', month: 'short' },
  month: { month: 'short' },
  day: { month: 'short', day: 'numeric' },
  dayTime: { month: 'short', day: 'numeric', hour: 'numeric' },
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
 * A time axis label for the data's step, naming the year (or, hourly, the day) where it changes: "Jan 2026" then
 * "Feb", "Mar 3", "2025"; hourly "Mar 2" at midnight, "Mar 2, 5 PM" at the first tick of a day that has none,
 * "3:00 PM" after. Daily and weekly labels leave the year out until it changes, so the first one
 * (centred on the axis's left end) stays short. `before` is the tick before, if any.
 */
export function formatTimeTick(time: number, before: number | undefined, unit: StepUnit, locale: string | undefined): string {
  const newYear = new Date(time).getUTCFullYear() !== (before === undefined ? NaN : new Date(before).getUTCFullYear());
  const style: DateStyle =
    unit === 'YEAR'
      ? 'year'
      : unit === 'MONTH'
        ? newYear
          ? 'monthYear'
          : 'month'
        : unit === 'HOUR'
          ? !(time % 864e5)
            ? 'day'
            : before === undefined || Math.floor(time / 864e5) !== Math.floor(before / 864e5)
              ? 'dayTime'
              : 'time'
          : newYear && before !== undefined
            ? 'full'
            : 'day';
  return formatDate(time, locale, style);
}

const warmed = new Set<string>();

/**
 * Builds the formatters a chart will need while a card waits for its data: the first Intl formatter of a page
 * costs ~25 ms of ICU start-up, which would otherwise land in the first chart's render, one long task. That one
 * is built in a task of its own at once: waiting for an idle moment let a page busy loading (a dashboard's cards
 * answered quickly, a slow machine) render its first card before, with ICU's start-up inside. The others, about a
 * millisecond each, one per idle callback.
 */
export function warmFormatters(locale: string | undefined): void {
  if (warmed.has(String(locale))) return;
  warmed.add(String(locale));
  const idle = (work: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(() => work(), { timeout: 2000 }) : setTimeout(work, 50);
  setTimeout(() => formatNumber(0, locale, false));
  idle(() => formatNumber(0, locale, true));
  for (const style of Object.keys(DATE_OPTIONS) as DateStyle[]) idle(() => formatDate(0, locale, style));
}
