import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import type { SVGTemplateResult } from 'lit';
import { FONT_FAMILY, chartStyles, colorsFor, type EmbedTheme } from './theme.ts';

export interface SVGDocument {
  width: number;
  height: number;
  theme: EmbedTheme;
  /** The image's accessible name (`<title>`). */
  title: string;
  body: SVGTemplateResult;
}

/** A drawn image: the SVG file and its size in CSS pixels (a PNG of it at scale 1 has this size). */
export interface SVGImage {
  svg: string;
  width: number;
  height: number;
}

/**
 * Lit's hydration markers: comments only a client-side hydrate() reads; an image has no use for them. Also
 * `<?>`, which the server renderer leaves for a binding that ends a template (not XML: resvg refuses it).
 * Nothing else can match: every `<` of a label or value is escaped.
 */
const LIT_MARKERS = /<!--(?:\/?lit-part[^>]*|lit-node \d+|\?lit\$\d+\$)-->|<\?>/g;
/** Characters XML 1.0 cannot carry at all (a label may hold them): one would make the whole file unreadable. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * A standalone SVG file: the templates rendered with Lit's server renderer (which escapes every label and
 * attribute value), the theme's background and chart rules, and fonts named for both browsers and resvg.
 */
export function svgDocument(doc: SVGDocument): SVGImage {
  const colors = colorsFor(doc.theme);
  const body = collectResultSync(render(doc.body)).replace(LIT_MARKERS, '');
  // The root is written here, not in a template: Lit's server renderer cannot bind inside <title> or <style>
  // (raw text in HTML parsing), and everything in it but the title is the server's own constants.
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${doc.width}" height="${doc.height}" viewBox="0 0 ${doc.width} ${doc.height}" ` +
    `role="img" font-family="${FONT_FAMILY}" color="${colors.fg}" fill="currentColor">` +
    `<title>${escapeXML(doc.title)}</title><style>${chartStyles(doc.theme)}</style>` +
    `<rect width="100%" height="100%" fill="${colors.bg}"></rect>${body}</svg>`;
  return { svg: svg.replace(NOT_XML, ''), width: doc.width, height: doc.height };
}

function escapeXML(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
