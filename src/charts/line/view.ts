import { html, nothing } from 'lit';
import { formatDate } from '../format.js';
import { legendTemplate } from '../legend.js';
import { annotationsAt, lineLayout, nearestTimeIndex, toChartSeries } from './layout.js';
import { changeFigures } from '../change-text.js';
import { hasRoomForPoints, lineChartTemplate } from './template.js';
import { lineSummary } from './summary.js';
import { tooltipTemplate } from '../tooltip.js';
import { goalState, withHeadline } from '../headline.js';
import type { LineInsightData } from '../../model/insight-data.js';
import { messagesFor } from '../../model/locale-messages.js';
import { dataTable, numberFormatter } from '../data-table.js';
import type { Active, ChartView, ViewOptions } from '../view.js';

export function lineView(data: LineInsightData, options: ViewOptions): ChartView {
  const m = messagesFor(options.locale);
  const zoom = options.zoom;
  const all = toChartSeries(data.series).map((s) =>
    zoom ? { ...s, points: s.points.filter((p) => p.time >= zoom[0] && p.time <= zoom[1]) } : s,
  );
  // As in Sourcegraph, legend items are toggles only where there is another series to look at.
  const controls = all.length > 1 ? options.legend : undefined;
  // Series the reader turned off in the legend leave the chart (and its scale), not the legend.
  const series = controls ? all.filter((s) => !controls.hidden.has(s.id)) : all;
  const shown = controls ? { ...data, series: data.series.filter((s) => !controls.hidden.has(s.id)) } : data;
  const goal = goalState(shown, options, options.stacked, options.locale);
  // Zoomed into the past, the chart is about what happened: no projection stretches its time axis. Zoomed, the
  // plot also leaves room above it for the reset button over its top right corner, where a rising line's latest
  // point would be under it. Nothing moves for it: the zoom draws new scales anyway.
  const layout = lineLayout(series, options, { ...options, goals: zoom ? undefined : goal.goals, annotations: goal.annotations, top: zoom ? 30 : undefined });
  const showPoints = hasRoomForPoints(layout);
  // `compare`: each series' change, toned by the way that counts as progress.
  const changes = new Map(goal.goals?.series.flatMap((r) => (r.change ? [[r.seriesId, changeFigures(r.change, r.better, options.locale)] as const] : [])));
  const summary = withHeadline(lineSummary(data.title, series, options.locale), goal.headline);
  const seriesId = (active: Active) => active.highlight ?? (active.index >= 0 ? layout.lines[active.series]?.seriesId : undefined);
  // The emphasis sets a series apart from the others: a lone series has none, and thickening its line on the
  // first hover repainted every point of it (0.4 s for 100,000 noisy points), to no reader's benefit.
  const emphasized = (active: Active) => (layout.lines.length > 1 ? seriesId(active) : undefined);
  const mark = (active: Active) => layout.pointsAt[active.index]?.find((p) => p.seriesId === seriesId(active));
  const dateStyle = layout.subDaily ? 'fullTime' : 'full';
  return {
    goal: goal.status ? goal : undefined,
    count: layout.times.length,
    seriesCount: layout.lines.length,
    timeAt: (x) => layout.times[nearestTimeIndex(layout, x)],
    render: (active) =>
      // Every series turned off: empty axes (dated 1970, 0 to 1) would read as data; the legend turns them back on.
      series.length
        ? html`<svg class="plot" role="img" aria-label=${summary} viewBox="0 0 ${layout.width} ${layout.height}">
            ${lineChartTemplate(layout, { activeIndex: active.index, showPoints, activeSeriesId: emphasized(active) })}
          </svg>`
        : html`<div class="message" role="status">${m.allSeriesHidden}</div>`,
    legend: () => (all.length ? legendTemplate(all, options.locale, controls, changes) : nothing),
    note: (active) => annotationsAt(layout, active.index).map((a) => a.label).join('. '),
    tooltip: (active) => {
      if (active.index < 0 || active.index >= layout.times.length) return undefined;
      // Beside the point the reader is on (that series' point at this time, or the first there).
      const { x, y } = mark(active) ?? layout.pointsAt[active.index][0];
      return { content: tooltipTemplate(layout, active.index, options.locale, seriesId(active)), x, y };
    },
    activeAt: (x, y) => {
      if (x < layout.plot.left - 8 || x > layout.plot.right + 8) return { index: -1, series: 0 };
      const index = nearestTimeIndex(layout, x);
      // The series whose point at that time is nearest the pointer, vertically.
      const nearest = [...(layout.pointsAt[index] ?? [])].sort((a, b) => Math.abs(a.y - y) - Math.abs(b.y - y))[0];
      return { index, series: Math.max(0, layout.lines.findIndex((l) => l.seriesId === nearest?.seriesId)) };
    },
    detail: (active) => {
      const point = mark(active);
      if (!point) return undefined;
      return {
        seriesId: point.seriesId,
        label: point.label,
        date: new Date(point.point.time).toISOString(),
        value: point.point.value,
        url: point.point.url,
      };
    },
    table: () => {
      // Each series' value at each sample time, from the points at that time, a row at a time: the table is
      // built in idle slices (data-table.ts), and a long series would otherwise format every cell up front.
      const column = new Map(series.map((s, i) => [s.id, i]));
      const format = numberFormatter(options.locale);
      function* rows(): Generator<string[]> {
        for (let i = 0; i < layout.times.length; i++) {
          const cells = series.map(() => '—');
          for (const p of layout.pointsAt[i]) cells[column.get(p.seriesId)!] = format(p.point.value);
          yield [formatDate(layout.times[i], options.locale, dateStyle), ...cells];
        }
      }
      return dataTable(data.title, [m.date, ...series.map((s) => s.label)], rows(), options.locale);
    },
  };
}
