/**
 * Colours for series that bring none. Each keeps 3:1 contrast against both the light and the dark card (see
 * model/color.ts), and neighbours differ in hue and lightness, which keeps the first few series apart for readers
 * with red-green colour blindness (blue, orange, then the rest). Yellow is left out: beside orange it reads the same.
 */
export const SERIES_PALETTE = [
  '#228be6', // blue
  '#f76707', // orange
  '#0ca678', // teal
  '#cc5de8', // grape
  '#fa5252', // red
  '#5c940d', // lime
  '#5c7cfa', // indigo
  '#d6336c', // pink
  '#1098ad', // cyan
  '#845ef7', // violet
] as const;

/**
 * "Other" is the rest, not a category: a neutral grey (Open Color gray 6) that no series takes, 3.3:1 on the
 * light card and 5:1 on the dark one, so it stays a visible slice in both.
 */
export const OTHER_COLOR = '#868e96';

export function paletteColor(index: number): string {
  return SERIES_PALETTE[index % SERIES_PALETTE.length];
}

/**
 * Colours that tell series apart. A colour the data gives exactly one series is kept; series with none, or
 * sharing one (an instance that saved every series grape, the values of a capture group), take palette colours
 * no kept one uses. Each asks for its `slot`'s colour (its place in the insight's configuration, so sorting and
 * filters do not repaint it) and takes the next free one when that is gone; past the palette, colours repeat.
 */
export function distinctColors(series: readonly { color?: string; slot: number }[]): string[] {
  const uses = new Map<string, number>();
  for (const s of series) if (s.color) uses.set(s.color.toLowerCase(), (uses.get(s.color.toLowerCase()) ?? 0) + 1);
  const kept = (color?: string) => color !== undefined && uses.get(color.toLowerCase()) === 1;
  // Slots index the whole palette, whatever else is shown: a filter that drops a coloured series repaints no other.
  const taken = new Set<string>(SERIES_PALETTE.filter((c) => uses.has(c)));
  const colors = series.map((s) => (kept(s.color) ? s.color! : ''));
  const order = series.map((s, i) => i).filter((i) => !colors[i]).sort((a, b) => series[a].slot - series[b].slot || a - b);
  for (const i of order) {
    const start = series[i].slot % SERIES_PALETTE.length;
    let step = 0;
    while (step < SERIES_PALETTE.length && taken.has(SERIES_PALETTE[(start + step) % SERIES_PALETTE.length])) step++;
    colors[i] = SERIES_PALETTE[(start + step) % SERIES_PALETTE.length]; // every colour taken: the slot's own, repeated
    taken.add(colors[i]);
  }
  return colors;
}

/** A slot for a series with no place in a configuration (a capture group's value): the same for the same name. */
export function slotOf(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
  return hash;
}
