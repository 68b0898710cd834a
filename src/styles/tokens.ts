import { css, unsafeCSS } from 'lit';
import { themeColors } from './theme-colors.js';

/**
 * Theme tokens. Public `--insight-*` custom properties set by pages; private `--_*` aliases with the light
 * and dark defaults, which the rules read. `theme="auto"` follows the reader's colour scheme.
 */
const dark = css`
  --_fg: var(--insight-color, ${unsafeCSS(themeColors.dark.fg)});
  --_muted: var(--insight-muted-color, ${unsafeCSS(themeColors.dark.muted)});
  --_bg: var(--insight-background, ${unsafeCSS(themeColors.dark.bg)});
  --_border: var(--insight-border-color, ${unsafeCSS(themeColors.dark.border)});
  --_grid: var(--insight-grid-color, ${unsafeCSS(themeColors.dark.grid)});
  --_accent: var(--insight-accent-color, ${unsafeCSS(themeColors.dark.accent)});
  --_danger: var(--insight-danger-color, ${unsafeCSS(themeColors.dark.danger)});
  --_success: var(--insight-success-color, ${unsafeCSS(themeColors.dark.success)});
  --_warning: var(--insight-warning-color, ${unsafeCSS(themeColors.dark.warning)});
  --_skeleton: var(--insight-skeleton-color, ${unsafeCSS(themeColors.dark.skeleton)});
  --_tooltip-bg: var(--insight-tooltip-background, ${unsafeCSS(themeColors.dark.tooltipBg)});
  color-scheme: dark;
`;

export const tokens = css`
  :host {
    --_fg: var(--insight-color, ${unsafeCSS(themeColors.light.fg)});
    --_muted: var(--insight-muted-color, ${unsafeCSS(themeColors.light.muted)});
    --_bg: var(--insight-background, ${unsafeCSS(themeColors.light.bg)});
    --_border: var(--insight-border-color, ${unsafeCSS(themeColors.light.border)});
    --_grid: var(--insight-grid-color, ${unsafeCSS(themeColors.light.grid)});
    --_accent: var(--insight-accent-color, ${unsafeCSS(themeColors.light.accent)});
    --_danger: var(--insight-danger-color, ${unsafeCSS(themeColors.light.danger)});
    --_success: var(--insight-success-color, ${unsafeCSS(themeColors.light.success)});
    --_warning: var(--insight-warning-color, ${unsafeCSS(themeColors.light.warning)});
    --_skeleton: var(--insight-skeleton-color, ${unsafeCSS(themeColors.light.skeleton)});
    --_tooltip-bg: var(--insight-tooltip-background, ${unsafeCSS(themeColors.light.tooltipBg)});
    --_radius: var(--insight-radius, 8px);
    --_chart-height: var(--insight-chart-height, 240px);
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
`;
