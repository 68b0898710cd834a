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

export function paletteColor(index: number): string {
  return SERIES_PALETTE[index % SERIES_PALETTE.length];
}
