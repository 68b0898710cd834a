import type { InsightData } from './insight-data.js';
import { defaultMessages, type Messages } from './messages.js';

/**
 * The rules a card follows whatever draws it: the element on a page, and the server's image embeds and
 * reports. One home, so an image never disagrees with the card it stands in for.
 */

/** Whether there is anything to draw: a card without marks shows its empty (or processing) state instead. */
export function hasMarks(data: InsightData): boolean {
  if (data.kind === 'line') return data.series.some((s) => s.points.length);
  if (data.kind === 'stat') return true;
  return data.items.some((i) => i.value > 0);
}

/** Still being computed by the instance (line charts of saved insights only). */
export function isProcessing(data: InsightData): boolean {
  return data.kind === 'line' && data.processing !== undefined;
}

export interface StatusNote {
  text: string;
  /** Which note it is, for a card that draws some of them its own way (a popover, an overlay). */
  id?: 'processing' | 'incomplete' | 'hidden';
  /** Drawn in the warning colour: something in the data may be wrong, not merely left out. */
  warning?: boolean;
}

/**
 * The notes under a card's title, in order: still processing (when there is already a chart; without one the
 * chart area says it), incomplete points, series left out by the series limit, and errors that came with data.
 */
export function statusNotes(data: InsightData, hidden: number, warnings: readonly string[], m: Messages = defaultMessages): StatusNote[] {
  const notes: StatusNote[] = [];
  if (isProcessing(data) && hasMarks(data)) notes.push({ text: m.processing, id: 'processing' });
  if (data.kind === 'line' && data.series.some((s) => s.incomplete?.length)) notes.push({ text: m.incompletePoints, warning: true, id: 'incomplete' });
  if (hidden > 0) notes.push({ text: m.hiddenSeries(hidden), id: 'hidden' });
  for (const warning of warnings) notes.push({ text: warning, warning: true });
  return notes;
}

/**
 * Why a card has nothing to draw, in the reader's terms: drill-down filters that let nothing through, a new
 * insight with no points computed yet, or a search that matched nothing.
 */
export function emptyReason(data: InsightData, filtered: boolean, m: Messages = defaultMessages): string {
  if (filtered) return m.emptyFiltered;
  if (data.kind === 'line') return data.series.length ? m.emptyNoPoints : m.emptyNoSeries;
  return m.emptyNoMatches;
}
