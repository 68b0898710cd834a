/**
 * The card's default colours in each theme, as plain values: the elements' tokens (tokens.ts) read them as
 * fallbacks of the public `--insight-*` properties, and the server's image embeds paint with them directly
 * (an image has no page CSS to inherit from). One table, so a picture and a card never drift apart.
 */
export interface ThemeColors {
  fg: string;
  muted: string;
  bg: string;
  border: string;
  grid: string;
  accent: string;
  danger: string;
  success: string;
  warning: string;
  skeleton: string;
  tooltipBg: string;
}

export const themeColors: Readonly<Record<'light' | 'dark', Readonly<ThemeColors>>> = {
  light: {
    fg: '#1f2328',
    muted: '#59636e',
    bg: '#ffffff',
    border: '#d1d9e0',
    grid: '#e6eaef',
    accent: '#0969da',
    danger: '#cf222e',
    success: '#1a7f37',
    warning: '#9a6700',
    skeleton: '#eef1f4',
    tooltipBg: '#ffffff',
  },
  dark: {
    fg: '#e6edf3',
    muted: '#9198a1',
    bg: '#151b23',
    border: '#3d444d',
    grid: '#262c36',
    accent: '#4493f8',
    danger: '#f85149',
    success: '#3fb950',
    warning: '#d29922',
    skeleton: '#212830',
    tooltipBg: '#212830',
  },
};
