import { css } from 'lit';

/**
 * Theme tokens. Public `--insight-*` custom properties set by pages; private `--_*` aliases with the light
 * and dark defaults, which the rules read. `theme="auto"` follows the reader's colour scheme.
 */
const dark = css`
  --_fg: var(--insight-color, #e6edf3);
  --_muted: var(--insight-muted-color, #9198a1);
  --_bg: var(--insight-background, #151b23);
  --_border: var(--insight-border-color, #3d444d);
  --_grid: var(--insight-grid-color, #262c36);
  --_accent: var(--insight-accent-color, #4493f8);
  --_danger: var(--insight-danger-color, #f85149);
  --_success: var(--insight-success-color, #3fb950);
  --_warning: var(--insight-warning-color, #d29922);
  --_skeleton: var(--insight-skeleton-color, #212830);
  --_tooltip-bg: var(--insight-tooltip-background, #212830);
  color-scheme: dark;
`;

export const tokens = css`
  :host {
    --_fg: var(--insight-color, #1f2328);
    --_muted: var(--insight-muted-color, #59636e);
    --_bg: var(--insight-background, #ffffff);
    --_border: var(--insight-border-color, #d1d9e0);
    --_grid: var(--insight-grid-color, #e6eaef);
    --_accent: var(--insight-accent-color, #0969da);
    --_danger: var(--insight-danger-color, #cf222e);
    --_success: var(--insight-success-color, #1a7f37);
    --_warning: var(--insight-warning-color, #9a6700);
    --_skeleton: var(--insight-skeleton-color, #eef1f4);
    --_tooltip-bg: var(--insight-tooltip-background, #ffffff);
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
