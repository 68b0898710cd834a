import { formatDate, formatNumber } from './format.js';
import type { InsightPointDetail } from '../model/point-detail.js';
import type { Active } from './view.js';

/**
 * Where an arrow key moves the reader on a chart: left and right between samples (or slices and bars), up and
 * down between series, Home and End to the ends, Escape off the chart. Undefined for keys the chart ignores.
 */
export function nextActive(active: Active, key: string, count: number, seriesCount: number): Active | undefined {
  const last = count - 1;
  const start = active.index < 0;
  switch (key) {
    case 'ArrowRight':
      return { ...active, index: start ? 0 : Math.min(last, active.index + 1) };
    case 'ArrowLeft':
      return { ...active, index: start ? last : Math.max(0, active.index - 1) };
    case 'Home':
      return { ...active, index: 0 };
    case 'End':
      return { ...active, index: last };
    case 'ArrowDown':
    case 'ArrowUp': {
      if (seriesCount < 2) return start ? { ...active, index: last } : undefined;
      const step = key === 'ArrowDown' ? 1 : -1;
      return { index: start ? last : active.index, series: (active.series + step + seriesCount) % seriesCount };
    }
    case 'Escape':
      return start ? undefined : { index: -1, series: active.series };
  }
  return undefined;
}

/** What a screen reader says for the point the keyboard is on. */
export function pointText(detail: InsightPointDetail, locale: string | undefined): string {
  const value = formatNumber(detail.value, locale, false);
  return detail.date ? `${formatDate(new Date(detail.date), locale, 'full')}, ${detail.label}: ${value}` : `${detail.label}: ${value}`;
}
