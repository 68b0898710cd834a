/**
 * Locale-aware labels through Intl. Constructing an Intl formatter costs far more than using one, and axes
 * format dozens of labels per render, so formatters are memoized per locale and style.
 */

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
