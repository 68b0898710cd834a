import { themeColors, type ThemeColors } from '../../src/styles/theme-colors.ts';

export type EmbedTheme = 'light' | 'dark';

/**
 * Fonts for text in the images. Browsers showing the SVG pick the first they have (the system UI font, as on
 * the card); the PNG rasterizer (resvg) has only the server's fonts, and on Debian resolves this list to
 * Liberation Sans or DejaVu Sans. Its generic `sans-serif` would be a font it may not find.
 */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

export function colorsFor(theme: EmbedTheme): Readonly<ThemeColors> {
  return themeColors[theme];
}

/**
 * The card's chart rules (code-insight.styles.ts) with the theme's colours written out: the templates in
 * src/charts mark their parts with the same classes, and an image cannot use the card's custom properties
 * (resvg knows no `var()`). Only chart parts are styled here; the document sets everything else with
 * presentation attributes.
 */
export function chartStyles(theme: EmbedTheme): string {
  const c = colorsFor(theme);
  return `
.gridline { stroke: ${c.grid}; stroke-width: 1 }
.domain { stroke: ${c.border} }
.tick { fill: ${c.muted}; font-size: 11px; font-variant-numeric: tabular-nums }
.tick.y { text-anchor: end }
.tick.x { text-anchor: middle }
[data-mark='line'] { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round }
[data-mark='point'] { stroke-width: 1.5 }
[data-mark='point'].incomplete { stroke: ${c.warning}; stroke-width: 2 }
.area { opacity: 0.35; stroke: none }
.goal-label { paint-order: stroke; stroke: ${c.bg}; stroke-width: 3 }
.slice-label, .category-label, .value-label { font-size: 11px }
`;
}
