import { parseColor } from '../../model/color.js';
import type { CategoryItem } from '../../model/insight-data.js';
import { safeHttpURL } from '../../model/url.js';
import type { Size } from '../line/layout.js';
import { formatPercent, truncateLabel } from '../format.js';
import { paletteColor } from '../../model/palette.js';
import { polar, sliceAngles, slicePath } from '../path.js';

export const defaults = {
  /** Room kept free around the pie and its labels. */
  margin: { top: 8, right: 8, bottom: 8, left: 8 },
  /** Inner radius of a donut, as a fraction of the outer radius. */
  donutRatio: 0.6,
  /** Width of the gap between slices, in pixels: the background shows through, whatever the theme. */
  sliceGap: 1,
  /** How far the active slice moves out from the centre. */
  activeOffset: 6,
  /** Leader line: radial part out of the slice, then the run to the label column, then the gap before the text. */
  leaderRadial: 6,
  leaderRun: 10,
  labelGap: 4,
  /** Vertical distance between label centres: 11px labels with a little air. */
  lineHeight: 14,
  /** Rough width of one character of an 11px label, to fit labels without measuring text. */
  charWidth: 6.5,
  /**
   * Labels are cut (with an ellipsis) to this width; under `minLabelWidth` of room they are left to the legend,
   * which names every slice with its share: 16 characters keep at least ten of a name ("TypeS… 64%" says nothing).
   */
  maxLabelWidth: 130,
  minLabelWidth: 104,
  /** A label further than this from its slice's elbow is dropped: small slices' labels would stack far off, their leaders bunched. */
  maxLabelShift: 20,
  /** A pie smaller than this gives its room back: it draws no outside labels and fills the space instead. */
  minRadiusWithLabels: 48,
  /** Slices thinner than this (radians) get no outside label: a label on a sliver points at nothing readable. */
  minLabelAngle: 0.05,
};

export interface PieSlice {
  label: string;
  value: number;
  /** Share of the total, 0 to 100. */
  percent: number;
  color: string;
  /** Drill-down link, http(s) only. */
  url?: string;
  /** Angles in radians, clockwise from twelve o'clock (d3-shape's convention). */
  startAngle: number;
  endAngle: number;
  /** SVG path data around the pie's centre: draw it translated to `layout.center`. */
  d: string;
  /** Middle of the slice in SVG coordinates, where a tooltip points. */
  centroid: [number, number];
  /** The translation that moves the slice `defaults.activeOffset` out from the centre when it is active. */
  explode: [number, number];
}

export interface PieLabel {
  /** Index into `layout.slices`. */
  slice: number;
  /** "Name 42%", the name cut with an ellipsis when it is too long. */
  text: string;
  /** Where the text starts (`anchor: 'start'`, right of the pie) or ends (`'end'`, left of it), in SVG coordinates. */
  x: number;
  /** Vertical centre of the text line. */
  y: number;
  anchor: 'start' | 'end';
  /** Estimated text width in pixels (`defaults.charWidth` per character). */
  width: number;
  /** Leader line from the slice's edge to the label, as SVG polyline points. */
  leader: [number, number][];
}

export interface PieLayout {
  width: number;
  height: number;
  center: { x: number; y: number };
  radius: number;
  innerRadius: number;
  total: number;
  slices: PieSlice[];
  /** Outside labels, free of overlaps; slices without one are named by the legend only. */
  labels: PieLabel[];
}

export interface PieLayoutOptions {
  donut: boolean;
  locale?: string;
}

/**
 * Lays out a pie (or donut) of `items` in their given order, clockwise from twelve o'clock, with outside labels
 * that never overlap: labels go left or right of the pie by the side their slice is on, are stacked by height
 * and pushed apart to one line each; those that do not fit are dropped (largest slices keep theirs) and the
 * legend names them. Pure, so it is unit-tested without a DOM.
 */
export function pieLayout(items: readonly CategoryItem[], size: Size, options: PieLayoutOptions): PieLayout {
  const kept = items.filter((item) => Number.isFinite(item.value) && item.value > 0);
  const total = kept.reduce((sum, item) => sum + item.value, 0);
  const { margin } = defaults;
  // `|| 0`: a NaN size (an element measured before layout) draws nothing rather than NaN paths.
  const width = Math.max(0, size.width) || 0;
  const height = Math.max(0, size.height) || 0;
  const innerWidth = Math.max(0, width - margin.left - margin.right);
  const innerHeight = Math.max(0, height - margin.top - margin.bottom);
  const center = { x: margin.left + innerWidth / 2, y: margin.top + innerHeight / 2 };

  const arcs = sliceAngles(kept.map((item) => item.value));
  const percents = kept.map((item) => (total > 0 ? (item.value / total) * 100 : 0));
  const names = kept.map((item, i) => labelText(item.label, percents[i], options.locale));
  const labelled = arcs.map((a, i) => i).filter((i) => arcs[i].endAngle - arcs[i].startAngle >= defaults.minLabelAngle);

  // The widest label wanted, then the largest pie that leaves room for it on both sides; labels are cut
  // shorter before the pie shrinks below `minRadiusWithLabels`, and dropped altogether below `minLabelWidth`.
  const leader = defaults.leaderRadial + defaults.leaderRun + defaults.labelGap;
  const widest = Math.max(0, ...labelled.map((i) => names[i].full.length * defaults.charWidth));
  const radiusFor = (labelWidth: number) => Math.min(innerHeight / 2, innerWidth / 2 - leader - labelWidth);
  let labelWidth = Math.min(widest, defaults.maxLabelWidth);
  if (radiusFor(labelWidth) < defaults.minRadiusWithLabels) {
    labelWidth = Math.min(labelWidth, Math.max(defaults.minLabelWidth, innerWidth / 2 - leader - defaults.minRadiusWithLabels));
  }
  // Labels may cost the pie some width, never make it tiny (a short chart is small anyway: then they cost nothing).
  const labelledRadius = radiusFor(labelWidth);
  const withLabels = labelled.length > 0 && labelledRadius > 0 && labelledRadius >= Math.min(defaults.minRadiusWithLabels, innerHeight / 2);
  const radius = Math.max(0, withLabels ? labelledRadius : Math.min(innerWidth, innerHeight) / 2);
  const innerRadius = options.donut ? radius * defaults.donutRatio : 0;

  const slices = arcs.map((a, i): PieSlice => {
    const mid = (a.startAngle + a.endAngle) / 2;
    const [cx, cy] = polar((innerRadius + radius) / 2, mid);
    return {
      label: kept[i].label,
      value: kept[i].value,
      percent: percents[i],
      color: parseColor(kept[i].color) ?? paletteColor(i),
      url: safeHttpURL(kept[i].url),
      startAngle: a.startAngle,
      endAngle: a.endAngle,
      d: slicePath(innerRadius, radius, a.startAngle, a.endAngle, defaults.sliceGap),
      centroid: [center.x + cx, center.y + cy],
      explode: [Math.sin(mid) * defaults.activeOffset, -Math.cos(mid) * defaults.activeOffset],
    };
  });

  const labels = withLabels ? placeLabels(slices, labelled, names, { center, radius, labelWidth, height }) : [];
  return { width, height, center, radius, innerRadius, total, slices, labels };
}

interface LabelName {
  full: string;
  name: string;
  percent: string;
}

function labelText(label: string, percent: number, locale: string | undefined): LabelName {
  const formatted = formatPercent(percent, locale);
  return { full: `${label} ${formatted}`, name: label, percent: formatted };
}

interface Frame {
  center: { x: number; y: number };
  radius: number;
  labelWidth: number;
  height: number;
}

function placeLabels(slices: PieSlice[], labelled: number[], names: LabelName[], frame: Frame): PieLabel[] {
  const { center, radius } = frame;
  const { lineHeight, charWidth } = defaults;
  const top = defaults.margin.top + lineHeight / 2;
  const bottom = frame.height - defaults.margin.bottom - lineHeight / 2;
  const capacity = bottom >= top ? Math.floor((bottom - top) / lineHeight) + 1 : 0;
  const maxChars = Math.floor(frame.labelWidth / charWidth);
  const labels: PieLabel[] = [];

  for (const side of [1, -1] as const) {
    const mid = (i: number) => (slices[i].startAngle + slices[i].endAngle) / 2;
    const elbowRadius = radius + defaults.leaderRadial;
    // Largest slices first, each kept only if all labels so far still sit near their slices once pushed apart.
    const onSide = labelled.filter((i) => (Math.sin(mid(i)) >= 0 ? 1 : -1) === side).sort((a, b) => slices[b].value - slices[a].value);
    let placed: Placed[] = [];
    for (const i of onSide) {
      if (placed.length === capacity) break;
      const elbow: [number, number] = [center.x + Math.sin(mid(i)) * elbowRadius, center.y - Math.cos(mid(i)) * elbowRadius];
      const next = spread([...placed, { i, elbow, y: 0 }], side, top, bottom);
      if (!placed.length || next.every((p) => Math.abs(p.y - p.elbow[1]) <= defaults.maxLabelShift)) placed = next;
    }

    const column = center.x + side * (radius + defaults.leaderRadial + defaults.leaderRun);
    for (const { i, elbow, y } of placed) {
      const name = names[i];
      // Keep the percentage whole; only the name is cut.
      const text =
        name.full.length <= maxChars
          ? name.full
          : `${truncateLabel(name.name, Math.max(1, maxChars - name.percent.length - 1))} ${name.percent}`;
      const a = mid(i);
      labels.push({
        slice: i,
        text,
        x: column + side * defaults.labelGap,
        y,
        anchor: side === 1 ? 'start' : 'end',
        width: text.length * charWidth,
        leader: [[center.x + Math.sin(a) * radius, center.y - Math.cos(a) * radius], elbow, [column, y]],
      });
    }
  }
  return labels.sort((a, b) => a.slice - b.slice);
}

interface Placed {
  i: number;
  elbow: [number, number];
  y: number;
}

/** Labels in their slices' order, each at its elbow's height, pushed apart to one line each within `top`–`bottom`. */
function spread(labels: Placed[], side: 1 | -1, top: number, bottom: number): Placed[] {
  const { lineHeight } = defaults;
  const placed = labels
    .sort((a, b) => a.elbow[1] - b.elbow[1] || side * (a.elbow[0] - b.elbow[0]))
    .map((p) => ({ ...p, y: Math.min(bottom, Math.max(top, p.elbow[1])) }));
  // Down from the top, then back up from the bottom; at most `capacity` labels always fit.
  for (let k = 1; k < placed.length; k++) placed[k].y = Math.max(placed[k].y, placed[k - 1].y + lineHeight);
  if (placed.length) placed[placed.length - 1].y = Math.min(placed[placed.length - 1].y, bottom);
  for (let k = placed.length - 2; k >= 0; k--) placed[k].y = Math.min(placed[k].y, placed[k + 1].y - lineHeight);
  return placed;
}
