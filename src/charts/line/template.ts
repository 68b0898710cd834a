import { nothing, svg, type SVGTemplateResult } from 'lit';
import type { LineLayout, PointMark } from './layout.js';

export interface LineChartState {
  /** Index into `layout.times` of the hovered or focused sample, or -1. */
  activeIndex: number;
  /** Draw a dot on every sample (readable on short series; long ones only show the active sample). */
  showPoints: boolean;
  /** The series the reader is on (pointer or keyboard): drawn over the others, which are dimmed. */
  activeSeriesId?: string;
}

/**
 * Below this many pixels per sample, dots on every point string each line into beads that hide its shape (52
 * weekly samples in an 800 px card are 14 px apart).
 */
const MIN_POINT_SPACING = 20;
/** Above this many dots in all, they bury the lines under them (20 series of 26 samples), and cost a frame. */
const MAX_POINTS = 400;

/**
 * Whether `layout` has room for a dot on every sample (`LineChartState.showPoints`). Without them, the hovered
 * or focused sample still shows its dots, and incomplete ones always do.
 */
export function hasRoomForPoints(layout: LineLayout): boolean {
  const samples = Math.max(1, layout.times.length);
  return (layout.plot.right - layout.plot.left) / samples >= MIN_POINT_SPACING && layout.points.length <= MAX_POINTS;
}

/**
 * The inside of a line chart's `<svg>`: grid, axes, one path per series, points and the crosshair.
 *
 * What hovering changes (the crosshair beneath the lines, the active sample's dots above them) stays outside the
 * `.series` group, which the card composites as a layer of its own: a pointer move then repaints a few small
 * marks, never the lines, whose paths hold thousands of points on a long series (at 100,000 noisy points,
 * repainting them put each move on screen 50 ms later, up to 370 ms). The series' emphasis (`activeSeriesId`) is
 * the one hover change that repaints them, and only when the active series changes.
 *
 * A chart with a dot on every sample (`showPoints`: short series) gets no layer: its lines are cheap to repaint,
 * and its dots, painted over the layer, each needed one more (a 48-card dashboard spent twice the time in
 * layerizing its frames).
 */
export function lineChartTemplate(layout: LineLayout, state: LineChartState): SVGTemplateResult {
  const { plot } = layout;
  const active = state.activeIndex;
  // Long series draw only the points that carry meaning, so hovering never walks every point.
  const points = state.showPoints ? layout.points : active >= 0 ? [...layout.incomplete, ...layout.pointsAt[active]] : layout.incomplete;
  return svg`
    <g class="grid" aria-hidden="true">
      ${layout.yTicks.map((t) => svg`<line class="gridline" x1=${plot.left} x2=${plot.right} y1=${t.at} y2=${t.at}></line>`)}
    </g>
    <g class="axis" aria-hidden="true">
      ${layout.yTicks.map((t) => svg`<text class="tick y" x=${plot.left - 8} y=${t.at} dy="0.32em">${t.label}</text>`)}
      <line class="domain" x1=${plot.left} x2=${plot.right} y1=${plot.bottom} y2=${plot.bottom}></line>
      ${layout.xTicks.map((t) => svg`<text class="tick x" x=${t.at} y=${plot.bottom + 18}>${t.label}</text>`)}
    </g>
    ${goalsTemplate(layout)}
    ${active >= 0 ? svg`<line class="crosshair" x1=${layout.xs[active]} x2=${layout.xs[active]} y1=${plot.top} y2=${plot.bottom}></line>` : nothing}
    <g class=${state.showPoints ? 'series' : 'series layer'}>
      ${layout.areas.length
        ? svg`<g class="areas" aria-hidden="true">${layout.areas.map((a) => svg`<path class="area" d=${a.d} fill=${a.color}></path>`)}</g>`
        : nothing}
      <g class="lines">
        ${layout.lines.map(
          // data-pattern: in forced-colors mode every line has the system's one text colour; dashes tell them apart.
          (l, i) => svg`<path data-mark="line" data-series-id=${l.seriesId} data-label=${l.label} data-pattern=${i % 5} d=${l.d} stroke=${l.color}
            class=${state.activeSeriesId === undefined ? '' : l.seriesId === state.activeSeriesId ? 'active' : 'dimmed'}></path>`,
        )}
      </g>
    </g>
    <g class="points">${points.map((p) => pointTemplate(p, p.timeIndex === active))}</g>
    ${goalLabelsTemplate(layout)}`;
}

function pointTemplate(p: PointMark, active: boolean): SVGTemplateResult {
  return svg`<circle data-mark="point" data-series-id=${p.seriesId} data-label=${p.label}
    class=${p.point.incomplete ? 'incomplete' : active ? 'active' : ''}
    cx=${p.x} cy=${p.y} r=${active ? 4.5 : 3} fill=${p.point.incomplete ? 'none' : p.color} stroke=${p.color}></circle>`;
}

/**
 * Goals, projections and events, under the series: presentation attributes only (currentColor and the series'
 * colours), so the card and the image embeds draw them alike without a style rule in either. Their labels are
 * drawn over the series (goalLabelsTemplate).
 */
function goalsTemplate({ plot, marks }: LineLayout): SVGTemplateResult | typeof nothing {
  if (!marks.goals.length && !marks.annotations.length) return nothing;
  return svg`<g class="goals" aria-hidden="true">
    ${marks.annotations.map(
      (a) => svg`<line data-mark="annotation" data-label=${a.label} x1=${a.x} x2=${a.x} y1=${plot.top} y2=${plot.bottom}
        stroke="currentColor" stroke-opacity="0.45" stroke-dasharray="2 3"></line>
        <path d="M${a.x - 4},${plot.top - 8}h8l-4,6z" fill="currentColor" fill-opacity="0.7"></path>`,
    )}
    ${marks.goalDates.map(
      (x) => svg`<line class="goal-date" x1=${x} x2=${x} y1=${plot.top} y2=${plot.bottom} stroke="currentColor" stroke-opacity="0.6" stroke-dasharray="6 3"></line>`,
    )}
    ${marks.projections.map(
      (p) => svg`<path class="projection-band" d=${p.band} fill=${p.color ?? 'currentColor'} fill-opacity="0.12"></path>
        <path data-mark="projection" data-series-id=${p.seriesId} d=${p.d} fill="none" stroke=${p.color ?? 'currentColor'} stroke-width="2" stroke-dasharray="6 4"></path>`,
    )}
    ${marks.goals.map(
      (g) => svg`<line data-mark="goal" data-series-id=${g.seriesId ?? nothing} x1=${plot.left} x2=${plot.right} y1=${g.y} y2=${g.y}
          stroke=${g.color ?? 'currentColor'} stroke-width="1.5" stroke-dasharray="1 3" stroke-linecap="round"></line>`,
    )}
  </g>`;
}

/**
 * The goals' labels, over the series: placed where no line runs (labelPlace), and where none is free, readable
 * through a halo in the background colour (the `goal-label` rule of the card's and the images' styles).
 */
function goalLabelsTemplate({ marks }: LineLayout): SVGTemplateResult | typeof nothing {
  if (!marks.goals.length) return nothing;
  return svg`<g class="goal-labels" aria-hidden="true">${marks.goals.map(
    (g) => svg`<text class="goal-label" x=${g.labelX} y=${g.labelY} text-anchor=${g.anchor} font-size="11" fill=${g.color ?? 'currentColor'}>${g.label}</text>`,
  )}</g>`;
}
