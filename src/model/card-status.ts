import type { InsightData } from './insight-data.js';
import { defaultMessages as m } from './messages.js';

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
  /** Drawn in the warning colour: something in the data may be wrong, not merely left out. */
  warning?: boolean;
}

/**
 * The notes under a card's title, in order: still processing (when there is already a chart; without one the
 * chart area says it), incomplete points, series left out by the series limit, and errors that came with data.
 */
export function statusNotes(data: InsightData, hidden: number, warnings: readonly string[]): StatusNote[] {
  const notes: StatusNote[] = [];
  if (isProcessing(data) && hasMarks(data)) notes.push({ text: m.processing });
  if (data.kind === 'line' && data.series.some((s) => s.incomplete?.length)) notes.push({ text: m.incompletePoints, warning: true });
  if (hidden > 0) notes.push({ text: m.hiddenSeries(hidden) });
  for (const warning of warnings) notes.push({ text: warning, warning: true });
  return notes;
}
