/**
 * SVG path data for the marks this library draws: polylines, bands between two polylines and pie slices.
 * d3-shape's generators cover curves, corner radii and canvas contexts that these charts never use, and with
 * d3-path they were ~4 KiB gzip of the single file; straight segments and plain annular sectors are a few lines.
 * Coordinates are rounded to 0.01px: invisible, and it keeps the path strings (and exported SVGs) short.
 */

/**
 * Columns of a quarter pixel: with antialiased 2px lines (and on 2x screens) whole-pixel columns move some
 * pixels' coverage by up to half; quarter-pixel ones by under a quarter, on a few pixels in a thousand.
 */
const COLUMNS_PER_PIXEL = 4;
const round = (v: number) => Math.round(v * 100) / 100;

/**
 * `String(round(v))`, written from whole hundredths: V8 turns integers into text several times faster than
 * fractions, and a long chart's paths hold tens of thousands of coordinates (a third of the time to lay out 20
 * series of 520 points went into this). Negative ones, rare in a chart, take the plain way.
 */
function coordinate(v: number): string {
  const hundredths = Math.round(v * 100);
  const cents = hundredths % 100;
  if (!(hundredths >= 0 && hundredths <= Number.MAX_SAFE_INTEGER)) return String(hundredths / 100);
  return cents ? `${(hundredths - cents) / 100}.${cents < 10 ? `0${cents}` : cents % 10 ? cents : cents / 10}` : `${hundredths / 100}`;
}

/** "M x,y L x,y …" through the points, in order; '' for none. */
export function polylinePath(xs: readonly number[], ys: readonly number[]): string {
  let d = '';
  for (let i = 0; i < xs.length; i++) d += (i ? 'L' : 'M') + coordinate(xs[i]) + ',' + coordinate(ys[i]);
  return d;
}

/** The band between a top polyline and a base polyline (both left to right), closed; '' for none. */
export function bandPath(top: { xs: readonly number[]; ys: readonly number[] }, base: { xs: readonly number[]; ys: readonly number[] }): string {
  if (!top.xs.length) return '';
  let d = polylinePath(top.xs, top.ys);
  for (let i = base.xs.length - 1; i >= 0; i--) d += 'L' + coordinate(base.xs[i]) + ',' + coordinate(base.ys[i]);
  return `${d}Z`;
}

/**
 * Keeps, of the points that fall in each column of the pixel grid, the first, lowest, highest and last (the M4
 * reduction): the polyline through them covers the pixels the full polyline covers, so a series far denser than
 * the chart is wide draws the same picture from at most 4 points per column. Points must be sorted by x.
 * Returns indices into the input (all of them when there are fewer than two points per column).
 */
export function pixelColumnIndices(xs: readonly number[], ys: readonly number[]): number[] {
  if (xs.length <= 2 * COLUMNS_PER_PIXEL * Math.abs(xs[xs.length - 1] - xs[0]) + 4) return xs.map((_, i) => i);
  const kept: number[] = [];
  let start = 0;
  while (start < xs.length) {
    const column = Math.floor(xs[start] * COLUMNS_PER_PIXEL);
    let end = start;
    let low = start;
    let high = start;
    while (end + 1 < xs.length && Math.floor(xs[end + 1] * COLUMNS_PER_PIXEL) === column) {
      end++;
      if (ys[end] < ys[low]) low = end;
      if (ys[end] > ys[high]) high = end;
    }
    // In drawing order, without repeats.
    for (const i of [start, Math.min(low, high), Math.max(low, high), end]) if (kept[kept.length - 1] !== i) kept.push(i);
    start = end + 1;
  }
  return kept;
}

/** A point at `radius` and `angle` (radians clockwise from twelve o'clock, d3-shape's convention). */
export function polar(radius: number, angle: number): [number, number] {
  return [Math.sin(angle) * radius, -Math.cos(angle) * radius];
}

/**
 * A pie or donut slice around (0,0) from `start` to `end` (radians clockwise from twelve o'clock), with a gap
 * of constant width `gap` pixels along its straight edges (as d3's padAngle with padRadius = outer radius).
 * A slice thinner than its gap is drawn without one: a real share never disappears. A whole circle is drawn as
 * two half arcs (one arc cannot close).
 */
export function slicePath(inner: number, outer: number, start: number, end: number, gap: number): string {
  if (outer <= 0 || end <= start) return '';
  const arc = (r: number, a: number, sweep: 0 | 1, large: number) => {
    const [x, y] = polar(r, a);
    return `A${round(r)},${round(r)},0,${large},${sweep},${round(x)},${round(y)}`;
  };
  const at = (r: number, a: number) => polar(r, a).map(round).join(',');
  if (end - start >= 2 * Math.PI - 1e-6) {
    const ring = (r: number, sweep: 0 | 1) => `M${at(r, 0)}${arc(r, Math.PI, sweep, 1)}${arc(r, 2 * Math.PI, sweep, 1)}Z`;
    return ring(outer, 1) + (inner > 0 ? ring(inner, 0) : '');
  }
  // Half the gap as an angle at radius r: narrower slices near the centre keep the same gap width.
  const pad = (r: number) => Math.asin(Math.min(1, gap / 2 / r));
  if (end - start <= 2 * pad(outer)) gap = 0;
  const outerPad = pad(outer);
  const [o0, o1] = [start + outerPad, end - outerPad];
  const large = o1 - o0 > Math.PI ? 1 : 0;
  let d = `M${at(outer, o0)}${arc(outer, o1, 1, large)}`;
  if (inner > 0 && end - start > 2 * pad(inner)) {
    const innerPad = pad(inner);
    d += `L${at(inner, end - innerPad)}${arc(inner, start + innerPad, 0, end - start - 2 * innerPad > Math.PI ? 1 : 0)}`;
  } else {
    // A pie, or a donut slice too thin to keep its gap at the inner edge: the sides meet where the gaps allow.
    const apex = gap ? Math.min(outer, Math.max(inner, gap / 2 / Math.sin((end - start) / 2))) : inner;
    d += `L${at(apex, (start + end) / 2)}`;
  }
  return `${d}Z`;
}

/** Where each value's slice starts and ends, clockwise from twelve o'clock, in the values' order. */
export function sliceAngles(values: readonly number[]): { startAngle: number; endAngle: number }[] {
  const total = values.reduce((sum, v) => sum + v, 0);
  let angle = 0;
  return values.map((v) => {
    const startAngle = angle;
    angle += total > 0 ? (v / total) * 2 * Math.PI : 0;
    return { startAngle, endAngle: angle };
  });
}
