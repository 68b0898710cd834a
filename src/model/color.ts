/**
 * Colours that reach the page from a server or a data file. Only known forms pass, so a colour can never
 * carry CSS of its own (`red; background: url(...)`). Sourcegraph stores series colours as its open-color
 * custom properties (`var(--oc-blue-7)`), which do not exist on foreign pages: they map to real colours here.
 */

// One shade per open-color hue (Sourcegraph stores `var(--oc-<hue>-<shade>)`, usually shade 7): the shade that
// keeps 3:1 contrast (WCAG 1.4.11, graphics) against both the light and the dark card background. Shade 7 of
// yellow, lime and green is too light for a white card, gray 7 too dark for a dark one. The hue is what tells
// series apart; the exact shade is ours.
const OPEN_COLOR: Record<string, string> = {
  gray: '#868e96',
  red: '#fa5252',
  pink: '#d6336c',
  grape: '#cc5de8',
  violet: '#845ef7',
  indigo: '#5c7cfa',
  blue: '#228be6',
  cyan: '#1098ad',
  teal: '#0ca678',
  green: '#2f9e44',
  lime: '#5c940d',
  yellow: '#c26a00', // no open-color yellow keeps 3:1 on white
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
