/**
 * Colours for series that bring none. Ordered so that neighbours differ in hue and lightness, which keeps the
 * first few series apart for readers with red-green colour blindness (blue, orange, then the rest).
 */
export const SERIES_PALETTE = [
  '#1c7ed6', // blue
  '#f76707', // orange
  '#0ca678', // teal
  '#ae3ec9', // grape
  '#f59f00', // yellow
  '#e03131', // red
  '#4263eb', // indigo
  '#74b816', // lime
  '#d6336c', // pink
  '#1098ad', // cyan
] as const;

export function paletteColor(index: number): string {
  return SERIES_PALETTE[index % SERIES_PALETTE.length];
}
