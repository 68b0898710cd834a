/**
 * Colours that reach the page from a server or a data file. Only known forms pass, so a colour can never
 * carry CSS of its own (`red; background: url(...)`). Sourcegraph stores series colours as its open-color
 * custom properties (`var(--oc-blue-7)`), which do not exist on foreign pages: they map to real colours here.
 */

// open-color 1.9 shade 7, the shade Sourcegraph's insight palette uses. Other shades of a hue map to its shade 7:
// the hue is what tells series apart, and the full 130-entry table would cost bytes for no visible gain.
const OPEN_COLOR: Record<string, string> = {
  gray: '#495057',
  red: '#f03e3e',
  pink: '#d6336c',
  grape: '#ae3ec9',
  violet: '#7048e8',
  indigo: '#4263eb',
  blue: '#1c7ed6',
  cyan: '#1098ad',
  teal: '#0ca678',
  green: '#37b24d',
  lime: '#74b816',
  yellow: '#f59f00',
  orange: '#f76707',
};

const OPEN_COLOR_VAR = /^var\(\s*--oc-([a-z]+)-\d\s*\)$/;
const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const NUMBER = String.raw`\s*-?\d*\.?\d+(?:%|deg)?\s*`;
const FUNCTIONAL = new RegExp(String.raw`^(?:rgba?|hsla?)\((?:${NUMBER},){2}${NUMBER}(?:,${NUMBER})?\)$|^(?:rgba?|hsla?)\((?:${NUMBER}){3}(?:/${NUMBER})?\)$`, 'i');
const NAMED = /^[a-z]{3,20}$/i;
// Keywords that are valid `color` values but are not colours of their own.
const KEYWORDS = new Set(['inherit', 'initial', 'unset', 'revert', 'currentcolor', 'transparent']);

/** A safe CSS colour for `value`, or undefined when it is not a colour this library accepts. */
export function parseColor(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const color = value.trim();
  if (color.length > 64) return undefined;
  const openColor = OPEN_COLOR_VAR.exec(color);
  if (openColor) return OPEN_COLOR[openColor[1]];
  if (HEX.test(color) || FUNCTIONAL.test(color)) return color;
  // Named colours: letters only, and the browser must know the name (CSS.supports is absent in Node).
  if (NAMED.test(color) && !KEYWORDS.has(color.toLowerCase()) && typeof CSS !== 'undefined' && CSS.supports('color', color)) return color.toLowerCase();
  return undefined;
}
