import { svg, type SVGTemplateResult } from 'lit';
import { errorDetails } from '../../src/api/errors.ts';
import type { Loaded } from '../../src/api/load.ts';
import { imageFor, type ImageOptions, type LegendEntry } from '../../src/charts/image.ts';
import type { Size } from '../../src/charts/line/layout.ts';
import { wrapText } from '../../src/charts/text-fit.ts';
import { hasMarks, isProcessing, statusNotes, type StatusNote } from '../../src/model/card-status.ts';
import type { LineInsightData } from '../../src/model/insight-data.ts';
import { defaultMessages as m } from '../../src/model/messages.ts';
import type { ThemeColors } from '../../src/styles/theme-colors.ts';

/** What one card shows, before it knows its size: the card (card.ts) gives the body what room is left. */
export interface CardContent {
  title: string;
  /** The card's status lines (processing, hidden series, incomplete points, partial errors). */
  notes: StatusNote[];
  legend: LegendEntry[];
  /** The chart area's drawing, in its own coordinates from (0, 0). */
  body(size: Size): SVGTemplateResult;
}

/** A card for loaded data, in the same states the element shows: chart, processing, empty. */
export function contentFor(loaded: Loaded, options: ImageOptions): CardContent {
  const { data } = loaded;
  const notes = statusNotes(data, loaded.hidden, loaded.warnings);
  const processing = isProcessing(data);
  const marks = hasMarks(data);
  const content = { title: data.title, notes, legend: [] as LegendEntry[] };
  if (!marks) {
    const body = processing ? progressBody(data as LineInsightData, options.colors) : messageBody([m.empty], options.colors.muted);
    return { ...content, body };
  }
  const image = imageFor(data, options);
  // The goal's headline first: it is the answer the reader came for ("are we on track?").
  const goal = image.goal?.headline ? [{ text: image.goal.headline, warning: image.goal.status === 'behind' || image.goal.status === 'wrong-way' }] : [];
  return { ...content, notes: [...goal, ...notes], legend: image.legend, body: image.body };
}

/** A card that says what went wrong: the message in the danger colour, the server's own words under it. */
export function errorContent(error: unknown, colors: Readonly<ThemeColors>, title = ''): CardContent {
  const message = error instanceof Error ? error.message : String(error);
  return { title, notes: [], legend: [], body: messageBody([message], colors.danger, errorDetails(error), colors.muted) };
}

/** "Still processing" with the share done as a bar, as the card's progress element shows it. */
function progressBody(data: LineInsightData, colors: Readonly<ThemeColors>): (size: Size) => SVGTemplateResult {
  const progress = data.processing?.progress;
  const percent = progress === undefined ? undefined : Math.round(progress * 100);
  return (size) => {
    const barWidth = Math.min(256, size.width * 0.8);
    const lines = wrapText(m.processing, size.width - 16, 14, 2);
    const top = size.height / 2 - (lines.length * 18 + 24) / 2;
    const x = (size.width - barWidth) / 2;
    const barY = top + lines.length * 18 + 4;
    return svg`<g role="status" font-size="14" text-anchor="middle" fill=${colors.muted}>
      ${lines.map((line, i) => svg`<text x=${size.width / 2} y=${top + 14 + i * 18}>${line}</text>`)}
      <rect data-progress="" x=${x} y=${barY} width=${barWidth} height="8" rx="4" fill=${colors.grid}></rect>
      ${percent === undefined
        ? ''
        : svg`<rect x=${x} y=${barY} width=${(barWidth * percent) / 100} height="8" rx="4" fill=${colors.accent}></rect>
            <text x=${size.width / 2} y=${barY + 28} font-size="13">${m.processingProgress(percent)}</text>`}
    </g>`;
  };
}

/** Centered lines of text: the empty state, or an error with its details. */
function messageBody(lines: string[], color: string, details: readonly string[] = [], detailColor = color): (size: Size) => SVGTemplateResult {
  return (size) => {
    const width = size.width - 16;
    const main = lines.flatMap((line) => wrapText(line, width, 14, 3));
    const small = details.flatMap((line) => wrapText(line, width, 13, 2));
    const height = main.length * 20 + small.length * 18;
    const top = Math.max(0, size.height / 2 - height / 2);
    return svg`<g text-anchor="middle">
      ${main.map((line, i) => svg`<text x=${size.width / 2} y=${top + 14 + i * 20} font-size="14" fill=${color}>${line}</text>`)}
      ${small.map((line, i) => svg`<text x=${size.width / 2} y=${top + main.length * 20 + 14 + i * 18} font-size="13" fill=${detailColor}>${line}</text>`)}
    </g>`;
  };
}
