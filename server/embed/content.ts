import { svg, type SVGTemplateResult } from 'lit';
import { InsightsError } from '../../src/api/errors.ts';
import { barLayout } from '../../src/charts/bar.ts';
import { barChartTemplate } from '../../src/charts/bar-chart.ts';
import { formatNumber, formatPercent } from '../../src/charts/format.ts';
import { lineLayout, toChartSeries, type Size } from '../../src/charts/line.ts';
import { hasRoomForPoints, lineChartTemplate } from '../../src/charts/line-chart.ts';
import { pieLayout } from '../../src/charts/pie.ts';
import { pieChartTemplate } from '../../src/charts/pie-chart.ts';
import { lineSummary } from '../../src/charts/summary.ts';
import type { Loaded } from '../../src/elements/code-insight/load.ts';
import type { CategoryInsightData, InsightData, LineInsightData } from '../../src/model/insight-data.ts';
import { defaultMessages as m } from '../../src/model/messages.ts';
import type { ThemeColors } from '../../src/styles/theme-colors.ts';
import type { LegendEntry } from './legend.ts';
import { statBody } from './stat.ts';
import { wrapText } from './text.ts';

export interface DrawOptions {
  colors: Readonly<ThemeColors>;
  locale?: string;
  yZero: boolean;
  stacked: boolean;
}

/** What one card shows, before it knows its size: the card (card.ts) gives the body what room is left. */
export interface CardContent {
  title: string;
  /** The card's status lines (processing, hidden series, incomplete points, partial errors). */
  notes: { text: string; warning?: boolean }[];
  legend: LegendEntry[];
  /** The chart area's drawing, in its own coordinates from (0, 0). */
  body(size: Size): SVGTemplateResult;
}

/** A card for loaded data, in the same states the element shows: chart, processing, empty. */
export function contentFor(loaded: Loaded, options: DrawOptions): CardContent {
  const { data } = loaded;
  const notes: CardContent['notes'] = [];
  const processing = data.kind === 'line' && data.processing !== undefined;
  const marks = hasMarks(data);
  if (processing && marks) notes.push({ text: m.processing });
  if (data.kind === 'line' && data.series.some((s) => s.incomplete?.length)) notes.push({ text: m.incompletePoints, warning: true });
  if (loaded.hidden > 0) notes.push({ text: m.hiddenSeries(loaded.hidden) });
  for (const warning of loaded.warnings) notes.push({ text: warning, warning: true });
  const content = { title: data.title, notes, legend: [] as LegendEntry[] };
  if (!marks) {
    const body = processing ? progressBody(data as LineInsightData, options.colors) : messageBody([m.empty], options.colors.muted);
    return { ...content, body };
  }
  switch (data.kind) {
    case 'line':
      return lineContent(content, data, options);
    case 'pie':
      return pieContent(content, data, options);
    case 'bar':
      return { ...content, body: (size) => barBody(data, size, options) };
    case 'stat':
      return { ...content, body: (size) => statBody(data, size, options) };
  }
}

/** A card that says what went wrong: the message in the danger colour, the server's own words under it. */
export function errorContent(error: unknown, colors: Readonly<ThemeColors>, title = ''): CardContent {
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof InsightsError ? error.details.filter((d) => !message.includes(d)).slice(0, 3) : [];
  return { title, notes: [], legend: [], body: messageBody([message], colors.danger, details, colors.muted) };
}

function lineContent(content: Omit<CardContent, 'body'>, data: LineInsightData, options: DrawOptions): CardContent {
  const series = toChartSeries(data.series);
  const summary = lineSummary(data.title, series, options.locale);
  return {
    ...content,
    legend: series.map((s) => ({ id: s.id, label: s.label, color: s.color })),
    body: (size) => {
      const layout = lineLayout(series, size, options);
      return svg`<g class="plot" role="img" aria-label=${summary}>
        ${lineChartTemplate(layout, { activeIndex: -1, showPoints: hasRoomForPoints(layout) })}
      </g>`;
    },
  };
}

function pieContent(content: Omit<CardContent, 'body'>, data: CategoryInsightData, options: DrawOptions): CardContent {
  // The legend does not depend on the size; the layout's slices (colours, shares) are the same at any size.
  const slices = pieLayout(data.items, { width: 480, height: 240 }, { donut: true, locale: options.locale }).slices;
  return {
    ...content,
    legend: slices.map((s) => ({
      id: s.label,
      label: s.label,
      color: s.color,
      detail: `${formatNumber(s.value, options.locale)} (${formatPercent(s.percent, options.locale)})`,
    })),
    body: (size) => {
      const layout = pieLayout(data.items, size, { donut: true, locale: options.locale });
      const summary = m.pieSummary(
        data.title,
        layout.slices.slice(0, 5).map((s) => `${s.label} ${formatPercent(s.percent, options.locale)}`),
        layout.slices.length,
      );
      return svg`<g class="plot" role="img" aria-label=${summary}>${pieChartTemplate(layout, { activeIndex: -1 })}</g>`;
    },
  };
}

function barBody(data: CategoryInsightData, size: Size, options: DrawOptions): SVGTemplateResult {
  const laidOut = barLayout(data.items, size, { locale: options.locale });
  // A cut label carries its full text in a <title> tooltip, which Lit's server renderer cannot bind (it parses
  // templates as HTML, where <title> is raw text) and which an image could not show anyway (nothing hovers).
  const layout = { ...laidOut, bars: laidOut.bars.map((b) => ({ ...b, label: b.shortLabel })) };
  const summary = m.barSummary(
    data.title,
    laidOut.bars.slice(0, 5).map((b) => `${b.label} ${b.valueLabel}`),
    data.items.length,
  );
  return svg`<g class="plot" role="img" aria-label=${summary}>${barChartTemplate(layout, { activeIndex: -1 })}</g>
    ${layout.hidden
      ? svg`<text x=${size.width} y=${size.height - 2} text-anchor="end" font-size="12" fill=${options.colors.muted}>${m.hiddenBars(layout.hidden)}</text>`
      : ''}`;
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

/** Whether there is anything to draw; the element's card decides between chart and empty state the same way. */
function hasMarks(data: InsightData): boolean {
  if (data.kind === 'line') return data.series.some((s) => s.points.length);
  if (data.kind === 'stat') return true;
  return data.items.some((i) => i.value > 0);
}
