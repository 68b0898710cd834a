/**
 * Colours for series configured without one. Sourcegraph stores a series' colour as an open-color custom
 * property (`var(--oc-blue-7)`) and the elements draw the colour they are given, so a server that answered one
 * colour for all (it was grape) drew "TODO" and "FIXME" alike. Each series without a colour gets the next hue not
 * already taken by a configured series of the same insight, in the order of its position in the insight's
 * configuration: the same series keeps its colour on every request, whatever the sort or filters.
 *
 * The order is the elements' own palette (src/model/palette.ts), in open-color names: neighbours differ in hue
 * and lightness (blue, orange, teal first, apart for red-green colour blindness too); yellow, gray and green are
 * left out (too light on a white card, or too close to a neighbour).
 */
const HUES = ['blue', 'orange', 'teal', 'grape', 'red', 'lime', 'indigo', 'pink', 'cyan', 'violet'] as const;
const OPEN_COLOR = /^var\(\s*--oc-([a-z]+)-\d\s*\)$/;

/** One colour per series, in order: its own when it has one, else the next free hue (round again past the last). */
export function seriesColors(series: readonly { color?: string | null }[]): string[] {
  const taken = new Set(series.flatMap((s) => OPEN_COLOR.exec(s.color?.trim() ?? '')?.[1] ?? []));
  const free = HUES.filter((hue) => !taken.has(hue));
  const pool = free.length ? free : HUES;
  let next = 0;
  return series.map((s) => (s.color?.trim() ? s.color : `var(--oc-${pool[next++ % pool.length]}-7)`));
}
