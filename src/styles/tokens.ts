import { css, unsafeCSS } from 'lit';
import { themeColors, type ThemeColors } from './theme-colors.js';

/**
 * Theme tokens. Public `--insight-*` custom properties set by pages; private `--_*` aliases with the light
 * and dark defaults, which the rules read. `theme="auto"` follows the reader's colour scheme. The theme is the
 * element's own attribute or the page's `configure({ theme })`, as a custom state (ThemeController): `:state()`,
 * or `:--dark` where Chromium 90 to 124 takes only dashed names. `:is()` forgives a browser that knows one form and
 * not the other, or neither (it then still follows the attribute).
 */

/** The public property of each colour (`fg` is `--insight-color`, read as `--_fg`; `tooltipBg` as `--_tooltip-bg`). */
const PUBLIC: Record<keyof ThemeColors, string> = {
  fg: 'color',
  muted: 'muted-color',
  bg: 'background',
  border: 'border-color',
  grid: 'grid-color',
  accent: 'accent-color',
  danger: 'danger-color',
  success: 'success-color',
  warning: 'warning-color',
  skeleton: 'skeleton-color',
  tooltipBg: 'tooltip-background',
};

/** `--_fg: var(--insight-color, #1f2328);` and the like, with the theme's defaults, then its `color-scheme`. */
const theme = (name: 'light' | 'dark') =>
  unsafeCSS(
    Object.entries(PUBLIC)
      .map(([key, property]) => `--_${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: var(--insight-${property}, ${themeColors[name][key as keyof ThemeColors]});`)
      .join('') + `color-scheme: ${name};`,
  );

export const tokens = css`
  :host {
    ${theme('light')}
    --_radius: var(--insight-radius, 8px);
    --_chart-height: var(--insight-chart-height, 240px);
  }
  :host(:is([theme='dark'], :state(dark), :--dark)) {
    ${theme('dark')}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not(:is([theme='light'], :state(light), :--light))) {
      ${theme('dark')}
    }
  }
`;
